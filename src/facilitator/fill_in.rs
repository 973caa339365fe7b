//! `e` in the prep review: the facilitator types in the prep and goals of a member who
//! does not run hotseat. Only what the member does not keep themselves can be filled in:
//! their own files win (`store::entered`). Saved as entered by the facilitator.

use chrono::{DateTime, FixedOffset};
use tui_input::{Input, InputRequest};

use super::action::{Action, Effect};
use super::queries::{self, clamp};
use super::state::{App, FillField, FillIn, Overlay};
use crate::facilitator::strings::fill_in as s;
use crate::model::member_files::ENTERED_BY_FACILITATOR;
use crate::model::{Goal, Prep};
use crate::tui::input::paste_into;

/// How many goals the form offers.
const GOALS: usize = 3;

/// Whether the prep on file for `member` is theirs (then only they change it).
fn own_prep(app: &App, member: &str) -> bool {
    app.ctx.preps.get(member).is_some_and(|p| p.entered_by.is_none())
}

fn own_goals(app: &App, member: &str) -> bool {
    !app.ctx.goals_of(member).is_empty() && !app.ctx.goals_entered.contains(member)
}

pub fn open(app: &mut App) -> Vec<Effect> {
    let Some(m) = app.meeting.as_ref() else { return Vec::new() };
    let rows = queries::prep_rows(m);
    let Some(member) = rows.get(clamp(app.ui.cursors.prep, rows.len())).cloned() else {
        app.info(crate::facilitator::strings::NO_MEMBER_SELECTED);
        return Vec::new();
    };
    let (prep_open, goals_open) = (!own_prep(app, &member), !own_goals(app, &member));
    if !prep_open && !goals_open {
        let name = app.ctx.group.name_of(&member).to_string();
        app.info(s::own_files(&name));
        return Vec::new();
    }
    let prep = app.ctx.preps.get(&member);
    let mut rows = Vec::new();
    if prep_open {
        let text = |f: fn(&Prep) -> String| Input::new(prep.map(f).unwrap_or_default());
        rows.push((FillField::Vision, Input::default()));
        rows.push((FillField::Accomplished, text(|p| p.accomplished.clone())));
        rows.push((FillField::ActionPlan, text(|p| p.action_plan.clone())));
        rows.push((FillField::Questions, text(|p| p.questions.join("; "))));
        rows.push((FillField::WalkAway, text(|p| p.walk_away.clone())));
    }
    if goals_open {
        let goals = app.ctx.goals_of(&member);
        for i in 0..GOALS {
            rows.push((FillField::Goal(i), Input::new(goals.get(i).map(|g| g.title.clone()).unwrap_or_default())));
        }
    }
    let vision = prep.is_some_and(|p| p.vision_reviewed);
    app.ui.overlay = Overlay::FillIn(Box::new(FillIn { member, vision, rows, focus: 0 }));
    Vec::new()
}

/// Keys while the form is open.
pub fn edit(app: &mut App, mut form: Box<FillIn>, action: Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let n = form.rows.len();
    let on_vision = form.rows.get(form.focus).is_some_and(|(f, _)| *f == FillField::Vision);
    match action {
        Action::Cancel => return Vec::new(),
        Action::Submit => return submit(app, *form, now),
        Action::NextField => form.focus = (form.focus + 1) % n,
        Action::PrevField => form.focus = (form.focus + n - 1) % n,
        Action::TypeLine(req) if on_vision => {
            form.vision = match req {
                InputRequest::InsertChar('y' | 'Y') => true,
                InputRequest::InsertChar('n' | 'N') => false,
                _ => !form.vision,
            }
        }
        Action::TypeLine(req) => {
            if let Some((_, input)) = form.rows.get_mut(form.focus) {
                input.handle(req);
            }
        }
        Action::Paste(text) if !on_vision => {
            if let Some((_, input)) = form.rows.get_mut(form.focus) {
                paste_into(input, &text);
            }
        }
        _ => {}
    }
    app.ui.overlay = Overlay::FillIn(form);
    Vec::new()
}

fn submit(app: &mut App, form: FillIn, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let Some(date) = app.meeting.as_ref().map(|m| m.date) else { return Vec::new() };
    let value =
        |field: FillField| form.rows.iter().find(|(f, _)| *f == field).map(|(_, i)| i.value().trim().to_string());
    let member = form.member.clone();
    let prep = value(FillField::Accomplished).is_some();
    if prep {
        let mut p = app.ctx.preps.get(&member).cloned().unwrap_or_else(|| Prep::empty(date));
        p.meeting = date;
        p.vision_reviewed = form.vision;
        p.accomplished = value(FillField::Accomplished).unwrap_or_default();
        p.action_plan = value(FillField::ActionPlan).unwrap_or_default();
        p.questions = value(FillField::Questions)
            .unwrap_or_default()
            .split(';')
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(str::to_string)
            .collect();
        p.walk_away = value(FillField::WalkAway).unwrap_or_default();
        p.updated_at = Some(now);
        p.entered_by = Some(ENTERED_BY_FACILITATOR.to_string());
        app.ctx.preps.insert(member.clone(), p);
    }
    let goals = value(FillField::Goal(0)).is_some();
    if goals {
        let before = app.ctx.goals_of(&member).to_vec();
        let titles: Vec<String> = (0..GOALS).filter_map(|i| value(FillField::Goal(i))).collect();
        app.ctx.goals.insert(member.clone(), goals_from(&before, &titles));
        app.ctx.goals_entered.insert(member.clone());
    }
    let name = app.ctx.group.name_of(&member).to_string();
    app.info(s::saved(&name));
    vec![Effect::SaveEntered { member, prep, goals }]
}

/// The goals as typed: each title kept in its place (a goal's other fields stay with
/// it), an emptied title dropping the goal.
fn goals_from(before: &[Goal], titles: &[String]) -> Vec<Goal> {
    let mut last = before.iter().filter_map(|g| g.id.strip_prefix('g')?.parse::<u32>().ok()).max().unwrap_or(0);
    titles
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(i, title)| match before.get(i) {
            Some(g) => Goal { title: title.clone(), ..g.clone() },
            None => Goal {
                id: {
                    last += 1;
                    format!("g{last}")
                },
                title: title.clone(),
                measurable_result: String::new(),
                deadline: None,
                why: String::new(),
                slip_words: String::new(),
            },
        })
        .collect()
}

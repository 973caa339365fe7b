//! `update(&mut MemberApp, MemberAction, now) -> Vec<MemberEffect>`: every change to the
//! member's view, with time passed in and no I/O. Each effect saves one of the member's
//! own files; the runtime carries it out.

use chrono::{DateTime, FixedOffset, Weekday};
use ratatui_textarea::TextArea;
use tui_input::InputRequest;

use super::action::{MemberAction as A, MemberEffect as E};
use super::queries::{self, clamp};
use super::state::{Form, FormPurpose, MemberApp, Overlay, PrepField, Screen, StatusKind};
use crate::member::strings as s;
use crate::model::partners::{parse_weekday, weekday_key};
use crate::model::{Checkin, Goal, MemberProgress, Partner, Partnership, Progress};

/// Apply one action. Returns the effects for the runtime, in order.
pub fn update(app: &mut MemberApp, action: A, now: DateTime<FixedOffset>) -> Vec<E> {
    match action {
        A::Tick | A::Resize => return Vec::new(),
        A::Saved => {
            if app.ui.unsaved {
                app.ui.unsaved = false;
                app.info(s::SAVED_AGAIN);
            }
            return Vec::new();
        }
        A::SaveFailed(msg) => {
            app.ui.unsaved = true;
            app.set_status(StatusKind::Error, s::save_failed(&msg));
            return Vec::new();
        }
        _ => {}
    }
    match &app.ui.overlay {
        Overlay::Help(scroll) => {
            app.ui.overlay = match action {
                A::ScrollHelpDown => Overlay::Help(scroll.saturating_add(3)),
                A::ScrollHelpUp => Overlay::Help(scroll.saturating_sub(3)),
                _ => Overlay::None,
            };
            return Vec::new();
        }
        Overlay::ConfirmQuit => {
            app.ui.overlay = Overlay::None;
            return if action == A::Confirm { vec![E::Quit] } else { Vec::new() };
        }
        Overlay::Form(_) => return edit_form(app, action, now),
        Overlay::Questions(_) => return edit_questions(app, action, now),
        Overlay::None => {}
    }
    if app.ui.status.as_ref().is_some_and(|st| st.kind == StatusKind::Info) {
        app.ui.status = None;
    }
    let today = now.date_naive();
    match action {
        A::Help => app.ui.overlay = Overlay::Help(0),
        A::Quit | A::Interrupt => {
            if app.ui.unsaved {
                app.ui.overlay = Overlay::ConfirmQuit;
            } else {
                return vec![E::Quit];
            }
        }
        A::NextScreen => app.ui.screen = app.ui.screen.cycle(1),
        A::PrevScreen => app.ui.screen = app.ui.screen.cycle(-1),
        A::Show(screen) => app.ui.screen = screen,
        A::SelectPrev => move_cursor(app, -1),
        A::SelectNext => move_cursor(app, 1),
        A::Mark(p) => open_mark(app, p, today),
        A::Add => match app.ui.screen {
            Screen::Goals => open_goal(app, None),
            Screen::Partners => open_partnership(app),
            _ => {}
        },
        A::Edit => match app.ui.screen {
            Screen::Goals => {
                let id = app.goals.goals.get(clamp(app.ui.cursors.goals, app.goals.goals.len())).map(|g| g.id.clone());
                match id {
                    Some(id) => open_goal(app, Some(id)),
                    None => app.info(s::NO_GOALS_PRESS_A),
                }
            }
            Screen::Prep => return edit_prep(app, now),
            _ => {}
        },
        A::ToggleVision => return toggle_vision(app, now),
        A::CheckIn => open_checkin(app),
        A::Offers => {
            let current = app.partners.offers.join(", ");
            app.ui.overlay = Overlay::Form(Box::new(Form::new(FormPurpose::Offers, vec![(s::FORM_OFFERS, current)])));
        }
        _ => {}
    }
    Vec::new()
}

fn move_cursor(app: &mut MemberApp, delta: isize) {
    let len = queries::rows(app);
    let c = &mut app.ui.cursors;
    let cur = match app.ui.screen {
        Screen::Steps => &mut c.steps,
        Screen::Goals => &mut c.goals,
        Screen::Prep => &mut c.prep,
        Screen::Partners => &mut c.partners,
    };
    crate::tui::cursor::step(cur, delta, len);
}

fn open_mark(app: &mut MemberApp, progress: Progress, today: chrono::NaiveDate) {
    let Some(step) = queries::selected_step(app, today) else {
        app.info(s::NO_STEPS);
        return;
    };
    let purpose = FormPurpose::Progress { step: step.id.clone(), progress };
    app.ui.overlay = Overlay::Form(Box::new(Form::new(purpose, vec![(s::FORM_NOTE, String::new())])));
}

fn open_goal(app: &mut MemberApp, editing: Option<String>) {
    let g = editing.as_ref().and_then(|id| app.goals.goals.iter().find(|g| &g.id == id));
    let v = |f: fn(&Goal) -> String| g.map(f).unwrap_or_default();
    let fields = vec![
        (s::FORM_GOAL_TITLE, v(|g| g.title.clone())),
        (s::FORM_RESULT, v(|g| g.measurable_result.clone())),
        (s::FORM_DEADLINE, v(|g| g.deadline.map(|d| d.to_string()).unwrap_or_default())),
        (s::FORM_WHY, v(|g| g.why.clone())),
        (s::FORM_SLIP, v(|g| g.slip_words.clone())),
    ];
    app.ui.overlay = Overlay::Form(Box::new(Form::new(FormPurpose::Goal { editing }, fields)));
}

fn open_partnership(app: &mut MemberApp) {
    let fields = vec![
        (s::FORM_PARTNER, String::new()),
        (s::FORM_SKILL, String::new()),
        (s::FORM_DAY, weekday_key(Weekday::Fri).to_string()),
        (s::FORM_PARTNER_SLIP, String::new()),
    ];
    app.ui.overlay = Overlay::Form(Box::new(Form::new(FormPurpose::Partnership, fields)));
}

fn open_checkin(app: &mut MemberApp) {
    let ps = &app.partners.partnerships;
    let Some(p) = ps.get(clamp(app.ui.cursors.partners, ps.len())) else {
        app.info(s::NO_PARTNERSHIPS_PRESS_A);
        return;
    };
    if p.ended.is_some() {
        app.info(s::PARTNERSHIP_ENDED);
        return;
    }
    let purpose = FormPurpose::Checkin { partnership: p.id.clone() };
    let fields = vec![(s::FORM_CHECKIN_NOTE, String::new()), (s::FORM_ON_TRACK, s::YES.to_string())];
    app.ui.overlay = Overlay::Form(Box::new(Form::new(purpose, fields)));
}

fn edit_prep(app: &mut MemberApp, now: DateTime<FixedOffset>) -> Vec<E> {
    let field = PrepField::ALL[clamp(app.ui.cursors.prep, PrepField::ALL.len())];
    let p = &app.prep;
    let value = match field {
        PrepField::VisionReviewed => return toggle_vision(app, now),
        PrepField::Questions => {
            let lines = if p.questions.is_empty() { vec![String::new()] } else { p.questions.clone() };
            let mut area = TextArea::new(lines);
            area.move_cursor(ratatui_textarea::CursorMove::Bottom);
            area.move_cursor(ratatui_textarea::CursorMove::End);
            app.ui.overlay = Overlay::Questions(Box::new(area));
            return Vec::new();
        }
        PrepField::Accomplished => p.accomplished.clone(),
        PrepField::ActionPlan => p.action_plan.clone(),
        PrepField::WalkAway => p.walk_away.clone(),
    };
    let label = s::prep_label(field);
    app.ui.overlay = Overlay::Form(Box::new(Form::new(FormPurpose::Prep(field), vec![(label, value)])));
    Vec::new()
}

fn toggle_vision(app: &mut MemberApp, now: DateTime<FixedOffset>) -> Vec<E> {
    if app.ui.screen != Screen::Prep {
        return Vec::new();
    }
    app.prep.vision_reviewed = !app.prep.vision_reviewed;
    app.prep.updated_at = Some(now);
    vec![E::SavePrep]
}

/// Keys while a form is open.
fn edit_form(app: &mut MemberApp, action: A, now: DateTime<FixedOffset>) -> Vec<E> {
    let Overlay::Form(mut form) = std::mem::replace(&mut app.ui.overlay, Overlay::None) else { return Vec::new() };
    let n = form.fields.len();
    match action {
        A::Cancel => return Vec::new(),
        A::Submit => return submit(app, form, now),
        A::NextField => form.focus = (form.focus + 1) % n,
        A::PrevField => form.focus = (form.focus + n - 1) % n,
        A::TypeLine(req) => {
            if let Some(f) = form.fields.get_mut(form.focus) {
                f.input.handle(req);
            }
            form.error = None;
        }
        A::Paste(text) => {
            if let Some(f) = form.fields.get_mut(form.focus) {
                for c in text.chars() {
                    let c = if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c };
                    if !c.is_control() {
                        f.input.handle(InputRequest::InsertChar(c));
                    }
                }
            }
        }
        _ => {}
    }
    app.ui.overlay = Overlay::Form(form);
    Vec::new()
}

/// Keep the form open with an error on one field.
fn refuse(app: &mut MemberApp, mut form: Box<Form>, field: usize, error: String) -> Vec<E> {
    form.error = Some(error);
    form.focus = field;
    app.ui.overlay = Overlay::Form(form);
    Vec::new()
}

fn submit(app: &mut MemberApp, form: Box<Form>, now: DateTime<FixedOffset>) -> Vec<E> {
    match form.purpose.clone() {
        FormPurpose::Progress { step, progress } => {
            let note = form.value(0);
            let Some(st) = app.steps.iter_mut().find(|s| s.id == step) else { return Vec::new() };
            let entry = MemberProgress { step: step.clone(), progress, note, at: now };
            st.record(entry.entry());
            app.progress.entries.push(entry);
            app.info(s::marked(progress.label()));
            vec![E::SaveProgress]
        }
        FormPurpose::Goal { editing } => {
            let title = form.value(0);
            if title.is_empty() {
                return refuse(app, form, 0, s::GOAL_NEEDS_TITLE.to_string());
            }
            let deadline = match crate::facilitator::capture::parse_date(&form.value(2)) {
                Ok(d) => d,
                Err(e) => return refuse(app, form, 2, e),
            };
            let goal = Goal {
                id: editing.clone().unwrap_or_else(|| next_goal_id(app)),
                title,
                measurable_result: form.value(1),
                deadline,
                why: form.value(3),
                slip_words: form.value(4),
            };
            match editing.and_then(|id| app.goals.goals.iter_mut().find(|g| g.id == id)) {
                Some(g) => *g = goal,
                None => {
                    app.goals.goals.push(goal);
                    app.ui.cursors.goals = app.goals.goals.len() - 1;
                }
            }
            app.info(s::GOAL_SAVED);
            vec![E::SaveGoals]
        }
        FormPurpose::Prep(field) => {
            let v = form.value(0);
            match field {
                PrepField::Accomplished => app.prep.accomplished = v,
                PrepField::ActionPlan => app.prep.action_plan = v,
                PrepField::WalkAway => app.prep.walk_away = v,
                PrepField::VisionReviewed | PrepField::Questions => {}
            }
            app.prep.updated_at = Some(now);
            app.info(s::PREP_SAVED);
            vec![E::SavePrep]
        }
        FormPurpose::Partnership => {
            let partner = match resolve_partner(app, &form.value(0)) {
                Ok(p) => p,
                Err(e) => return refuse(app, form, 0, e),
            };
            let skill = form.value(1);
            if skill.is_empty() {
                return refuse(app, form, 1, s::SKILL_NEEDED.to_string());
            }
            let Some(day) = parse_weekday(&form.value(2)) else {
                let typed = form.value(2);
                return refuse(app, form, 2, s::bad_day(&typed));
            };
            let p = Partnership {
                id: app.partners.next_id(),
                partner,
                skill,
                goal: None,
                day,
                slip_words: form.value(3),
                since: now.date_naive(),
                ended: None,
            };
            app.partners.partnerships.push(p);
            app.ui.cursors.partners = app.partners.partnerships.len() - 1;
            app.info(s::PARTNERSHIP_SAVED);
            vec![E::SavePartners]
        }
        FormPurpose::Checkin { partnership } => {
            let on_track = match parse_yes_no(&form.value(1)) {
                Ok(v) => v,
                Err(e) => return refuse(app, form, 1, e),
            };
            app.checkins.checkins.push(Checkin {
                partnership,
                on: now.date_naive(),
                at: now,
                note: form.value(0),
                on_track,
            });
            app.info(s::CHECKED_IN);
            vec![E::SaveCheckins]
        }
        FormPurpose::Offers => {
            app.partners.offers = split_list(&form.value(0));
            app.info(s::OFFERS_SAVED);
            vec![E::SavePartners]
        }
    }
}

fn edit_questions(app: &mut MemberApp, action: A, now: DateTime<FixedOffset>) -> Vec<E> {
    let Overlay::Questions(mut area) = std::mem::replace(&mut app.ui.overlay, Overlay::None) else {
        return Vec::new();
    };
    match action {
        A::Submit | A::Cancel => {
            let questions: Vec<String> =
                area.lines().iter().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
            if questions == app.prep.questions {
                return Vec::new();
            }
            app.prep.questions = questions;
            app.prep.updated_at = Some(now);
            app.info(s::PREP_SAVED);
            return vec![E::SavePrep];
        }
        A::TypeArea(input) => {
            area.input(input);
        }
        A::Paste(text) => {
            area.insert_str(text);
        }
        _ => {}
    }
    app.ui.overlay = Overlay::Questions(area);
    Vec::new()
}

fn next_goal_id(app: &MemberApp) -> String {
    let n = app.goals.goals.iter().filter_map(|g| g.id.strip_prefix('g')?.parse::<u32>().ok()).max().unwrap_or(0);
    format!("g{}", n + 1)
}

/// A partner as typed: a member's id or name (not mine), else someone outside the group.
pub fn resolve_partner(app: &MemberApp, typed: &str) -> Result<Partner, String> {
    let t = typed.trim();
    if t.is_empty() {
        return Err(s::PARTNER_NEEDED.to_string());
    }
    if t.chars().any(char::is_control) {
        return Err(s::PARTNER_NEEDED.to_string());
    }
    let lower = t.to_lowercase();
    let found = app.group.members.iter().find(|m| {
        m.id == lower
            || m.name.to_lowercase() == lower
            || m.name.split_whitespace().next().is_some_and(|f| f.to_lowercase() == lower)
    });
    match found {
        Some(m) if m.id == app.me => Err(s::NOT_YOURSELF.to_string()),
        Some(m) => Ok(Partner::Member(m.id.clone())),
        None => Ok(Partner::Outside(t.to_string())),
    }
}

/// `yes`, `no`, or nothing said.
pub fn parse_yes_no(t: &str) -> Result<Option<bool>, String> {
    match t.trim().to_ascii_lowercase().as_str() {
        "" => Ok(None),
        "y" | "yes" | "true" | "on track" => Ok(Some(true)),
        "n" | "no" | "false" => Ok(Some(false)),
        other => Err(s::bad_yes_no(other)),
    }
}

/// `a, b ,c` → `["a", "b", "c"]`, without blanks or repeats.
pub fn split_list(t: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in t.split(',') {
        let p = part.trim();
        if !p.is_empty() && !out.iter().any(|x| x.eq_ignore_ascii_case(p)) {
            out.push(p.to_string());
        }
    }
    out
}

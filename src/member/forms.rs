//! The member's forms: opening each with what it edits, typing into it, and saving what
//! was typed (a step's progress, a goal, a line of the prep; the Hot Team forms are in
//! [`super::hot_team`]), plus the questions editor.

use chrono::{DateTime, FixedOffset};
use tui_input::InputRequest;

use super::action::{MemberAction as A, MemberEffect as E};
use super::state::{Form, FormPurpose, MemberApp, Overlay, PrepField, Screen};
use super::{hot_team, queries};
use crate::member::strings as s;
use crate::model::parse::parse_date;
use crate::model::{Goal, MemberProgress, Progress, Reporter};
use crate::tui::cursor::clamp;
use crate::tui::input::{editor_at_end, paste_into};
use crate::tui::strings::bad_date;

pub fn open_mark(app: &mut MemberApp, progress: Progress, today: chrono::NaiveDate) {
    let Some(step) = queries::selected_step(app, today) else {
        app.info(s::NO_STEPS);
        return;
    };
    let purpose = FormPurpose::Progress { step: step.id.clone(), progress };
    app.ui.overlay = Overlay::Form(Box::new(Form::new(purpose, vec![(s::FORM_NOTE, String::new())])));
}

pub fn open_goal(app: &mut MemberApp, editing: Option<String>) {
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

pub fn edit_prep(app: &mut MemberApp, now: DateTime<FixedOffset>) -> Vec<E> {
    let field = PrepField::ALL[clamp(app.ui.cursors.prep, PrepField::ALL.len())];
    let p = &app.prep;
    let value = match field {
        PrepField::VisionReviewed => return toggle_vision(app, now),
        PrepField::Questions => {
            app.ui.overlay = Overlay::Questions(Box::new(editor_at_end(p.questions.clone())));
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

pub fn toggle_vision(app: &mut MemberApp, now: DateTime<FixedOffset>) -> Vec<E> {
    if app.ui.screen != Screen::Prep {
        return Vec::new();
    }
    app.prep.vision_reviewed = !app.prep.vision_reviewed;
    app.prep.updated_at = Some(now);
    vec![E::SavePrep]
}

/// Keys while a form is open.
pub fn edit_form(app: &mut MemberApp, action: A, now: DateTime<FixedOffset>) -> Vec<E> {
    let Overlay::Form(mut form) = std::mem::replace(&mut app.ui.overlay, Overlay::None) else { return Vec::new() };
    let n = form.fields.len();
    match action {
        A::Cancel => return Vec::new(),
        A::Submit => return submit(app, form, now),
        A::NextField => form.focus = (form.focus + 1) % n,
        A::PrevField => form.focus = (form.focus + n - 1) % n,
        A::TypeLine(req) => {
            if let Some(f) = form.fields.get_mut(form.focus) {
                match (&mut f.check, req) {
                    // A box: Space or ← → tick it or clear it; y and n say which.
                    (
                        Some(on),
                        InputRequest::InsertChar(' ') | InputRequest::GoToPrevChar | InputRequest::GoToNextChar,
                    ) => *on = !*on,
                    (Some(on), InputRequest::InsertChar(c @ ('y' | 'Y' | 'n' | 'N'))) => {
                        *on = c.eq_ignore_ascii_case(&'y')
                    }
                    (Some(_), _) => {}
                    (None, req) => {
                        f.input.handle(req);
                    }
                }
            }
            form.error = None;
        }
        A::Paste(text) => {
            if let Some(f) = form.fields.get_mut(form.focus).filter(|f| f.check.is_none()) {
                paste_into(&mut f.input, &text);
            }
        }
        _ => {}
    }
    app.ui.overlay = Overlay::Form(form);
    Vec::new()
}

/// Keep the form open with an error on one field.
pub(super) fn refuse(app: &mut MemberApp, mut form: Box<Form>, field: usize, error: String) -> Vec<E> {
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
            st.record(entry.entry_by(Reporter::Member, None));
            app.progress.entries.push(entry);
            app.info(s::marked(progress.label()));
            vec![E::SaveProgress]
        }
        FormPurpose::Goal { editing } => {
            let title = form.value(0);
            if title.is_empty() {
                return refuse(app, form, 0, s::GOAL_NEEDS_TITLE.to_string());
            }
            let deadline = match parse_date(&form.value(2)) {
                Ok(d) => d,
                Err(e) => return refuse(app, form, 2, bad_date(&e.0)),
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
        FormPurpose::Partnership => hot_team::save_partnership(app, form, false, now),
        FormPurpose::Checkin { partnership } => hot_team::save_checkin(app, &form, partnership, now),
        FormPurpose::Offers => hot_team::save_offers(app, &form),
    }
}

pub fn edit_questions(app: &mut MemberApp, action: A, now: DateTime<FixedOffset>) -> Vec<E> {
    let Overlay::Questions(mut area) = std::mem::replace(&mut app.ui.overlay, Overlay::None) else {
        return Vec::new();
    };
    let questions: Vec<String> = area.lines().iter().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
    match action {
        // Esc never saves: it closes, asking first when the questions changed.
        A::Cancel if questions != app.prep.questions => {
            app.ui.overlay = Overlay::DiscardQuestions(area);
            return Vec::new();
        }
        A::Cancel => return Vec::new(),
        A::Submit => {
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

/// The answer to "Discard your changes?": `y` closes the editor, anything else returns.
pub fn discard_questions(app: &mut MemberApp, action: A) -> Vec<E> {
    let Overlay::DiscardQuestions(area) = std::mem::replace(&mut app.ui.overlay, Overlay::None) else {
        return Vec::new();
    };
    if action != A::Confirm {
        app.ui.overlay = Overlay::Questions(area);
    }
    Vec::new()
}

fn next_goal_id(app: &MemberApp) -> String {
    let n = app.goals.goals.iter().filter_map(|g| g.id.strip_prefix('g')?.parse::<u32>().ok()).max().unwrap_or(0);
    format!("g{}", n + 1)
}

//! The action-step form: open it for a new step or the selected one, type into it, save
//! it; and removing a step captured in this meeting.

use chrono::{DateTime, FixedOffset};
use tui_input::{Input, InputRequest};

use super::action::{Action, Effect};
use super::queries::{self, WrapRow, clamp};
use super::state::{App, FormField, Overlay, StepForm};
use crate::facilitator::strings as s;
use crate::model::parse::parse_date;
use crate::model::{ActionStep, Phase};
use crate::tui::input::paste_into;

fn open(app: &mut App, editing: Option<String>, owner: String, values: [String; 3], goal: Option<usize>) {
    let [text, result, due] = values.map(Input::new);
    let form = StepForm { editing, owner, text, result, due, goal, focus: FormField::Text, error: None };
    app.ui.overlay = Overlay::StepForm(Box::new(form));
}

/// `a`: open the form for a new step of the member in focus.
pub fn open_step_form(app: &mut App, owner: Option<String>) -> Vec<Effect> {
    let Some(owner) = owner.or_else(|| queries::focused_member(app)) else {
        app.info(s::NO_MEMBER_SELECTED);
        return Vec::new();
    };
    let goal = (app.ctx.goals_of(&owner).len() == 1).then_some(0);
    let due = queries::default_due(app).to_string();
    open(app, None, owner, [String::new(), String::new(), due], goal);
    Vec::new()
}

/// The step the selection points at, among those captured in this meeting.
fn selected_step(app: &App) -> Option<String> {
    let m = app.meeting.as_ref()?;
    match m.phase {
        Phase::HotSeats => {
            let h = m.hot_seat.as_deref()?;
            let steps: Vec<&ActionStep> = queries::steps_of(m, h).collect();
            steps.get(clamp(app.ui.cursors.hot, steps.len())).map(|s| s.id.clone())
        }
        Phase::WrapUp => {
            let rows = queries::wrap_rows(m);
            match rows.get(clamp(app.ui.cursors.wrap, rows.len())) {
                Some(WrapRow::Step(_, id)) => Some(id.clone()),
                _ => None,
            }
        }
        _ => None,
    }
}

pub fn edit_selected_step(app: &mut App) -> Vec<Effect> {
    let Some(id) = selected_step(app) else {
        app.info(s::NO_STEP_SELECTED);
        return Vec::new();
    };
    let Some(step) = app.meeting.as_ref().and_then(|m| m.steps.iter().find(|s| s.id == id)).cloned() else {
        return Vec::new();
    };
    let goal = step.goal.as_ref().and_then(|g| app.ctx.goals_of(&step.owner).iter().position(|x| &x.id == g));
    let due = step.due.map(|d| d.to_string()).unwrap_or_default();
    open(app, Some(id), step.owner, [step.text, step.measurable_result, due], goal);
    Vec::new()
}

pub fn ask_delete_step(app: &mut App) -> Vec<Effect> {
    match selected_step(app) {
        Some(id) => app.ui.overlay = Overlay::ConfirmDelete(id),
        None => app.info(s::NO_STEP_SELECTED),
    }
    Vec::new()
}

pub fn delete_step(app: &mut App, id: &str) -> Vec<Effect> {
    let Some(m) = app.meeting.as_mut() else { return Vec::new() };
    let before = m.steps.len();
    m.steps.retain(|s| s.id != id);
    if m.steps.len() == before {
        return Vec::new();
    }
    // Keep the selection on a row that still exists.
    let hot = m.hot_seat.as_deref().map(|h| queries::steps_of(m, h).count()).unwrap_or(0);
    app.ui.cursors.hot = clamp(app.ui.cursors.hot, hot);
    app.ui.cursors.wrap = clamp(app.ui.cursors.wrap, queries::wrap_rows(m).len());
    app.info(s::STEP_REMOVED);
    vec![Effect::SaveMeeting]
}

/// Keys while the step form is open.
pub fn edit_form(app: &mut App, mut form: Box<StepForm>, action: Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let goals = app.ctx.goals_of(&form.owner).len();
    match action {
        Action::Cancel => return Vec::new(),
        Action::Submit => return submit_step(app, form, now),
        Action::NextField => form.focus = form.focus.next(),
        Action::PrevField => form.focus = form.focus.prev(),
        Action::TypeLine(req) if form.focus == FormField::Goal => {
            // ← → (and typing) pick the goal: none, then each of the owner's goals.
            let options = goals + 1;
            let at = form.goal.map(|g| g + 1).unwrap_or(0);
            let step = match req {
                InputRequest::GoToPrevChar | InputRequest::DeletePrevChar => options - 1,
                _ => 1,
            };
            let next = (at + step) % options;
            form.goal = next.checked_sub(1);
        }
        Action::TypeLine(req) => {
            typed_field(&mut form).handle(req);
            form.error = None;
        }
        Action::Paste(text) => paste_into(typed_field(&mut form), &text),
        _ => {}
    }
    app.ui.overlay = Overlay::StepForm(form);
    Vec::new()
}

/// The input the typing goes to (the goal is picked, not typed).
fn typed_field(form: &mut StepForm) -> &mut Input {
    match form.focus {
        FormField::Text => &mut form.text,
        FormField::Result => &mut form.result,
        _ => &mut form.due,
    }
}

/// Keep the form open with an error on one field.
fn refuse(app: &mut App, mut form: Box<StepForm>, field: FormField, error: String) -> Vec<Effect> {
    form.error = Some(error);
    form.focus = field;
    app.ui.overlay = Overlay::StepForm(form);
    Vec::new()
}

fn submit_step(app: &mut App, form: Box<StepForm>, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let text = form.text.value().trim().to_string();
    if text.is_empty() {
        return refuse(app, form, FormField::Text, s::STEP_NEEDS_TEXT.to_string());
    }
    let due = match parse_date(form.due.value()) {
        Ok(d) => d,
        Err(e) => return refuse(app, form, FormField::Due, s::bad_date(&e.0)),
    };
    let goal = form.goal.and_then(|i| app.ctx.goals_of(&form.owner).get(i)).map(|g| g.id.clone());
    let result = form.result.value().trim().to_string();
    let owner_name = app.ctx.group.name_of(&form.owner).to_string();
    let Some(m) = app.meeting.as_mut() else { return Vec::new() };
    match &form.editing {
        Some(id) => {
            if let Some(st) = m.steps.iter_mut().find(|s| &s.id == id) {
                st.text = text;
                st.measurable_result = result;
                st.due = due;
                st.goal = goal;
            }
            app.info(s::STEP_UPDATED);
        }
        None => {
            let step = ActionStep {
                id: m.next_step_id(),
                owner: form.owner.clone(),
                text,
                measurable_result: result,
                due,
                goal,
                meeting: m.id.clone(),
                created_at: now,
                history: Vec::new(),
            };
            m.steps.push(step);
            if m.phase == Phase::HotSeats && m.hot_seat.as_deref() == Some(form.owner.as_str()) {
                app.ui.cursors.hot = queries::steps_of(m, &form.owner).count().saturating_sub(1);
            }
            app.info(s::step_captured(&owner_name));
        }
    }
    vec![Effect::SaveMeeting]
}

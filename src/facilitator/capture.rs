//! Capturing what the room says: action steps, progress notes, private notes, ratings,
//! the next meeting date. All typing goes through tui-input or ratatui-textarea.

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui_textarea::TextArea;
use tui_input::{Input, InputRequest};

use super::action::{Action, Effect};
use super::queries::{self, WrapRow, clamp};
use super::state::{App, FormField, LineInput, LinePurpose, NoteEditor, Overlay, StepForm};
use crate::facilitator::strings as s;
use crate::model::{ActionStep, FACILITATOR, Phase, PrivateNote, Progress, Rating, Review};

const SAVE: Effect = Effect::SaveMeeting;

fn input(value: &str) -> Input {
    Input::new(value.to_string())
}

/// `a`: open the form for a new step of the member in focus.
pub fn open_step_form(app: &mut App, owner: Option<String>) -> Vec<Effect> {
    let Some(owner) = owner.or_else(|| queries::focused_member(app)) else {
        app.info(s::NO_MEMBER_SELECTED);
        return Vec::new();
    };
    let goals = app.ctx.goals_of(&owner);
    let goal = (goals.len() == 1).then_some(0);
    let due = queries::default_due(app);
    app.ui.overlay = Overlay::StepForm(Box::new(StepForm {
        editing: None,
        owner,
        text: Input::default(),
        result: Input::default(),
        due: input(&due.to_string()),
        goal,
        focus: FormField::Text,
        error: None,
    }));
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
    app.ui.overlay = Overlay::StepForm(Box::new(StepForm {
        editing: Some(id),
        owner: step.owner.clone(),
        text: input(&step.text),
        result: input(&step.measurable_result),
        due: input(&step.due.map(|d| d.to_string()).unwrap_or_default()),
        goal,
        focus: FormField::Text,
        error: None,
    }));
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
    vec![SAVE]
}

/// `n` in the hot seat: the private note about the member in the hot seat.
pub fn open_note(app: &mut App) -> Vec<Effect> {
    let Some(m) = app.meeting.as_ref() else { return Vec::new() };
    let Some(member) = m.hot_seat.clone() else { return Vec::new() };
    let lines: Vec<String> =
        m.private_note(&member, FACILITATOR).map(|n| n.text.lines().map(str::to_string).collect()).unwrap_or_default();
    let mut text = TextArea::new(if lines.is_empty() { vec![String::new()] } else { lines });
    text.move_cursor(ratatui_textarea::CursorMove::Bottom);
    text.move_cursor(ratatui_textarea::CursorMove::End);
    app.ui.overlay = Overlay::Note(Box::new(NoteEditor { member, text }));
    Vec::new()
}

/// Enter in the report-back: a note on the selected step's progress.
pub fn open_review_note(app: &mut App) -> Vec<Effect> {
    let items = queries::report_items(app);
    let Some(step) = items.get(clamp(app.ui.cursors.report, items.len())) else {
        app.info(s::NO_STEP_SELECTED);
        return Vec::new();
    };
    let m = app.meeting.as_ref().expect("in a meeting");
    let note = m
        .review(&step.id)
        .map(|r| r.note.clone())
        .or_else(|| step.last_entry().map(|e| e.note.clone()))
        .unwrap_or_default();
    app.ui.overlay = Overlay::Line(LineInput {
        purpose: LinePurpose::ReviewNote(step.id.clone()),
        input: input(&note),
        error: None,
    });
    Vec::new()
}

/// `d`, `p`, `n`, `x` in the report-back.
pub fn mark(app: &mut App, progress: Progress, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let items = queries::report_items(app);
    let i = clamp(app.ui.cursors.report, items.len());
    let Some(step) = items.get(i) else {
        app.info(s::NOTHING_TO_REPORT);
        return Vec::new();
    };
    let m = app.meeting.as_mut().expect("in a meeting");
    // Keep a note already written; a member's own note comes along when confirmed.
    let note = m
        .review(&step.id)
        .map(|r| r.note.clone())
        .or_else(|| step.last_entry().filter(|e| e.progress == progress).map(|e| e.note.clone()))
        .unwrap_or_default();
    let review = Review { step: step.id.clone(), progress, note, at: now };
    match m.reviews.iter_mut().find(|r| r.step == step.id) {
        Some(r) => *r = review,
        None => m.reviews.push(review),
    }
    if progress != Progress::NotDone && i + 1 < items.len() {
        app.ui.cursors.report = i + 1;
    }
    vec![SAVE]
}

pub fn open_next_date(app: &mut App) -> Vec<Effect> {
    let current = app.meeting.as_ref().and_then(|m| m.next_meeting).unwrap_or_else(|| queries::default_due(app));
    app.ui.overlay = Overlay::Line(LineInput {
        purpose: LinePurpose::NextMeetingDate,
        input: input(&current.to_string()),
        error: None,
    });
    Vec::new()
}

fn wrap_member(app: &App) -> Option<String> {
    let m = app.meeting.as_ref()?;
    let rows = queries::wrap_rows(m);
    rows.get(clamp(app.ui.cursors.wrap, rows.len())).map(|r| r.member().to_string())
}

pub fn rate(app: &mut App, score: u8) -> Vec<Effect> {
    let Some(member) = wrap_member(app) else { return Vec::new() };
    let m = app.meeting.as_mut().expect("in a meeting");
    if !m.presence(&member).is_here() {
        app.info(s::ABSENT_NO_RATING);
        return Vec::new();
    }
    let score = score.clamp(1, 10);
    match m.ratings.iter_mut().find(|r| r.member == member) {
        Some(r) => r.score = score,
        None => m.ratings.push(Rating { member, score }),
    }
    vec![SAVE]
}

pub fn nudge_rating(app: &mut App, delta: i8) -> Vec<Effect> {
    let Some(member) = wrap_member(app) else { return Vec::new() };
    let current = app.meeting.as_ref().and_then(|m| m.rating(&member));
    let next = match current {
        Some(r) => (r as i8 + delta).clamp(1, 10) as u8,
        None => 7,
    };
    rate(app, next)
}

/// Keys while a form, note or one-line input is open.
pub fn edit(app: &mut App, action: Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let overlay = std::mem::replace(&mut app.ui.overlay, Overlay::None);
    match overlay {
        Overlay::StepForm(form) => edit_form(app, form, action, now),
        Overlay::Note(note) => edit_note(app, note, action, now),
        Overlay::Line(line) => edit_line(app, line, action, now),
        other => {
            app.ui.overlay = other;
            Vec::new()
        }
    }
}

fn paste_into(input: &mut Input, text: &str) {
    for c in text.chars() {
        let c = if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c };
        if !c.is_control() {
            input.handle(InputRequest::InsertChar(c));
        }
    }
}

fn edit_form(app: &mut App, mut form: Box<StepForm>, action: Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
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
            let field = match form.focus {
                FormField::Text => &mut form.text,
                FormField::Result => &mut form.result,
                _ => &mut form.due,
            };
            field.handle(req);
            form.error = None;
        }
        Action::Paste(text) => {
            let field = match form.focus {
                FormField::Text => &mut form.text,
                FormField::Result => &mut form.result,
                _ => &mut form.due,
            };
            paste_into(field, &text);
        }
        _ => {}
    }
    app.ui.overlay = Overlay::StepForm(form);
    Vec::new()
}

/// Read a date as typed: `YYYY-MM-DD`, or nothing.
pub fn parse_date(text: &str) -> Result<Option<NaiveDate>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d").map(Some).map_err(|_| s::bad_date(t))
}

fn submit_step(app: &mut App, mut form: Box<StepForm>, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let text = form.text.value().trim().to_string();
    if text.is_empty() {
        form.error = Some(s::STEP_NEEDS_TEXT.to_string());
        form.focus = FormField::Text;
        app.ui.overlay = Overlay::StepForm(form);
        return Vec::new();
    }
    let due = match parse_date(form.due.value()) {
        Ok(d) => d,
        Err(e) => {
            form.error = Some(e);
            form.focus = FormField::Due;
            app.ui.overlay = Overlay::StepForm(form);
            return Vec::new();
        }
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
    vec![SAVE]
}

fn edit_note(app: &mut App, mut note: Box<NoteEditor>, action: Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
    match action {
        Action::Submit | Action::Cancel => {
            let text = note.text.lines().join("\n").trim_end().to_string();
            let Some(m) = app.meeting.as_mut() else { return Vec::new() };
            let existing = m.private_notes.iter().position(|n| n.member == note.member && n.author == FACILITATOR);
            match (existing, text.is_empty()) {
                (Some(i), true) => {
                    m.private_notes.remove(i);
                }
                (Some(i), false) => {
                    if m.private_notes[i].text == text {
                        return Vec::new();
                    }
                    m.private_notes[i].text = text;
                    m.private_notes[i].updated_at = now;
                }
                (None, true) => return Vec::new(),
                (None, false) => m.private_notes.push(PrivateNote {
                    member: note.member.clone(),
                    author: FACILITATOR.to_string(),
                    text,
                    updated_at: now,
                }),
            }
            app.info(s::NOTE_SAVED);
            return vec![SAVE];
        }
        Action::TypeArea(input) => {
            note.text.input(input);
        }
        Action::Paste(text) => {
            note.text.insert_str(text);
        }
        _ => {}
    }
    app.ui.overlay = Overlay::Note(note);
    Vec::new()
}

fn edit_line(app: &mut App, mut line: LineInput, action: Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
    match action {
        Action::Cancel => return Vec::new(),
        Action::Submit => return submit_line(app, line, now),
        Action::TypeLine(req) => {
            line.input.handle(req);
            line.error = None;
        }
        Action::Paste(text) => paste_into(&mut line.input, &text),
        _ => {}
    }
    app.ui.overlay = Overlay::Line(line);
    Vec::new()
}

fn submit_line(app: &mut App, mut line: LineInput, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let value = line.input.value().trim().to_string();
    match line.purpose.clone() {
        LinePurpose::ReviewNote(step) => {
            let items = queries::report_items(app);
            let progress = items.iter().find(|s| s.id == step).map(|s| s.progress()).unwrap_or_default();
            let Some(m) = app.meeting.as_mut() else { return Vec::new() };
            match m.reviews.iter_mut().find(|r| r.step == step) {
                Some(r) => r.note = value,
                None => m.reviews.push(Review { step, progress, note: value, at: now }),
            }
            vec![SAVE]
        }
        LinePurpose::NextMeetingDate => {
            let date = app.meeting.as_ref().map(|m| m.date).unwrap_or_default();
            match parse_date(&value) {
                Ok(Some(d)) if d > date => {
                    if let Some(m) = app.meeting.as_mut() {
                        m.next_meeting = Some(d);
                    }
                    vec![SAVE]
                }
                Ok(Some(_)) => {
                    line.error = Some(s::NEXT_DATE_AFTER.to_string());
                    app.ui.overlay = Overlay::Line(line);
                    Vec::new()
                }
                Ok(None) => {
                    line.error = Some(s::NEXT_DATE_NEEDED.to_string());
                    app.ui.overlay = Overlay::Line(line);
                    Vec::new()
                }
                Err(e) => {
                    line.error = Some(e);
                    app.ui.overlay = Overlay::Line(line);
                    Vec::new()
                }
            }
        }
    }
}

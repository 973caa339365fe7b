//! The one-line input: the next meeting's date in the wrap-up, and the progress note in
//! the report-back. Also routes the keys to whichever input, form or note is open.

use chrono::{DateTime, FixedOffset};
use tui_input::Input;

use super::action::{Action, Effect};
use super::state::{App, LineInput, LinePurpose, Overlay};
use super::{notes, queries, report, step_form};
use crate::facilitator::strings as s;
use crate::model::parse::parse_date;
use crate::tui::input::paste_into;

/// Keys while a form, note or one-line input is open.
pub fn edit(app: &mut App, action: Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let overlay = std::mem::replace(&mut app.ui.overlay, Overlay::None);
    match overlay {
        Overlay::StepForm(form) => step_form::edit_form(app, form, action, now),
        Overlay::FillIn(form) => super::fill_in::edit(app, form, action, now),
        Overlay::Note(note) => notes::edit_note(app, note, action, now),
        Overlay::Line(line) => edit_line(app, line, action, now),
        other => {
            app.ui.overlay = other;
            Vec::new()
        }
    }
}

/// `D` in the wrap-up: the next meeting's date.
pub fn open_next_date(app: &mut App) -> Vec<Effect> {
    let current = app.meeting.as_ref().and_then(|m| m.next_meeting).unwrap_or_else(|| queries::default_due(app));
    app.ui.overlay = Overlay::Line(LineInput {
        purpose: LinePurpose::NextMeetingDate,
        input: Input::new(current.to_string()),
        error: None,
    });
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
        Action::NextField | Action::PrevField => super::parking::cycle(&mut line, &action),
        _ => {}
    }
    app.ui.overlay = Overlay::Line(line);
    Vec::new()
}

fn submit_line(app: &mut App, mut line: LineInput, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let value = line.input.value().trim().to_string();
    match line.purpose.clone() {
        LinePurpose::ReviewNote(step) => report::save_review_note(app, step, value, now),
        LinePurpose::Park { .. } => super::parking::submit(app, line, now),
        LinePurpose::NextMeetingDate => {
            let date = app.meeting.as_ref().map(|m| m.date).unwrap_or_default();
            let error = match parse_date(&value) {
                Ok(Some(d)) if d > date => {
                    let old = queries::default_due(app);
                    if let Some(m) = app.meeting.as_mut() {
                        m.next_meeting = Some(d);
                        // Steps due at the next meeting follow it; dates set otherwise stay.
                        let id = m.id.clone();
                        let moved = m
                            .steps
                            .iter_mut()
                            .filter(|st| st.meeting == id && st.due == Some(old) && old != d)
                            .map(|st| st.due = Some(d))
                            .count();
                        if moved > 0 {
                            app.info(s::dues_follow(moved, &d.format("%a %-d %b").to_string()));
                        }
                    }
                    return vec![Effect::SaveMeeting];
                }
                Ok(Some(_)) => s::NEXT_DATE_AFTER.to_string(),
                Ok(None) => s::NEXT_DATE_NEEDED.to_string(),
                Err(e) => s::bad_date(&e.0),
            };
            line.error = Some(error);
            app.ui.overlay = Overlay::Line(line);
            Vec::new()
        }
    }
}

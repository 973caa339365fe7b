//! `P` in every phase: park an item (text, urgency A/B/C, optionally the member in focus)
//! in the parking lot, saved to `parking.json`.

use chrono::{DateTime, FixedOffset};
use tui_input::Input;

use super::action::{Action, Effect};
use super::queries;
use super::state::{App, LineInput, LinePurpose, Overlay};
use crate::facilitator::strings::agenda as a;
use crate::model::parking::Urgency;

/// Open the one-line input for a parked item, about the member in focus.
pub fn open(app: &mut App) -> Vec<Effect> {
    let member = queries::focused_member(app);
    app.ui.overlay = Overlay::Line(LineInput {
        purpose: LinePurpose::Park { urgency: Urgency::B, member: member.clone(), focus: member },
        input: Input::default(),
        error: None,
    });
    Vec::new()
}

/// Tab: the next urgency; Shift-Tab: about the member in focus, or nobody.
pub fn cycle(line: &mut LineInput, action: &Action) {
    if let LinePurpose::Park { urgency, member, focus } = &mut line.purpose {
        match action {
            Action::NextField => *urgency = urgency.next(),
            _ => *member = if member.is_some() { None } else { focus.clone() },
        }
    }
}

/// Enter: park it.
pub fn submit(app: &mut App, mut line: LineInput, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let LinePurpose::Park { urgency, member, .. } = line.purpose.clone() else { return Vec::new() };
    let text = line.input.value().trim().to_string();
    if text.is_empty() {
        line.error = Some(a::PARK_NEEDS_TEXT.to_string());
        app.ui.overlay = Overlay::Line(line);
        return Vec::new();
    }
    let meeting = app.meeting.as_ref().map(|m| m.id.clone());
    let id = app.ctx.parking.park(&text, urgency, member, meeting, now);
    app.info(a::parked(&id, urgency.letter()));
    vec![Effect::SaveParking]
}

/// The input's title: `Park an item · urgency B · about Ada Okafor`.
pub fn title(app: &App, purpose: &LinePurpose) -> String {
    match purpose {
        LinePurpose::Park { urgency, member, .. } => {
            a::park_title(urgency.letter(), member.as_deref().map(|m| app.ctx.group.name_of(m)))
        }
        _ => String::new(),
    }
}

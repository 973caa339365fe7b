//! The facilitator's private note about the member in the hot seat.

use chrono::{DateTime, FixedOffset};

use super::action::{Action, Effect};
use super::state::{App, NoteEditor, Overlay};
use crate::facilitator::strings as s;
use crate::model::{FACILITATOR, PrivateNote};
use crate::tui::input::editor_at_end;

/// `n` in the hot seat: the private note about the member in the hot seat.
pub fn open_note(app: &mut App) -> Vec<Effect> {
    let Some(m) = app.meeting.as_ref() else { return Vec::new() };
    let Some(member) = m.hot_seat.clone() else { return Vec::new() };
    let lines: Vec<String> =
        m.private_note(&member, FACILITATOR).map(|n| n.text.lines().map(str::to_string).collect()).unwrap_or_default();
    app.ui.overlay = Overlay::Note(Box::new(NoteEditor { member, text: editor_at_end(lines), reveal: false }));
    Vec::new()
}

/// Keys while the note is open: Ctrl-S saves it, Esc closes it without saving.
pub fn edit_note(app: &mut App, mut note: Box<NoteEditor>, action: Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
    // Shown for a moment only: the next key masks it again.
    note.reveal = action == Action::RevealNote && !note.reveal;
    match action {
        Action::Submit => return save_note(app, &note, now),
        // Esc never saves: it closes, asking first when the text changed.
        Action::Cancel if changed(app, &note) => {
            app.ui.overlay = Overlay::DiscardNote(note);
            return Vec::new();
        }
        Action::Cancel => return Vec::new(),
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

/// The note's text as it would be saved.
fn typed(note: &NoteEditor) -> String {
    note.text.lines().join("\n").trim_end().to_string()
}

/// Whether the note differs from what is saved.
fn changed(app: &App, note: &NoteEditor) -> bool {
    let saved = app.meeting.as_ref().and_then(|m| m.private_note(&note.member, FACILITATOR)).map(|n| n.text.as_str());
    typed(note) != saved.unwrap_or("")
}

fn save_note(app: &mut App, note: &NoteEditor, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let text = typed(note);
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
    vec![Effect::SaveMeeting]
}

//! The private note while it is typed. The facilitator's screen is the room's screen, so
//! the note is masked: the room sees that a note is being written and how long it is,
//! never its words, unless the facilitator reveals it until the next key (`Ctrl-R`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

use super::{Theme, centered, panel, span, text};
use crate::facilitator::state::NoteEditor;
use crate::facilitator::strings::ui;
use crate::tui::form::EditorBox;

/// The note editor as the room may see it, centred over the area it is rendered into.
pub struct NoteBox<'a> {
    pub name: &'a str,
    pub note: &'a NoteEditor,
    pub theme: Theme,
}

impl Widget for NoteBox<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let NoteBox { name, note, theme } = self;
        if note.reveal {
            let title = ui::note_title(name);
            EditorBox { title, keys: ui::NOTE_KEYS, text: &note.text, theme }.render(area, buf);
            return;
        }
        let chars: usize = note.text.lines().iter().map(|l| l.chars().count()).sum();
        let lines = note.text.lines().iter().filter(|l| !l.is_empty()).count();
        let body = vec![
            Line::from(span(ui::NOTE_BEING_WRITTEN, theme.text())),
            Line::from(vec![
                span(ui::NOTE_MASK, theme.strong()),
                span(format!("  {}", ui::note_length(chars, lines)), theme.dim()),
            ]),
            Line::from(span(ui::NOTE_REVEAL_HINT, theme.dim())),
        ];
        let r = centered(area, 64.min(area.width), 5);
        Clear.render(r, buf);
        let block = panel(ui::note_masked_title(name), theme);
        text(body).block(block).render(r, buf);
    }
}

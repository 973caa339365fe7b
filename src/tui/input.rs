//! Typing helpers both programs' forms and editors use: pasting into a one-line input
//! and opening a multi-line editor with its cursor at the end.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use tui_input::{Input, InputRequest};

/// Paste `text` into a one-line input: line breaks and tabs become spaces, other control
/// characters are dropped.
pub fn paste_into(input: &mut Input, text: &str) {
    for c in text.chars() {
        let c = if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c };
        if !c.is_control() {
            input.handle(InputRequest::InsertChar(c));
        }
    }
}

/// A multi-line editor holding `lines` (one empty line when there are none), with the
/// cursor after the last character. Long lines wrap at the box's width (at a word, or
/// inside a word longer than the box), for display only: the text keeps its lines.
pub fn editor_at_end(lines: Vec<String>) -> TextArea<'static> {
    let mut text = TextArea::new(if lines.is_empty() { vec![String::new()] } else { lines });
    text.set_wrap_mode(WrapMode::WordOrGlyph);
    text.move_cursor(CursorMove::Bottom);
    text.move_cursor(CursorMove::End);
    text
}

//! Terminal key events, as crossterm delivers them.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// A key with no modifier: `key(KeyCode::Enter)`.
pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// A character typed with no modifier.
pub fn ch(c: char) -> Event {
    key(KeyCode::Char(c))
}

pub fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

pub fn shift(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::SHIFT))
}

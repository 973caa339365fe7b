//! What the full-screen commands show when the group cannot be opened: the reason, in
//! one sentence, instead of a crash or a broken layout.

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::crossterm::event::Event;
use ratatui::layout::Alignment;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::run::{Outcome, Program};
use super::theme::Theme;
use super::widgets::{panel, span};
use crate::tui::strings as ui;

pub fn draw(message: &str, frame: &mut Frame, color: bool) {
    let theme = Theme { color };
    let area = frame.area();
    frame.render_widget(Clear, area);
    let lines = vec![
        Line::from(span(ui::ERROR_HEADLINE, theme.alert())),
        Line::default(),
        Line::from(span(message.to_string(), theme.strong())),
        Line::default(),
        Line::from(span(ui::ERROR_HINT, theme.dim())),
    ];
    let p = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .alignment(Alignment::Left)
        .block(panel(ui::ERROR_TITLE, theme));
    frame.render_widget(p, area);
}

/// A screen that shows why the group could not be opened and waits for a key.
pub struct ErrorScreen {
    pub message: String,
    pub color: bool,
}

/// The error screen answers a resize by drawing again and any key by leaving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorAction {
    Redraw,
    Leave,
}

impl Program for ErrorScreen {
    type Action = ErrorAction;
    type Effect = ();

    fn action_for(&self, event: &Event) -> Option<ErrorAction> {
        match event {
            Event::Key(_) => Some(ErrorAction::Leave),
            Event::Resize(..) => Some(ErrorAction::Redraw),
            _ => None,
        }
    }

    fn update(&mut self, action: ErrorAction, _now: DateTime<FixedOffset>) -> Vec<()> {
        match action {
            ErrorAction::Leave => vec![()],
            ErrorAction::Redraw => Vec::new(),
        }
    }

    fn redraws(&self, _action: &ErrorAction) -> bool {
        true
    }

    fn before(&self, _effect: &()) -> Option<ErrorAction> {
        None
    }

    fn perform(&mut self, _effect: (), _now: DateTime<FixedOffset>) -> Outcome<ErrorAction> {
        Outcome::Quit
    }

    fn settle(&mut self) -> Vec<ErrorAction> {
        Vec::new()
    }

    fn poll(&mut self, _now: DateTime<FixedOffset>) -> Vec<ErrorAction> {
        Vec::new()
    }

    fn shutdown(&self) -> ErrorAction {
        ErrorAction::Leave
    }

    fn draw(&self, frame: &mut Frame, _now: DateTime<FixedOffset>) {
        draw(&self.message, frame, self.color);
    }

    fn clock_key(&self, _now: DateTime<FixedOffset>) -> (i64, i64, i64) {
        (0, 0, 0)
    }

    fn next_change_ms(&self, _now: DateTime<FixedOffset>) -> u64 {
        60_000
    }
}

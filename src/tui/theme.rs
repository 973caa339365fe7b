//! Colours and emphasis. With NO_COLOR the same meaning is carried by bold, reverse and
//! words, never by colour alone.

use ratatui::style::{Color, Modifier, Style};

use crate::model::Progress;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

/// Colours on unless NO_COLOR is set to something (the no-color.org convention). Read by
/// the command line when it starts a program, never by a screen.
pub fn color_from_env() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// How much time is left, as the countdown shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    Calm,
    /// Two minutes or less.
    Amber,
    /// Thirty seconds or less, and overtime.
    Red,
}

pub fn urgency(left_ms: i64) -> Urgency {
    if left_ms <= 30_000 {
        Urgency::Red
    } else if left_ms <= 120_000 {
        Urgency::Amber
    } else {
        Urgency::Calm
    }
}

impl Theme {
    fn fg(self, c: Color) -> Style {
        if self.color { Style::new().fg(c) } else { Style::new() }
    }
    pub fn text(self) -> Style {
        Style::new()
    }
    pub fn dim(self) -> Style {
        if self.color { Style::new().fg(Color::DarkGray) } else { Style::new().add_modifier(Modifier::DIM) }
    }
    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn strong(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn ok(self) -> Style {
        self.fg(Color::Green)
    }
    pub fn warn(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn alert(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub fn border(self) -> Style {
        self.fg(Color::DarkGray)
    }
    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn current_phase(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }
    pub fn countdown(self, u: Urgency) -> Style {
        match u {
            Urgency::Calm => self.fg(Color::Green).add_modifier(Modifier::BOLD),
            Urgency::Amber => self.warn(),
            Urgency::Red => self.alert(),
        }
    }
    /// The colour of a progress word.
    pub fn progress(self, p: Progress) -> Style {
        match p {
            Progress::Done => self.ok(),
            Progress::Partial => self.warn(),
            Progress::NotDone => self.alert(),
            Progress::Dropped | Progress::Open => self.dim(),
        }
    }
}

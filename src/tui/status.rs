//! The status line both programs keep under the screen: what kind of message it holds,
//! and how it is drawn.

use ratatui::style::Style;
use ratatui::text::Line;

use super::theme::Theme;
use super::widgets::{fit, span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    pub kind: StatusKind,
    pub text: String,
}

impl StatusLine {
    /// The message, cut to `width`, in its kind's colour.
    pub fn line<'a>(&self, width: usize, theme: Theme) -> Line<'a> {
        let style = match self.kind {
            StatusKind::Info => theme.text(),
            StatusKind::Warning => theme.warn(),
            StatusKind::Error => theme.alert(),
        };
        notice(&self.text, style, width)
    }
}

/// One line of the status row: ` text`, cut to `width`.
pub fn notice<'a>(text: &str, style: Style, width: usize) -> Line<'a> {
    Line::from(span(fit(&format!(" {text}"), width), style))
}

/// The program's words for a save reported back.
pub struct SaveWords {
    /// After a failure, that all is on disk again.
    pub again: &'static str,
    /// What failed, and that the change is kept.
    pub failed: fn(&str) -> String,
}

/// What the status line says once a save reports back, if anything: `unsaved` remembers
/// whether the last save failed.
pub fn after_save(unsaved: &mut bool, failure: Option<&str>, words: SaveWords) -> Option<StatusLine> {
    match failure {
        None => std::mem::take(unsaved).then(|| StatusLine { kind: StatusKind::Info, text: words.again.to_string() }),
        Some(msg) => {
            *unsaved = true;
            Some(StatusLine { kind: StatusKind::Error, text: (words.failed)(msg) })
        }
    }
}

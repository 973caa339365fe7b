//! The yes/no question both programs ask in a small box over the screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

use super::strings::CONFIRM_KEYS;
use super::theme::Theme;
use super::widgets::{centered, panel, span, text};

/// A titled question, centred over the area it is rendered into.
pub struct Confirm<'a> {
    pub title: &'a str,
    pub body: &'a str,
    pub theme: Theme,
}

impl Widget for Confirm<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let lines = vec![
            Line::from(span(self.body.to_string(), theme.text())),
            Line::default(),
            Line::from(span(CONFIRM_KEYS, theme.key())),
        ];
        let r = centered(area, 56.min(area.width), 7);
        Clear.render(r, buf);
        text(lines).block(panel(self.title, theme)).render(r, buf);
    }
}

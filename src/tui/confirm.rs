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
        // One line of the body per line it holds, each wrapped to the box.
        let w = 56.min(area.width);
        let inner_w = w.saturating_sub(2).max(1) as usize;
        let mut lines: Vec<Line> = self
            .body
            .lines()
            .flat_map(|l| match super::screen::textwrap(l, inner_w) {
                v if v.is_empty() => vec![String::new()],
                v => v,
            })
            .map(|l| Line::from(span(l, theme.text())))
            .collect();
        let body_h = lines.len();
        lines.extend([Line::default(), Line::from(span(CONFIRM_KEYS, theme.key()))]);
        let h = (body_h as u16 + 4).max(7);
        let r = centered(area, w, h);
        Clear.render(r, buf);
        text(lines).block(panel(self.title, theme)).render(r, buf);
    }
}

//! What the full-screen commands show when the group cannot be opened: the reason, in
//! one sentence, instead of a crash or a broken layout.

use ratatui::Frame;
use ratatui::layout::Alignment;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

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

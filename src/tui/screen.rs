//! The frame every screen of both programs sits in: the smallest size they are laid out
//! for, the sentence shown below it, and the five rows (header, tabs or phases, body,
//! status, footer).

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::widgets::{fit, span};

/// Smallest terminal the screens are laid out for.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;

/// Whether a terminal of `size` shows the screens (an unknown size is taken to fit):
/// when it does not, only quitting and resizing do anything.
pub fn fits(size: Option<(u16, u16)>) -> bool {
    size.is_none_or(|(w, h)| w >= MIN_WIDTH && h >= MIN_HEIGHT)
}

/// The question asked while the terminal is too small to show anything else.
pub fn too_small_question(frame: &mut Frame, question: &str, theme: Theme) {
    let area = frame.area();
    let y = area.y + area.height.saturating_sub(1);
    let line = Line::from(span(fit(question, area.width as usize), theme.key()));
    frame.render_widget(Paragraph::new(line).alignment(Alignment::Center), Rect { y, height: 1, ..area });
}

/// The rows of a screen, top to bottom.
pub struct Rows {
    pub header: Rect,
    /// The phase bar or the tabs.
    pub bar: Rect,
    pub body: Rect,
    pub status: Rect,
    pub footer: Rect,
}

/// The rows of the frame, or `None` after saying the terminal is too small.
pub fn rows(frame: &mut Frame, theme: Theme) -> Option<Rows> {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, theme);
        return None;
    }
    // Four rows of one line around the body: plain arithmetic, no constraint solver (the
    // first solve of a process is a good part of a first frame).
    let row = |y: u16, height: u16| Rect { y, height, ..area };
    let body = area.height - 4;
    Some(Rows {
        header: row(area.y, 1),
        bar: row(area.y + 1, 1),
        body: row(area.y + 2, body),
        status: row(area.y + 2 + body, 1),
        footer: row(area.y + 3 + body, 1),
    })
}

pub fn too_small(frame: &mut Frame, area: Rect, theme: Theme) {
    let msg = super::strings::too_small(area.width, area.height, MIN_WIDTH, MIN_HEIGHT);
    let lines: Vec<Line> =
        textwrap(&msg, area.width.max(1) as usize).into_iter().map(|l| Line::from(span(l, theme.strong()))).collect();
    let h = (lines.len() as u16).min(area.height);
    let y = area.y + area.height.saturating_sub(h) / 2;
    frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), Rect { y, height: h, ..area });
}

/// Simple word wrap for the few places that are not in a Paragraph.
pub(crate) fn textwrap(s: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push(line);
    }
    out.into_iter().map(|l| fit(&l, width)).collect()
}

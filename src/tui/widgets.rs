//! Small drawing pieces both full-screen programs use: panels, safe text, a one-line
//! input with its cursor, the footer and the scrolling key list.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};
use tui_input::Input;

use super::strings as s;
use super::theme::Theme;

/// Draw a one-line input at `r`, scrolled to keep the cursor in view, with the terminal
/// cursor where the user types.
pub fn input_line(frame: &mut Frame, input: &Input, r: Rect, focused: bool, theme: Theme) {
    let width = r.width.max(1) as usize;
    let scroll = input.visual_scroll(width.saturating_sub(1));
    let style = if focused { theme.strong() } else { theme.text() };
    let mut w = 0;
    let shown: String = input
        .value()
        .chars()
        .skip(scroll)
        .take_while(|c| {
            w += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            w <= width
        })
        .collect();
    frame.render_widget(Paragraph::new(span(shown, style)), r);
    if focused {
        let x = input.visual_cursor().saturating_sub(scroll) as u16;
        frame.set_cursor_position(Position { x: r.x + x.min(r.width.saturating_sub(1)), y: r.y });
    }
}

/// The footer of key hints: as many as fit, then always help and quit. When some do not
/// fit, the help hint says `more` instead of `help`: nothing is dropped silently.
pub fn footer(hints: Vec<(String, &'static str)>, frame: &mut Frame, area: Rect, theme: Theme) {
    use unicode_width::UnicodeWidthStr;
    let always = [s::HINT_HELP, s::HINT_QUIT];
    let (mut tail, main): (Vec<_>, Vec<_>) = hints.into_iter().partition(|(_, h)| always.contains(h));
    let render = |(k, h): &(String, &str)| [span(k.clone(), theme.key()), span(format!(" {h}  "), theme.dim())];
    let width = |(k, h): &(String, &str)| k.width() + h.width() + 3;
    let budget = (area.width as usize).saturating_sub(1 + tail.iter().map(width).sum::<usize>());
    let mut spans = vec![ratatui::text::Span::raw(" ")];
    let mut used = 0;
    let mut shown = 0;
    for h in &main {
        if used + width(h) > budget {
            break;
        }
        used += width(h);
        shown += 1;
        spans.extend(render(h));
    }
    if shown < main.len() {
        for h in tail.iter_mut().filter(|(_, h)| *h == s::HINT_HELP) {
            h.1 = s::HINT_MORE;
        }
    }
    for h in &tail {
        spans.extend(render(h));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The help overlay's box inside a screen of `area`, borders included.
fn help_box(area: Rect) -> Rect {
    Rect { x: area.x + 2, y: area.y + 1, width: area.width.saturating_sub(4), height: area.height.saturating_sub(2) }
}

/// The `?` overlay's lines for a box `width` cells wide inside its borders: each
/// section's title, then its keys and what they do, the words wrapped under themselves.
pub fn help_lines<'a>(sections: &[(String, Vec<(String, &'static str)>)], width: u16, theme: Theme) -> Vec<Line<'a>> {
    let key_w = sections.iter().flat_map(|(_, rows)| rows.iter().map(|(k, _)| k.chars().count())).max().unwrap_or(0);
    let key_w = key_w.clamp(12, 18) + 2;
    let text_w = (width as usize).saturating_sub(key_w + 2).max(8);
    let mut lines = Vec::new();
    for (title, rows) in sections.iter().filter(|(_, rows)| !rows.is_empty()) {
        lines.push(Line::from(span(fit(title, width as usize), theme.title())));
        for (keys, what) in rows {
            let mut parts = super::screen::textwrap(what, text_w).into_iter();
            let first = parts.next().unwrap_or_default();
            lines.push(Line::from(vec![span(format!("  {keys:<key_w$}"), theme.key()), span(first, theme.text())]));
            for more in parts {
                lines.push(Line::from(vec![span(" ".repeat(key_w + 2), theme.text()), span(more, theme.text())]));
            }
        }
    }
    lines
}

/// How far the `?` overlay scrolls on a screen of `size` (width, height): its lines less
/// the rows in view, so scrolling never runs past its end.
pub fn help_max_scroll(sections: &[(String, Vec<(String, &'static str)>)], size: (u16, u16)) -> u16 {
    let r = help_box(Rect { x: 0, y: 0, width: size.0, height: size.1 });
    let lines = help_lines(sections, r.width.saturating_sub(2), Theme { color: false });
    (lines.len() as u16).saturating_sub(r.height.saturating_sub(2))
}

/// The `?` overlay: sections of (keys, what they do), scrolled down by `scroll` lines.
pub fn key_list(
    sections: Vec<(String, Vec<(String, &'static str)>)>,
    scroll: u16,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    let r = help_box(area);
    let lines = help_lines(&sections, r.width.saturating_sub(2), theme);
    let max = help_max_scroll(&sections, (area.width, area.height));
    let scroll = scroll.min(max);
    let more = if scroll < max { s::HELP_MORE } else { "" };
    frame.render_widget(Clear, r);
    let block = panel(fit(s::HELP_TITLE.trim(), r.width.saturating_sub(4) as usize), theme)
        .title_bottom(Line::from(span(more, theme.key())));
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)).block(block), r);
}

/// A titled panel.
pub fn panel<'a>(title: impl Into<String>, theme: Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border())
        .title(Span::styled(format!(" {} ", title.into()), theme.title()))
}

/// A wrapped paragraph of lines.
pub fn text<'a>(lines: Vec<Line<'a>>) -> Paragraph<'a> {
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

/// A styled piece of text. Control characters (which a hand-edited or synced file could
/// hold) are replaced, so no data can send escape sequences to the terminal.
pub fn span<'a>(s: impl Into<String>, style: Style) -> Span<'a> {
    Span::styled(printable(s.into()), style)
}

/// `s` with every control character replaced by `�`.
pub fn printable(s: String) -> String {
    if s.chars().any(char::is_control) {
        s.chars().map(|c| if c.is_control() { '�' } else { c }).collect()
    } else {
        s
    }
}

/// Cut `s` to `width` characters, with an ellipsis when cut.
pub fn fit(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// The part of `area` inside a centred box of `w`×`h`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

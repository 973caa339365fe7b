//! Nothing is cut silently: a list longer than its box says where the selection is
//! (`3/12 ▾` in the box's bottom border), a panel of text longer than its box says that
//! more follows (`▾ more`), and a title wider than its box ends in `…`.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap};

use super::theme::Theme;
use super::widgets::{fit, panel, span};

/// The first row shown of a list of `len` rows, `height` at a time, with `selected` in
/// view (as ratatui's `List` scrolls from the top).
pub fn first_shown(selected: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height { 0 } else { (selected + 1).saturating_sub(height).min(len - height) }
}

/// Where the selection stands in a list longer than its box: `3/12 ▾` (`▴` when rows are
/// hidden above, `▾` below), or `None` when every row is in view.
pub fn position(selected: usize, len: usize, height: usize) -> Option<String> {
    if len <= height {
        return None;
    }
    let first = first_shown(selected, len, height);
    let up = if first > 0 { "▴" } else { "" };
    let down = if first + height < len { "▾" } else { "" };
    Some(format!("{}/{len} {up}{down}", selected.min(len - 1) + 1))
}

/// `block` with `marker` (a list's position) at the right of its bottom border.
pub fn marked<'a>(block: Block<'a>, marker: Option<String>, theme: Theme) -> Block<'a> {
    match marker {
        Some(p) => block.title_bottom(Line::from(span(format!(" {p} "), theme.key())).alignment(Alignment::Right)),
        None => block,
    }
}

/// The marker of a list of `len` items (the selected one `selected`) shown as rows, from
/// `first` for `height` of `rows` in all: `3/12 ▾`, or `None` when every row shows.
pub fn marker(selected: usize, len: usize, first: usize, height: usize, rows: usize) -> Option<String> {
    let up = if first > 0 { "▴" } else { "" };
    let down = if first + height < rows { "▾" } else { "" };
    (first > 0 || first + height < rows).then(|| format!("{}/{len} {up}{down}", selected + 1))
}

/// `line` cut to `width` cells, ending in `…` when cut: the spans that fit, kept in their
/// styles.
pub fn fit_line(line: Line<'_>, width: usize) -> Line<'_> {
    use unicode_width::UnicodeWidthStr;
    if line.width() <= width {
        return line;
    }
    let mut out: Vec<ratatui::text::Span> = Vec::new();
    let mut used = 0;
    for s in line.spans {
        let w = s.content.width();
        if used + w < width {
            used += w;
            out.push(s);
            continue;
        }
        out.push(ratatui::text::Span::styled(fit(&s.content, width - used), s.style));
        break;
    }
    Line::from(out)
}

/// A panel whose title ends in `…` when it is wider than a box `width` cells wide.
pub fn panel_fit<'a>(title: &str, width: u16, theme: Theme) -> Block<'a> {
    panel(fit(title, (width as usize).saturating_sub(4)), theme)
}

/// A list of one-line rows in `block`, the selected row highlighted, its position in the
/// bottom border when the list is longer than the box.
pub fn list_box(
    items: Vec<ListItem<'_>>,
    block: Block<'_>,
    selected: impl Into<Option<usize>>,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    let selected = selected.into();
    let len = items.len();
    let height = block.inner(area).height as usize;
    let block = marked(block, position(selected.unwrap_or(0), len, height), theme);
    let mut state = ListState::default().with_selected(selected.filter(|_| len > 0).map(|s| s.min(len - 1)));
    StatefulWidget::render(
        List::new(items).block(block).highlight_style(theme.selected()).highlight_symbol("▸ "),
        area,
        buf,
        &mut state,
    );
}

/// How many rows `lines` take once wrapped to `width` cells.
pub fn wrapped_height(lines: &[Line<'_>], width: u16) -> u16 {
    if all_fit(lines, width) {
        return lines.len().min(u16::MAX as usize) as u16;
    }
    let n = Paragraph::new(lines.to_vec()).wrap(Wrap { trim: false }).line_count(width.max(1));
    n.min(u16::MAX as usize) as u16
}

/// Whether every line fits in `width` cells as it is: then wrapping changes nothing, and
/// the word wrapper (a pass over every character) is not needed to count or draw them.
fn all_fit(lines: &[Line<'_>], width: u16) -> bool {
    width > 0 && lines.iter().all(|l| l.width() <= usize::from(width))
}

/// How far the text in a box at `area` (borders included) can scroll: the rows that do
/// not fit.
pub fn overflow(lines: &[Line<'_>], area: Rect) -> u16 {
    let inner_w = area.width.saturating_sub(2);
    let inner_h = area.height.saturating_sub(2);
    wrapped_height(lines, inner_w).saturating_sub(inner_h)
}

/// Wrapped text in `block`, scrolled down by `scroll` rows (at most to its end). When
/// rows are hidden the bottom border says so: `▾ more` (with the key that scrolls, when
/// there is one), `▴` when rows are hidden above.
pub struct TextBox<'a> {
    pub lines: Vec<Line<'a>>,
    pub block: Block<'a>,
    pub scroll: u16,
    /// The key that scrolls this text, named in the marker.
    pub key: Option<&'a str>,
    pub theme: Theme,
}

impl<'a> TextBox<'a> {
    /// Text no key scrolls, from its top (`▾ more` when it does not fit).
    pub fn fixed(lines: Vec<Line<'a>>, block: Block<'a>, theme: Theme) -> TextBox<'a> {
        TextBox { lines, block, scroll: 0, key: None, theme }
    }
}

impl Widget for TextBox<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let TextBox { lines, block, scroll, key, theme } = self;
        let max = overflow(&lines, area);
        let scroll = scroll.min(max);
        let up = if scroll > 0 { "▴" } else { "" };
        let marker = match (scroll < max, key) {
            (true, Some(k)) => format!(" {up}▾ {} {k} ", super::strings::MORE),
            (true, None) => format!(" {up}▾ {} ", super::strings::MORE),
            (false, _) if scroll > 0 => format!(" {up} "),
            _ => String::new(),
        };
        let block = if marker.is_empty() {
            block
        } else {
            block.title_bottom(Line::from(span(marker, theme.key())).alignment(Alignment::Right))
        };
        let fits = all_fit(&lines, area.width.saturating_sub(2));
        let text = Paragraph::new(lines).block(block).scroll((scroll, 0));
        if fits { text } else { text.wrap(Wrap { trim: false }) }.render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const PIECES: [&str; 10] = ["a", "word ", " ", "•", "界", "e\u{301}", "👍", "\t", "·", "–"];

    proptest! {
        #[test]
        fn lines_that_fit_count_and_draw_as_the_word_wrapper_has_them(
            picks in proptest::collection::vec(proptest::collection::vec(0..PIECES.len(), 0..12), 0..6),
            width in 1u16..14,
        ) {
            let lines: Vec<Line> =
                picks.iter().map(|l| Line::from(l.iter().map(|&i| PIECES[i]).collect::<String>())).collect();
            let wrapped = Paragraph::new(lines.clone()).wrap(Wrap { trim: false }).line_count(width) as u16;
            prop_assert_eq!(wrapped_height(&lines, width), wrapped);
            let area = Rect::new(0, 0, width + 2, 8);
            let mut with_wrap = Buffer::empty(area);
            Paragraph::new(lines.clone())
                .wrap(Wrap { trim: false })
                .block(Block::bordered())
                .render(area, &mut with_wrap);
            let mut boxed = Buffer::empty(area);
            TextBox::fixed(lines, Block::bordered(), Theme { color: false }).render(area, &mut boxed);
            if wrapped <= 6 {
                prop_assert_eq!(boxed, with_wrap);
            }
        }
    }

    #[test]
    fn a_line_too_long_ends_in_an_ellipsis_and_keeps_its_styles() {
        use ratatui::style::Style;
        let red = Style::default().fg(ratatui::style::Color::Red);
        let line = Line::from(vec![ratatui::text::Span::raw("Next: "), ratatui::text::Span::styled("Tue 5 Feb", red)]);
        let cut = fit_line(line.clone(), 10);
        assert_eq!(cut.to_string(), "Next: Tue…");
        assert_eq!(cut.spans[1].style, red);
        assert_eq!(fit_line(line, 40).to_string(), "Next: Tue 5 Feb");
    }

    #[test]
    fn the_position_shows_only_when_rows_are_hidden() {
        assert_eq!(position(0, 5, 5), None);
        assert_eq!(position(0, 12, 5).as_deref(), Some("1/12 ▾"));
        assert_eq!(position(6, 12, 5).as_deref(), Some("7/12 ▴▾"));
        assert_eq!(position(11, 12, 5).as_deref(), Some("12/12 ▴"));
        assert_eq!(first_shown(6, 12, 5), 2);
    }
}

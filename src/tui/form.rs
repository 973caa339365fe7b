//! The boxes both programs type into: a form of labelled one-line fields, and a
//! multi-line editor.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use ratatui_textarea::TextArea;
use tui_input::Input;

use super::theme::Theme;
use super::widgets::{centered, fit, input_line, panel, span};

/// What one row of a form shows after its label.
pub enum FieldView<'a> {
    /// A one-line input; the terminal cursor goes there when the row has focus.
    Input(&'a Input),
    /// A choice picked with ← →, shown as `‹ value ›` when the row has focus.
    Choice(String),
    /// A box ticked with Space (`[x] yes`); the terminal cursor sits in it when focused.
    Check(&'a str),
}

/// One labelled row of a form.
pub struct Row<'a> {
    pub label: &'a str,
    pub view: FieldView<'a>,
    pub focused: bool,
}

/// Draw a form into a box `w` wide and `h` high, centred in `area`: the rows two lines
/// apart, labels `label_w` wide, then the error (if any) and the keys at the bottom.
pub struct FormBox<'a> {
    pub block: Block<'a>,
    pub w: u16,
    pub h: u16,
    pub label_w: fn(Rect) -> u16,
    pub rows: Vec<Row<'a>>,
    pub error: Option<&'a str>,
    pub keys: &'a str,
}

impl FormBox<'_> {
    pub fn draw(self, frame: &mut Frame, area: Rect, theme: Theme) {
        let r = centered(area, self.w, self.h);
        frame.render_widget(Clear, r);
        let inner = self.block.inner(r);
        frame.render_widget(self.block, r);
        let label_w = (self.label_w)(inner);
        for (i, row) in self.rows.into_iter().enumerate() {
            let y = inner.y + (i as u16) * 2;
            if y >= inner.y + inner.height {
                break;
            }
            let lstyle = if row.focused { theme.key() } else { theme.dim() };
            frame.render_widget(
                Paragraph::new(span(row.label, lstyle)),
                Rect { x: inner.x, y, width: label_w.min(inner.width), height: 1 },
            );
            let fr = Rect { x: inner.x + label_w, y, width: inner.width.saturating_sub(label_w), height: 1 };
            match row.view {
                FieldView::Input(input) => input_line(frame, input, fr, row.focused, theme),
                FieldView::Choice(name) => {
                    let shown = if row.focused { format!("‹ {name} ›") } else { name };
                    let style = if row.focused { theme.strong() } else { theme.text() };
                    frame.render_widget(Paragraph::new(span(shown, style)), fr);
                }
                FieldView::Check(shown) => {
                    let style = if row.focused { theme.strong() } else { theme.text() };
                    frame.render_widget(Paragraph::new(span(shown, style)), fr);
                    if row.focused {
                        frame.set_cursor_position((fr.x + 1, fr.y));
                    }
                }
            }
        }
        let bottom = Rect { x: inner.x, y: inner.y + inner.height.saturating_sub(2), width: inner.width, height: 2 };
        let w = inner.width as usize;
        let first = match self.error {
            Some(e) => Line::from(span(fit(e, w), theme.alert())),
            None => Line::default(),
        };
        frame.render_widget(Paragraph::new(vec![first, Line::from(span(fit(self.keys, w), theme.dim()))]), bottom);
    }
}

/// A multi-line editor in a titled box, its keys on the bottom border, centred over the
/// area it is rendered into.
pub struct EditorBox<'a> {
    pub title: String,
    pub keys: &'a str,
    pub text: &'a TextArea<'static>,
    pub theme: Theme,
}

impl Widget for EditorBox<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let r = centered(area, 70.min(area.width), 12.min(area.height));
        Clear.render(r, buf);
        let block = panel(self.title, self.theme).title_bottom(Line::from(span(self.keys, self.theme.dim())));
        let inner = block.inner(r);
        block.render(r, buf);
        self.text.render(inner, buf);
    }
}

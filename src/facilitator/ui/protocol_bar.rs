//! The hot-seat protocol under the big clock: the steps in a line with the current one
//! marked and its own time left, and below it the step's reminder, or a flag when the
//! step's time is up.

use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::{Theme, fit, format, span};
use crate::facilitator::strings::agenda as a;
use crate::model::Turn;
use crate::model::agenda::Agenda;
use crate::model::protocol::{StepNow, step_now};

pub struct ProtocolBar<'a> {
    pub agenda: &'a Agenda,
    pub turn: &'a Turn,
    pub now: DateTime<FixedOffset>,
    pub theme: Theme,
}

impl Widget for ProtocolBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let ProtocolBar { agenda, turn, now, theme } = self;
        let Some(st) = step_now(agenda, turn, now) else { return };
        let width = area.width as usize;
        let mut steps = steps_line(agenda, &st, theme, false);
        if line_width(&steps) > width {
            steps = steps_line(agenda, &st, theme, true);
        }
        let current = &agenda.protocol[st.index];
        let cue = if st.is_up() {
            span(fit(&a::step_up(&current.name), width.saturating_sub(1)), theme.alert())
        } else {
            span(fit(&current.reminder, width.saturating_sub(3)), theme.text())
        };
        let lines = vec![Line::from(steps), Line::from(vec![Span::raw("   "), cue])];
        Widget::render(Paragraph::new(lines), area, buf);
    }
}

fn line_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| s.content.width()).sum()
}

/// ` ✓ Present · ▶ Questions 2:10 · Experience · Commit`; `short` keeps only the first
/// word of the steps not in progress.
fn steps_line<'a>(agenda: &Agenda, st: &StepNow, theme: Theme, short: bool) -> Vec<Span<'a>> {
    let mut spans = vec![Span::raw(" ")];
    for (i, step) in agenda.protocol.iter().enumerate() {
        if i > 0 {
            spans.push(span(" · ", theme.dim()));
        }
        let name = if short && i != st.index {
            step.name.split_whitespace().next().unwrap_or("").to_string()
        } else {
            step.name.clone()
        };
        if i < st.index {
            spans.push(span(format!("{}{name}", a::DONE_MARK), theme.dim()));
        } else if i == st.index {
            let style = if st.is_up() { theme.alert() } else { theme.current_phase() };
            let shown = a::step_now(&name, &format::clock(st.left_ms));
            spans.push(span(format!("{}{shown} ", a::CURRENT_MARK), style));
        } else {
            spans.push(span(name, theme.text()));
        }
    }
    spans
}

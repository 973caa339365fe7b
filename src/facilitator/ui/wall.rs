//! The clock the back row can read: full-size digits scaled up with the screen, the wall
//! view (`f`: the member's name, the clock as large as the terminal allows, the current
//! protocol step, nothing else), and the compact clock that stays in view while a
//! dialog is open.

use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

use super::theme::urgency;
use super::{Theme, fit, format, span};
use crate::facilitator::App;
use crate::facilitator::strings::agenda as a;
use crate::model::Turn;
use crate::model::protocol::step_now;

/// Columns and rows of one full-size character.
const CHAR_W: u16 = 8;
const CHAR_H: u16 = 8;

/// The largest whole scale at which `text` in full-size digits fits `w`×`h`.
pub fn scale_for(text: &str, w: u16, h: u16) -> u16 {
    let chars = text.chars().count().max(1) as u16;
    (w / (chars * CHAR_W)).min(h / CHAR_H)
}

/// Full-size digits, each pixel drawn `scale` times wider and taller, centred in `area`.
pub struct ScaledDigits<'a> {
    pub text: &'a str,
    pub scale: u16,
    pub style: Style,
}

impl Widget for ScaledDigits<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.scale.max(1);
        let chars = self.text.chars().count() as u16;
        let small = Rect::new(0, 0, chars * CHAR_W, CHAR_H);
        let mut tmp = Buffer::empty(small);
        BigText::builder()
            .pixel_size(PixelSize::Full)
            .style(self.style)
            .lines(vec![self.text.to_string().into()])
            .build()
            .render(small, &mut tmp);
        let (w, h) = (small.width * s, small.height * s);
        let x0 = area.x + area.width.saturating_sub(w) / 2;
        let y0 = area.y + area.height.saturating_sub(h) / 2;
        for y in 0..h.min(area.height) {
            for x in 0..w.min(area.width) {
                let from = &tmp[(x / s, y / s)];
                if from.symbol() != " " {
                    buf[(x0 + x, y0 + y)].set_symbol(from.symbol()).set_style(self.style);
                }
            }
        }
    }
}

/// The wall view: name, the clock as large as it goes, the current protocol step.
pub fn wall(app: &App, area: Rect, buf: &mut Buffer, now: DateTime<FixedOffset>, theme: Theme) {
    let Some(m) = app.meeting.as_ref() else { return };
    let Some(turn) = m.current_turn() else { return };
    ratatui::widgets::Clear.render(area, buf);
    let name = app.ctx.group.name_of(&turn.member);
    let left = turn.left_ms_at(now);
    let text = format::clock(left);
    let line = |s: String, style: Style| Paragraph::new(Line::from(span(s, style))).centered();
    let w = area.width as usize;
    line(fit(name, w), theme.title()).render(Rect { height: 1, ..area }, buf);
    let clock_area = Rect { y: area.y + 2, height: area.height.saturating_sub(6), ..area };
    let scale = scale_for(&text, clock_area.width, clock_area.height);
    let style = theme.countdown(urgency(left));
    if scale >= 1 {
        ScaledDigits { text: &text, scale, style }.render(clock_area, buf);
    } else {
        line(text.clone(), style).render(Rect { height: 1, ..clock_area }, buf);
    }
    let bottom = area.y + area.height.saturating_sub(3);
    let label = a::clock_label(left, turn.is_running());
    line(label, theme.strong()).render(Rect { y: bottom, height: 1, ..area }, buf);
    if let Some(st) = step_now(app.ctx.group.agenda(), turn, now) {
        let step = &app.ctx.group.agenda().protocol[st.index];
        let shown = a::step_now(&step.name, &format::clock(st.left_ms));
        let style = if st.is_up() { theme.alert() } else { theme.text() };
        line(fit(&format!("{}{shown} · {}", a::CURRENT_MARK, step.reminder), w), style)
            .render(Rect { y: bottom + 1, height: 1, ..area }, buf);
    }
}

/// One line that keeps the countdown in view under a dialog: `⏱ 12:34 · 12 min left · Ada`.
pub fn compact(turn: &Turn, name: &str, area: Rect, buf: &mut Buffer, now: DateTime<FixedOffset>, theme: Theme) {
    let left = turn.left_ms_at(now);
    let text = a::compact_clock(&format::clock(left), &a::clock_label(left, turn.is_running()), name);
    Paragraph::new(Line::from(span(fit(&text, area.width as usize), theme.countdown(urgency(left))))).render(area, buf);
}

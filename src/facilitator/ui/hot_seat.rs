//! Hot seats: one member, a big countdown, their goals, questions and walk-away, and the
//! action steps captured in this turn.

use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{List, ListItem, ListState, Paragraph};
use ratatui::widgets::{StatefulWidget, Widget};
use tui_big_text::{BigText, PixelSize};

use super::theme::{Urgency, urgency};
use super::{Theme, fit, format, panel, span, text};
use crate::facilitator::App;
use crate::facilitator::queries::{self, clamp};
use crate::facilitator::strings::ui;
use crate::model::{FACILITATOR, Turn};

/// The hot seat screen, drawn into the body of the frame.
pub struct HotSeat<'a> {
    pub app: &'a App,
    pub now: DateTime<FixedOffset>,
    pub theme: Theme,
}

impl Widget for HotSeat<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let HotSeat { app, now, theme } = self;
        let Some(m) = app.meeting.as_ref() else { return };
        let Some(id) = m.hot_seat.as_deref() else { return };
        let Some(turn) = m.turn(id) else { return };
        let today = now.date_naive();
        // Full-size digits only on really large terminals: every second rewrites one 8×8
        // digit, about 90 bytes a second to the terminal, against about 65 at half height.
        let big = if area.height >= 44 && area.width >= 100 {
            PixelSize::Full
        } else if area.width >= 76 {
            PixelSize::HalfHeight
        } else {
            PixelSize::Quadrant
        };
        // Projector scale: on a large terminal the full-size digits grow with the screen.
        let scale = if area.width >= 160 && area.height >= 40 {
            super::wall::scale_for("00:00", area.width * 65 / 100 - 4, area.height / 2 - 2)
        } else {
            1
        };
        let clock_h = if big == PixelSize::Full { 8 * scale } else { 4 } + 2;
        let [title, top, protocol, middle, steps, note] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(clock_h),
            Constraint::Length(2),
            Constraint::Min(4),
            Constraint::Min(4),
            Constraint::Length(1),
        ])
        .areas(area);

        // Who is in the hot seat, and who is next.
        let member = app.ctx.group.member(id);
        let name = member.map(|x| x.name.as_str()).unwrap_or(id);
        let role = member.map(|x| x.role.as_str()).unwrap_or("");
        let pos = m.order.iter().position(|x| x == id).map(|i| i + 1).unwrap_or(0);
        let next = queries::next_in_order(m).map(|n| app.ctx.group.name_of(n).to_string());
        let right = ui::turn_of(pos, m.order.len(), next.as_deref());
        let left_w = (title.width as usize).saturating_sub(right.chars().count() + 2);
        let mut who = format!(" {name}");
        if !role.is_empty() {
            who.push_str(&format!(" · {role}"));
        }
        let who = fit(&who, left_w);
        let pad = (title.width as usize)
            .saturating_sub(unicode_width::UnicodeWidthStr::width(who.as_str()) + right.chars().count() + 1);
        Widget::render(
            Paragraph::new(Line::from(vec![
                span(who, theme.title()),
                span(" ".repeat(pad), theme.text()),
                span(right, theme.dim()),
            ])),
            title,
            buf,
        );

        let clock_w = if big == PixelSize::Quadrant { 5 * 4 + 4 } else { 5 * 8 * scale + 4 };
        let [clock, goals] =
            Layout::horizontal([Constraint::Length(clock_w.min(top.width)), Constraint::Fill(1)]).areas(top);
        countdown(turn, buf, clock, (big, scale), now, theme);
        let agenda = app.ctx.group.agenda();
        Widget::render(super::ProtocolBar { agenda, turn, now, theme }, protocol, buf);

        // Goals.
        let mut glines = Vec::new();
        for g in app.ctx.goals_of(id) {
            glines.push(Line::from(span(format!("• {}", g.title), theme.strong())));
            let mut facts = Vec::new();
            if !g.measurable_result.is_empty() {
                facts.push(g.measurable_result.clone());
            }
            if let Some(d) = g.deadline {
                facts.push(ui::by_date(&format::date(d, today)));
            }
            if !facts.is_empty() {
                glines.push(Line::from(span(format!("  {}", facts.join(" · ")), theme.dim())));
            }
        }
        if glines.is_empty() {
            glines.push(Line::from(span(ui::NO_GOALS, theme.dim())));
        }
        Widget::render(text(glines).block(panel(ui::GOALS_TITLE, theme)), goals, buf);

        // Questions and walk-away.
        let [q_area, w_area] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(middle);
        let prep = app.ctx.preps.get(id);
        let questions: Vec<Line> = match prep.map(|p| &p.questions) {
            Some(qs) if !qs.is_empty() => qs.iter().map(|q| Line::from(span(format!("• {q}"), theme.text()))).collect(),
            _ => vec![Line::from(span(ui::NONE_YET, theme.dim()))],
        };
        Widget::render(text(questions).block(panel(ui::QUESTIONS_TITLE, theme)), q_area, buf);
        let walk = match prep.map(|p| p.walk_away.as_str()) {
            Some(w) if !w.is_empty() => Line::from(span(w.to_string(), theme.text())),
            _ => Line::from(span(ui::NONE_YET, theme.dim())),
        };
        Widget::render(text(vec![walk]).block(panel(ui::WALK_AWAY_TITLE, theme)), w_area, buf);

        // Steps captured for this member in this meeting.
        let mine: Vec<_> = queries::steps_of(m, id).collect();
        let inner_w = steps.width.saturating_sub(4) as usize;
        let items: Vec<ListItem> = mine
            .iter()
            .map(|s| {
                let mut tail = Vec::new();
                if !s.measurable_result.is_empty() {
                    tail.push(s.measurable_result.clone());
                }
                if let Some(d) = s.due {
                    tail.push(ui::due(&format::date(d, today)));
                }
                let tail = if tail.is_empty() { String::new() } else { format!(" · {}", tail.join(" · ")) };
                ListItem::new(Line::from(vec![span(fit(&format!("{}{tail}", s.text), inner_w), theme.text())]))
            })
            .collect();
        let title = ui::steps_this_turn(mine.len());
        if items.is_empty() {
            Widget::render(
                text(vec![Line::from(span(ui::PRESS_A, theme.dim()))]).block(panel(title, theme)),
                steps,
                buf,
            );
        } else {
            let mut state = ListState::default().with_selected(Some(clamp(app.ui.cursors.hot, items.len())));
            StatefulWidget::render(
                List::new(items).block(panel(title, theme)).highlight_style(theme.selected()).highlight_symbol("▸ "),
                steps,
                buf,
                &mut state,
            );
        }

        // The private note is never shown here, only whether there is one.
        let has_note = m.private_note(id, FACILITATOR).is_some_and(|n| !n.text.is_empty());
        let line = if has_note { ui::NOTE_HIDDEN } else { ui::NOTE_NONE };
        Widget::render(Paragraph::new(Line::from(span(format!(" {line}"), theme.dim()))), note, buf);
    }
}

fn countdown(
    turn: &Turn,
    buf: &mut Buffer,
    area: Rect,
    (size, scale): (PixelSize, u16),
    now: DateTime<FixedOffset>,
    theme: Theme,
) {
    let left = turn.left_ms_at(now);
    let u = urgency(left);
    let style = theme.countdown(u);
    let state = crate::facilitator::strings::agenda::clock_label(left, turn.is_running());
    let planned = (turn.prep_secs > 0).then_some(turn.prep_secs / 60);
    let block = panel(crate::facilitator::strings::agenda::turn_title(turn.planned_secs / 60, planned), theme)
        .title_bottom(
            Line::from(span(
                format!(" {state} "),
                if u == Urgency::Red || !turn.is_running() { theme.alert() } else { theme.dim() },
            ))
            .alignment(Alignment::Center),
        );
    let inner = block.inner(area);
    Widget::render(block, area, buf);
    if scale > 1 {
        let text = format::clock(left);
        let scale = scale.min(super::wall::scale_for(&text, inner.width, inner.height)).max(1);
        Widget::render(super::wall::ScaledDigits { text: &text, scale, style }, inner, buf);
        return;
    }
    let digits =
        BigText::builder().pixel_size(size).style(style).lines(vec![format::clock(left).into()]).centered().build();
    let h = if size == PixelSize::Full { 8 } else { 4 };
    let y = inner.y + inner.height.saturating_sub(h) / 2;
    Widget::render(digits, Rect { y, height: h.min(inner.height), ..inner }, buf);
}

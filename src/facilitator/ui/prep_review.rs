//! Prep review: who is prepared, what they bring, the hot-seat order and minutes.

use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{ListItem, Paragraph, Widget};

use super::{Theme, fit, format, span};
use crate::facilitator::App;
use crate::facilitator::queries::{self, clamp};
use crate::facilitator::strings::{agenda, ui};
use crate::model::plan;
use crate::tui::widgets_fit::{TextBox, fit_line, list_box, panel_fit};

/// The prep review screen, drawn into the body of the frame.
pub struct PrepReview<'a> {
    pub app: &'a App,
    pub now: DateTime<FixedOffset>,
    pub theme: Theme,
}

impl Widget for PrepReview<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let PrepReview { app, now, theme } = self;
        let Some(m) = app.meeting.as_ref() else { return };
        // The group's usual turn beside the even split, once its history is read.
        let usual = app.seats.as_ref().and_then(|s| s.suggested);
        let [main, parked, usual_row, plan] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(u16::from(usual.is_some())),
            Constraint::Length(1),
        ])
        .areas(area);
        if let Some(usual) = usual {
            let even = queries::default_turn_minutes(m, queries::timebox(app), now).max(1);
            let line = format!(" {}", agenda::minutes_line(even, usual));
            Widget::render(Paragraph::new(span(line, theme.dim())), usual_row, buf);
        }
        Widget::render(super::parking::OpenItems { app, theme }, parked, buf);
        let [left, right] = Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(main);
        let rows = queries::prep_rows(m);
        let inner_w = left.width.saturating_sub(4) as usize;
        let items: Vec<ListItem> = rows
            .iter()
            .map(|id| {
                let name = app.ctx.group.name_of(id);
                let pos = m.order.iter().position(|x| x == id);
                let (flag, style) = match (pos, app.ctx.preps.get(id)) {
                    (None, _) if m.postponed.contains(id) => (agenda::POSTPONED_FLAG, theme.dim()),
                    (None, _) => (ui::ABSENT_FLAG, theme.dim()),
                    (Some(_), Some(p)) if p.is_prepared() => (ui::PREPARED_FLAG, theme.ok()),
                    (Some(_), _) => (ui::UNPREPARED_FLAG, theme.alert()),
                };
                let num = pos.map(|i| format!("{:>2} ", i + 1)).unwrap_or_else(|| "   ".into());
                // A turn's own length, when it differs from the title's.
                let minutes = match pos {
                    Some(_) if m.turn_secs.contains_key(id) => agenda::row_minutes(plan::planned_minutes(m, id)),
                    _ => String::new(),
                };
                let name_w = inner_w.saturating_sub(3 + 15 + minutes.len());
                ListItem::new(Line::from(vec![
                    span(num, theme.dim()),
                    span(
                        format!("{:<name_w$}", fit(name, name_w)),
                        if pos.is_some() { theme.text() } else { theme.dim() },
                    ),
                    span(minutes, theme.strong()),
                    span(format!(" {flag:>14}"), style),
                ]))
            })
            .collect();
        let title = ui::order_title(m.turn_minutes);
        let selected = clamp(app.ui.cursors.prep, items.len());
        list_box(items, panel_fit(&title, left.width, theme), selected, left, buf, theme);

        let selected = rows.get(clamp(app.ui.cursors.prep, rows.len()));
        let (title, lines) = prep_panel(app, selected.map(String::as_str), theme);
        let block = panel_fit(&title, right.width, theme);
        TextBox::fixed(lines, block, theme).render(right, buf);

        let tb = queries::timebox(app);
        let turns = (queries::turns_left_secs(m, tb, now) + 59) / 60;
        let end = queries::projected_end(m, tb, now);
        let over = (end - m.scheduled_end()).num_minutes();
        let verdict = if over <= 0 {
            span(ui::ON_TIME, theme.ok())
        } else {
            span(ui::projected_over(&format::minutes(over)), theme.warn())
        };
        let line = Line::from(vec![
            span(
                format!(
                    " {}",
                    crate::facilitator::strings::agenda::plan_line(
                        m.order.len(),
                        turns,
                        tb.wrap_up,
                        &format::hhmm(end)
                    )
                ),
                theme.text(),
            ),
            verdict,
        ]);
        Widget::render(Paragraph::new(fit_line(line, plan.width as usize)), plan, buf);
    }
}

/// The selected member's prep: the box's title and its lines.
fn prep_panel<'a>(app: &'a App, member: Option<&str>, theme: Theme) -> (String, Vec<Line<'a>>) {
    let Some(id) = member else { return (ui::PREP_TITLE.to_string(), Vec::new()) };
    let name = app.ctx.group.name_of(id).to_string();
    let waited = app.seats.as_ref().map(|s| Line::from(span(agenda::waited(s.waited(id)), theme.dim())));
    let mut lines: Vec<Line> = waited.into_iter().collect();
    let Some(p) = app.ctx.preps.get(id) else {
        lines.push(Line::from(span(ui::NO_PREP, theme.alert())));
        return (name, lines);
    };
    lines.push(Line::from(vec![
        span(ui::VISION_LABEL, theme.dim()),
        if p.vision_reviewed { span(ui::YES, theme.ok()) } else { span(ui::NO, theme.alert()) },
    ]));
    if !p.accomplished.is_empty() {
        lines.push(Line::from(vec![
            span(ui::ACCOMPLISHED_LABEL, theme.dim()),
            span(p.accomplished.clone(), theme.text()),
        ]));
    }
    if !p.action_plan.is_empty() {
        lines.push(Line::from(vec![span(ui::PLAN_LABEL, theme.dim()), span(p.action_plan.clone(), theme.text())]));
    }
    if p.questions.is_empty() {
        lines.push(Line::from(vec![span(ui::QUESTIONS_LABEL, theme.dim()), span(ui::NONE_YET, theme.warn())]));
    } else {
        lines.push(Line::from(span(ui::QUESTIONS_LABEL, theme.dim())));
        for q in &p.questions {
            lines.push(Line::from(vec![span("  • ", theme.dim()), span(q.clone(), theme.text())]));
        }
    }
    lines.push(Line::from(vec![
        span(ui::WALK_AWAY_LABEL, theme.dim()),
        if p.walk_away.is_empty() { span(ui::NONE_YET, theme.warn()) } else { span(p.walk_away.clone(), theme.text()) },
    ]));
    let mut title = if p.is_prepared() { ui::prep_of(&name) } else { ui::not_prepared(&name) };
    if p.entered_by.is_some() {
        title = format!("{title} · {}", crate::facilitator::strings::fill_in::ENTERED_MARK);
    }
    (title, lines)
}

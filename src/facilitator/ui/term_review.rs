//! The term review (issue 11), inside the wrap-up of the term's last meeting: for each
//! member their request, goals, what they accomplished and their completion over the term
//! (with the chart), and the decision recorded: renew, move on or looser contact.

use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{ListItem, Paragraph, Widget};

use super::{Theme, fit, panel, span};
use crate::facilitator::App;
use crate::facilitator::term;
use crate::model::term::Decision;
use crate::tui::trend_chart::TrendChart;
use crate::tui::widgets_fit::TextBox;

pub const HINT: &str = " ←/→ renew · move on · looser contact · t back to the wrap-up · ] closes";

/// The term review, drawn into the body of the frame.
pub struct TermReview<'a> {
    pub app: &'a App,
    pub now: DateTime<FixedOffset>,
    pub theme: Theme,
}

impl Widget for TermReview<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let TermReview { app, now: _, theme } = self;
        let Some(m) = app.meeting.as_ref() else { return };
        let t = term::current(app);
        let members = term::members(app);
        let cursor = crate::tui::cursor::clamp(app.ui.term.map(|v| v.cursor).unwrap_or(0), members.len());
        let list_h = (members.len() as u16 + 2).min(area.height / 3).max(3);
        let [list_area, detail, hint] =
            Layout::vertical([Constraint::Length(list_h), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        let inner_w = list_area.width.saturating_sub(4) as usize;
        let items: Vec<ListItem> = members
            .iter()
            .map(|id| {
                let name = app.ctx.group.name_of(id);
                let pts: Vec<u32> = term::term_points(app, Some(id)).iter().filter_map(|p| p.completion).collect();
                let avg = if pts.is_empty() {
                    "–".to_string()
                } else {
                    format!("{:.0} %", pts.iter().sum::<u32>() as f64 / pts.len() as f64)
                };
                let (label, style) = match m.term_record.decision(id) {
                    Some(d @ Decision::Renew) => (d.label(), theme.ok()),
                    Some(d @ Decision::MoveOn) => (d.label(), theme.warn()),
                    Some(d) => (d.label(), theme.title()),
                    None => ("–", theme.dim()),
                };
                let w = inner_w.saturating_sub(16 + 10);
                ListItem::new(Line::from(vec![
                    span(format!("{:<w$}", fit(name, w)), theme.strong()),
                    span(format!("{avg:>10}"), theme.text()),
                    span(format!("{label:>16}"), style),
                ]))
            })
            .collect();
        let decided = m.term_record.decisions.len();
        let title = format!("Term review · {} – {} · {decided} of {} decided", t.start, t.end(), members.len());
        let block = crate::tui::widgets_fit::panel_fit(&title, list_area.width, theme);
        crate::tui::widgets_fit::list_box(items, block, (!members.is_empty()).then_some(cursor), list_area, buf, theme);

        if let Some(id) = members.get(cursor) {
            let [text_area, chart_area] =
                Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(detail);
            let points = term::term_points(app, Some(id));
            let mut lines = Vec::new();
            let request = t.request(id).map(str::to_string).unwrap_or_else(|| "none recorded".to_string());
            lines.push(Line::from(vec![span("Request: ", theme.dim()), span(request, theme.text())]));
            let goals = app.ctx.goals_of(id);
            if goals.is_empty() {
                lines.push(Line::from(span("No goals written.", theme.dim())));
            }
            for g in goals {
                lines.push(Line::from(vec![span("• ", theme.dim()), span(g.title.clone(), theme.text())]));
            }
            let done: usize = points.iter().map(|p| p.done).sum();
            let partial: usize = points.iter().map(|p| p.partial).sum();
            let counted: usize = points.iter().map(|p| p.counted).sum();
            lines.push(Line::from(vec![
                span("Accomplished: ", theme.dim()),
                span(format!("{done} of {counted} steps done, {partial} partly"), theme.text()),
            ]));
            if let Some(p) = app.ctx.preps.get(id).filter(|p| !p.accomplished.trim().is_empty()) {
                lines.push(Line::from(span(format!("“{}”", p.accomplished.trim()), theme.text())));
            }
            let name = app.ctx.group.name_of(id).to_string();
            Widget::render(TextBox::fixed(lines, panel(name.clone(), theme), theme), text_area, buf);
            TrendChart { title: format!("{} · completion this term", name), points: &points, theme }
                .render(chart_area, buf);
        }
        Widget::render(Paragraph::new(Line::from(span(fit(HINT, hint.width as usize), theme.dim()))), hint, buf);
    }
}

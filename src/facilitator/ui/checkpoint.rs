//! The checkpoint (issue 11), inside the wrap-up of the first meeting on or after the
//! term's halfway day: each member's goals with their completion so far, and whether each
//! goal is on track or needs adjusting.

use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{ListItem, Paragraph, Widget};

use super::{Theme, fit, span};
use crate::facilitator::App;
use crate::facilitator::term::{self, GoalRow};
use crate::model::term::GoalStatus;
use crate::tui::trend_chart::sparkline;

pub const HINT: &str = " ←/→ on track · needs adjusting · t back to the wrap-up · ] closes the meeting";

/// The checkpoint, drawn into the body of the frame.
pub struct Checkpoint<'a> {
    pub app: &'a App,
    pub now: DateTime<FixedOffset>,
    pub theme: Theme,
}

/// `▂▅█ 63 %`: a member's completion this term as a sparkline and its average.
pub fn so_far(app: &App, member: &str) -> String {
    let pts: Vec<u32> = term::term_points(app, Some(member)).iter().filter_map(|p| p.completion).collect();
    if pts.is_empty() {
        return "no report-back yet".to_string();
    }
    let avg = pts.iter().sum::<u32>() as f64 / pts.len() as f64;
    let tail = &pts[pts.len().saturating_sub(8)..];
    format!("{} {avg:.0} %", sparkline(tail))
}

impl Widget for Checkpoint<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Checkpoint { app, now: _, theme } = self;
        let Some(m) = app.meeting.as_ref() else { return };
        let t = term::current(app);
        let [list_area, hint] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        let rows = term::checkpoint_rows(app);
        let inner_w = list_area.width.saturating_sub(4) as usize;
        let mut items = Vec::new();
        let mut selected = None;
        let cursor = crate::tui::cursor::clamp(app.ui.term.map(|v| v.cursor).unwrap_or(0), rows.len());
        let mut last_member = None;
        for (i, GoalRow { member, goal }) in rows.iter().enumerate() {
            if last_member != Some(member) {
                let name = app.ctx.group.name_of(member);
                let right = so_far(app, member);
                let w = inner_w.saturating_sub(right.chars().count() + 1);
                items.push(ListItem::new(Line::from(vec![
                    span(format!("{:<w$}", fit(name, w)), theme.strong()),
                    span(format!(" {right}"), theme.title()),
                ])));
                last_member = Some(member);
            }
            let (title, status) = match goal {
                Some(g) => (
                    app.ctx.goal(member, g).map(|g| g.title.clone()).unwrap_or_else(|| g.clone()),
                    m.term_record.goal_status(member, g),
                ),
                None => ("no goals written".to_string(), None),
            };
            let (label, style) = match status {
                Some(GoalStatus::OnTrack) => (GoalStatus::OnTrack.label(), theme.ok()),
                Some(GoalStatus::NeedsAdjusting) => (GoalStatus::NeedsAdjusting.label(), theme.warn()),
                None if goal.is_some() => ("–", theme.dim()),
                None => ("", theme.dim()),
            };
            let w = inner_w.saturating_sub(2 + 16);
            if i == cursor {
                selected = Some(items.len());
            }
            items.push(ListItem::new(Line::from(vec![
                span("  ", theme.text()),
                span(format!("{:<w$}", fit(&title, w)), theme.text()),
                span(format!("{label:>16}"), style),
            ])));
        }
        let marked = m.term_record.checkpoint.len();
        let title = format!(
            "Checkpoint · halfway through the term ({} – {}) · {marked} of {} goals marked",
            t.start,
            t.end(),
            rows.iter().filter(|r| r.goal.is_some()).count()
        );
        let block = crate::tui::widgets_fit::panel_fit(&title, list_area.width, theme);
        crate::tui::widgets_fit::list_box(items, block, selected, list_area, buf, theme);
        Widget::render(Paragraph::new(Line::from(span(fit(HINT, hint.width as usize), theme.dim()))), hint, buf);
    }
}

//! My goals: title, measurable result, deadline, why it matters, and what to tell me
//! when I slip.

use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::ListItem;
use ratatui::widgets::Widget;

use crate::member::queries::clamp;
use crate::member::state::MemberApp;
use crate::member::strings as s;
use crate::tui::format;
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, panel, span, text};
use crate::tui::widgets_fit::TextBox;

/// The goals screen, drawn into the body of the frame.
pub struct Goals<'a> {
    pub app: &'a MemberApp,
    pub now: DateTime<FixedOffset>,
    pub theme: Theme,
}

impl Widget for Goals<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Goals { app, now, theme } = self;
        let today = now.date_naive();
        let goals = &app.goals.goals;
        let [list_area, detail] = Layout::horizontal([Constraint::Percentage(42), Constraint::Fill(1)]).areas(area);
        let title = s::goals_title(goals.len());
        if goals.is_empty() {
            Widget::render(
                TextBox::fixed(vec![Line::from(span(s::NO_GOALS_PRESS_A, theme.dim()))], panel(title, theme), theme),
                list_area,
                buf,
            );
            Widget::render(text(vec![]).block(panel(s::GOAL_TITLE, theme)), detail, buf);
            return;
        }
        let w = list_area.width.saturating_sub(4) as usize;
        let items: Vec<ListItem> = goals
            .iter()
            .map(|g| {
                let late = g.deadline.is_some_and(|d| d < today);
                ListItem::new(Line::from(span(fit(&g.title, w), if late { theme.alert() } else { theme.text() })))
            })
            .collect();
        let sel = clamp(app.ui.cursors.goals, goals.len());
        let block = crate::tui::widgets_fit::panel_fit(&title, list_area.width, theme);
        crate::tui::widgets_fit::list_box(items, block, sel, list_area, buf, theme);
        let g = &goals[sel];
        let value = |v: &str| {
            if v.is_empty() { span(s::NOT_WRITTEN, theme.warn()) } else { span(v.to_string(), theme.text()) }
        };
        let deadline = match g.deadline {
            Some(d) => span(format!("{} ({})", format::date(d, today), format::relative_days(d, today)), theme.text()),
            None => span(s::NOT_WRITTEN, theme.warn()),
        };
        let steps = app.steps.iter().filter(|st| st.goal.as_deref() == Some(g.id.as_str()) && st.is_open()).count();
        let lines = vec![
            Line::from(span(g.title.clone(), theme.strong())),
            Line::default(),
            Line::from(vec![span(s::RESULT_LABEL, theme.dim()), value(&g.measurable_result)]),
            Line::from(vec![span(s::DEADLINE_LABEL, theme.dim()), deadline]),
            Line::from(vec![span(s::WHY_LABEL, theme.dim()), value(&g.why)]),
            Line::from(vec![span(s::SLIP_LABEL, theme.dim()), value(&g.slip_words)]),
            Line::default(),
            Line::from(span(s::open_steps_for_goal(steps), theme.dim())),
        ];
        Widget::render(TextBox::fixed(lines, panel(s::GOAL_TITLE, theme), theme), detail, buf);
    }
}

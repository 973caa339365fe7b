//! My action steps: open ones grouped by due date (overdue in red, due this week,
//! later), then done ones; the selected step's meeting, measurable result and history.

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{List, ListItem, ListState};
use ratatui::widgets::{StatefulWidget, Widget};

use crate::member::queries::{self, StepGroup, clamp};
use crate::member::state::MemberApp;
use crate::member::strings as s;
use crate::model::{ActionStep, Reporter};
use crate::tui::format;
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, panel, span, text};
use crate::tui::widgets_fit;
use crate::tui::widgets_fit::TextBox;

/// The steps screen, drawn into the body of the frame.
pub struct Steps<'a> {
    pub app: &'a MemberApp,
    pub now: DateTime<FixedOffset>,
    pub theme: Theme,
}

impl Widget for Steps<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Steps { app, now, theme } = self;
        let today = now.date_naive();
        let [list_area, detail] = Layout::vertical([Constraint::Fill(1), Constraint::Length(9)]).areas(area);
        let order = queries::step_order(app, today);
        let open = queries::open_steps(app).count();
        let title = s::steps_title(open, app.steps.len() + app.hidden_closed - open);
        if order.is_empty() {
            Widget::render(
                TextBox::fixed(vec![Line::from(span(s::NO_STEPS, theme.dim()))], panel(title, theme), theme),
                list_area,
                buf,
            );
            Widget::render(text(vec![]).block(panel(s::STEP_TITLE, theme)), detail, buf);
            return;
        }
        let inner_w = list_area.width.saturating_sub(4) as usize;
        let selected = clamp(app.ui.cursors.steps, order.len());
        // Rows: a title before each group, then its steps. Only the rows that fit are built
        // (years of closed steps are thousands), scrolled as the list would scroll them.
        let groups: Vec<StepGroup> = order.iter().map(|&i| queries::group_of(&app.steps[i], today)).collect();
        let titles = |upto: usize| (0..upto).filter(|&p| p == 0 || groups[p] != groups[p - 1]).count();
        let selected_row = titles(selected + 1) + selected;
        let height = list_area.height.saturating_sub(2) as usize;
        let first_row = (selected_row + 1).saturating_sub(height.max(1));
        let mut items: Vec<ListItem> = Vec::new();
        let mut r = 0;
        for (pos, &i) in order.iter().enumerate() {
            let g = groups[pos];
            if pos == 0 || groups[pos - 1] != g {
                if r >= first_row {
                    let hidden = if g == StepGroup::Closed { app.hidden_closed } else { 0 };
                    let n = groups.iter().filter(|&&x| x == g).count() + hidden;
                    let style = if g == StepGroup::Overdue { theme.alert() } else { theme.title() };
                    items.push(ListItem::new(Line::from(span(s::group_title(g, n), style))));
                }
                r += 1;
            }
            if r >= first_row {
                items.push(row(&app.steps[i], g, today, inner_w, theme));
            }
            r += 1;
            if items.len() >= height.max(1) && r > selected_row {
                break;
            }
        }
        let rows = titles(order.len()) + order.len() + app.hidden_closed;
        let mark = widgets_fit::marker(selected, order.len() + app.hidden_closed, first_row, height, rows);
        let block = widgets_fit::marked(widgets_fit::panel_fit(&title, list_area.width, theme), mark, theme);
        let mut state = ListState::default().with_selected(Some(selected_row - first_row));
        let list = List::new(items).block(block).highlight_style(theme.selected()).highlight_symbol("▸ ");
        StatefulWidget::render(list, list_area, buf, &mut state);
        let st = &app.steps[order[selected]];
        Widget::render(detail_panel(app, st, today, theme), detail, buf);
    }
}

fn row<'a>(st: &ActionStep, g: StepGroup, today: NaiveDate, inner_w: usize, theme: Theme) -> ListItem<'a> {
    let due = st.due.map(|d| format::date(d, today)).unwrap_or_else(|| s::NO_DUE.to_string());
    let p = st.progress();
    let mark = match st.last_entry() {
        Some(e) if e.by == Reporter::Member => format!("{}*", p.label()),
        _ => p.label().to_string(),
    };
    let (due_w, mark_w) = (14, 10);
    let text_w = inner_w.saturating_sub(due_w + mark_w + 2);
    let text_style = match g {
        StepGroup::Overdue => theme.alert(),
        StepGroup::Closed => theme.dim(),
        _ => theme.text(),
    };
    ListItem::new(Line::from(vec![
        span(format!(" {:<text_w$}", fit(&st.text, text_w)), text_style),
        span(
            format!("{:>due_w$}", fit(&due, due_w)),
            if g == StepGroup::Overdue { theme.alert() } else { theme.dim() },
        ),
        span(format!(" {:>mark_w$}", mark), theme.progress(p)),
    ]))
}

fn detail_panel<'a>(app: &MemberApp, st: &ActionStep, today: NaiveDate, theme: Theme) -> TextBox<'a> {
    let mut facts = vec![span(s::from_meeting(&st.meeting), theme.dim())];
    if let Some(d) = st.due {
        facts.push(span(
            format!(" · {}", s::due(&format::date(d, today), &format::relative_days(d, today))),
            theme.text(),
        ));
    }
    if let Some(goal) = st.goal.as_ref().and_then(|g| app.goals.goals.iter().find(|x| &x.id == g)) {
        facts.push(span(format!(" · {}", s::for_goal(&goal.title)), theme.dim()));
    }
    let mut lines = vec![Line::from(span(st.text.clone(), theme.strong())), Line::from(facts)];
    lines.push(Line::from(vec![
        span(s::RESULT_LABEL, theme.dim()),
        if st.measurable_result.is_empty() {
            span(s::NO_RESULT, theme.warn())
        } else {
            span(st.measurable_result.clone(), theme.text())
        },
    ]));
    if st.history.is_empty() {
        lines.push(Line::from(span(s::NO_HISTORY, theme.dim())));
    }
    for e in st.history.iter().rev().take(4) {
        let who = match (&e.by, &e.meeting) {
            (Reporter::Member, _) => s::BY_ME.to_string(),
            (Reporter::Facilitator, Some(m)) => s::in_meeting(m),
            (Reporter::Facilitator, None) => s::BY_FACILITATOR.to_string(),
        };
        let mut v = vec![
            span(format!("{} ", e.at.format("%Y-%m-%d")), theme.dim()),
            span(format!("{:<9}", e.progress.label()), theme.progress(e.progress)),
            span(format!("{who} "), theme.dim()),
        ];
        if !e.note.is_empty() {
            v.push(span(format!("“{}”", e.note), theme.text()));
        }
        lines.push(Line::from(v));
    }
    if st.history.len() > 4 {
        lines.push(Line::from(span(s::earlier(st.history.len() - 4), theme.dim())));
    }
    TextBox::fixed(lines, panel(s::STEP_TITLE, theme), theme)
}

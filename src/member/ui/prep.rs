//! My prep for the next meeting: goals reviewed, what I accomplished, my refreshed action
//! plan, questions for the group, what I want to walk away with. The facilitator's prep
//! review reads the same file.

use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::ListItem;
use ratatui::widgets::Widget;

use crate::member::queries::clamp;
use crate::member::state::{MemberApp, PrepField};
use crate::member::strings as s;
use crate::tui::format;
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, panel, span, text};
use crate::tui::widgets_fit::TextBox;

/// The prep screen, drawn into the body of the frame.
pub struct PrepScreen<'a> {
    pub app: &'a MemberApp,
    pub now: DateTime<FixedOffset>,
    pub theme: Theme,
}

impl Widget for PrepScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let PrepScreen { app, now, theme } = self;
        let today = now.date_naive();
        let p = &app.prep;
        let [readiness, list_area, detail] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(PrepField::ALL.len() as u16 + 2),
            Constraint::Fill(1),
        ])
        .areas(area);

        let date = if app.next_meeting == today {
            format::date(app.next_meeting, today)
        } else {
            format!("{} ({})", format::date(app.next_meeting, today), format::relative_days(app.next_meeting, today))
        };
        let verdict = if p.is_prepared() {
            Line::from(span(s::PREPARED, theme.ok()))
        } else {
            Line::from(span(s::NOT_PREPARED, theme.alert()))
        };
        // The member's one request for the term (issue 11), beside the verdict.
        let mut verdict = verdict;
        if let Some(req) = app.group.term.as_ref().and_then(|t| t.request(&app.me)) {
            verdict.push_span(span(format!(" · Your request this term: {req}"), theme.dim()));
        }
        let verdict = crate::tui::widgets_fit::fit_line(verdict, readiness.width.saturating_sub(2) as usize);
        let mut title = s::prep_title(&date);
        if p.entered_by.is_some() {
            title.push_str(s::ENTERED_FOR_YOU);
        }
        Widget::render(text(vec![verdict]).block(panel(title, theme)), readiness, buf);

        let w = list_area.width.saturating_sub(4) as usize;
        let label_w = 26;
        let items: Vec<ListItem> = PrepField::ALL
            .iter()
            .map(|f| {
                let (value, style) = match f {
                    PrepField::VisionReviewed => {
                        if p.vision_reviewed {
                            (s::YES.to_string(), theme.ok())
                        } else {
                            (s::NOT_YET.to_string(), theme.warn())
                        }
                    }
                    PrepField::Accomplished => filled(&p.accomplished, theme),
                    PrepField::ActionPlan => filled(&p.action_plan, theme),
                    PrepField::WalkAway => filled(&p.walk_away, theme),
                    PrepField::Questions => {
                        if p.questions.is_empty() {
                            (s::NOT_WRITTEN.to_string(), theme.warn())
                        } else {
                            (p.questions.join(" · "), theme.text())
                        }
                    }
                };
                let value_w = w.saturating_sub(label_w);
                ListItem::new(Line::from(vec![
                    span(format!("{:<label_w$}", s::prep_label(*f)), theme.dim()),
                    span(fit(&value, value_w), style),
                ]))
            })
            .collect();
        let selected = clamp(app.ui.cursors.prep, PrepField::ALL.len());
        let block = crate::tui::widgets_fit::panel_fit(s::PREP_FIELDS_TITLE, list_area.width, theme);
        crate::tui::widgets_fit::list_box(items, block, selected, list_area, buf, theme);

        let selected = PrepField::ALL[clamp(app.ui.cursors.prep, PrepField::ALL.len())];
        let full: Vec<Line> = match selected {
            PrepField::Questions if !p.questions.is_empty() => p
                .questions
                .iter()
                .map(|q| Line::from(vec![span("• ", theme.dim()), span(q.clone(), theme.text())]))
                .collect(),
            PrepField::Accomplished if !p.accomplished.is_empty() => {
                vec![Line::from(span(p.accomplished.clone(), theme.text()))]
            }
            PrepField::ActionPlan if !p.action_plan.is_empty() => {
                vec![Line::from(span(p.action_plan.clone(), theme.text()))]
            }
            PrepField::WalkAway if !p.walk_away.is_empty() => vec![Line::from(span(p.walk_away.clone(), theme.text()))],
            _ => vec![Line::from(span(s::prep_hint(selected), theme.dim()))],
        };
        Widget::render(TextBox::fixed(full, panel(s::prep_label(selected), theme), theme), detail, buf);
    }
}

fn filled(v: &str, theme: Theme) -> (String, ratatui::style::Style) {
    if v.is_empty() { (s::NOT_WRITTEN.to_string(), theme.warn()) } else { (v.to_string(), theme.text()) }
}

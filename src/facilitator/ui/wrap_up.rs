//! Wrap-up: every new step by member with flags, a rating per member, the next date.

use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{ListItem, Paragraph, Widget};

use super::{Theme, fit, format, span};
use crate::facilitator::App;
use crate::facilitator::queries::{self, WrapRow, clamp};
use crate::facilitator::strings::ui;
use crate::tui::widgets_fit::{fit_line, list_box, panel_fit};

/// The wrap-up screen, drawn into the body of the frame.
pub struct WrapUp<'a> {
    pub app: &'a App,
    pub now: DateTime<FixedOffset>,
    pub theme: Theme,
}

impl Widget for WrapUp<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let WrapUp { app, now, theme } = self;
        let Some(m) = app.meeting.as_ref() else { return };
        // The checkpoint or term review, when open (issue 11).
        match (app.ui.term, crate::facilitator::term::due(app)) {
            (Some(_), Some(crate::facilitator::term::Step::Checkpoint)) => {
                return super::Checkpoint { app, now, theme }.render(area, buf);
            }
            (Some(_), Some(crate::facilitator::term::Step::Review)) => {
                return super::TermReview { app, now, theme }.render(area, buf);
            }
            _ => {}
        }
        let [list_area, parked, next] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1), Constraint::Length(1)]).areas(area);
        Widget::render(super::parking::ParkedToday { app, day: now.date_naive(), theme }, parked, buf);
        let rows = queries::wrap_rows(m);
        let today = now.date_naive();
        let inner_w = list_area.width.saturating_sub(4) as usize;
        let items: Vec<ListItem> = rows
            .iter()
            .map(|r| match r {
                WrapRow::Member(id) => {
                    let name = app.ctx.group.name_of(id);
                    let count = queries::steps_of(m, id).count();
                    let here = m.presence(id).is_here();
                    let rating = match (here, m.rating(id)) {
                        (false, _) => ui::ABSENT_RATING.to_string(),
                        (true, Some(r)) => ui::rating(r),
                        (true, None) => ui::NO_RATING.to_string(),
                    };
                    let left = format!("{name} · {}", ui::step_count(count));
                    let w = inner_w.saturating_sub(rating.chars().count() + 1);
                    ListItem::new(Line::from(vec![
                        span(format!("{:<w$}", fit(&left, w)), theme.strong()),
                        span(format!(" {rating}"), if m.rating(id).is_some() { theme.title() } else { theme.dim() }),
                    ]))
                }
                WrapRow::Step(_, sid) => {
                    let Some(s) = m.steps.iter().find(|s| &s.id == sid) else { return ListItem::new("") };
                    let missing = s.missing();
                    let mut tail = String::new();
                    if let Some(d) = s.due {
                        tail = format!(" · {}", ui::due(&format::date(d, today)));
                    }
                    let flag = if missing.is_empty() { String::new() } else { format!("  ⚑ {}", missing.join(", ")) };
                    let w = inner_w.saturating_sub(2 + flag.chars().count());
                    ListItem::new(Line::from(vec![
                        span("  ", theme.text()),
                        span(format!("{:<w$}", fit(&format!("{}{tail}", s.text), w)), theme.text()),
                        span(flag, theme.warn()),
                    ]))
                }
            })
            .collect();
        let flagged = m.steps.iter().filter(|s| !s.missing().is_empty()).count();
        let mut title = ui::wrap_title(m.steps.len(), flagged);
        if let Some(step) = crate::facilitator::term::due(app) {
            title.push_str(&format!(" · {}: t", step.title()));
        }
        let selected = clamp(app.ui.cursors.wrap, items.len());
        list_box(items, panel_fit(&title, list_area.width, theme), selected, list_area, buf, theme);
        let date = m.next_meeting.unwrap_or_else(|| queries::default_due(app));
        let line = Line::from(vec![
            span(format!(" {}", ui::NEXT_MEETING_LABEL), theme.dim()),
            span(format!("{} ({})", format::date(date, today), format::relative_days(date, today)), theme.strong()),
            span(ui::WRAP_HINT, theme.dim()),
        ]);
        Widget::render(Paragraph::new(fit_line(line, next.width as usize)), next, buf);
    }
}

//! The home screen (the group at a glance) and the summary of a closed meeting.

use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::{Theme, format, panel, span};
use crate::facilitator::App;
use crate::facilitator::strings::{self as s, ui};
use crate::model::{Meeting, Phase};
use crate::tui::widgets_fit::{TextBox, panel_fit};

/// The home screen, drawn into the body of the frame.
pub struct Home<'a> {
    pub app: &'a App,
    pub now: DateTime<FixedOffset>,
    pub theme: Theme,
}

impl Widget for Home<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Home { app, now, theme } = self;
        let g = &app.ctx.group;
        let today = now.date_naive();
        // Eight rows for the group, the rest for the steps (without a constraint solve).
        let top = Rect { height: area.height.min(8), ..area };
        let bottom = Rect { y: area.y + top.height, height: area.height - top.height, ..area };
        let mut lines = vec![
            Line::from(vec![
                span(ui::MEMBERS_LABEL, theme.dim()),
                span(ui::member_count(g.members.len()), theme.text()),
            ]),
            Line::from(vec![
                span(ui::RHYTHM_LABEL, theme.dim()),
                span(ui::rhythm(g.cadence.label(), g.meeting_minutes), theme.text()),
            ]),
            Line::from(vec![
                span(ui::NEXT_MEETING_LABEL, theme.dim()),
                match g.next_meeting {
                    Some(d) if d == today => span(format::date(d, today), theme.strong()),
                    Some(d) => span(
                        format!("{} ({})", format::date(d, today), format::relative_days(d, today)),
                        theme.strong(),
                    ),
                    None => span(ui::NOT_SET, theme.dim()),
                },
            ]),
        ];
        if let Some(p) = &app.ctx.previous {
            lines.push(Line::from(vec![
                span(ui::LAST_MEETING_LABEL, theme.dim()),
                span(format::date(p.date, today), theme.text()),
            ]));
        }
        lines.push(Line::default());
        match &app.ctx.open_meeting {
            Some(m) => lines.push(Line::from(span(
                ui::open_meeting(&m.id, s::phase_label(m.phase), &resume_detail(app, m, now)),
                theme.warn(),
            ))),
            None if g.members.is_empty() => lines.push(Line::from(span(ui::ADD_MEMBERS_FIRST, theme.warn()))),
            None => lines.push(Line::from(span(ui::PRESS_ENTER, theme.title()))),
        }
        Widget::render(TextBox::fixed(lines, panel(ui::GROUP_TITLE, theme), theme), top, buf);

        let steps = app.ctx.open_steps(app.ctx.open_meeting.as_ref());
        let mut slines = Vec::new();
        for m in &g.members {
            let mine: Vec<_> = steps.iter().filter(|s| s.owner == m.id).collect();
            let overdue = mine.iter().filter(|s| s.due.is_some_and(|d| d < today)).count();
            let mut v =
                vec![span(format!("{:<24}", m.name), theme.text()), span(ui::open_count(mine.len()), theme.text())];
            if overdue > 0 {
                v.push(span(format!("  {}", ui::overdue_count(overdue)), theme.alert()));
            }
            slines.push(Line::from(v));
        }
        Widget::render(
            TextBox::fixed(slines, panel_fit(&ui::open_steps_title(steps.len()), bottom.width, theme), theme),
            bottom,
            buf,
        );
    }
}

fn resume_detail(app: &App, m: &Meeting, now: DateTime<FixedOffset>) -> String {
    match (m.phase, m.current_turn()) {
        (Phase::HotSeats, Some(t)) => {
            format!("{}, {} left", app.ctx.group.name_of(&t.member), format::clock(t.left_ms_at(now)))
        }
        _ => String::new(),
    }
}

/// A meeting that has closed, drawn into the body of the frame.
pub struct Closed<'a> {
    pub app: &'a App,
    pub now: DateTime<FixedOffset>,
    pub theme: Theme,
}

impl Widget for Closed<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Closed { app, now, theme } = self;
        let Some(m) = app.meeting.as_ref() else { return };
        let today = now.date_naive();
        let here = m.here().count();
        let ratings: Vec<u8> = m.ratings.iter().map(|r| r.score).collect();
        let avg = if ratings.is_empty() {
            None
        } else {
            Some(ratings.iter().map(|&r| r as f64).sum::<f64>() / ratings.len() as f64)
        };
        let open = m.open_after.as_ref().map(|v| v.len()).unwrap_or(0);
        let mut lines = vec![
            Line::from(span(ui::CLOSED_HEADLINE, theme.ok())),
            Line::default(),
            Line::from(vec![
                span(ui::ATTENDED_LABEL, theme.dim()),
                span(ui::attended(here, m.attendance.len()), theme.text()),
            ]),
            Line::from(vec![span(ui::NEW_STEPS_LABEL, theme.dim()), span(m.steps.len().to_string(), theme.text())]),
            Line::from(vec![span(ui::OPEN_NOW_LABEL, theme.dim()), span(open.to_string(), theme.text())]),
        ];
        if let Some(a) = avg {
            lines.push(Line::from(vec![
                span(ui::RATING_LABEL, theme.dim()),
                span(format!("{a:.1} / 10"), theme.text()),
            ]));
        }
        if let Some(d) = m.next_meeting {
            lines.push(Line::from(vec![
                span(ui::NEXT_MEETING_LABEL, theme.dim()),
                span(format::date(d, today), theme.strong()),
            ]));
        }
        lines.push(Line::default());
        lines.push(Line::from(span(ui::CLOSED_HINT, theme.dim())));
        let _ = app;
        Widget::render(TextBox::fixed(lines, panel(ui::SUMMARY_TITLE, theme), theme), area, buf);
    }
}

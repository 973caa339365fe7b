//! Check-in: attendance and the confidentiality pledge.

use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{ListItem, Widget};

use super::{Theme, fit, format, span};
use crate::facilitator::App;
use crate::facilitator::queries::clamp;
use crate::facilitator::strings::ui;
use crate::model::Presence;
use crate::tui::split;
use crate::tui::widgets_fit::{TextBox, list_box, panel_fit};

/// The check-in screen (attendance and the pledge), drawn into the body of the frame.
pub struct CheckIn<'a> {
    pub app: &'a App,
    pub now: DateTime<FixedOffset>,
    pub theme: Theme,
}

impl Widget for CheckIn<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let CheckIn { app, theme, .. } = self;
        let Some(m) = app.meeting.as_ref() else { return };
        let [left, right] = split::left_percent(area, 50);

        let here = m.here().count();
        let block = panel_fit(&ui::attendance_title(here, m.attendance.len()), left.width, theme);
        let inner_w = left.width.saturating_sub(4) as usize;
        let items: Vec<ListItem> = m
            .attendance
            .iter()
            .map(|a| {
                let member = app.ctx.group.member(&a.member);
                let name = member.map(|x| x.name.as_str()).unwrap_or(&a.member);
                let label = a.presence.label();
                let style = match a.presence {
                    Presence::Present => theme.ok(),
                    Presence::Late => theme.warn(),
                    Presence::Absent => theme.dim(),
                };
                let name_w = inner_w.saturating_sub(9);
                let name = fit(name, name_w);
                let pad = name_w.saturating_sub(unicode_width::UnicodeWidthStr::width(name.as_str()));
                ListItem::new(Line::from(vec![
                    span(name, theme.text()),
                    span(" ".repeat(pad + 1), theme.text()),
                    span(format!("{label:>7}"), style),
                ]))
            })
            .collect();
        let selected = clamp(app.ui.cursors.check_in, items.len());
        list_box(items, block, selected, left, buf, theme);

        let mut lines = vec![Line::from(span(m.pledge.clone(), theme.strong())), Line::default()];
        match m.pledge_acknowledged_at {
            Some(t) => lines.push(Line::from(span(ui::pledge_affirmed(&format::hhmm(t)), theme.ok()))),
            None => lines.push(Line::from(span(ui::PLEDGE_PENDING, theme.warn()))),
        }
        let title = if m.pledge_acknowledged_at.is_some() { ui::PLEDGE_TITLE_AFFIRMED } else { ui::PLEDGE_TITLE };
        let block = panel_fit(title, right.width, theme);
        TextBox::fixed(lines, block, theme).render(right, buf);
    }
}

//! The parking lot on the meeting screens: open items by urgency in the prep review,
//! what was parked today in the wrap-up.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Theme, fit, printable, span};
use crate::facilitator::App;
use crate::facilitator::strings::agenda as a;
use crate::model::parking::{ParkedItem, Urgency};

fn item(i: &ParkedItem) -> String {
    a::parked_item(i.urgency.letter(), &printable(i.text.clone()))
}

/// `Parking lot · 3 open: A Pricing for the offsite …`, most urgent first.
pub struct OpenItems<'a> {
    pub app: &'a App,
    pub theme: Theme,
}

impl Widget for OpenItems<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let open = self.app.ctx.parking.open_by_urgency();
        let first = open.first().map(|i| item(i)).unwrap_or_default();
        let style = match open.first().map(|i| i.urgency) {
            Some(Urgency::A) => self.theme.warn(),
            Some(_) => self.theme.text(),
            None => self.theme.dim(),
        };
        let text = fit(&format!(" {}", a::parking_line(open.len(), &first)), area.width as usize);
        Paragraph::new(Line::from(span(text, style))).render(area, buf);
    }
}

/// `Parked today · 2: A Pricing · C Offsite venue`.
pub struct ParkedToday<'a> {
    pub app: &'a App,
    pub day: NaiveDate,
    pub theme: Theme,
}

impl Widget for ParkedToday<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let today = self.app.ctx.parking.parked_on(self.day);
        let list = today.iter().map(|i| item(i)).collect::<Vec<_>>().join(" · ");
        let style = if today.is_empty() { self.theme.dim() } else { self.theme.text() };
        let text = fit(&format!(" {}", a::parked_today(today.len(), &list)), area.width as usize);
        Paragraph::new(Line::from(span(text, style))).render(area, buf);
    }
}

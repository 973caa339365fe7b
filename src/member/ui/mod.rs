//! `view(&MemberApp, &mut Frame, now)`: draws the member's view and changes nothing.
//! Each screen is a widget ([`Steps`], [`Goals`], [`PrepScreen`], [`Partners`]) that
//! renders into a bare buffer.

mod goals;
mod overlays;
mod partners;
mod prep;
mod steps;

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::keymap;
use super::state::{MemberApp, Screen};
use crate::member::strings as s;
use crate::tui::format;
use crate::tui::screen;
use crate::tui::status::notice;
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, span};
pub use goals::Goals;
pub use partners::Partners;
pub use prep::PrepScreen;
pub use steps::Steps;

pub fn view(app: &MemberApp, frame: &mut Frame, now: DateTime<FixedOffset>) {
    let theme = Theme { color: app.ui.color };
    let Some(screen::Rows { header, bar, body, status, footer }) = screen::rows(frame, theme) else {
        if matches!(app.ui.overlay, crate::member::state::Overlay::ConfirmQuit) {
            screen::too_small_question(frame, crate::tui::strings::TOO_SMALL_QUIT, theme);
        }
        return;
    };
    draw_header(app, frame, header, now, theme);
    draw_tabs(app, frame, bar, theme);
    match app.ui.screen {
        Screen::Steps => frame.render_widget(Steps { app, now, theme }, body),
        Screen::Goals => frame.render_widget(Goals { app, now, theme }, body),
        Screen::Prep => frame.render_widget(PrepScreen { app, now, theme }, body),
        Screen::Partners => frame.render_widget(Partners { app, now, theme }, body),
    }
    draw_status(app, frame, status, theme);
    draw_footer(app, frame, footer, theme);
    overlays::draw(app, frame, frame.area(), theme);
}

fn draw_header(app: &MemberApp, frame: &mut Frame, area: Rect, now: DateTime<FixedOffset>, theme: Theme) {
    let right = format!("{} {} ", now.format("%a %-d %b"), format::hhmm(now));
    let left_w = (area.width as usize).saturating_sub(right.width() + 1);
    let mut title = s::header(&app.group.name, app.my_name());
    if let Some(sync) = &app.ui.sync {
        title.push_str(" · ");
        title.push_str(&crate::sync::strings::status_label(sync, now));
    }
    let left = fit(&title, left_w);
    let pad = (area.width as usize).saturating_sub(left.width() + right.width());
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            span(left, theme.title()),
            Span::raw(" ".repeat(pad)),
            span(right, theme.strong()),
        ])),
        area,
    );
}

fn draw_tabs(app: &MemberApp, frame: &mut Frame, area: Rect, theme: Theme) {
    let mut spans = vec![Span::raw(" ")];
    for (i, screen) in Screen::ALL.iter().enumerate() {
        if i > 0 {
            spans.push(span(" · ", theme.dim()));
        }
        let label = format!("{} {}", i + 1, s::screen_label(*screen));
        if *screen == app.ui.screen {
            spans.push(span(format!(" {label} "), theme.current_phase()));
        } else {
            spans.push(span(label, theme.dim()));
        }
    }
    let line = crate::tui::widgets_fit::fit_line(Line::from(spans), area.width as usize);
    frame.render_widget(Paragraph::new(line), area);
}

fn draw_status(app: &MemberApp, frame: &mut Frame, area: Rect, theme: Theme) {
    let width = area.width as usize;
    let line = if let Some(st) = &app.ui.status {
        st.line(width, theme)
    } else if let Some(b) = &app.ui.banner {
        notice(b, theme.warn(), width)
    } else {
        Line::default()
    };
    frame.render_widget(Paragraph::new(line), area);
}

fn draw_footer(app: &MemberApp, frame: &mut Frame, area: Rect, theme: Theme) {
    crate::tui::widgets::footer(keymap::hints(app), frame, area, theme);
}

/// What, on screen, changes with time alone: the clock in the header (and the date,
/// which moves steps between groups at midnight).
pub fn clock_key(now: DateTime<FixedOffset>) -> (i64, i64, i64) {
    (now.timestamp().div_euclid(60), 0, 0)
}

/// Milliseconds until the header's minute changes.
pub fn next_change_ms(now: DateTime<FixedOffset>) -> u64 {
    (60_000 - now.timestamp_millis().rem_euclid(60_000)).clamp(1, 60_000) as u64
}

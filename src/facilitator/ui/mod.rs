//! `view(&App, &mut Frame, now)`: draws the app and changes nothing in it. Each phase's
//! screen is a widget ([`CheckIn`], [`ReportBack`], …) that renders into a bare buffer.

mod check_in;
mod chrome;
mod home;
mod hot_seat;
mod note;
mod overlays;
mod parking;
mod prep_review;
mod protocol_bar;
mod report_back;
mod wall;
mod wrap_up;
// The term in the meeting (issue 11).
mod checkpoint;
mod term_review;

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;

use crate::facilitator::App;
use crate::model::Phase;
use crate::tui::screen;
pub use crate::tui::theme::{self, Theme};
pub(crate) use crate::tui::widgets::{centered, fit, panel, printable, span, text};
pub(crate) use crate::tui::{format, widgets};
pub use check_in::CheckIn;
pub use checkpoint::Checkpoint;
pub use home::{Closed, Home};
pub use hot_seat::{HotSeat, prep_overflow};
pub use prep_review::PrepReview;
pub use protocol_bar::ProtocolBar;
pub use report_back::ReportBack;
pub use term_review::TermReview;
pub use wrap_up::WrapUp;

pub fn view(app: &App, frame: &mut Frame, now: DateTime<FixedOffset>) {
    let area = frame.area();
    let theme = Theme { color: app.ui.color };
    let Some(screen::Rows { header, bar, body, status, footer }) = screen::rows(frame, theme) else {
        if matches!(app.ui.overlay, crate::facilitator::Overlay::ConfirmQuit) {
            screen::too_small_question(frame, crate::tui::strings::TOO_SMALL_QUIT, theme);
        }
        return;
    };
    if app.ui.blank {
        chrome::blank(frame, area, theme);
        // `q` while blanked asks over the blank screen, which stays blank behind it.
        if matches!(app.ui.overlay, crate::facilitator::Overlay::ConfirmQuit) {
            overlays::draw(app, frame, area, now, theme);
        }
        return;
    }
    chrome::header(app, frame, header, now, theme);
    match &app.meeting {
        Some(m) if m.is_open() => {
            chrome::phase_bar(app.ctx.group.agenda(), m.phase, frame, bar, theme);
            match m.phase {
                Phase::CheckIn => frame.render_widget(CheckIn { app, now, theme }, body),
                Phase::ReportBack => frame.render_widget(ReportBack { app, now, theme }, body),
                Phase::PrepReview => frame.render_widget(PrepReview { app, now, theme }, body),
                Phase::HotSeats if app.ui.wall && matches!(app.ui.overlay, crate::facilitator::Overlay::None) => {
                    wall::wall(app, area, frame.buffer_mut(), now, theme);
                    return;
                }
                Phase::HotSeats => frame.render_widget(HotSeat { app, now, theme }, body),
                Phase::WrapUp => frame.render_widget(WrapUp { app, now, theme }, body),
            }
        }
        Some(_) => frame.render_widget(Closed { app, now, theme }, body),
        None => frame.render_widget(Home { app, now, theme }, body),
    }
    chrome::status(app, frame, status, theme);
    chrome::footer(app, frame, footer, theme);
    overlays::draw(app, frame, area, now, theme);
    // A dialog never hides the running clock: it stays in view on the status row.
    if let Some(m) = app.meeting.as_ref().filter(|m| m.is_open() && m.phase == Phase::HotSeats)
        && let Some(turn) = m.current_turn()
        && app.is_editing()
    {
        wall::compact(turn, app.ctx.group.name_of(&turn.member), status, frame.buffer_mut(), now, theme);
    }
}

/// What, on screen, changes with time alone: the runtime redraws when this changes.
pub fn clock_key(app: &App, now: DateTime<FixedOffset>) -> (i64, i64, i64) {
    let wall_minute = now.timestamp().div_euclid(60);
    let Some(m) = app.meeting.as_ref().filter(|m| m.is_open()) else { return (wall_minute, 0, 0) };
    let meeting_left = (m.scheduled_end() - now).num_minutes();
    let turn = match (m.phase, m.current_turn()) {
        (Phase::HotSeats, Some(t)) => format::shown_second(t.left_ms_at(now)),
        _ => 0,
    };
    (wall_minute, meeting_left, turn)
}

/// How long the runtime may sleep before something on screen changes by itself.
pub fn next_change_ms(app: &App, now: DateTime<FixedOffset>) -> u64 {
    let to_minute = 60_000 - (now.timestamp_millis().rem_euclid(60_000));
    let Some(m) = app.meeting.as_ref().filter(|m| m.is_open()) else { return to_minute as u64 };
    let to_left_minute = {
        let left = (m.scheduled_end() - now).num_milliseconds();
        let r = left.rem_euclid(60_000);
        if r == 0 { 60_000 } else { r }
    };
    let mut wait = to_minute.min(to_left_minute);
    if let (Phase::HotSeats, Some(t)) = (m.phase, m.current_turn())
        && t.is_running()
    {
        wait = wait.min(format::ms_to_next_second(t.left_ms_at(now)));
    }
    wait.clamp(1, 60_000) as u64
}

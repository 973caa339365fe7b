//! Moving through the hot-seat protocol of the turn on screen.

use chrono::{DateTime, FixedOffset};

use super::action::Effect;
use super::state::App;
use crate::facilitator::strings::{self as s, agenda as a};
use crate::model::Phase;
use crate::model::protocol::{next_step, prev_step};

/// `.` (delta 1) or `,` (delta -1) in the hot seat.
pub fn step(app: &mut App, delta: i32, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let agenda = app.ctx.group.agenda().clone();
    let Some(m) = app.meeting.as_mut().filter(|m| m.phase == Phase::HotSeats) else {
        app.info(s::NO_TIMER_HERE);
        return Vec::new();
    };
    let Some(turn) = m.hot_seat.clone().and_then(|h| m.turn_mut(&h)) else { return Vec::new() };
    let moved = if delta > 0 { next_step(&agenda, turn, now) } else { prev_step(turn) };
    if moved {
        return vec![Effect::SaveMeeting];
    }
    app.info(if delta > 0 { a::LAST_PROTOCOL_STEP } else { a::FIRST_PROTOCOL_STEP });
    Vec::new()
}

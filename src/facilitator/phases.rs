//! Moving through the meeting: phases, the hot-seat order, turns and their timers.

use chrono::{DateTime, FixedOffset};

use super::action::{Action, Effect};
use super::queries::{self, clamp};
use super::state::{App, StatusKind};
use crate::facilitator::strings as s;
use crate::model::{Phase, Status};

const SAVE: Effect = Effect::SaveMeeting;

/// Start a new meeting, or resume the open one.
pub fn start_or_resume(app: &mut App, now: DateTime<FixedOffset>) -> Vec<Effect> {
    if app.in_meeting() {
        return Vec::new();
    }
    if app.meeting.as_ref().is_some_and(|m| !m.is_open()) {
        // The context predates the meeting just closed: reopen hotseat to start the next.
        app.info(s::ui::CLOSED_HINT);
        return Vec::new();
    }
    if app.ui.read_only && app.ctx.open_meeting.is_none() {
        app.refuse_read_only();
        return Vec::new();
    }
    if let Some(m) = app.ctx.open_meeting.take() {
        let msg = s::resumed(&m, &app.ctx.group, now);
        app.meeting = Some(m);
        if !app.ui.read_only {
            app.info(msg);
        }
        return Vec::new();
    }
    let m = app.ctx.start_meeting(now);
    app.ctx.meeting_ids.push(m.id.clone());
    app.meeting = Some(m);
    app.ui.cursors = Default::default();
    vec![SAVE]
}

pub fn next(app: &mut App, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let Some(m) = app.meeting.as_mut() else { return Vec::new() };
    match m.phase {
        Phase::CheckIn => {
            m.phase = Phase::ReportBack;
            app.ui.cursors.report = 0;
        }
        Phase::ReportBack => enter_prep(app, now),
        Phase::PrepReview => enter_hot_seats(app, now),
        Phase::HotSeats => {
            end_current_turn(app, now);
            let m = app.meeting.as_mut().expect("in a meeting");
            match queries::next_in_order(m).map(str::to_string) {
                Some(next) => {
                    open_turn(app, &next, now);
                    super::plan::warn_if_over(app, now);
                }
                None => enter_wrap_up(app),
            }
        }
        Phase::WrapUp => return super::close::ask(app),
    }
    vec![SAVE]
}

pub fn prev(app: &mut App, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let Some(m) = app.meeting.as_mut() else { return Vec::new() };
    match m.phase {
        Phase::CheckIn => {
            app.info(s::FIRST_PHASE);
            return Vec::new();
        }
        Phase::ReportBack => m.phase = Phase::CheckIn,
        Phase::PrepReview => m.phase = Phase::ReportBack,
        Phase::HotSeats => {
            let current = m.hot_seat.clone();
            let i = current.as_ref().and_then(|c| m.order.iter().position(|x| x == c));
            end_current_turn(app, now);
            let m = app.meeting.as_mut().expect("in a meeting");
            match i {
                Some(i) if i > 0 => {
                    let before = m.order[i - 1].clone();
                    open_turn(app, &before, now);
                }
                _ => {
                    // Back before the first turn: it is paused, not over, so `]` reopens it.
                    if let Some(t) = current.as_deref().and_then(|c| m.turn_mut(c)) {
                        t.ended_at = None;
                    }
                    m.phase = Phase::PrepReview;
                    m.hot_seat = None;
                    m.plan_end = None;
                }
            }
        }
        Phase::WrapUp => match m.order.last().cloned() {
            Some(last) => {
                m.phase = Phase::HotSeats;
                open_turn(app, &last, now);
            }
            None => m.phase = Phase::PrepReview,
        },
    }
    vec![SAVE]
}

fn enter_prep(app: &mut App, now: DateTime<FixedOffset>) {
    super::plan::first_order(app);
    let tb = queries::timebox(app);
    let m = app.meeting.as_mut().expect("in a meeting");
    sync_order(m);
    if m.turn_minutes == 0 {
        set_turn_minutes(m, queries::default_turn_minutes(m, tb, now));
    }
    m.phase = Phase::PrepReview;
    app.ui.cursors.prep = 0;
}

fn enter_hot_seats(app: &mut App, now: DateTime<FixedOffset>) {
    let tb = queries::timebox(app);
    let m = app.meeting.as_mut().expect("in a meeting");
    sync_order(m);
    if m.turn_minutes == 0 {
        set_turn_minutes(m, queries::default_turn_minutes(m, tb, now).max(1));
    }
    super::plan::fix_plan_end(m, now);
    let first = m.order.iter().find(|id| m.turn(id).is_none_or(|t| t.ended_at.is_none())).cloned();
    match first {
        Some(member) => {
            m.phase = Phase::HotSeats;
            open_turn(app, &member, now);
        }
        None => {
            let nobody = m.order.is_empty();
            enter_wrap_up(app);
            if nobody {
                app.set_status(StatusKind::Warning, s::NOBODY_HERE);
            }
        }
    }
}

fn enter_wrap_up(app: &mut App) {
    let m = app.meeting.as_mut().expect("in a meeting");
    m.phase = Phase::WrapUp;
    m.hot_seat = None;
    if m.next_meeting.is_none() {
        m.next_meeting = Some(app.ctx.group.cadence.next_after(m.date));
    }
    app.ui.cursors.wrap = 0;
    super::term::on_enter_wrap_up(app);
}

/// Open `member`'s turn (creating it with the planned minutes) and start its timer.
fn open_turn(app: &mut App, member: &str, now: DateTime<FixedOffset>) {
    let tb = queries::timebox(app);
    let m = app.meeting.as_mut().expect("in a meeting");
    if m.turn(member).is_none() {
        let turn = super::plan::new_turn(m, tb, member, now);
        m.turns.push(turn);
    }
    m.turn_mut(member).expect("just made").start(now);
    m.hot_seat = Some(member.to_string());
    m.phase = Phase::HotSeats;
    app.ui.cursors.hot = 0;
}

fn end_current_turn(app: &mut App, now: DateTime<FixedOffset>) {
    let m = app.meeting.as_mut().expect("in a meeting");
    if let Some(h) = m.hot_seat.clone()
        && let Some(t) = m.turn_mut(&h)
    {
        t.end(now);
    }
}

/// Keep the hot-seat order to the members who are here: drop those now absent (unless
/// their turn has begun), add newcomers at the end in attendance order.
pub fn sync_order(m: &mut crate::model::Meeting) {
    let here: Vec<String> = m.here().map(str::to_string).collect();
    let started: Vec<String> = m.turns.iter().filter(|t| t.started_at.is_some()).map(|t| t.member.clone()).collect();
    m.order.retain(|id| here.contains(id) || started.contains(id));
    for id in here {
        if !m.order.contains(&id) && !m.postponed.contains(&id) {
            m.order.push(id);
        }
    }
}

/// Every turn not begun `minutes` long.
pub fn set_turn_minutes(m: &mut crate::model::Meeting, minutes: u32) {
    m.turn_minutes = minutes;
    for t in m.turns.iter_mut().filter(|t| t.started_at.is_none()) {
        t.planned_secs = minutes * 60;
    }
}

pub fn toggle_timer(app: &mut App, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let turn = app.meeting.as_mut().and_then(|m| {
        let h = m.hot_seat.clone()?;
        m.turn_mut(&h)
    });
    let msg = match turn {
        None => {
            app.info(s::NO_TIMER_HERE);
            return Vec::new();
        }
        Some(t) if t.is_running() => {
            t.pause(now);
            s::PAUSED
        }
        Some(t) => {
            t.start(now);
            s::RUNNING
        }
    };
    app.info(msg);
    vec![SAVE]
}

pub fn add_minute(app: &mut App, delta: i32, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let Some(m) = app.meeting.as_mut() else { return Vec::new() };
    match m.phase {
        Phase::HotSeats => {
            let Some(h) = m.hot_seat.clone() else { return Vec::new() };
            let Some(t) = m.turn_mut(&h) else { return Vec::new() };
            if t.prep_secs == 0 {
                t.prep_secs = t.planned_secs;
            }
            let planned = (t.planned_secs as i64 + delta as i64 * 60).max(60);
            t.extended_secs += (planned - t.planned_secs as i64) as i32;
            t.planned_secs = planned as u32;
            if t.left_ms_at(now) > 0 {
                t.bell_rung = false;
            }
            super::plan::warn_if_over(app, now);
            vec![SAVE]
        }
        Phase::PrepReview => {
            let minutes = (m.turn_minutes as i32 + delta).clamp(1, 120) as u32;
            set_turn_minutes(m, minutes);
            vec![SAVE]
        }
        _ => {
            app.info(s::NO_TIMER_HERE);
            Vec::new()
        }
    }
}

pub fn check_in(app: &mut App, action: Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let Some(m) = app.meeting.as_mut() else { return Vec::new() };
    if m.phase != Phase::CheckIn {
        return Vec::new();
    }
    if action == Action::AckPledge {
        return super::pledge::affirm_or_ask(app, now);
    }
    let i = clamp(app.ui.cursors.check_in, m.attendance.len());
    let Some(a) = m.attendance.get_mut(i) else { return Vec::new() };
    a.presence = match action {
        Action::SetPresence(p) => p,
        Action::CyclePresenceBack => a.presence.cycle_back(),
        _ => a.presence.cycle(),
    };
    if !m.order.is_empty() {
        sync_order(m);
    }
    vec![SAVE]
}

pub fn reorder(app: &mut App, delta: isize) -> Vec<Effect> {
    let Some(m) = app.meeting.as_mut() else { return Vec::new() };
    let rows = queries::prep_rows(m);
    let Some(id) = rows.get(clamp(app.ui.cursors.prep, rows.len())).cloned() else { return Vec::new() };
    let Some(i) = m.order.iter().position(|x| *x == id) else {
        app.info(s::ABSENT_NOT_IN_ORDER);
        return Vec::new();
    };
    let j = i as isize + delta;
    if j < 0 || j as usize >= m.order.len() {
        return Vec::new();
    }
    m.order.swap(i, j as usize);
    app.ui.cursors.prep = j as usize;
    vec![SAVE]
}

/// Once a second or so: ring the bell when a running countdown first reaches zero, and
/// (when the agenda asks for it) when a protocol step's time first runs out.
pub fn tick(app: &mut App, now: DateTime<FixedOffset>) -> Vec<Effect> {
    // The protocol step whose time is up, when the agenda rings for it (the last step's
    // end is the turn's own, which rings anyway).
    let agenda = app.ctx.group.agenda();
    let step_up = (app.meeting.as_ref().and_then(|m| m.current_turn()))
        .filter(|_| agenda.step_bell)
        .and_then(|t| crate::model::protocol::step_now(agenda, t, now))
        .filter(|s| s.is_up() && !s.is_last())
        .map(|s| s.index as u32);
    let Some(m) = app.meeting.as_mut() else { return Vec::new() };
    if m.phase != Phase::HotSeats || !m.is_open() {
        return Vec::new();
    }
    let Some(h) = m.hot_seat.clone() else { return Vec::new() };
    match m.turn_mut(&h) {
        Some(t) if t.is_running() && !t.bell_rung && t.left_ms_at(now) <= 0 => {
            t.bell_rung = true;
            vec![Effect::Bell, SAVE]
        }
        Some(t) if t.is_running() && step_up.is_some_and(|i| t.step_bells <= i) => {
            t.step_bells = step_up.map_or(0, |i| i + 1);
            vec![Effect::Bell, SAVE]
        }
        _ => Vec::new(),
    }
}

/// Quit confirmed: bank the running timer so the turn resumes with the same time left.
pub fn quit(app: &mut App, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let mut effects = Vec::new();
    if let Some(m) = app.meeting.as_mut().filter(|m| m.is_open())
        && !app.ui.read_only
    {
        for t in m.turns.iter_mut().filter(|t| t.is_running()) {
            t.pause(now);
        }
        effects.push(SAVE);
    }
    effects.push(Effect::Quit);
    effects
}

/// `y` to the close question: close the meeting, snapshot the open steps, set the next date.
pub fn close(app: &mut App, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let Some(m) = app.meeting.as_mut() else { return Vec::new() };
    for t in m.turns.iter_mut().filter(|t| t.is_running()) {
        t.pause(now);
    }
    let next = m.next_meeting.unwrap_or_else(|| app.ctx.group.cadence.next_after(m.date));
    m.next_meeting = Some(next);
    m.status = Status::Closed;
    m.closed_at = Some(now);
    m.hot_seat = None;
    let snapshot = app.ctx.open_after(m);
    let m = app.meeting.as_mut().expect("in a meeting");
    m.open_after = Some(snapshot);
    app.ctx.group.next_meeting = Some(next);
    app.ui.overlay = super::state::Overlay::None;
    app.info(s::CLOSED);
    vec![SAVE, Effect::SaveGroup]
}

//! Turn lengths and a meeting that ends on time, on the facilitator's side: per-member
//! minutes in the prep review, evening them out, skipping or postponing a turn, and the
//! turn that opens re-planned to fit (`model::plan`).

use chrono::{DateTime, FixedOffset};

use super::action::Effect;
use super::queries::{self, Timebox, clamp};
use super::state::{App, StatusKind};
use crate::facilitator::strings::agenda as a;
use crate::model::plan::{self, planned_minutes};
use crate::model::{Meeting, Phase, Turn};

const SAVE: Effect = Effect::SaveMeeting;

/// The member selected in the prep review.
fn selected(app: &App) -> Option<String> {
    let m = app.meeting.as_ref()?;
    let rows = queries::prep_rows(m);
    rows.get(clamp(app.ui.cursors.prep, rows.len())).cloned()
}

/// `+`/`-` in the prep review: the selected member's turn a minute longer or shorter.
pub fn nudge_selected(app: &mut App, delta: i32) -> Vec<Effect> {
    let Some(id) = selected(app) else { return Vec::new() };
    let Some(m) = app.meeting.as_mut() else { return Vec::new() };
    if !m.order.contains(&id) {
        app.info(crate::facilitator::strings::ABSENT_NOT_IN_ORDER);
        return Vec::new();
    }
    let minutes = (planned_minutes(m, &id) as i32 + delta).clamp(1, 120) as u32;
    set_member_minutes(m, &id, minutes);
    vec![SAVE]
}

fn set_member_minutes(m: &mut Meeting, id: &str, minutes: u32) {
    if minutes == m.turn_minutes {
        m.turn_secs.remove(id);
    } else {
        m.turn_secs.insert(id.to_string(), minutes * 60);
    }
    if let Some(t) = m.turn_mut(id).filter(|t| t.started_at.is_none()) {
        t.planned_secs = minutes * 60;
    }
}

/// `=` in the prep review: every turn the same, the time left split evenly.
pub fn even_out(app: &mut App, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let tb = queries::timebox(app);
    let Some(m) = app.meeting.as_mut() else { return Vec::new() };
    m.turn_secs.clear();
    let minutes = queries::default_turn_minutes(m, tb, now).max(1);
    super::phases::set_turn_minutes(m, minutes);
    app.info(a::evened(minutes));
    vec![SAVE]
}

/// `h` in the prep review: every turn as long as this group's turns usually take.
pub fn as_history_says(app: &mut App) -> Vec<Effect> {
    let Some(minutes) = app.seats.as_ref().and_then(|s| s.suggested) else {
        app.info(a::NO_HISTORY);
        return Vec::new();
    };
    let Some(m) = app.meeting.as_mut() else { return Vec::new() };
    m.turn_secs.clear();
    super::phases::set_turn_minutes(m, minutes);
    app.info(a::as_history(minutes));
    vec![SAVE]
}

/// `s` in the prep review: the selected member's turn moves to the next meeting (their
/// time goes to the others), or comes back. The selection follows the member.
pub fn skip_selected(app: &mut App) -> Vec<Effect> {
    let Some(id) = selected(app) else { return Vec::new() };
    let effects = skip(app, &id);
    if let Some(m) = app.meeting.as_ref()
        && let Some(i) = queries::prep_rows(m).iter().position(|x| *x == id)
    {
        app.ui.cursors.prep = i;
    }
    effects
}

fn skip(app: &mut App, id: &str) -> Vec<Effect> {
    let id = id.to_string();
    let name = app.ctx.group.name_of(&id).to_string();
    let Some(m) = app.meeting.as_mut() else { return Vec::new() };
    if let Some(i) = m.postponed.iter().position(|x| *x == id) {
        m.postponed.remove(i);
        if m.presence(&id).is_here() && !m.order.contains(&id) {
            m.order.push(id);
        }
        app.info(a::turn_back(&name));
        return vec![SAVE];
    }
    if m.turn(&id).is_some_and(|t| t.started_at.is_some()) {
        app.set_status(StatusKind::Warning, a::TURN_BEGUN);
        return Vec::new();
    }
    postpone(m, &id);
    app.info(a::postponed(&name));
    vec![SAVE]
}

fn postpone(m: &mut Meeting, id: &str) {
    m.order.retain(|x| x != id);
    m.turns.retain(|t| t.member != id);
    m.turn_secs.remove(id);
    if !m.postponed.iter().any(|x| x == id) {
        m.postponed.push(id.to_string());
    }
}

/// `L` in the hot seats: the last turn still to come moves to the next meeting.
pub fn postpone_last(app: &mut App) -> Vec<Effect> {
    let Some(m) = app.meeting.as_mut().filter(|m| m.phase == Phase::HotSeats) else { return Vec::new() };
    let Some((id, _)) = plan::turns_ahead(m).pop() else {
        app.info(a::NO_TURN_TO_POSTPONE);
        return Vec::new();
    };
    postpone(m, &id);
    let name = app.ctx.group.name_of(&id).to_string();
    app.info(a::postponed(&name));
    vec![SAVE]
}

/// As the hot seats begin: fix when they should end, the plan's own end or earlier.
pub fn fix_plan_end(m: &mut Meeting, now: DateTime<FixedOffset>) {
    if m.plan_end.is_some() {
        return;
    }
    let secs: i64 = m
        .order
        .iter()
        .map(|id| match m.turn(id) {
            Some(t) if t.ended_at.is_some() => 0,
            Some(t) if t.started_at.is_some() => t.left_ms_at(now).max(0) / 1000,
            _ => planned_minutes(m, id) as i64 * 60,
        })
        .sum();
    m.plan_end = Some(now + chrono::Duration::seconds(secs));
}

/// A new turn for `member`, re-planned to fit what is left; it remembers the prep
/// review's plan when that differs.
pub fn new_turn(m: &Meeting, tb: Timebox, member: &str, now: DateTime<FixedOffset>) -> Turn {
    let prep = planned_minutes(m, member) * 60;
    let (ahead, _) = plan::ahead_at(m, now, tb.wrap_up);
    let secs = ahead.iter().find(|(id, _)| id == member).map(|(_, min)| min * 60).unwrap_or(prep).max(60);
    let mut t = Turn::new(member, secs);
    if secs != prep {
        t.prep_secs = prep;
    }
    t
}

/// After the turn on screen got longer: tell the room when the turns to come cannot
/// shrink enough to end on time.
pub fn warn_if_over(app: &mut App, now: DateTime<FixedOffset>) {
    let Some(m) = app.meeting.as_ref() else { return };
    let (_, over) = plan::ahead_at(m, now, queries::timebox(app).wrap_up);
    if over > 0 {
        app.set_status(StatusKind::Warning, a::over_floor(over, plan::FLOOR_MINUTES));
    }
}

/// As the order is first made: members whose turn the previous meeting moved here go
/// first; then the prepared, whoever has waited longest for a hot seat first (then the
/// unprepared, alike); ties keep the attendance order.
pub fn first_order(app: &mut App) {
    let before = app.ctx.previous.as_ref().map(|p| p.postponed.clone()).unwrap_or_default();
    let Some(m) = app.meeting.as_mut().filter(|m| m.order.is_empty()) else { return };
    for id in before {
        if m.presence(&id).is_here() && !m.order.contains(&id) {
            m.order.push(id);
        }
    }
    let mut rest: Vec<String> = m
        .here()
        .filter(|id| !m.order.iter().any(|o| o == id) && !m.postponed.iter().any(|p| p == id))
        .map(str::to_string)
        .collect();
    if let Some(seats) = &app.seats {
        let preps = &app.ctx.preps;
        seats.order(&mut rest, |id| preps.get(id).is_some_and(|p| p.is_prepared()));
    }
    m.order.extend(rest);
}

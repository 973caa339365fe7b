//! A meeting that ends on time: the turns still to come are re-planned to fit what is
//! left before the hot seats must end, each no shorter than a floor; a turn that ends
//! early gives its unused minutes to those still to come. Pure: times are passed in.

use chrono::{DateTime, Duration, FixedOffset};

use super::Meeting;

/// The minutes the agenda keeps around the hot seats: for the prep review before them
/// and the wrap-up after them (the group's template's timeboxes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timebox {
    pub prep_review: i64,
    pub wrap_up: i64,
}

impl Timebox {
    pub fn of(agenda: &super::agenda::Agenda) -> Timebox {
        Timebox {
            prep_review: agenda.minutes(super::Phase::PrepReview) as i64,
            wrap_up: agenda.minutes(super::Phase::WrapUp) as i64,
        }
    }
}

/// The shortest a re-planned turn gets (a turn planned shorter keeps its length).
pub const FLOOR_MINUTES: u32 = 5;

/// Turns re-planned to fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replan {
    /// Minutes for each turn, in the order given.
    pub minutes: Vec<u32>,
    /// Minutes the turns still run past what was available, the floor holding them.
    pub over: i64,
}

/// Fit turns planned at `planned` minutes into `available` minutes: shrink them in
/// proportion (none below `floor`, or below its own plan when that is shorter), or share
/// out what is spare evenly, earlier turns first.
pub fn replan(planned: &[u32], available: i64, floor: u32) -> Replan {
    let total: i64 = planned.iter().map(|p| *p as i64).sum();
    if planned.is_empty() {
        return Replan { minutes: Vec::new(), over: (-available).max(0) };
    }
    if available >= total {
        let n = planned.len() as i64;
        let spare = available - total;
        let minutes = planned
            .iter()
            .enumerate()
            .map(|(i, p)| *p + (spare / n + i64::from((i as i64) < spare % n)) as u32)
            .collect();
        return Replan { minutes, over: 0 };
    }
    // Shrink: those held at their floor are set aside, the rest share what is left in
    // proportion to their plan, until nobody falls below the floor.
    let lows: Vec<u32> = planned.iter().map(|p| (*p).min(floor)).collect();
    let mut held = vec![false; planned.len()];
    loop {
        let fixed: i64 = (0..planned.len()).filter(|i| held[*i]).map(|i| lows[i] as i64).sum();
        let free: i64 = (0..planned.len()).filter(|i| !held[*i]).map(|i| planned[i] as i64).sum();
        let room = (available - fixed).max(0);
        let mut changed = false;
        for i in 0..planned.len() {
            let share = if free == 0 { 0 } else { planned[i] as i64 * room / free };
            if !held[i] && share < lows[i] as i64 {
                held[i] = true;
                changed = true;
            }
        }
        if !changed {
            let mut minutes: Vec<u32> = (0..planned.len())
                .map(|i| if held[i] { lows[i] } else { (planned[i] as i64 * room / free.max(1)) as u32 })
                .collect();
            // What rounding down left over goes to the earliest turns that can take it.
            let mut left = available - minutes.iter().map(|m| *m as i64).sum::<i64>();
            for i in (0..minutes.len()).filter(|i| !held[*i]) {
                if left <= 0 {
                    break;
                }
                if minutes[i] < planned[i] {
                    minutes[i] += 1;
                    left -= 1;
                }
            }
            let sum: i64 = minutes.iter().map(|m| *m as i64).sum();
            return Replan { minutes, over: (sum - available).max(0) };
        }
    }
}

/// The turns still to come in `m` (after the one on screen, not begun), with the
/// minutes the prep review planned for each.
pub fn turns_ahead(m: &Meeting) -> Vec<(String, u32)> {
    let after = match m.hot_seat.as_deref().and_then(|h| m.order.iter().position(|x| x == h)) {
        Some(i) => i + 1,
        None => 0,
    };
    m.order
        .iter()
        .skip(after)
        .filter(|id| m.turn(id).is_none_or(|t| t.started_at.is_none()))
        .map(|id| (id.clone(), planned_minutes(m, id)))
        .collect()
}

/// The minutes the prep review planned for `member`'s turn.
pub fn planned_minutes(m: &Meeting, member: &str) -> u32 {
    m.turn_secs.get(member).map(|s| s / 60).unwrap_or(m.turn_minutes).max(1)
}

/// The moment the hot seats must end for the meeting to end on time: the scheduled end
/// less the wrap-up, or the plan's own end when that is earlier.
pub fn hot_seats_end(m: &Meeting, wrap_up_minutes: i64) -> DateTime<FixedOffset> {
    let end = m.scheduled_end() - Duration::minutes(wrap_up_minutes);
    m.plan_end.map_or(end, |p| p.min(end))
}

/// The turns still to come, re-planned at `now`, and how far past the end they run.
pub fn ahead_at(m: &Meeting, now: DateTime<FixedOffset>, wrap_up_minutes: i64) -> (Vec<(String, u32)>, i64) {
    let ahead = turns_ahead(m);
    let current_left = m.current_turn().filter(|t| t.ended_at.is_none()).map(|t| t.left_ms_at(now).max(0)).unwrap_or(0);
    let held: i64 = m.turns.iter().map(|t| t.held_ms()).sum();
    let ms = (hot_seats_end(m, wrap_up_minutes) - now).num_milliseconds() - current_left - held;
    let available = ms.div_euclid(60_000);
    let planned: Vec<u32> = ahead.iter().map(|(_, p)| *p).collect();
    let r = replan(&planned, available, FLOOR_MINUTES);
    (ahead.into_iter().zip(r.minutes).map(|((id, _), m)| (id, m)).collect(), r.over)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_overrun_shrinks_the_turns_to_come_in_proportion() {
        let r = replan(&[17, 17, 17], 48, 5);
        assert_eq!(r.minutes, vec![16, 16, 16]);
        assert_eq!(r.over, 0);
        let r = replan(&[20, 10], 24, 5);
        assert_eq!(r.minutes.iter().sum::<u32>(), 24);
        assert_eq!(r.minutes, vec![16, 8]);
    }

    #[test]
    fn time_given_back_goes_to_the_turns_to_come() {
        let r = replan(&[17, 17, 17], 55, 5);
        assert_eq!(r.minutes, vec![19, 18, 18]);
        assert_eq!(r.over, 0);
    }

    #[test]
    fn the_floor_holds_and_the_overrun_is_reported() {
        let r = replan(&[17, 17, 17], 12, 5);
        assert_eq!(r.minutes, vec![5, 5, 5]);
        assert_eq!(r.over, 3);
        let r = replan(&[17, 3], 9, 5);
        assert_eq!(r.minutes, vec![6, 3], "a turn planned below the floor keeps its plan");
        let r = replan(&[], -4, 5);
        assert_eq!(r.over, 4);
    }

    #[test]
    fn some_at_the_floor_and_the_others_share_the_rest() {
        let r = replan(&[30, 6, 6], 30, 5);
        assert_eq!(r.minutes.iter().sum::<u32>(), 30);
        assert_eq!(&r.minutes[1..], &[5, 5]);
        assert_eq!(r.over, 0);
    }
}

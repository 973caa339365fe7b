//! Where a turn stands in the hot-seat protocol: which step, how long it has left. The
//! facilitator moves from step to step; the clock only says when a step's time is up.

use chrono::{DateTime, FixedOffset};

use super::Turn;
use super::agenda::Agenda;

/// A turn's protocol as of a moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepNow {
    /// The current step.
    pub index: usize,
    /// Each step's length in this turn, in seconds (they scale with the turn).
    pub secs: Vec<u32>,
    /// The current step's own time left; negative once it is up.
    pub left_ms: i64,
}

impl StepNow {
    /// The current step's time is up: the bar flags it.
    pub fn is_up(&self) -> bool {
        self.left_ms <= 0
    }

    pub fn is_last(&self) -> bool {
        self.index + 1 >= self.secs.len()
    }
}

/// Where `turn` stands in `agenda`'s protocol at `now`.
pub fn step_now(agenda: &Agenda, turn: &Turn, now: DateTime<FixedOffset>) -> Option<StepNow> {
    if agenda.protocol.is_empty() {
        return None;
    }
    let secs = agenda.step_secs(turn.planned_secs);
    let index = turn.step_starts.len().min(secs.len() - 1);
    let began = if index == 0 { 0 } else { turn.step_starts[index - 1] };
    let used = turn.used_ms_at(now).saturating_sub(began) as i64;
    Some(StepNow { index, left_ms: secs[index] as i64 * 1000 - used, secs })
}

/// Move to the next step; `false` on the last one.
pub fn next_step(agenda: &Agenda, turn: &mut Turn, now: DateTime<FixedOffset>) -> bool {
    if turn.step_starts.len() + 1 >= agenda.protocol.len() {
        return false;
    }
    turn.step_starts.push(turn.used_ms_at(now));
    true
}

/// Back to the step before, with the time it had; `false` on the first one.
pub fn prev_step(turn: &mut Turn) -> bool {
    turn.step_starts.pop().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn steps_advance_and_keep_their_own_time() {
        let a = super::super::agenda::template("mastermind").unwrap();
        let t0 = FixedOffset::east_opt(0).unwrap().with_ymd_and_hms(2030, 1, 15, 18, 0, 0).unwrap();
        let mut t = Turn::new("ada", 20 * 60);
        t.start(t0);
        let s = step_now(&a, &t, t0 + Duration::minutes(2)).unwrap();
        assert_eq!((s.index, s.left_ms), (0, 4 * 60_000));
        let s = step_now(&a, &t, t0 + Duration::minutes(7)).unwrap();
        assert!(s.is_up(), "Present had 6 minutes");
        assert!(next_step(&a, &mut t, t0 + Duration::minutes(7)));
        let s = step_now(&a, &t, t0 + Duration::minutes(8)).unwrap();
        assert_eq!((s.index, s.left_ms), (1, 4 * 60_000));
        assert!(prev_step(&mut t));
        assert_eq!(step_now(&a, &t, t0 + Duration::minutes(8)).unwrap().index, 0);
        assert!(!prev_step(&mut t));
        for _ in 0..3 {
            assert!(next_step(&a, &mut t, t0 + Duration::minutes(9)));
        }
        assert!(!next_step(&a, &mut t, t0 + Duration::minutes(9)), "Commit is the last step");
        assert!(step_now(&a, &t, t0 + Duration::minutes(9)).unwrap().is_last());
    }
}

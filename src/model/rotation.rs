//! Fair rotation: who has had the hot seat, how often, when last, how many minutes were
//! planned and used, and who has waited longest. Built from each meeting's attendance
//! and turns only (`store::turns` reads just those).

use chrono::{DateTime, FixedOffset, Months, NaiveDate};
use serde::Serialize;

use super::{Attendance, Group};

/// One turn as the rotation counts it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SeatTurn {
    pub member: String,
    pub planned_secs: u32,
    pub used_ms: u64,
    pub started_at: Option<DateTime<FixedOffset>>,
}

/// What the rotation needs of one meeting.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MeetingTurns {
    pub id: String,
    pub date: NaiveDate,
    pub closed: bool,
    pub attendance: Vec<Attendance>,
    pub turns: Vec<SeatTurn>,
}

impl MeetingTurns {
    fn took_seat(&self, member: &str) -> Option<&SeatTurn> {
        self.turns.iter().find(|t| t.member == member && t.started_at.is_some())
    }
}

/// One member's line of the rotation ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberRotation {
    pub member: String,
    pub name: String,
    /// Hot seats taken.
    pub seats: u32,
    pub last_seat: Option<NaiveDate>,
    pub minutes_planned: u64,
    pub minutes_used: u64,
    pub seats_6m: u32,
    pub minutes_planned_6m: u64,
    pub minutes_used_6m: u64,
    pub meetings_attended: u32,
    /// Meetings attended since the last hot seat (all of them when never).
    pub meetings_waited: u32,
}

/// The ledger for every member of `group`, from `meetings` (oldest first).
pub fn ledger(group: &Group, meetings: &[MeetingTurns], today: NaiveDate) -> Vec<MemberRotation> {
    let since = today.checked_sub_months(Months::new(6)).unwrap_or(today);
    group
        .members
        .iter()
        .map(|m| {
            let mut r = MemberRotation {
                member: m.id.clone(),
                name: m.name.clone(),
                seats: 0,
                last_seat: None,
                minutes_planned: 0,
                minutes_used: 0,
                seats_6m: 0,
                minutes_planned_6m: 0,
                minutes_used_6m: 0,
                meetings_attended: 0,
                meetings_waited: 0,
            };
            for mt in meetings {
                if mt.attendance.iter().any(|a| a.member == m.id && a.presence.is_here()) {
                    r.meetings_attended += 1;
                    r.meetings_waited += 1;
                }
                let Some(t) = mt.took_seat(&m.id) else { continue };
                let (planned, used) = (t.planned_secs as u64 / 60, (t.used_ms + 30_000) / 60_000);
                r.seats += 1;
                r.last_seat = Some(mt.date);
                r.minutes_planned += planned;
                r.minutes_used += used;
                r.meetings_waited = 0;
                if mt.date >= since {
                    r.seats_6m += 1;
                    r.minutes_planned_6m += planned;
                    r.minutes_used_6m += used;
                }
            }
            r
        })
        .collect()
}

/// Minutes per turn this group actually used: the median over its last eight meetings'
/// turns, `None` without any.
pub fn suggested_minutes(meetings: &[MeetingTurns]) -> Option<u32> {
    Seats::of(meetings).suggested
}

/// What the prep review takes from the group's history: how many meetings each member
/// attended since their last hot seat, and the minutes this group's turns really use.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seats {
    /// Closed meetings attended since the member's last hot seat (all of them when never).
    pub waited: std::collections::BTreeMap<String, u32>,
    /// [`suggested_minutes`], when there is history.
    pub suggested: Option<u32>,
}

impl Seats {
    /// From the group's meetings, oldest first; open meetings do not count.
    pub fn of(meetings: &[MeetingTurns]) -> Seats {
        let mut back = SeatsBack::new(&[]);
        meetings.iter().rev().for_each(|m| back.add(m));
        back.finish()
    }

    pub fn waited(&self, member: &str) -> u32 {
        self.waited.get(member).copied().unwrap_or(0)
    }

    /// The default hot-seat order: the prepared first, and among them (and among the
    /// unprepared) whoever has waited longest; ties keep the order given.
    pub fn order(&self, ids: &mut [String], prepared: impl Fn(&str) -> bool) {
        ids.sort_by_key(|id| (!prepared(id), std::cmp::Reverse(self.waited(id))));
    }
}

/// [`Seats`] gathered from the newest meeting back, so that a long history is read only
/// as far as it must be: until each member asked about has had a hot seat and the last
/// eight meetings with turns are in. Open meetings do not count.
#[derive(Debug, Default)]
pub struct SeatsBack {
    waited: std::collections::BTreeMap<String, u32>,
    /// Members whose last hot seat has been found (their count is final).
    seated: std::collections::BTreeSet<String>,
    /// Members still to be seated before the gathering is done.
    wanted: Vec<String>,
    /// Minutes used by the turns of the last eight meetings that had any.
    used: Vec<u64>,
    with_turns: usize,
}

impl SeatsBack {
    pub fn new(members: &[String]) -> SeatsBack {
        SeatsBack { wanted: members.to_vec(), ..SeatsBack::default() }
    }

    /// The meeting before those added so far.
    pub fn add(&mut self, mt: &MeetingTurns) {
        if !mt.closed {
            return;
        }
        let taken: Vec<&SeatTurn> = mt.turns.iter().filter(|t| t.started_at.is_some()).collect();
        for a in mt.attendance.iter().filter(|a| a.presence.is_here() && !self.seated.contains(&a.member)) {
            if !taken.iter().any(|t| t.member == a.member) {
                *self.waited.entry(a.member.clone()).or_insert(0) += 1;
            }
        }
        for t in &taken {
            if self.seated.insert(t.member.clone()) {
                self.waited.entry(t.member.clone()).or_insert(0);
            }
        }
        if !taken.is_empty() && self.with_turns < 8 {
            self.with_turns += 1;
            self.used.extend(taken.iter().map(|t| (t.used_ms + 30_000) / 60_000).filter(|m| *m > 0));
        }
    }

    /// Every member asked about has had a hot seat, and the last eight meetings with
    /// turns are in: older meetings change nothing.
    pub fn done(&self) -> bool {
        self.with_turns >= 8 && self.wanted.iter().all(|m| self.seated.contains(m))
    }

    pub fn finish(mut self) -> Seats {
        self.used.sort_unstable();
        let suggested = (!self.used.is_empty()).then(|| self.used[self.used.len() / 2] as u32);
        Seats { waited: self.waited, suggested }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Member, Presence};
    use chrono::TimeZone;

    fn meeting(day: u32, here: &[&str], turns: &[(&str, u64)]) -> MeetingTurns {
        let at = FixedOffset::east_opt(0).unwrap().with_ymd_and_hms(2030, 1, day, 18, 0, 0).unwrap();
        MeetingTurns {
            id: format!("2030-01-{day:02}"),
            date: at.date_naive(),
            closed: true,
            attendance: here
                .iter()
                .map(|m| Attendance { member: m.to_string(), presence: Presence::Present })
                .collect(),
            turns: turns
                .iter()
                .map(|(m, used)| SeatTurn {
                    member: m.to_string(),
                    planned_secs: 15 * 60,
                    used_ms: used * 60_000,
                    started_at: Some(at),
                })
                .collect(),
        }
    }

    #[test]
    fn seats_waits_and_the_median() {
        let mut g = Group::new("G");
        for id in ["ada", "ben"] {
            g.members.push(Member {
                id: id.into(),
                name: id.into(),
                role: String::new(),
                department: String::new(),
                offers: Vec::new(),
                reports_to: None,
            });
        }
        let ms = [
            meeting(1, &["ada", "ben"], &[("ada", 14), ("ben", 20)]),
            meeting(8, &["ada", "ben"], &[("ada", 16)]),
            meeting(15, &["ada", "ben"], &[("ada", 18)]),
        ];
        let l = ledger(&g, &ms, ms[2].date);
        assert_eq!((l[0].seats, l[0].minutes_used, l[0].meetings_waited), (3, 48, 0));
        assert_eq!((l[1].seats, l[1].last_seat, l[1].meetings_waited), (1, Some(ms[0].date), 2));
        assert_eq!(suggested_minutes(&ms), Some(18));
        let seats = Seats::of(&ms);
        assert_eq!((seats.waited("ada"), seats.waited("ben"), seats.suggested), (0, 2, Some(18)));
        let mut order = vec!["ada".to_string(), "ben".to_string(), "cy".to_string()];
        seats.order(&mut order, |id| id != "cy");
        assert_eq!(order, ["ben", "ada", "cy"], "the prepared who waited longest first, the unprepared last");
        // Gathered from the newest back, it may stop once both have had a seat and eight
        // meetings with turns are in; before that it is not done.
        let mut back = SeatsBack::new(&["ada".to_string(), "ben".to_string()]);
        for m in ms.iter().rev() {
            assert!(!back.done());
            back.add(m);
        }
        assert_eq!(back.finish(), seats);
    }

    #[test]
    fn read_from_the_newest_back_seats_stop_early_with_the_same_result() {
        // Twelve meetings: ben seated in the first and the ninth, ada every time.
        let ms: Vec<MeetingTurns> = (1..=12)
            .map(|d| {
                let turns: &[(&str, u64)] =
                    if d == 1 || d == 9 { &[("ada", 10 + d as u64), ("ben", 15)] } else { &[("ada", 10 + d as u64)] };
                meeting(d, &["ada", "ben"], turns)
            })
            .collect();
        let all = Seats::of(&ms);
        assert_eq!((all.waited("ada"), all.waited("ben")), (0, 3));
        let mut back = SeatsBack::new(&["ada".to_string(), "ben".to_string()]);
        let mut read = 0;
        for m in ms.iter().rev() {
            if back.done() {
                break;
            }
            back.add(m);
            read += 1;
        }
        assert_eq!(read, 8, "ben's last seat and eight meetings with turns are in the newest eight");
        assert_eq!(back.finish(), all);
    }
}

//! One member's share of the group's history, folded meeting by meeting without holding
//! the meetings or anyone else's steps: what `hotseat me` shows of ten years.
//!
//! [`ledger::replay`](super::ledger::replay) of every meeting, filtered to the member's
//! steps, gives the same steps in the same order: a step is followed from the first
//! meeting that names it with this member as its owner, and every later snapshot, new
//! copy and review of it is applied as the ledger applies them. The one thing a share
//! cannot follow alone is a step that someone else owned first and that later names
//! this member (only a hand-edited file does that): then [`MemberShare::needs_watch`]
//! says so, and folding again with those ids watched from the start is exact.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::ledger::{Fold, Ledger};
use super::meeting::{Meeting, Status};
use super::progress::ProgressEntry;
use super::step::ActionStep;

/// A stable 64-bit hash (FNV-1a): the same bytes give the same number in every build.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// A step id's hash, to remember other members' step ids in little space. A collision
/// only costs a fold from the start.
pub fn id_hash(id: &str) -> u64 {
    fnv1a(id.as_bytes())
}

/// The newest closed meeting seen: its date and the next meeting it set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastClosed {
    pub date: NaiveDate,
    pub next_meeting: Option<NaiveDate>,
}

impl Fold for MemberShare {
    fn upsert_step(&mut self, s: ActionStep) {
        self.upsert(s);
    }
    fn record_on(&mut self, step: &str, entry: ProgressEntry) {
        self.steps.record_on(step, entry);
    }
}

/// One member's steps (every step that ever named them as owner, with all it went
/// through), and what is needed to go on folding. (No private note: none is kept in the
/// group folder, and none goes into a cache.)
#[derive(Debug, Clone, Default)]
pub struct MemberShare {
    pub me: String,
    /// Followed steps in ledger order (some may have passed to another owner since).
    pub steps: Ledger,
    pub last_closed: Option<LastClosed>,
    /// Hashes of the ids of steps seen with another owner and not followed, sorted
    /// (as read from a cache) …
    pub foreign_sorted: Vec<u64>,
    /// … and those added since.
    pub foreign_new: HashSet<u64>,
    /// Ids to follow from their first appearance whatever their owner then.
    pub watch: HashSet<String>,
    /// Steps that named this member after another owner, unfollowed until then.
    pub missed: HashSet<String>,
}

impl MemberShare {
    pub fn new(me: &str, watch: HashSet<String>) -> MemberShare {
        MemberShare { me: me.to_string(), watch, ..MemberShare::default() }
    }

    fn is_foreign(&self, h: u64) -> bool {
        self.foreign_new.contains(&h) || self.foreign_sorted.binary_search(&h).is_ok()
    }

    fn upsert(&mut self, s: ActionStep) {
        if self.steps.get(&s.id).is_some() {
            self.steps.upsert(s);
        } else if s.owner == self.me || self.watch.contains(&s.id) {
            if s.owner == self.me && self.is_foreign(id_hash(&s.id)) {
                self.missed.insert(s.id.clone());
            }
            self.steps.upsert(s);
        } else {
            self.foreign_new.insert(id_hash(&s.id));
        }
    }

    /// Fold one meeting in, as [`Ledger::add_meeting`] does: its snapshot of open steps,
    /// its new steps, its reviews.
    pub fn add_meeting(&mut self, m: Meeting) {
        if m.status == Status::Closed {
            self.last_closed = Some(LastClosed { date: m.date, next_meeting: m.next_meeting });
        }
        self.fold(m);
    }

    /// Steps that this share could not follow: fold again from the start with these
    /// ids watched (see the module's notes).
    pub fn needs_watch(&self) -> Option<HashSet<String>> {
        (!self.missed.is_empty()).then(|| self.missed.iter().chain(&self.watch).cloned().collect())
    }

    /// The hashes of other members' step ids, sorted, for a cache.
    pub fn foreign(&self) -> Vec<u64> {
        let mut all: Vec<u64> = self.foreign_sorted.iter().chain(&self.foreign_new).copied().collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// The member's steps as they stand, in ledger order.
    pub fn my_steps(&self) -> impl Iterator<Item = &ActionStep> {
        self.steps.steps().iter().filter(|s| s.owner == self.me)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ledger::replay;
    use crate::model::{PrivateNote, Progress, Review};
    use chrono::{DateTime, Duration, FixedOffset, TimeZone};

    fn t0() -> DateTime<FixedOffset> {
        FixedOffset::east_opt(3600).unwrap().with_ymd_and_hms(2024, 1, 2, 19, 0, 0).unwrap()
    }

    fn meeting(n: i64) -> Meeting {
        let at = t0() + Duration::weeks(n);
        let mut m = Meeting::begin(at.date_naive().to_string(), at.date_naive(), at, 120, String::new(), Vec::new());
        m.status = Status::Closed;
        m
    }

    fn step(m: &Meeting, n: usize, owner: &str) -> ActionStep {
        ActionStep {
            id: format!("{}-{n}", m.id),
            owner: owner.into(),
            text: format!("step {n} of {}", m.id),
            measurable_result: String::new(),
            due: Some(m.date + Duration::days(7)),
            goal: None,
            meeting: m.id.clone(),
            created_at: m.started_at,
            history: Vec::new(),
        }
    }

    /// What `hotseat me` showed before: every meeting replayed, filtered to `me`.
    fn slow(meetings: &[Meeting], me: &str) -> Vec<ActionStep> {
        replay(meetings).into_steps().into_iter().filter(|s| s.owner == me).collect()
    }

    /// The share folded as `member_share` folds it: again with watched ids when needed.
    fn fast(meetings: &[Meeting], me: &str) -> MemberShare {
        let fold = |watch| {
            let mut share = MemberShare::new(me, watch);
            meetings.iter().cloned().for_each(|m| share.add_meeting(m));
            share
        };
        let first = fold(HashSet::new());
        match first.needs_watch() {
            Some(watch) => fold(watch),
            None => first,
        }
    }

    /// A pseudo-random history: steps of three members, reviews, snapshots of open
    /// steps that sometimes disagree with what came before, and now and then a step
    /// handed to another member.
    fn history(seed: u64, n: i64) -> Vec<Meeting> {
        let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let mut rnd = move |k: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % k
        };
        let who = ["ada", "ben", "cy"];
        let mut open: Vec<ActionStep> = Vec::new();
        let mut out = Vec::new();
        for i in 0..n {
            let mut m = meeting(i);
            for s in &open {
                if rnd(3) == 0 {
                    continue;
                }
                let p = [Progress::Done, Progress::Partial, Progress::NotDone, Progress::Dropped][rnd(4) as usize];
                m.reviews.push(Review { step: s.id.clone(), progress: p, note: String::new(), at: m.started_at });
            }
            for k in 1..=rnd(5) as usize {
                m.steps.push(step(&m, k, who[rnd(3) as usize]));
            }
            m.private_notes.push(PrivateNote {
                member: who[rnd(3) as usize].into(),
                author: who[rnd(3) as usize].into(),
                text: format!("note {i}"),
                updated_at: m.started_at,
            });
            let l = replay(out.iter().chain(std::iter::once(&m)));
            let mut after: Vec<ActionStep> = l.open().cloned().collect();
            for s in after.iter_mut() {
                match rnd(12) {
                    0 => s.owner = who[rnd(3) as usize].into(),
                    1 => s.text.push_str(" (reworded)"),
                    _ => {}
                }
            }
            if rnd(10) == 0 && !l.steps().is_empty() {
                // A closed step comes back in a snapshot.
                let back = l.steps()[rnd(l.steps().len() as u64) as usize].clone();
                after.push(back);
            }
            open = after.clone();
            m.open_after = Some(after);
            m.next_meeting = (rnd(2) == 0).then(|| m.date + Duration::days(14));
            if i == n - 1 && rnd(2) == 0 {
                m.status = Status::Open;
            }
            out.push(m);
        }
        out
    }

    #[test]
    fn the_share_is_what_replaying_every_meeting_gives() {
        let mut handed = 0;
        for seed in 0..60 {
            let meetings = history(seed, 30);
            for me in ["ada", "ben", "cy"] {
                let mut first = MemberShare::new(me, HashSet::new());
                meetings.iter().cloned().for_each(|m| first.add_meeting(m));
                handed += first.needs_watch().is_some() as usize;
                let share = fast(&meetings, me);
                let mine: Vec<ActionStep> = share.my_steps().cloned().collect();
                assert_eq!(mine, slow(&meetings, me), "seed {seed}, {me}");
                let last = meetings.iter().rev().find(|m| m.status == Status::Closed);
                assert_eq!(share.last_closed.map(|l| l.date), last.map(|m| m.date));
                assert_eq!(share.last_closed.and_then(|l| l.next_meeting), last.and_then(|m| m.next_meeting));
            }
        }
        assert!(handed > 0, "some histories hand a step to another member");
    }

    #[test]
    fn the_packed_ledger_is_the_ledger() {
        use crate::model::MemberProgress;
        for seed in 0..40 {
            let meetings = history(seed, 30);
            let mut slow = replay(&meetings);
            let mut packed = crate::model::compact::CompactLedger::default();
            meetings.iter().cloned().for_each(|m| packed.add_meeting(m));
            // Members' own reports, on their steps and on others' (ignored).
            let reports: Vec<MemberProgress> = slow
                .steps()
                .iter()
                .step_by(3)
                .map(|s| MemberProgress { step: s.id.clone(), progress: Progress::Done, note: "mine".into(), at: t0() })
                .collect();
            for me in ["ada", "ben", "nobody"] {
                slow.add_member_progress(me, &reports);
                packed.add_member_progress(me, &reports);
            }
            let packed: Vec<ActionStep> = packed.iter().collect();
            assert_eq!(packed, slow.into_steps(), "seed {seed}");
        }
    }

    #[test]
    fn a_step_handed_over_from_another_member_keeps_its_history_and_place() {
        let mut m1 = meeting(0);
        m1.steps = vec![step(&m1, 1, "ben"), step(&m1, 2, "ada")];
        let mut m2 = meeting(1);
        m2.reviews.push(Review {
            step: m1.steps[0].id.clone(),
            progress: Progress::Partial,
            note: "x".into(),
            at: m2.started_at,
        });
        let mut handed = m1.steps[0].clone();
        handed.owner = "ada".into();
        m2.open_after = Some(vec![handed, m1.steps[1].clone()]);
        let meetings = [m1, m2];
        let first = {
            let mut s = MemberShare::new("ada", HashSet::new());
            meetings.iter().cloned().for_each(|m| s.add_meeting(m));
            s
        };
        assert!(first.needs_watch().is_some(), "the first fold knows it missed the step");
        let share = fast(&meetings, "ada");
        let mine: Vec<ActionStep> = share.my_steps().cloned().collect();
        assert_eq!(mine, slow(&meetings, "ada"));
        assert_eq!(mine[0].history.len(), 1, "ben's history came with the step");
    }
}

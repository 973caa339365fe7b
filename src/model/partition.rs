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

use super::ledger::{Ledger, changes};
use super::meeting::{Meeting, Status};
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

/// A private note about the member that the member wrote, as the meeting file holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRef {
    pub meeting: String,
    pub text: String,
}

/// The newest closed meeting seen: its date and the next meeting it set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastClosed {
    pub date: NaiveDate,
    pub next_meeting: Option<NaiveDate>,
}

/// One member's steps (every step that ever named them as owner, with all it went
/// through), their own private notes, and what is needed to go on folding.
#[derive(Debug, Clone, Default)]
pub struct MemberShare {
    pub me: String,
    /// Followed steps in ledger order (some may have passed to another owner since).
    pub steps: Ledger,
    pub notes: Vec<NoteRef>,
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
    /// its new steps, its reviews; and keep the member's own private notes.
    pub fn add_meeting(&mut self, mut m: Meeting) {
        if m.status == Status::Closed {
            self.last_closed = Some(LastClosed { date: m.date, next_meeting: m.next_meeting });
        }
        let me = self.me.clone();
        self.notes.extend(
            std::mem::take(&mut m.private_notes)
                .into_iter()
                .filter(|n| n.member == me && n.author == me)
                .map(|n| NoteRef { meeting: m.id.clone(), text: n.text }),
        );
        let (upserts, reviews) = changes(m);
        for s in upserts {
            self.upsert(s);
        }
        for (step, entry) in reviews {
            if let Some(s) = self.steps.get_mut(&step) {
                s.record(entry);
            }
        }
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

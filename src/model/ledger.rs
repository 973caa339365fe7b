//! Putting action steps together from meetings and members' own progress reports.
//!
//! Steps are captured in meeting files. When a meeting closes it writes `open_after`:
//! every step still open, with its history. So the open steps of a group are one file
//! away however long its history is; only `--all` replays every meeting.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::meeting::Meeting;
use super::member_files::MemberProgress;
use super::progress::{ProgressEntry, Reporter};
use super::step::ActionStep;

/// FNV-1a for tables keyed by step ids (short, from the group's own files, where
/// SipHash's protection against chosen keys buys nothing), or by hashes already.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        self.0 =
            bytes.iter().fold(self.0 ^ 0xcbf2_9ce4_8422_2325, |h, &b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3));
    }
    fn write_u64(&mut self, v: u64) {
        self.0 ^= v;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// An ordered set of steps keyed by id.
#[derive(Debug, Default, Clone)]
pub struct Ledger {
    steps: Vec<ActionStep>,
    index: HashMap<String, usize, BuildHasherDefault<Fnv>>,
}

impl Ledger {
    pub fn from_steps(steps: impl IntoIterator<Item = ActionStep>) -> Ledger {
        let steps = steps.into_iter();
        let mut l = Ledger::default();
        // Room for them all at once, not grown (and the index rehashed) as they come.
        l.steps.reserve(steps.size_hint().0);
        l.index.reserve(steps.size_hint().0);
        for s in steps {
            l.upsert(s);
        }
        l
    }

    /// Insert a step, or merge the history of one already known.
    pub fn upsert(&mut self, step: ActionStep) {
        match self.index.get(&step.id) {
            Some(&i) => {
                let known = &mut self.steps[i];
                let history = std::mem::take(&mut known.history);
                *known = ActionStep { history, ..step.clone() };
                for e in step.history {
                    known.record(e);
                }
            }
            None => {
                self.index.insert(step.id.clone(), self.steps.len());
                self.steps.push(step);
            }
        }
    }

    pub fn get(&self, id: &str) -> Option<&ActionStep> {
        self.index.get(id).map(|&i| &self.steps[i])
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut ActionStep> {
        self.index.get(id).map(|&i| &mut self.steps[i])
    }

    /// Add what a meeting holds: its snapshot of open steps, its new steps, its reviews.
    pub fn add_meeting(&mut self, m: &Meeting) {
        if let Some(open) = &m.open_after {
            for s in open {
                self.upsert(s.clone());
            }
        }
        for s in &m.steps {
            self.upsert(s.clone());
        }
        for r in &m.reviews {
            let entry = m.review_entry(r);
            if let Some(s) = self.get_mut(&r.step) {
                s.record(entry);
            }
        }
    }

    /// [`Ledger::add_meeting`] for a meeting no longer needed: its steps are moved in,
    /// not copied.
    pub fn add_owned_meeting(&mut self, m: Meeting) {
        Fold::fold(self, m);
    }

    /// Add one member's own progress reports. Reports on steps the member does not own
    /// are ignored: a member's folder speaks only for that member.
    pub fn add_member_progress(&mut self, member: &str, entries: &[MemberProgress]) {
        for e in entries {
            if let Some(s) = self.get_mut(&e.step)
                && s.owner == member
            {
                s.record(e.entry_by(Reporter::Member, None));
            }
        }
    }

    pub fn steps(&self) -> &[ActionStep] {
        &self.steps
    }

    pub fn into_steps(self) -> Vec<ActionStep> {
        self.steps
    }

    pub fn open(&self) -> impl Iterator<Item = &ActionStep> {
        self.steps.iter().filter(|s| s.is_open())
    }
}

/// What a meeting adds, in the order [`Ledger::add_meeting`] adds it: the steps to
/// upsert (its snapshot of open steps, then its new steps), then the reports to record
/// (its reviews, by step id).
pub fn changes(m: Meeting) -> (impl Iterator<Item = ActionStep>, Vec<(String, ProgressEntry)>) {
    let reviews = m.reviews.iter().map(|r| (r.step.clone(), m.review_entry(r))).collect();
    (m.open_after.into_iter().flatten().chain(m.steps), reviews)
}

/// Whatever takes meetings in as [`Ledger::add_meeting`] does, one owned meeting at a
/// time: the ledger, a member's share of it, the packed ledger.
pub trait Fold {
    /// Insert a step, or take its fields and merge its history.
    fn upsert_step(&mut self, s: ActionStep);
    /// Record a report on a known step (none on an unknown one).
    fn record_on(&mut self, step: &str, entry: ProgressEntry);

    fn fold(&mut self, m: Meeting) {
        let (upserts, reviews) = changes(m);
        for s in upserts {
            self.upsert_step(s);
        }
        for (step, entry) in reviews {
            self.record_on(&step, entry);
        }
    }
}

impl Fold for Ledger {
    fn upsert_step(&mut self, s: ActionStep) {
        self.upsert(s);
    }
    fn record_on(&mut self, step: &str, entry: ProgressEntry) {
        if let Some(s) = self.get_mut(step) {
            s.record(entry);
        }
    }
}

/// Replay whole meetings, oldest first.
pub fn replay<'a>(meetings: impl IntoIterator<Item = &'a Meeting>) -> Ledger {
    let mut l = Ledger::default();
    for m in meetings {
        l.add_meeting(m);
    }
    l
}

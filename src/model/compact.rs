//! The whole group's ledger in little memory, for `hotseat actions --all` on years of
//! history: the same steps in the same order as [`Ledger`](super::ledger::Ledger) gives,
//! each kept with its member, meeting and goal ids shared and its history packed, and
//! turned back into an [`ActionStep`] one at a time for output.

use std::collections::hash_map::Entry;
use std::hash::BuildHasherDefault;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::ledger::{Fnv, Fold};
use super::meeting::Meeting;
use super::member_files::MemberProgress;
use super::partition::id_hash;
use super::progress::{Progress, ProgressEntry, Reporter};
use super::step::ActionStep;

type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fnv>>;

/// No id in the table.
const NONE: u32 = u32::MAX;

/// Ids used many times (members, meetings, goals), each kept once.
#[derive(Debug, Default)]
struct Names {
    all: Vec<Box<str>>,
    index: HashMap<Box<str>, u32>,
}

impl Names {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.all.len() as u32;
        self.all.push(s.into());
        self.index.insert(s.into(), i);
        i
    }
    fn opt(&mut self, s: Option<&str>) -> u32 {
        s.map_or(NONE, |s| self.id(s))
    }
    fn get(&self, i: u32) -> Option<&str> {
        self.all.get(i as usize).map(|s| &**s)
    }
    fn find(&self, s: &str) -> Option<u32> {
        self.index.get(s).copied()
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Report {
    at: DateTime<FixedOffset>,
    note: Box<str>,
    meeting: u32,
    progress: Progress,
    by: Reporter,
}

#[derive(Debug)]
struct Step {
    id: Box<str>,
    text: Box<str>,
    measurable_result: Box<str>,
    created_at: DateTime<FixedOffset>,
    history: Box<[Report]>,
    due: Option<NaiveDate>,
    owner: u32,
    goal: u32,
    meeting: u32,
}

impl Fold for CompactLedger {
    fn upsert_step(&mut self, s: ActionStep) {
        self.upsert(s);
    }
    fn record_on(&mut self, step: &str, entry: ProgressEntry) {
        if let Some(i) = self.position(step) {
            self.record(i, entry);
        }
    }
}

/// Every step of the group, packed.
#[derive(Debug, Default)]
pub struct CompactLedger {
    names: Names,
    steps: Vec<Step>,
    /// Position of each step by the hash of its id; ids whose hash another id has are
    /// in `clashes`.
    by_hash: HashMap<u64, u32>,
    clashes: HashMap<Box<str>, u32>,
}

impl CompactLedger {
    fn position(&self, id: &str) -> Option<usize> {
        let i = *self.by_hash.get(&id_hash(id))? as usize;
        if *self.steps[i].id == *id { Some(i) } else { self.clashes.get(id).map(|&i| i as usize) }
    }

    fn entry(&mut self, e: ProgressEntry) -> Report {
        let meeting = self.names.opt(e.meeting.as_deref());
        Report { at: e.at, note: e.note.into(), meeting, progress: e.progress, by: e.by }
    }

    /// Add a report as [`ActionStep::record`] does: in time order, never twice.
    fn record(&mut self, i: usize, e: ProgressEntry) {
        let e = self.entry(e);
        let history = &self.steps[i].history;
        if history.contains(&e) {
            return;
        }
        let at = history.partition_point(|x| x.at <= e.at);
        let mut v = std::mem::take(&mut self.steps[i].history).into_vec();
        v.insert(at, e);
        self.steps[i].history = v.into_boxed_slice();
    }

    /// Insert a step, or take its fields and merge its history, as [`Ledger`] does.
    fn upsert(&mut self, s: ActionStep) {
        let (owner, goal, meeting) =
            (self.names.id(&s.owner), self.names.opt(s.goal.as_deref()), self.names.id(&s.meeting));
        let known = self.position(&s.id);
        let i = known.unwrap_or(self.steps.len());
        let step = Step {
            id: s.id.into(),
            text: s.text.into(),
            measurable_result: s.measurable_result.into(),
            created_at: s.created_at,
            history: Box::default(),
            due: s.due,
            owner,
            goal,
            meeting,
        };
        match known {
            Some(i) => {
                let history = std::mem::take(&mut self.steps[i].history);
                self.steps[i] = Step { history, ..step };
            }
            None => {
                match self.by_hash.entry(id_hash(&step.id)) {
                    Entry::Occupied(_) => {
                        self.clashes.insert(step.id.clone(), i as u32);
                    }
                    Entry::Vacant(v) => {
                        v.insert(i as u32);
                    }
                }
                self.steps.push(step);
            }
        }
        for e in s.history {
            self.record(i, e);
        }
    }

    /// [`Ledger::add_meeting`](super::ledger::Ledger::add_meeting).
    pub fn add_meeting(&mut self, m: Meeting) {
        self.fold(m);
    }

    /// [`Ledger::add_member_progress`](super::ledger::Ledger::add_member_progress).
    pub fn add_member_progress(&mut self, member: &str, entries: &[MemberProgress]) {
        let Some(who) = self.names.find(member) else { return };
        for e in entries {
            if let Some(i) = self.position(&e.step)
                && self.steps[i].owner == who
            {
                self.record(i, e.entry_by(Reporter::Member, None));
            }
        }
    }

    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The owner of the `i`-th step.
    pub fn owner(&self, i: usize) -> &str {
        self.names.get(self.steps[i].owner).unwrap_or_default()
    }

    /// The `i`-th step, whole.
    pub fn step(&self, i: usize) -> ActionStep {
        let s = &self.steps[i];
        let name = |n: u32| self.names.get(n).map(str::to_string);
        ActionStep {
            id: s.id.to_string(),
            owner: name(s.owner).unwrap_or_default(),
            text: s.text.to_string(),
            measurable_result: s.measurable_result.to_string(),
            due: s.due,
            goal: name(s.goal),
            meeting: name(s.meeting).unwrap_or_default(),
            created_at: s.created_at,
            history: s
                .history
                .iter()
                .map(|e| ProgressEntry {
                    progress: e.progress,
                    note: e.note.to_string(),
                    at: e.at,
                    by: e.by,
                    meeting: name(e.meeting),
                })
                .collect(),
        }
    }

    /// Every step, in ledger order.
    pub fn iter(&self) -> impl Iterator<Item = ActionStep> + '_ {
        (0..self.len()).map(|i| self.step(i))
    }
}

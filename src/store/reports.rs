//! The members' own progress reports, applied to the steps open after the previous
//! meeting: read with the rest for the command line, or after the first frame for the
//! meeting screen (a [`ReportsJob`] the loop runs and hands to `update`).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::heads::Base;
use super::layout::meeting_sort_key;
use super::snapshot::Strictness;
use super::{Store, StoreError};
use crate::model::ledger::Ledger;
use crate::model::{ActionStep, Meeting, MemberProgress};

/// What the members' progress files add, loaded with the rest or after the first frame.
#[derive(Debug, Clone, Default)]
pub struct Reports {
    /// Steps open after the previous meeting, with the members' own reports applied.
    pub(super) prev_open: Vec<ActionStep>,
    pub(super) member_progress: BTreeMap<String, Vec<MemberProgress>>,
    /// Reports on steps that were not open after the previous meeting (steps captured in
    /// the open meeting, or long closed), by step id, with the reporting member.
    pub(super) by_step: HashMap<String, Vec<(String, MemberProgress)>>,
    pub(super) warnings: Vec<StoreError>,
    /// Completion meeting by meeting over the current term and the few meetings before
    /// it (sparklines, checkpoint, term review); read by the job only.
    pub(super) recent: crate::model::trend::Trend,
    /// The members' own files, when the job read them too.
    pub(super) own: Option<super::own_files::OwnFiles>,
}

/// What is left to read after the first frame: the members' progress reports, applied to
/// the steps open after the previous meeting. Plain data; [`ReportsJob::run`] reads.
#[derive(Debug)]
pub struct ReportsJob {
    pub(super) members: Vec<String>,
    pub(super) base: Base,
    pub(super) previous: Option<(NaiveDate, u32)>,
    /// Where the trend the meeting screen shows begins.
    pub(super) trend_from: Option<NaiveDate>,
    /// Also read the members' own files and the parking lot (see [`OwnLater`]).
    pub(super) own: Option<OwnLater>,
}

/// The members' own files left for after the first frame.
#[derive(Debug, Clone)]
pub(super) struct OwnLater {
    /// For the meeting on this date after the one on that date (see
    /// [`super::own_files::prep_path`]).
    pub(super) this_date: Option<NaiveDate>,
    pub(super) prev_date: Option<NaiveDate>,
    /// Members whose own files were read before the first frame: not read again.
    pub(super) read: Vec<String>,
}

impl ReportsJob {
    /// Read the reports. A file that cannot be read becomes a late warning.
    pub fn run(self, store: &Store) -> Reports {
        let own = self.own.map(|o| {
            let rest: Vec<String> = self.members.iter().filter(|m| !o.read.contains(m)).cloned().collect();
            super::own_files::load_own_files(store, &rest, o.this_date, o.prev_date, true, Strictness::Lenient)
                .unwrap_or_default()
        });
        let mut r =
            load_reports(store, &self.members, self.base, self.previous, Strictness::Lenient).unwrap_or_default();
        r.own = own;
        if let Some(from) = self.trend_from {
            r.recent = super::record::trend_from(store, from, &r.member_progress).unwrap_or_default();
        }
        r
    }
}

/// Read the members' progress files and apply them to the steps open after the previous
/// meeting.
pub(super) fn load_reports(
    store: &Store,
    members: &[String],
    base: Base,
    previous: Option<(NaiveDate, u32)>,
    strict: Strictness,
) -> Result<Reports, StoreError> {
    let mut loaded = Reports::default();
    let mut warnings = Vec::new();
    let base = match base {
        Base::None => Vec::new(),
        Base::Steps(steps) => steps,
        Base::Snapshot(path) => {
            let mut steps = Vec::new();
            // The whole file is read (on the thread, off the first frame), so that damage
            // anywhere in the previous meeting is reported, not only in its snapshot.
            keep_or_warn(
                store.read::<Meeting>(&path).map(|m| steps = m.open_after.unwrap_or_default()),
                strict,
                &mut warnings,
            )?;
            steps
        }
    };
    for id in members {
        keep_or_warn(
            store.load_progress(id).map(|p| {
                loaded.member_progress.insert(id.clone(), p.entries);
            }),
            strict,
            &mut warnings,
        )?;
    }
    let mut ledger = Ledger::from_steps(base);
    for (member, entries) in &loaded.member_progress {
        ledger.add_member_progress(member, entries);
        // A step of the previous meeting or older that is not open after it was closed
        // then; reports on it no longer matter. Keep the rest (steps of later meetings,
        // and any id that does not say its meeting) for `current_ledger`.
        let later = |step: &str| match (previous, step.rsplit_once('-').and_then(|(m, _)| meeting_sort_key(m))) {
            (Some(prev), Some(key)) => key > prev,
            _ => true,
        };
        for e in entries.iter().filter(|e| later(&e.step) && ledger.get(&e.step).is_none()) {
            loaded.by_step.entry(e.step.clone()).or_default().push((member.clone(), e.clone()));
        }
    }
    loaded.prev_open = ledger.into_steps();
    loaded.warnings = warnings;
    Ok(loaded)
}

/// A broken member file: an error when strict, a warning to show otherwise.
pub(super) fn keep_or_warn(
    r: Result<(), StoreError>,
    strict: Strictness,
    warnings: &mut Vec<StoreError>,
) -> Result<(), StoreError> {
    match (r, strict) {
        (Ok(()), _) => Ok(()),
        (Err(e), Strictness::Strict) => Err(e),
        (Err(e), Strictness::Lenient) => {
            warnings.push(e);
            Ok(())
        }
    }
}

//! What a session reads of the members' own folders besides their progress reports: each
//! member's goals, the prep for this meeting, Hot Team partnerships and check-ins; and the
//! parking lot. Read before the first frame, or right after it by the
//! [`ReportsJob`](super::reports::ReportsJob): all of it for the home screen, which shows
//! none; for the meeting, all but what the screen of its current phase shows.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::reports::keep_or_warn;
use super::snapshot::Strictness;
use super::{Store, StoreError};
use crate::model::parking::ParkingLot;
use crate::model::{Checkin, Goal, PartnersFile, Prep};

/// The members' own files, as loaded.
#[derive(Debug, Clone, Default)]
pub struct OwnFiles {
    pub(super) goals: BTreeMap<String, Vec<Goal>>,
    /// Members whose goals the facilitator entered for them (`store::entered`).
    pub(super) goals_entered: std::collections::BTreeSet<String>,
    pub(super) preps: BTreeMap<String, Prep>,
    pub(super) partners: BTreeMap<String, PartnersFile>,
    pub(super) checkins: BTreeMap<String, Vec<Checkin>>,
    pub(super) parking: ParkingLot,
    /// Files that could not be read (when lenient).
    pub(super) warnings: Vec<StoreError>,
}

/// Which prep is this meeting's: the one dated the meeting's day (`this_date`); without
/// one, the newest made after the previous meeting (`prev_date`). Looking the first up
/// spares listing every member's years of prep files.
pub(super) fn prep_path(
    store: &Store,
    member: &str,
    this_date: Option<NaiveDate>,
    prev_date: Option<NaiveDate>,
) -> Option<PathBuf> {
    let dated = this_date.map(|d| store.layout.prep(member, d)).filter(|p| p.exists());
    dated.or_else(|| store.newest_prep_after(member, prev_date).map(|d| store.layout.prep(member, d)))
}

/// Read the own files of `members`, and the parking lot when `parking`.
pub(super) fn load_own_files(
    store: &Store,
    members: &[String],
    this_date: Option<NaiveDate>,
    prev_date: Option<NaiveDate>,
    parking: bool,
    strict: Strictness,
) -> Result<OwnFiles, StoreError> {
    let mut f = OwnFiles::default();
    let mut warnings = Vec::new();
    let mut keep = |r: Result<(), StoreError>| keep_or_warn(r, strict, &mut warnings);
    for m in members {
        keep(store.load_goals(m).map(|g| {
            if g.entered_by.is_some() {
                f.goals_entered.insert(m.clone());
            }
            f.goals.insert(m.clone(), g.goals);
        }))?;
        let prep = match prep_path(store, m, this_date, prev_date) {
            Some(path) => store.read(&path).map(Some),
            // Without a prep of their own, what the facilitator entered for them.
            None => this_date.map_or(Ok(None), |d| store.load_entered_prep(m, d)),
        };
        keep(prep.map(|p| {
            if let Some(p) = p {
                f.preps.insert(m.clone(), p);
            }
        }))?;
        keep(store.load_partners(m).map(|p| {
            f.partners.insert(m.clone(), p);
        }))?;
        keep(store.load_checkins(m).map(|c| {
            f.checkins.insert(m.clone(), c.checkins);
        }))?;
    }
    if parking {
        keep(store.load_parking().map(|p| f.parking = p))?;
    }
    f.warnings = warnings;
    Ok(f)
}

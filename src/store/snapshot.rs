//! What a meeting (or the home screen, or `hotseat actions`) needs from the group folder,
//! loaded in one go: the group, the open meeting if any, the steps still open after the
//! previous meeting, and each member's goals, current prep and own progress reports.
//!
//! Only a handful of files are read however long the group's history is: the newest
//! meeting files (of the previous one only its status and snapshot of open steps), and
//! each member's files. The members' own progress reports are the largest of those after
//! some years; the meeting screen leaves them, with that snapshot, until its first frame
//! is out ([`Context::load_first_frame`] hands back a [`ReportsJob`] the loop runs and
//! posts as an action). The context is plain data: nothing in it waits or reads.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::de::IgnoredAny;

use super::heads::{Base, MeetingHead, newest_meetings, newest_meetings_kept, replay_closed};
use super::own_files::load_own_files;
use super::reports::{OwnLater, load_reports};
pub use super::reports::{Reports, ReportsJob};
use crate::model::ledger::Ledger;
use crate::model::{
    ActionStep, Attendance, Checkin, Goal, Group, Meeting, MemberProgress, PartnersFile, Prep, Presence,
};
use crate::store::layout::meeting_sort_key;
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq)]
pub struct PreviousMeeting {
    pub id: String,
    pub date: NaiveDate,
    /// Members whose turn it moved to the next meeting (they go first).
    pub postponed: Vec<String>,
}

/// Everything loaded for one session.
#[derive(Debug, Clone)]
pub struct Context {
    pub group: Group,
    pub meeting_ids: Vec<String>,
    /// The newest closed meeting.
    pub previous: Option<PreviousMeeting>,
    pub goals: BTreeMap<String, Vec<Goal>>,
    /// Members whose goals the facilitator entered for them (`store::entered`).
    pub goals_entered: std::collections::BTreeSet<String>,
    pub preps: BTreeMap<String, Prep>,
    /// The meeting in progress, if one is open.
    pub open_meeting: Option<Meeting>,
    /// Member files that could not be read; the meeting goes on without them. (Progress
    /// files read after the first frame report theirs in [`Context::late_warnings`].)
    pub warnings: Vec<StoreError>,
    /// Each member's Hot Team partnerships and offers (`members/<id>/partners.json`).
    pub partners: BTreeMap<String, PartnersFile>,
    /// Each member's weekly Hot Team check-ins (`members/<id>/checkins.json`).
    pub checkins: BTreeMap<String, Vec<Checkin>>,
    /// The parking lot (`parking.json`), written by the facilitator.
    pub parking: crate::model::parking::ParkingLot,
    /// The members' own reports and the open steps with them applied; `None` until they
    /// are read.
    reports: Option<Reports>,
}

/// Which of the members' own files (goals, prep, partnerships, check-ins) and the parking
/// lot are read before the first frame; the job reads the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OwnFirst {
    All,
    Nothing,
    /// What the screen of the open meeting's current phase shows ([`shown_first`]).
    WhatTheMeetingShows,
}

/// The members whose own files the meeting screen's first frame shows, `None` for all of
/// them and the parking lot. No open meeting: one begins at the check-in, which shows
/// none (nor does starting it read any). The hot seats show the hot-seat member's goals
/// and prep. The report-back (goals, missed check-ins), the prep review (everyone's
/// prep, and the order it sorts by it) and the wrap-up (parking lot, checkpoint, term
/// review) take them all.
fn shown_first(open: Option<&Meeting>) -> Option<Vec<String>> {
    use crate::model::Phase;
    match open.map(|m| (m.phase, m.hot_seat.as_ref())) {
        None | Some((Phase::CheckIn, _)) => Some(Vec::new()),
        Some((Phase::HotSeats, Some(seat))) => Some(vec![seat.clone()]),
        Some(_) => None,
    }
}

/// How to treat a broken member file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// Any broken file is an error (command-line reports).
    Strict,
    /// A broken member file becomes a warning; the meeting goes on without it.
    Lenient,
}

impl Context {
    /// Load everything a session needs, the members' progress reports included.
    pub fn load(store: &Store, strict: Strictness) -> Result<Context, StoreError> {
        Context::load_with(store, strict, false, None, OwnFirst::All).map(|(ctx, _)| ctx)
    }

    /// Like [`Context::load`] (lenient), without the members' progress reports: the
    /// meeting screen draws its first frame first, then runs the job and hands the
    /// reports to `update` ([`Context::set_reports`]). For the facilitator, who never
    /// writes members' files.
    pub fn load_first_frame(store: &Store) -> Result<(Context, ReportsJob), StoreError> {
        Context::load_first_frame_in(store, store.meeting_ids()?)
    }

    /// [`Context::load_first_frame`] with the meeting ids already listed.
    pub fn load_first_frame_in(store: &Store, ids: Vec<String>) -> Result<(Context, ReportsJob), StoreError> {
        let (ctx, job) = Context::load_with(store, Strictness::Lenient, true, Some(ids), OwnFirst::All)?;
        Ok((ctx, job.expect("a deferred load leaves a job")))
    }

    /// For the meeting screen: [`Context::load_first_frame_in`], reading before the first
    /// frame only the members' own files the open meeting's current phase shows (none at
    /// the check-in or for a meeting about to begin, the hot-seat member's in the hot
    /// seats, everyone's in the other phases); the job reads the rest, which
    /// [`Context::set_reports`] adds.
    pub fn load_meeting_in(store: &Store, ids: Vec<String>) -> Result<(Context, ReportsJob), StoreError> {
        let (ctx, job) =
            Context::load_with(store, Strictness::Lenient, true, Some(ids), OwnFirst::WhatTheMeetingShows)?;
        Ok((ctx, job.expect("a deferred load leaves a job")))
    }

    /// For the home screen: what its first frame shows, with the steps open now from the
    /// cache when it still holds them ([`super::open_steps`]); the members' reports are then
    /// read after the first frame by the job handed back. Without the cache, everything is
    /// read now, as [`Context::load`] reads it, and the cache is written.
    pub fn load_home(store: &Store, ids: Vec<String>) -> Result<(Context, Option<ReportsJob>), StoreError> {
        // The members' own files too are read after the first frame, which shows none.
        let (mut ctx, job) = Context::load_with(store, Strictness::Lenient, true, Some(ids), OwnFirst::Nothing)?;
        let mut job = job.expect("a deferred load leaves a job");
        // As `Context::load`: the home screen reads no trend.
        job.trend_from = None;
        let key = super::open_steps::key(store, &job);
        if let Some(reports) = key.as_ref().and_then(|k| super::open_steps::cached(store, k)) {
            ctx.set_reports(reports);
            return Ok((ctx, Some(job)));
        }
        let full = Context::load(store, Strictness::Lenient)?;
        if let (Some(key), Some(reports)) = (key, full.reports.as_ref())
            && full.warnings.is_empty()
        {
            super::open_steps::keep(store, &key, reports);
        }
        Ok((full, None))
    }

    fn load_with(
        store: &Store,
        strict: Strictness,
        deferred: bool,
        ids: Option<Vec<String>>,
        own_first: OwnFirst,
    ) -> Result<(Context, Option<ReportsJob>), StoreError> {
        let group = store.load_group()?;
        let meeting_ids = match ids {
            Some(ids) => ids,
            None => store.meeting_ids()?,
        };

        // When deferred, the previous meeting's snapshot is only noticed here and read on
        // the thread with the reports.
        let (open_meeting, previous_meeting, base) = if deferred {
            let (open, prev) = newest_meetings_kept(store, &meeting_ids)?;
            let base = match &prev {
                None => Base::None,
                Some(m) if m.snapshot => Base::Snapshot(store.layout.meeting(&m.id)),
                Some(_) => Base::Steps(replay_closed(store, &meeting_ids)?),
            };
            (open, prev.map(|m| (m.id, m.date, m.postponed)), base)
        } else {
            let (open, prev) = newest_meetings::<IgnoredAny>(store, &meeting_ids)?;
            // Decoded in full here (command-line reports): a damaged previous meeting is
            // reported, not passed over because only its snapshot was needed.
            match prev {
                None => (open, None, Base::None),
                Some((MeetingHead { id, .. }, bytes)) => {
                    let m = store.meeting_from(&id, &store.layout.meeting(&id), &bytes)?;
                    let base = match m.open_after {
                        Some(steps) => Base::Steps(steps),
                        None => Base::Steps(replay_closed(store, &meeting_ids)?),
                    };
                    (open, Some((m.id, m.date, m.postponed)), base)
                }
            }
        };

        let prev_date = previous_meeting.as_ref().map(|m| m.1);
        let this_date =
            open_meeting.as_ref().map(|m| m.date).or(group.next_meeting).filter(|d| prev_date.is_none_or(|p| *d > p));
        let members: Vec<String> = group.members.iter().map(|m| m.id.clone()).collect();
        // Of whom the own files are read now (`None`: everyone's, and the parking lot).
        let read_now: Option<Vec<String>> = match own_first {
            OwnFirst::All => None,
            OwnFirst::Nothing => Some(Vec::new()),
            OwnFirst::WhatTheMeetingShows => shown_first(open_meeting.as_ref()),
        };
        let own = match &read_now {
            None => load_own_files(store, &members, this_date, prev_date, true, strict)?,
            Some(some) => load_own_files(store, some, this_date, prev_date, false, strict)?,
        };
        let previous_key = previous_meeting.as_ref().and_then(|m| meeting_sort_key(&m.0));
        let (reports, job) = if deferred {
            let today = open_meeting.as_ref().map(|m| m.date).unwrap_or_else(|| crate::tui::run::now().date_naive());
            let trend_from = crate::facilitator::term::trend_from(&group, &meeting_ids, today);
            let own = read_now.map(|read| OwnLater { this_date, prev_date, read });
            (None, Some(ReportsJob { members, base, previous: previous_key, trend_from, own }))
        } else {
            (Some(load_reports(store, &members, base, previous_key, strict)?), None)
        };

        Ok(Context {
            group,
            meeting_ids,
            previous: previous_meeting.map(|(id, date, postponed)| PreviousMeeting { id, date, postponed }),
            goals: own.goals,
            goals_entered: own.goals_entered,
            preps: own.preps,
            open_meeting,
            warnings: own.warnings,
            partners: own.partners,
            checkins: own.checkins,
            parking: own.parking,
            reports,
        })
        .map(|ctx| (ctx, job))
    }

    /// The members' reports, read after the first frame, with the own files of the
    /// members not read before it and the parking lot.
    pub fn set_reports(&mut self, mut reports: Reports) {
        if let Some(own) = reports.own.take() {
            self.goals.extend(own.goals);
            self.goals_entered.extend(own.goals_entered);
            self.preps.extend(own.preps);
            self.partners.extend(own.partners);
            self.checkins.extend(own.checkins);
            self.parking = own.parking;
            // Read after the first frame: shown as the progress files' problems are.
            reports.warnings.splice(0..0, own.warnings);
        }
        self.reports = Some(reports);
    }

    /// Whether the members' reports are in.
    pub fn has_reports(&self) -> bool {
        self.reports.is_some()
    }

    /// Steps open after the previous meeting, with the members' own reports applied.
    pub fn prev_open(&self) -> &[ActionStep] {
        self.reports.as_ref().map(|r| r.prev_open.as_slice()).unwrap_or(&[])
    }

    /// Each member's own progress reports (from `members/<id>/progress.json`).
    pub fn member_progress(&self) -> &BTreeMap<String, Vec<MemberProgress>> {
        static NONE: BTreeMap<String, Vec<MemberProgress>> = BTreeMap::new();
        self.reports.as_ref().map(|r| &r.member_progress).unwrap_or(&NONE)
    }

    /// Completion meeting by meeting over the current term and a little before (empty
    /// until the reports are read, and for the command line).
    pub fn recent_trend(&self) -> &crate::model::trend::Trend {
        static NONE: std::sync::OnceLock<crate::model::trend::Trend> = std::sync::OnceLock::new();
        self.reports.as_ref().map(|r| &r.recent).unwrap_or_else(|| NONE.get_or_init(Default::default))
    }

    /// Keep the trend read after the first frame when the members' files are read again.
    pub fn carry_recent(&mut self, old: &mut Context) {
        if let (Some(new), Some(old)) = (self.reports.as_mut(), old.reports.as_mut())
            && new.recent.group.is_empty()
        {
            new.recent = std::mem::take(&mut old.recent);
        }
    }

    /// Progress files read after the first frame that could not be read.
    pub fn late_warnings(&self) -> &[StoreError] {
        self.reports.as_ref().map(|r| r.warnings.as_slice()).unwrap_or(&[])
    }

    /// The steps open right now: those open after the previous meeting plus any captured
    /// in `meeting`, with its report-back and the members' own reports applied.
    pub fn open_steps(&self, meeting: Option<&Meeting>) -> Vec<ActionStep> {
        // Moved out of the ledger, not copied: the home screen builds this every frame.
        self.current_ledger(meeting).into_steps().into_iter().filter(ActionStep::is_open).collect()
    }

    /// All steps known to this context (open after last time, plus this meeting's), with
    /// every report applied, open or not.
    pub fn current_ledger(&self, meeting: Option<&Meeting>) -> Ledger {
        // `prev_open` has the members' reports on its steps already; of the rest, only the
        // reports on this meeting's new steps can matter.
        let mut l = Ledger::from_steps(self.prev_open().iter().cloned());
        let by_step = self.reports.as_ref().map(|r| &r.by_step);
        if let Some(m) = meeting {
            l.add_meeting(m);
            for s in &m.steps {
                for (member, e) in by_step.and_then(|b| b.get(&s.id)).into_iter().flatten() {
                    l.add_member_progress(member, std::slice::from_ref(e));
                }
            }
        }
        l
    }

    /// A new meeting file id for `date` that no meeting uses yet.
    pub fn new_meeting_id(&self, date: NaiveDate) -> String {
        let base = date.to_string();
        if !self.meeting_ids.contains(&base) {
            return base;
        }
        (2..).map(|n| format!("{base}-{n}")).find(|id| !self.meeting_ids.contains(id)).expect("unbounded")
    }

    /// Start a meeting now: everyone present, the group's pledge, check-in first.
    pub fn start_meeting(&self, now: DateTime<FixedOffset>) -> Meeting {
        let date = now.date_naive();
        let attendance = self
            .group
            .members
            .iter()
            .map(|m| Attendance { member: m.id.clone(), presence: Presence::Present })
            .collect();
        Meeting::begin(
            self.new_meeting_id(date),
            date,
            now,
            self.group.meeting_minutes,
            self.group.pledge.clone(),
            attendance,
        )
    }

    /// The steps to write into a closing meeting's `open_after`.
    pub fn open_after(&self, meeting: &Meeting) -> Vec<ActionStep> {
        self.open_steps(Some(meeting))
    }

    pub fn goals_of(&self, member: &str) -> &[Goal] {
        self.goals.get(member).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn goal(&self, member: &str, goal: &str) -> Option<&Goal> {
        self.goals_of(member).iter().find(|g| g.id == goal)
    }

    /// Weekly Hot Team check-ins `member` missed as of `today`, over their running
    /// partnerships.
    pub fn missed_checkins(&self, member: &str, today: NaiveDate) -> usize {
        let Some(p) = self.partners.get(member) else { return 0 };
        let log = self.checkins.get(member).map(Vec::as_slice).unwrap_or(&[]);
        crate::model::partners::missed_total(p, log, today)
    }
}

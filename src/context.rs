//! What a meeting (or the home screen, or `hotseat actions`) needs from the group folder,
//! loaded in one go: the group, the open meeting if any, the steps still open after the
//! previous meeting, and each member's goals, current prep and own progress reports.
//!
//! Only a handful of files are read however long the group's history is: the newest
//! meeting files, and each member's small files.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::model::ledger::{self, Ledger};
use crate::model::{
    ActionStep, Attendance, Checkin, FORMAT_VERSION, Goal, Group, Meeting, MemberProgress, PartnersFile, Phase, Prep,
    Presence, Status,
};
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq)]
pub struct PreviousMeeting {
    pub id: String,
    pub date: NaiveDate,
}

/// Everything loaded for one session.
#[derive(Debug, Clone)]
pub struct Context {
    pub group: Group,
    pub meeting_ids: Vec<String>,
    /// The newest closed meeting.
    pub previous: Option<PreviousMeeting>,
    /// Steps open after the previous meeting, with the members' own reports applied.
    pub prev_open: Vec<ActionStep>,
    pub goals: BTreeMap<String, Vec<Goal>>,
    pub preps: BTreeMap<String, Prep>,
    pub member_progress: BTreeMap<String, Vec<MemberProgress>>,
    /// The meeting in progress, if one is open.
    pub open_meeting: Option<Meeting>,
    /// Member files that could not be read; the meeting goes on without them.
    pub warnings: Vec<StoreError>,
    /// Each member's Hot Team partnerships and offers (`members/<id>/partners.json`).
    pub partners: BTreeMap<String, PartnersFile>,
    /// Each member's weekly Hot Team check-ins (`members/<id>/checkins.json`).
    pub checkins: BTreeMap<String, Vec<Checkin>>,
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
    pub fn load(store: &Store, strict: Strictness) -> Result<Context, StoreError> {
        let group = store.load_group()?;
        let meeting_ids = store.meeting_ids()?;
        let mut warnings = Vec::new();

        let mut open_meeting = None;
        let mut previous_meeting = None;
        for id in meeting_ids.iter().rev() {
            let m = store.load_meeting(id)?;
            if m.status == Status::Open && open_meeting.is_none() && previous_meeting.is_none() {
                open_meeting = Some(m);
                continue;
            }
            if m.status == Status::Closed {
                previous_meeting = Some(m);
                break;
            }
        }

        let base: Vec<ActionStep> = match &previous_meeting {
            None => Vec::new(),
            Some(m) => match &m.open_after {
                Some(open) => open.clone(),
                None => {
                    // Older or hand-made files without a snapshot: replay all closed meetings.
                    let mut all = Vec::new();
                    for id in &meeting_ids {
                        let mm = store.load_meeting(id)?;
                        if mm.status == Status::Closed {
                            all.push(mm);
                        }
                    }
                    ledger::replay(&all).open().cloned().collect()
                }
            },
        };

        let mut goals = BTreeMap::new();
        let mut preps = BTreeMap::new();
        let mut member_progress = BTreeMap::new();
        let mut partners = BTreeMap::new();
        let mut checkins = BTreeMap::new();
        let prev_date = previous_meeting.as_ref().map(|m| m.date);
        let mut keep = |r: Result<(), StoreError>| -> Result<(), StoreError> {
            match (r, strict) {
                (Ok(()), _) => Ok(()),
                (Err(e), Strictness::Strict) => Err(e),
                (Err(e), Strictness::Lenient) => {
                    warnings.push(e);
                    Ok(())
                }
            }
        };
        for m in &group.members {
            keep(store.load_goals(&m.id).map(|g| {
                goals.insert(m.id.clone(), g.goals);
            }))?;
            keep(store.current_prep(&m.id, prev_date).map(|p| {
                if let Some(p) = p {
                    preps.insert(m.id.clone(), p);
                }
            }))?;
            keep(store.load_progress(&m.id).map(|p| {
                member_progress.insert(m.id.clone(), p.entries);
            }))?;
            keep(store.load_partners(&m.id).map(|p| {
                partners.insert(m.id.clone(), p);
            }))?;
            keep(store.load_checkins(&m.id).map(|c| {
                checkins.insert(m.id.clone(), c.checkins);
            }))?;
        }

        let mut ledger = Ledger::from_steps(base);
        for (member, entries) in &member_progress {
            ledger.add_member_progress(member, entries);
        }

        Ok(Context {
            group,
            meeting_ids,
            previous: previous_meeting.map(|m| PreviousMeeting { id: m.id.clone(), date: m.date }),
            prev_open: ledger.into_steps(),
            goals,
            preps,
            member_progress,
            open_meeting,
            warnings,
            partners,
            checkins,
        })
    }

    /// The steps open right now: those open after the previous meeting plus any captured
    /// in `meeting`, with its report-back and the members' own reports applied.
    pub fn open_steps(&self, meeting: Option<&Meeting>) -> Vec<ActionStep> {
        self.current_ledger(meeting).open().cloned().collect()
    }

    /// All steps known to this context (open after last time, plus this meeting's), with
    /// every report applied, open or not.
    pub fn current_ledger(&self, meeting: Option<&Meeting>) -> Ledger {
        let mut l = Ledger::from_steps(self.prev_open.iter().cloned());
        if let Some(m) = meeting {
            l.add_meeting(m);
        }
        for (member, entries) in &self.member_progress {
            l.add_member_progress(member, entries);
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
        Meeting {
            version: FORMAT_VERSION,
            id: self.new_meeting_id(date),
            date,
            status: Status::Open,
            phase: Phase::CheckIn,
            started_at: now,
            closed_at: None,
            length_minutes: self.group.meeting_minutes,
            pledge: self.group.pledge.clone(),
            pledge_acknowledged_at: None,
            attendance: self
                .group
                .members
                .iter()
                .map(|m| Attendance { member: m.id.clone(), presence: Presence::Present })
                .collect(),
            turn_minutes: 0,
            order: Vec::new(),
            turns: Vec::new(),
            hot_seat: None,
            steps: Vec::new(),
            reviews: Vec::new(),
            private_notes: Vec::new(),
            ratings: Vec::new(),
            next_meeting: None,
            open_after: None,
        }
    }

    /// The steps to write into a closing meeting's `open_after`.
    pub fn open_after(&self, meeting: &Meeting) -> Vec<ActionStep> {
        self.open_steps(Some(meeting))
    }

    /// Weekly Hot Team check-ins `member` missed as of `today`, over their running
    /// partnerships.
    pub fn missed_checkins(&self, member: &str, today: NaiveDate) -> usize {
        let Some(p) = self.partners.get(member) else { return 0 };
        let log = self.checkins.get(member).map(Vec::as_slice).unwrap_or(&[]);
        crate::model::partners::missed_total(p, log, today)
    }

    pub fn goals_of(&self, member: &str) -> &[Goal] {
        self.goals.get(member).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn goal(&self, member: &str, goal: &str) -> Option<&Goal> {
        self.goals_of(member).iter().find(|g| g.id == goal)
    }
}

/// Every step in the group's history, replaying all meetings (for `--all`).
pub fn all_steps(store: &Store, ctx: &Context) -> Result<Vec<ActionStep>, StoreError> {
    let mut meetings = Vec::new();
    for id in &ctx.meeting_ids {
        meetings.push(store.load_meeting(id)?);
    }
    let mut l = ledger::replay(&meetings);
    for (member, entries) in &ctx.member_progress {
        l.add_member_progress(member, entries);
    }
    Ok(l.into_steps())
}

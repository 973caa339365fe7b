//! What a meeting (or the home screen, or `hotseat actions`) needs from the group folder,
//! loaded in one go: the group, the open meeting if any, the steps still open after the
//! previous meeting, and each member's goals, current prep and own progress reports.
//!
//! Only a handful of files are read however long the group's history is: the newest
//! meeting files (of the previous one only its status and snapshot of open steps), and
//! each member's files. The members' own progress reports are the largest of those after
//! some years; the meeting screen reads them, with that snapshot, on a thread once its
//! first frame is out ([`Context::load_deferred`]), and whatever needs them waits for them
//! only if they are not in yet.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::thread::JoinHandle;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::model::ledger::{self, Ledger};
use crate::model::{
    ActionStep, Attendance, Checkin, Goal, Group, Meeting, MemberProgress, PartnersFile, Prep, Presence, Status,
};
use crate::store::layout::meeting_sort_key;
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
    pub goals: BTreeMap<String, Vec<Goal>>,
    pub preps: BTreeMap<String, Prep>,
    /// The meeting in progress, if one is open.
    pub open_meeting: Option<Meeting>,
    /// Member files that could not be read; the meeting goes on without them. (Progress
    /// files read on a thread report theirs in [`Context::late_warnings`].)
    pub warnings: Vec<StoreError>,
    /// Each member's Hot Team partnerships and offers (`members/<id>/partners.json`).
    pub partners: BTreeMap<String, PartnersFile>,
    /// Each member's weekly Hot Team check-ins (`members/<id>/checkins.json`).
    pub checkins: BTreeMap<String, Vec<Checkin>>,
    /// The members' own reports and the open steps with them applied.
    reports: Reports,
}

/// What the members' progress files add, loaded with the rest or on a thread.
#[derive(Debug, Default)]
struct Loaded {
    /// Steps open after the previous meeting, with the members' own reports applied.
    prev_open: Vec<ActionStep>,
    member_progress: BTreeMap<String, Vec<MemberProgress>>,
    /// Reports on steps that were not open after the previous meeting (steps captured in
    /// the open meeting, or long closed), by step id, with the reporting member.
    by_step: HashMap<String, Vec<(String, MemberProgress)>>,
    warnings: Vec<StoreError>,
}

#[derive(Debug)]
struct ReportsCell {
    ready: OnceLock<Loaded>,
    pending: Mutex<Option<JoinHandle<Loaded>>>,
    /// Set (and signalled) when something needs the reports now.
    wanted: Arc<(Mutex<bool>, Condvar)>,
}

/// How long the reports thread leaves the processor to the first frame before reading,
/// unless they are needed sooner.
const REPORTS_AFTER: Duration = Duration::from_millis(150);

/// Shared between clones of a context; filled once.
#[derive(Debug, Clone)]
struct Reports(Arc<ReportsCell>);

impl Reports {
    fn ready(l: Loaded) -> Reports {
        Reports(Arc::new(ReportsCell { ready: OnceLock::from(l), pending: Mutex::new(None), wanted: Arc::default() }))
    }

    fn pending(h: JoinHandle<Loaded>, wanted: Arc<(Mutex<bool>, Condvar)>) -> Reports {
        Reports(Arc::new(ReportsCell { ready: OnceLock::new(), pending: Mutex::new(Some(h)), wanted }))
    }

    /// The reports, waiting for the thread if it has not finished.
    fn get(&self) -> &Loaded {
        self.0.ready.get_or_init(|| {
            let (flag, signal) = &*self.0.wanted;
            *flag.lock().unwrap_or_else(|e| e.into_inner()) = true;
            signal.notify_all();
            let handle = self.0.pending.lock().unwrap_or_else(|e| e.into_inner()).take();
            match handle.map(JoinHandle::join) {
                Some(Ok(loaded)) => loaded,
                Some(Err(panic)) => std::panic::resume_unwind(panic),
                None => Loaded::default(),
            }
        })
    }

    /// The reports if they are in, without waiting.
    fn peek(&self) -> Option<&Loaded> {
        if let Some(l) = self.0.ready.get() {
            return Some(l);
        }
        let done = self.0.pending.lock().unwrap_or_else(|e| e.into_inner()).as_ref().is_none_or(|h| h.is_finished());
        done.then(|| self.get())
    }
}

/// Of an older meeting only what the next one needs, not its steps, reviews or notes;
/// its snapshot of open steps read (`S = Vec<ActionStep>`) or only noticed (`IgnoredAny`).
#[derive(Deserialize)]
struct MeetingHead<S> {
    id: String,
    date: NaiveDate,
    #[serde(default)]
    status: Status,
    #[serde(default = "none")]
    open_after: Option<S>,
}

fn none<S>() -> Option<S> {
    None
}

/// Where the steps open after the previous meeting come from.
#[derive(Default)]
enum Base {
    #[default]
    None,
    Steps(Vec<ActionStep>),
    /// The `open_after` of this meeting file, read with the reports.
    Snapshot(std::path::PathBuf),
}

/// The open meeting, if any, and the newest closed one, reading the files newest first.
#[allow(clippy::type_complexity)]
fn newest_meetings<S: serde::de::DeserializeOwned>(
    store: &Store,
    ids: &[String],
) -> Result<(Option<Meeting>, Option<MeetingHead<S>>), StoreError> {
    let mut open_meeting = None;
    for id in ids.iter().rev() {
        let head: MeetingHead<S> = store.read(&store.layout.meeting(id))?;
        if head.id != *id {
            // The precise complaint about a file that names another meeting.
            store.load_meeting(id)?;
        }
        if head.status == Status::Open && open_meeting.is_none() {
            open_meeting = Some(store.load_meeting(id)?);
            continue;
        }
        if head.status == Status::Closed {
            return Ok((open_meeting, Some(head)));
        }
    }
    Ok((open_meeting, None))
}

/// Older or hand-made files without a snapshot: replay all closed meetings.
fn replay_closed(store: &Store, ids: &[String]) -> Result<Vec<ActionStep>, StoreError> {
    let mut all = Vec::new();
    for id in ids {
        let mm = store.load_meeting(id)?;
        if mm.status == Status::Closed {
            all.push(mm);
        }
    }
    Ok(ledger::replay(&all).open().cloned().collect())
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
        Context::load_with(store, strict, false)
    }

    /// Like [`Context::load`] (lenient), but the members' progress reports are read on a
    /// thread: the meeting screen draws its first frame meanwhile, and whatever needs them
    /// (the report-back, the home screen's counts, closing) waits for them only if they
    /// are not in yet. For the facilitator, who never writes members' files.
    pub fn load_deferred(store: &Store) -> Result<Context, StoreError> {
        Context::load_with(store, Strictness::Lenient, true)
    }

    fn load_with(store: &Store, strict: Strictness, deferred: bool) -> Result<Context, StoreError> {
        let group = store.load_group()?;
        let meeting_ids = store.meeting_ids()?;
        let mut warnings = Vec::new();

        // When deferred, the previous meeting's snapshot is only noticed here and read on
        // the thread with the reports.
        let (open_meeting, previous_meeting, base) = if deferred {
            let (open, prev) = newest_meetings::<IgnoredAny>(store, &meeting_ids)?;
            let base = match &prev {
                None => Base::None,
                Some(m) if m.open_after.is_some() => Base::Snapshot(store.layout.meeting(&m.id)),
                Some(_) => Base::Steps(replay_closed(store, &meeting_ids)?),
            };
            (open, prev.map(|m| (m.id, m.date)), base)
        } else {
            let (open, prev) = newest_meetings::<Vec<ActionStep>>(store, &meeting_ids)?;
            // Read in full here (command-line reports): a damaged previous meeting is
            // reported, not passed over because only its snapshot was needed.
            if let Some(p) = &prev {
                store.load_meeting(&p.id)?;
            }
            match prev {
                None => (open, None, Base::None),
                Some(MeetingHead { id, date, open_after: Some(steps), .. }) => {
                    (open, Some((id, date)), Base::Steps(steps))
                }
                Some(MeetingHead { id, date, open_after: None, .. }) => {
                    (open, Some((id, date)), Base::Steps(replay_closed(store, &meeting_ids)?))
                }
            }
        };

        let mut goals = BTreeMap::new();
        let mut preps = BTreeMap::new();
        let mut partners = BTreeMap::new();
        let mut checkins = BTreeMap::new();
        let prev_date = previous_meeting.as_ref().map(|m| m.1);
        // The prep for this meeting is the one dated the meeting's day; without one, the
        // newest made after the previous meeting. Looking the first up spares listing
        // every member's years of prep files.
        let this_date =
            open_meeting.as_ref().map(|m| m.date).or(group.next_meeting).filter(|d| prev_date.is_none_or(|p| *d > p));
        let mut keep = |r: Result<(), StoreError>| keep_or_warn(r, strict, &mut warnings);
        for m in &group.members {
            keep(store.load_goals(&m.id).map(|g| {
                goals.insert(m.id.clone(), g.goals);
            }))?;
            let dated = this_date.map(|d| store.layout.prep(&m.id, d)).filter(|p| p.exists());
            let prep = match dated {
                Some(path) => store.read(&path).map(Some),
                None => store.current_prep(&m.id, prev_date),
            };
            keep(prep.map(|p| {
                if let Some(p) = p {
                    preps.insert(m.id.clone(), p);
                }
            }))?;
            keep(store.load_partners(&m.id).map(|p| {
                partners.insert(m.id.clone(), p);
            }))?;
            keep(store.load_checkins(&m.id).map(|c| {
                checkins.insert(m.id.clone(), c.checkins);
            }))?;
        }

        let members: Vec<String> = group.members.iter().map(|m| m.id.clone()).collect();
        let previous_key = previous_meeting.as_ref().and_then(|m| meeting_sort_key(&m.0));
        let reports = if deferred {
            let job = Arc::new(Mutex::new(Some((members, base))));
            let theirs = Arc::clone(&job);
            let wanted: Arc<(Mutex<bool>, Condvar)> = Arc::default();
            let woken = Arc::clone(&wanted);
            let reader = Store::new(store.root());
            let spawned = std::thread::Builder::new().name("member-reports".into()).spawn(move || {
                // On two cores, reading now would slow the first frame: wait a moment,
                // or until something needs the reports.
                let (flag, signal) = &*woken;
                let guard = flag.lock().unwrap_or_else(|e| e.into_inner());
                drop(signal.wait_timeout_while(guard, REPORTS_AFTER, |wanted| !*wanted));
                let (members, base) = theirs.lock().unwrap_or_else(|e| e.into_inner()).take().unwrap_or_default();
                load_reports(&reader, &members, base, previous_key, Strictness::Lenient).unwrap_or_default()
            });
            match spawned {
                Ok(handle) => Reports::pending(handle, wanted),
                Err(_) => {
                    let (members, base) = job.lock().unwrap_or_else(|e| e.into_inner()).take().unwrap_or_default();
                    Reports::ready(load_reports(store, &members, base, previous_key, strict)?)
                }
            }
        } else {
            Reports::ready(load_reports(store, &members, base, previous_key, strict)?)
        };

        Ok(Context {
            group,
            meeting_ids,
            previous: previous_meeting.map(|(id, date)| PreviousMeeting { id, date }),
            goals,
            preps,
            open_meeting,
            warnings,
            partners,
            checkins,
            reports,
        })
    }

    /// Steps open after the previous meeting, with the members' own reports applied.
    pub fn prev_open(&self) -> &[ActionStep] {
        &self.reports.get().prev_open
    }

    /// Each member's own progress reports (from `members/<id>/progress.json`).
    pub fn member_progress(&self) -> &BTreeMap<String, Vec<MemberProgress>> {
        &self.reports.get().member_progress
    }

    /// Progress files read on a thread that could not be read, once that thread is done
    /// (never waits).
    pub fn late_warnings(&self) -> &[StoreError] {
        self.reports.peek().map(|l| l.warnings.as_slice()).unwrap_or(&[])
    }

    /// The steps open right now: those open after the previous meeting plus any captured
    /// in `meeting`, with its report-back and the members' own reports applied.
    pub fn open_steps(&self, meeting: Option<&Meeting>) -> Vec<ActionStep> {
        self.current_ledger(meeting).open().cloned().collect()
    }

    /// All steps known to this context (open after last time, plus this meeting's), with
    /// every report applied, open or not.
    pub fn current_ledger(&self, meeting: Option<&Meeting>) -> Ledger {
        let r = self.reports.get();
        // `prev_open` has the members' reports on its steps already; of the rest, only the
        // reports on this meeting's new steps can matter.
        let mut l = Ledger::from_steps(r.prev_open.iter().cloned());
        if let Some(m) = meeting {
            l.add_meeting(m);
            for s in &m.steps {
                for (member, e) in r.by_step.get(&s.id).into_iter().flatten() {
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

/// Every step in the group's history, replaying all meetings (for `--all`).
pub fn all_steps(store: &Store, ctx: &Context) -> Result<Vec<ActionStep>, StoreError> {
    let mut meetings = Vec::new();
    for id in &ctx.meeting_ids {
        meetings.push(store.load_meeting(id)?);
    }
    let mut l = ledger::replay(&meetings);
    for (member, entries) in ctx.member_progress() {
        l.add_member_progress(member, entries);
    }
    Ok(l.into_steps())
}

fn keep_or_warn(
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

/// Read the members' progress files and apply them to the steps open after the previous
/// meeting.
fn load_reports(
    store: &Store,
    members: &[String],
    base: Base,
    previous: Option<(NaiveDate, u32)>,
    strict: Strictness,
) -> Result<Loaded, StoreError> {
    let mut loaded = Loaded::default();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FACILITATOR, Phase, ProgressFile};
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<FixedOffset> {
        FixedOffset::east_opt(0).unwrap().with_ymd_and_hms(2030, 1, 15, h, m, 0).unwrap()
    }

    fn demo() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("group");
        crate::store::demo::install(&root, NaiveDate::from_ymd_opt(2030, 1, 15).unwrap()).unwrap();
        (dir, Store::new(root))
    }

    /// What `current_ledger` computed before it learnt to skip reports that cannot
    /// matter: every step open after last time, this meeting, every report replayed.
    fn replayed(ctx: &Context, m: Option<&Meeting>) -> Vec<ActionStep> {
        let mut l = Ledger::from_steps(ctx.prev_open().iter().cloned());
        if let Some(m) = m {
            l.add_meeting(m);
        }
        for (member, entries) in ctx.member_progress() {
            l.add_member_progress(member, entries);
        }
        l.into_steps()
    }

    /// A meeting open in the hot seats with a new step that its owner has already
    /// reported on from their own machine.
    fn open_meeting_with_a_reported_step(store: &Store) -> Meeting {
        let ctx = Context::load(store, Strictness::Strict).unwrap();
        let mut m = ctx.start_meeting(at(19, 0));
        m.phase = Phase::HotSeats;
        let step = ActionStep {
            id: m.next_step_id(),
            owner: "ada".into(),
            text: "Send the deck to three investors".into(),
            measurable_result: String::new(),
            due: None,
            goal: None,
            meeting: m.id.clone(),
            created_at: at(19, 30),
            history: Vec::new(),
        };
        m.steps.push(step.clone());
        m.private_notes.push(crate::model::PrivateNote {
            member: "ada".into(),
            author: FACILITATOR.into(),
            text: "private".into(),
            updated_at: at(19, 31),
        });
        store.save_meeting(&m).unwrap();
        let mut p = store.load_progress("ada").unwrap();
        p.entries.push(MemberProgress {
            step: step.id,
            progress: crate::model::Progress::Partial,
            note: "one sent".into(),
            at: at(20, 0),
        });
        // Long closed and never open after the previous meeting: cannot matter.
        p.entries.push(MemberProgress {
            step: "2029-12-18-1".into(),
            progress: crate::model::Progress::Done,
            note: String::new(),
            at: at(20, 1),
        });
        store.save_progress("ada", &ProgressFile { version: p.version, entries: p.entries }).unwrap();
        m
    }

    #[test]
    fn deferred_and_immediate_loads_give_the_same_context() {
        let (_dir, store) = demo();
        let m = open_meeting_with_a_reported_step(&store);
        let now = Context::load(&Store::new(store.root()), Strictness::Lenient).unwrap();
        let later = Context::load_deferred(&Store::new(store.root())).unwrap();
        assert_eq!(now.previous, later.previous);
        assert_eq!(now.goals, later.goals);
        assert_eq!(now.preps, later.preps);
        assert_eq!(now.open_meeting, later.open_meeting);
        assert_eq!(now.open_meeting.as_ref(), Some(&m));
        assert_eq!(now.prev_open(), later.prev_open());
        assert_eq!(now.member_progress(), later.member_progress());
        assert!(!now.prev_open().is_empty(), "the demo has steps open after its last meeting");
        assert!(now.late_warnings().is_empty() && later.late_warnings().is_empty());
        for ctx in [&now, &later] {
            for meeting in [None, Some(&m)] {
                assert_eq!(ctx.current_ledger(meeting).into_steps(), replayed(ctx, meeting));
            }
        }
        // The member's own report on a step of the open meeting counts.
        let open = later.open_steps(Some(&m));
        let new = open.iter().find(|s| s.meeting == m.id).expect("the new step is open");
        assert_eq!(new.progress(), crate::model::Progress::Partial);
    }

    #[test]
    fn a_broken_progress_file_read_later_becomes_a_late_warning() {
        let (_dir, store) = demo();
        std::fs::write(store.layout.progress("ben"), "{ \"version\": 1, \"entries\": [ }").unwrap();
        let strict = Context::load(&store, Strictness::Strict).unwrap_err();
        assert!(strict.to_string().contains("progress.json:1:"), "{strict}");
        let ctx = Context::load_deferred(&Store::new(store.root())).unwrap();
        assert!(ctx.warnings.is_empty(), "nothing is read of it before it is needed");
        let _ = ctx.prev_open();
        assert_eq!(ctx.late_warnings().len(), 1);
        assert!(ctx.late_warnings()[0].to_string().contains("members/ben/progress.json:1:"));
    }

    #[test]
    fn the_prep_for_this_meetings_date_wins_over_a_newer_one() {
        let (_dir, store) = demo();
        let g = store.load_group().unwrap();
        let today = NaiveDate::from_ymd_opt(2030, 1, 15).unwrap();
        assert_eq!(g.next_meeting, Some(today));
        let mut ahead = store.current_prep("ada", None).unwrap().expect("ada prepared");
        assert_eq!(ahead.meeting, today);
        ahead.meeting = NaiveDate::from_ymd_opt(2030, 1, 29).unwrap();
        ahead.walk_away = "for the meeting after".into();
        store.save_prep("ada", &ahead).unwrap();
        for ctx in [Context::load(&store, Strictness::Strict).unwrap(), Context::load_deferred(&store).unwrap()] {
            assert_eq!(ctx.preps["ada"].meeting, today);
        }
        // Without one for the day, the newest after the previous meeting, as before.
        std::fs::remove_file(store.layout.prep("ada", today)).unwrap();
        let ctx = Context::load(&Store::new(store.root()), Strictness::Strict).unwrap();
        assert_eq!(ctx.preps["ada"].walk_away, "for the meeting after");
    }

    #[test]
    fn a_meeting_file_that_names_another_meeting_is_refused_as_before() {
        let (_dir, store) = demo();
        let ids = store.meeting_ids().unwrap();
        let path = store.layout.meeting(&ids[0]);
        let text = std::fs::read_to_string(&path).unwrap().replacen(&ids[0], "2001-01-01", 1);
        std::fs::write(&path, text).unwrap();
        let other = store.layout.meeting(ids.last().unwrap());
        std::fs::remove_file(other).unwrap();
        for e in [Context::load(&store, Strictness::Lenient).unwrap_err(), Context::load_deferred(&store).unwrap_err()]
        {
            assert!(e.to_string().contains("is named"), "{e}");
        }
    }
}

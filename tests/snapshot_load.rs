//! Loading what a session needs from the group folder: at once, or with the members'
//! reports after the first frame; both give the same context.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use hotseat::model::ledger::Ledger;
use hotseat::model::{ActionStep, Meeting, MemberProgress, Phase, ProgressFile};
use hotseat::store::Store;
use hotseat::store::snapshot::{Context, Strictness};

/// The context as the meeting screen builds it: first frame, then the reports.
fn loaded_after_first_frame(store: &Store) -> Context {
    let (mut ctx, job) = Context::load_first_frame(store).unwrap();
    ctx.set_reports(job.run(store));
    ctx
}

fn at(h: u32, m: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0).unwrap().with_ymd_and_hms(2030, 1, 15, h, m, 0).unwrap()
}

fn demo() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("group");
    hotseat::store::demo::install(&root, NaiveDate::from_ymd_opt(2030, 1, 15).unwrap()).unwrap();
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
    store.save_meeting(&m).unwrap();
    let mut p = store.load_progress("ada").unwrap();
    p.entries.push(MemberProgress {
        step: step.id,
        progress: hotseat::model::Progress::Partial,
        note: "one sent".into(),
        at: at(20, 0),
    });
    // Long closed and never open after the previous meeting: cannot matter.
    p.entries.push(MemberProgress {
        step: "2029-12-18-1".into(),
        progress: hotseat::model::Progress::Done,
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
    let later = loaded_after_first_frame(&Store::new(store.root()));
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
    assert_eq!(new.progress(), hotseat::model::Progress::Partial);
}

#[test]
fn a_broken_progress_file_read_later_becomes_a_late_warning() {
    let (_dir, store) = demo();
    std::fs::write(store.layout.progress("ben"), "{ \"version\": 1, \"entries\": [ }").unwrap();
    let strict = Context::load(&store, Strictness::Strict).unwrap_err();
    assert!(strict.to_string().contains("progress.json:1:"), "{strict}");
    let (mut ctx, job) = Context::load_first_frame(&Store::new(store.root())).unwrap();
    assert!(ctx.warnings.is_empty(), "nothing is read of it before it is needed");
    assert!(ctx.late_warnings().is_empty() && !ctx.has_reports());
    ctx.set_reports(job.run(&store));
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
    for ctx in [Context::load(&store, Strictness::Strict).unwrap(), Context::load_first_frame(&store).unwrap().0] {
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
    for e in [Context::load(&store, Strictness::Lenient).unwrap_err(), Context::load_first_frame(&store).unwrap_err()] {
        assert!(e.to_string().contains("is named"), "{e}");
    }
}

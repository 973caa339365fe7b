//! The meeting screen reads before its first frame only the members' own files the open
//! meeting's current phase shows, and the rest right after it (the job `settle` runs before
//! any key): the first frame is the one a full load draws, and once the job's news is in,
//! the state and every screen are the full load's.

#[path = "../examples/support/history.rs"]
mod history;
mod support;

use chrono::{DateTime, FixedOffset};
use hotseat::facilitator::{Action, App, Facilitator, update};
use hotseat::model::Phase;
use hotseat::store::Store;
use hotseat::store::snapshot::{Context, Strictness};
use hotseat::tui::run::Program;
use support::*;

/// Four members, two years, weekly, the newest meeting open in the hot seats.
fn group() -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("group");
    history::generate(&data, &history::Options::new(4, 2)).unwrap();
    let store = Store::new(&data);
    (tmp, store)
}

/// The evening of the generated meeting.
fn evening() -> DateTime<FixedOffset> {
    moment("2026-11-17T19:40:00+01:00")
}

/// Put the open meeting in `phase`, as if the facilitator had moved there and quit.
fn move_to(store: &Store, phase: Phase) {
    let ctx = Context::load(store, Strictness::Lenient).unwrap();
    let mut m = store.load_meeting(&ctx.open_meeting.unwrap().id).unwrap();
    m.phase = phase;
    if phase != Phase::HotSeats {
        m.hot_seat = None;
    }
    store.save_meeting(&m).unwrap();
}

/// The meeting as it starts when every member's own files are read before the first
/// frame (as it did before), with the job's news in (the reports and the trend, which a
/// command-line load does not read).
fn full(store: &Store) -> App {
    let (ctx, job) = Context::load_first_frame(store).unwrap();
    let whole = Context::load(store, Strictness::Lenient).unwrap();
    let same =
        |c: &Context| format!("{:?}", (&c.goals, &c.goals_entered, &c.preps, &c.partners, &c.checkins, &c.parking));
    assert_eq!(same(&ctx), same(&whole));
    let mut app = App::new(ctx);
    update(&mut app, Action::Start, evening());
    let mut program = Facilitator::new(app, store).with_reports_job(job);
    for action in program.settle() {
        assert!(!program.dispatch(action, evening()));
    }
    assert_eq!(program.app.ctx.member_progress(), whole.member_progress());
    program.app
}

/// What the members' own files and reports hold in `app`, to compare.
fn own(app: &App) -> String {
    let c = &app.ctx;
    format!(
        "{:?}",
        (&c.goals, &c.goals_entered, &c.preps, &c.partners, &c.checkins, &c.parking, &c.warnings, c.member_progress())
    )
}

/// Every screen of the meeting as drawn at two sizes.
fn screens(app: &App) -> String {
    let now = evening();
    let mut app = app.clone();
    let mut out = String::new();
    for phase in [Phase::CheckIn, Phase::ReportBack, Phase::PrepReview, Phase::HotSeats, Phase::WrapUp] {
        if let Some(m) = app.meeting.as_mut() {
            m.phase = phase;
        }
        for (w, h) in [(80, 24), (120, 40)] {
            out += &shown(&app, w, h, now);
        }
    }
    out
}

/// Start the meeting as `hotseat meeting` does: what the first frame shows, drawn; then
/// the job `settle` runs before any key, its news applied. Returns the first frame, the
/// members whose goals were read for it, and the app after the job.
fn meeting(store: &Store) -> (String, Vec<String>, App) {
    let (ctx, job) = Context::load_meeting_in(store, store.meeting_ids().unwrap()).unwrap();
    let mut app = App::new(ctx);
    update(&mut app, Action::Start, evening());
    let first = shown(&app, 120, 40, evening()) + &shown(&app, 80, 24, evening());
    let read: Vec<String> = app.ctx.goals.keys().cloned().collect();
    let mut program = Facilitator::new(app, store).with_reports_job(job);
    for action in program.settle() {
        assert!(!program.dispatch(action, evening()));
    }
    (first, read, program.app)
}

/// The same text, or the first lines that differ.
fn same_text(got: &str, want: &str, what: &str) {
    let diff: Vec<String> = got
        .lines()
        .zip(want.lines())
        .enumerate()
        .filter(|(_, (g, w))| g != w)
        .take(6)
        .map(|(i, (g, w))| format!("line {i}:\n got  {g}\n want {w}"))
        .collect();
    assert!(diff.is_empty() && got.lines().count() == want.lines().count(), "{what}:\n{}", diff.join("\n"));
}

/// Compare a start in the open meeting's current phase with a full load.
fn same_as_full(store: &Store) -> Vec<String> {
    let whole = full(store);
    let (first, read, app) = meeting(store);
    // The full load has the members' reports in; the phases deferred here show none.
    let mut reports_later = App::new(Context::load_first_frame(store).unwrap().0);
    update(&mut reports_later, Action::Start, evening());
    let want = shown(&reports_later, 120, 40, evening()) + &shown(&reports_later, 80, 24, evening());
    same_text(&first, &want, "the first frame is the one the members' files all read draw");
    assert_eq!(own(&app), own(&whole), "after the job, the members' files are the full load's");
    assert_eq!(app.ctx.open_steps(app.meeting.as_ref()), whole.ctx.open_steps(whole.meeting.as_ref()));
    assert_eq!(app.meeting, whole.meeting);
    same_text(&screens(&app), &screens(&whole), "every screen is the full load's");
    read
}

#[test]
fn in_the_hot_seats_only_the_hot_seat_members_files_come_first() {
    let (_tmp, store) = group();
    let seat = Context::load(&store, Strictness::Lenient).unwrap().open_meeting.unwrap().hot_seat.unwrap();
    let read = same_as_full(&store);
    assert_eq!(read, vec![seat], "only the hot-seat member's goals before the first frame");
    // The first frame does show them.
    let (first, _, _) = meeting(&store);
    assert!(!first.contains(hotseat::facilitator::strings::ui::NO_GOALS), "{first}");
}

#[test]
fn at_the_check_in_no_members_files_come_first() {
    let (_tmp, store) = group();
    move_to(&store, Phase::CheckIn);
    assert!(same_as_full(&store).is_empty(), "the check-in shows none of the members' files");
}

#[test]
fn in_the_prep_review_and_the_wrap_up_everyones_files_come_first() {
    let (_tmp, store) = group();
    for phase in [Phase::PrepReview, Phase::WrapUp] {
        move_to(&store, phase);
        assert_eq!(same_as_full(&store).len(), 4, "{phase:?} shows everyone's prep");
    }
}

#[test]
fn a_meeting_about_to_begin_reads_them_after_the_first_frame() {
    let (_tmp, store) = group();
    store.discard_meeting(&Context::load(&store, Strictness::Lenient).unwrap().open_meeting.unwrap().id).unwrap();
    assert!(same_as_full(&store).is_empty());
}

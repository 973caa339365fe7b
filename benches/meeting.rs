//! What a facilitator waits for, on a one-year and a ten-year history (20 members,
//! weekly): loading the group context for a meeting, computing the report-back, drawing
//! each screen on a 200×60 `TestBackend`, and capturing one action step with its save.
//!
//! ```sh
//! cargo bench --bench meeting
//! ```
//!
//! The histories are generated once (by `examples/support/history.rs`, the generator behind
//! `examples/generate_history.rs`) into `target/bench-history/` and then only read; the
//! capture benchmark saves into a scratch folder. The budgets are in BENCHMARKS.md.

#[path = "../examples/support/history.rs"]
mod history;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use divan::Bencher;
use hotseat::facilitator::Facilitator;
use hotseat::facilitator::{Action, App, queries, update};
use hotseat::model::Phase;
use hotseat::store::Store;
use hotseat::store::snapshot::{Context, Strictness};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui_input::InputRequest;

fn main() {
    // The member's view keeps derived state in a cache: a scratch one, not the user's.
    let cache = tempfile::tempdir().expect("scratch cache");
    // SAFETY: before any thread is started.
    unsafe { std::env::set_var("HOTSEAT_CACHE_DIR", cache.path()) };
    divan::main();
}

const SIZES: [&str; 2] = ["1y", "10y"];

fn data(size: &str) -> &'static Path {
    static ONE: OnceLock<PathBuf> = OnceLock::new();
    static TEN: OnceLock<PathBuf> = OnceLock::new();
    let (cell, years) = match size {
        "1y" => (&ONE, 1),
        _ => (&TEN, 10),
    };
    cell.get_or_init(|| history::cached(&history::Options::new(20, years)).expect("generate the history"))
}

/// A fixed moment during the open meeting (which starts at 18:30 on the end date).
fn now() -> DateTime<FixedOffset> {
    let end = history::Options::new(20, 1).end;
    let off = FixedOffset::east_opt(3600).expect("offset");
    off.from_local_datetime(&end.and_hms_opt(19, 40, 0).expect("time")).single().expect("fixed") + Duration::zero()
}

/// The app as `hotseat meeting` opens it: the open meeting resumed.
fn resumed(size: &str) -> App {
    let store = Store::new(data(size));
    let ctx = Context::load(&store, Strictness::Lenient).expect("load");
    let mut app = App::new(ctx);
    update(&mut app, Action::Start, now());
    assert!(app.in_meeting(), "the generated history has an open meeting");
    app
}

fn in_phase(size: &str, phase: Option<Phase>) -> App {
    let mut app = resumed(size);
    match phase {
        None => {
            // The home screen, with the open meeting to resume.
            app.ctx.open_meeting = app.meeting.take();
        }
        Some(p) => {
            let m = app.meeting.as_mut().expect("open");
            m.phase = p;
            if p == Phase::HotSeats {
                // Keep the resumed turn; make its clock run.
                let h = m.hot_seat.clone().expect("a member in the hot seat");
                m.turn_mut(&h).expect("a turn").start(now() - Duration::seconds(30));
            }
        }
    }
    app
}

/// Everything, the members' progress reports included (what `hotseat actions` reads).
#[divan::bench(args = SIZES)]
fn load_context(bencher: Bencher, size: &str) {
    let dir = data(size);
    bencher.bench_local(|| Context::load(&Store::new(dir), Strictness::Lenient).expect("load"));
}

/// What `hotseat meeting` waits for before its first frame: the members' progress
/// reports are read after it (the job is dropped, unrun, outside the timing).
#[divan::bench(args = SIZES)]
fn load_context_for_meeting(bencher: Bencher, size: &str) {
    let dir = data(size);
    bencher.bench_local(|| Context::load_first_frame(&Store::new(dir)).expect("load"));
}

#[divan::bench(args = SIZES)]
fn report_back(bencher: Bencher, size: &str) {
    let app = in_phase(size, Some(Phase::ReportBack));
    bencher.bench_local(|| {
        let items = queries::report_items(&app);
        let m = app.meeting.as_ref().expect("open");
        queries::completion(m, &items)
    });
}

#[divan::bench(args = SIZES)]
fn open_steps(bencher: Bencher, size: &str) {
    let app = resumed(size);
    bencher.bench_local(|| app.ctx.open_steps(app.meeting.as_ref()));
}

mod render {
    use super::*;

    fn draw(bencher: Bencher, size: &str, phase: Option<Phase>) {
        let app = in_phase(size, phase);
        let mut term = Terminal::new(TestBackend::new(200, 60)).expect("test terminal");
        let t = now();
        // Alternate two moments so that the countdown changes every frame, as it does live.
        let mut tick = false;
        bencher.bench_local(|| {
            tick = !tick;
            let at = if tick { t } else { t + Duration::seconds(1) };
            term.draw(|f| hotseat::facilitator::ui::view(&app, f, at)).expect("draw");
        });
    }

    #[divan::bench(args = SIZES)]
    fn home(bencher: Bencher, size: &str) {
        draw(bencher, size, None);
    }
    #[divan::bench(args = SIZES)]
    fn check_in(bencher: Bencher, size: &str) {
        draw(bencher, size, Some(Phase::CheckIn));
    }
    #[divan::bench(args = SIZES)]
    fn report_back(bencher: Bencher, size: &str) {
        draw(bencher, size, Some(Phase::ReportBack));
    }
    #[divan::bench(args = SIZES)]
    fn prep_review(bencher: Bencher, size: &str) {
        draw(bencher, size, Some(Phase::PrepReview));
    }
    #[divan::bench(args = SIZES)]
    fn hot_seats(bencher: Bencher, size: &str) {
        draw(bencher, size, Some(Phase::HotSeats));
    }
    #[divan::bench(args = SIZES)]
    fn wrap_up(bencher: Bencher, size: &str) {
        draw(bencher, size, Some(Phase::WrapUp));
    }
}

/// What `hotseat me --member ada` reads before its first frame (the cache, made by the
/// first sample, and the open meeting).
#[divan::bench(args = SIZES)]
fn member_load(bencher: Bencher, size: &str) {
    let dir = data(size);
    bencher.bench_local(|| hotseat::member::load::load(&Store::new(dir), "ada", now()).expect("load"));
}

/// The member's steps screen (120×40 `TestBackend`), as `hotseat me` first draws it.
#[divan::bench(args = SIZES)]
fn member_render(bencher: Bencher, size: &str) {
    let app = hotseat::member::load::load(&Store::new(data(size)), "ada", now()).expect("load");
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
    bencher.bench_local(|| {
        term.draw(|f| hotseat::member::ui::view(&app, f, now())).expect("draw");
    });
}

/// `a`, type the step, Enter: the form, the new step, and the meeting saved (atomic write
/// with fsync) into a scratch copy of the open meeting's file.
#[divan::bench(args = SIZES, sample_count = 60, sample_size = 1)]
fn capture_step(bencher: Bencher, size: &str) {
    let app = in_phase(size, Some(Phase::HotSeats));
    let id = app.meeting.as_ref().expect("open").id.clone();
    let scratch = tempfile::tempdir().expect("scratch folder");
    let store = Store::new(scratch.path());
    std::fs::create_dir_all(store.layout.meetings_dir()).expect("meetings folder");
    std::fs::copy(Store::new(data(size)).layout.meeting(&id), store.layout.meeting(&id)).expect("copy");
    store.load_meeting(&id).expect("read the copy");
    static N: AtomicU64 = AtomicU64::new(0);
    bencher.with_inputs(|| app.clone()).bench_local_values(|app| {
        let n = N.fetch_add(1, Ordering::Relaxed);
        let mut f = Facilitator::new(app, &store);
        let t = now();
        f.dispatch(Action::AddStep, t);
        for c in format!("Call {n} customers before Friday").chars() {
            f.dispatch(Action::TypeLine(InputRequest::InsertChar(c)), t);
        }
        f.dispatch(Action::Submit, t);
        assert!(!f.app.ui.unsaved, "the save worked");
        f.app
    });
}

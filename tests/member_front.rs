//! The member view's first frame from the cached front of the member's steps: on a
//! generated three-year history, the first frame (`load::load_view`) draws exactly what a
//! full load draws, and the view after the rest arrives (`Program::settle`, before any
//! key) is exactly the full load: with the cache kept, deleted, damaged, and after a
//! meeting file or `progress.json` changed behind its back.

#[path = "../examples/support/history.rs"]
mod history;
mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use hotseat::member::program::MemberView;
use hotseat::member::{MemberApp, Screen, load};
use hotseat::model::Status;
use hotseat::store::Store;
use hotseat::tui::run::Program;
use support::files::edit_behind_the_cache;
use support::member::member_shown_at;

/// A cache relies only on files changed longer ago than this.
const SETTLED: Duration = Duration::from_millis(2100);
const ME: &str = "sami";
/// Few closed steps in the front, so that most of them come after the first frame.
const HEAD: usize = 8;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-20T09:00:00+00:00").unwrap()
}

/// Every screen at two sizes, as text.
fn screens(app: &MemberApp) -> Vec<String> {
    let mut out = Vec::new();
    for screen in Screen::ALL {
        let mut app = app.clone();
        app.ui.screen = screen;
        for (w, h) in [(80, 24), (120, 40)] {
            out.push(member_shown_at(&app, now(), w, h));
        }
    }
    out
}

/// One start of the view as `hotseat me` makes it on a terminal: whether the front was
/// used, what the first frame shows, and the view once `settle` has run.
fn start(store: &Store, head: usize) -> (bool, Vec<String>, MemberApp) {
    let (app, pending) = load::load_view(store, ME, now(), Some(head)).unwrap();
    let first = member_shown_at(&app, now(), 120, 40);
    let first_small = member_shown_at(&app, now(), 80, 24);
    let mut view = MemberView::new(app, store).with_steps_pending(pending.then_some(head));
    for action in view.settle() {
        assert!(!view.dispatch(action, now()), "the view asked to quit");
    }
    assert!(view.settle().is_empty());
    assert!(view.take_failure().is_none());
    (pending, vec![first, first_small], view.app)
}

/// The first frame and the view after `settle` are the full load's.
fn same_as_full(store: &Store, expect_front: bool) -> MemberApp {
    same_as_full_with(store, HEAD, expect_front)
}

fn same_as_full_with(store: &Store, head: usize, expect_front: bool) -> MemberApp {
    let full = load::load(store, ME, now()).unwrap();
    let (pending, first, after) = start(store, head);
    assert_eq!(pending, expect_front, "front used");
    let shown = screens(&full);
    assert_eq!(first[0], shown[1], "first frame 120×40");
    assert_eq!(first[1], shown[0], "first frame 80×24");
    assert_eq!(format!("{after:?}"), format!("{full:?}"));
    assert_eq!(screens(&after), shown);
    full
}

fn front_file(cache: &Path) -> PathBuf {
    let group = std::fs::read_dir(cache).unwrap().next().unwrap().unwrap().path();
    group.join(format!("member-{ME}-front.bin"))
}

#[test]
fn the_first_frame_and_the_view_after_it_are_the_full_load() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("group");
    history::generate(&data, &history::Options::new(4, 3)).unwrap();
    let cache = tmp.path().join("cache");
    // SAFETY: the only test of this binary; nothing else reads the environment meanwhile.
    unsafe { std::env::set_var(hotseat::store::cache::CACHE_DIR_VAR, &cache) };
    std::thread::sleep(SETTLED);
    let store = Store::new(&data);

    // No cache: the full load, which keeps the front.
    let full = same_as_full(&store, false);
    let closed = full.steps.iter().filter(|s| !s.is_open()).count();
    assert!(closed > HEAD, "{closed} closed steps");
    assert!(front_file(&cache).exists());
    // Kept: the first frame from the front, most closed steps after it.
    let (app, pending) = load::load_view(&store, ME, now(), Some(HEAD)).unwrap();
    assert!(pending);
    assert_eq!(app.hidden_closed, closed - HEAD);
    assert!(app.progress.entries.is_empty());
    same_as_full(&store, true);

    // Deleted.
    std::fs::remove_dir_all(&cache).unwrap();
    same_as_full(&store, false);
    same_as_full(&store, true);

    // Damaged: cut short, then garbage of the same length.
    let path = front_file(&cache);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    same_as_full(&store, false);
    same_as_full(&store, true);
    std::fs::write(&path, vec![0x5a; bytes.len()]).unwrap();
    same_as_full(&store, false);
    same_as_full(&store, true);

    // A meeting file changed behind the cache's back, in place, its length and
    // modification time kept: one of my steps in the newest closed meeting renamed.
    let ids = store.meeting_ids().unwrap();
    let newest = ids.iter().rev().map(|id| store.load_meeting(id).unwrap()).find(|m| m.status == Status::Closed);
    let newest = newest.unwrap();
    let step = newest.steps.iter().find(|s| s.owner == ME).expect("a step of mine in the newest closed meeting");
    let meeting = store.layout.meeting(&newest.id);
    let same = "X".repeat(step.text.len());
    edit_behind_the_cache(&meeting, &format!("\"text\": \"{}\"", step.text), &format!("\"text\": \"{same}\""));
    let full = same_as_full(&store, false);
    assert!(full.steps.iter().any(|s| s.id == step.id && s.text == same));
    std::thread::sleep(SETTLED);
    same_as_full(&store, false);
    same_as_full(&store, true);

    // My progress.json changed behind its back: my newest report taken out.
    let mut progress = store.load_progress(ME).unwrap();
    assert!(progress.entries.pop().is_some(), "{ME} has reports");
    store.save_progress(ME, &progress).unwrap();
    let before = format!("{:?}", full.steps);
    let full = same_as_full(&store, false);
    assert_ne!(format!("{:?}", full.steps), before);
    std::thread::sleep(SETTLED);
    same_as_full(&store, false);
    same_as_full(&store, true);

    // An older meeting file than the newest eight rewritten in place by hand, its length
    // and time kept: the first frame does not look at it, the view after it (before any
    // key) is the full load's, and keeps the front again, so the next start's first frame
    // is the full load's too.
    let ids = store.meeting_ids().unwrap();
    let old = &ids[ids.len() / 2];
    let m = store.load_meeting(old).unwrap();
    // One that no later meeting holds (closed at the next meeting, so in no later
    // snapshot of the steps left open): its text comes from this file alone.
    let later: Vec<String> =
        ids[ids.len() / 2 + 1..].iter().map(|id| std::fs::read_to_string(store.layout.meeting(id)).unwrap()).collect();
    let step =
        m.steps.iter().find(|s| s.owner == ME && !later.iter().any(|t| t.contains(&format!("\"id\": \"{}\",", s.id))));
    let step = step.expect("a step of mine only an old meeting holds").clone();
    let path = store.layout.meeting(old);
    let renamed = "Y".repeat(step.text.len());
    let at = |text: &str| format!("\"id\": \"{}\",\n      \"owner\": \"{ME}\",\n      \"text\": \"{text}\"", step.id);
    edit_behind_the_cache(&path, &at(&step.text), &at(&renamed));
    let full = load::load(&store, ME, now()).unwrap();
    assert!(full.steps.iter().any(|s| s.id == step.id && s.text == renamed));
    let (pending, _, after) = start(&store, HEAD);
    assert!(pending, "the front is used");
    assert_eq!(format!("{after:?}"), format!("{full:?}"));
    std::thread::sleep(SETTLED);
    same_as_full(&store, true);

    // A taller terminal than the front was kept for: a full load, which keeps a longer
    // front, good for the shorter one too.
    same_as_full_with(&store, HEAD * 4, false);
    same_as_full_with(&store, HEAD * 4, true);
    same_as_full(&store, true);

    // A meeting file that no longer reads: the error a full load gives, after the first
    // frame.
    edit_behind_the_cache(&meeting, &format!("\"text\": \"{same}\""), "\"text\": 7");
    let err = load::load(&store, ME, now()).unwrap_err().to_string();
    assert!(err.contains("invalid type"), "{err}");
    assert!(load::load_view(&store, ME, now(), Some(HEAD)).is_err());
}

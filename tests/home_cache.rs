//! The home screen's steps open now, kept in the cache (`store/open_steps.rs`), change
//! nothing but speed: with the cache, without it, after it is deleted or damaged, and
//! after a progress file or the previous meeting changed behind its back, the home screen
//! is given exactly the open steps a full load gives; a member's own file broken behind
//! its back is reported by the job after the first frame; the cache is written outside
//! the group folder, 0600 in a 0700 folder.

#[allow(dead_code)]
#[path = "support/files.rs"]
mod files;
#[path = "../examples/support/history.rs"]
mod history;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use files::edit_behind_the_cache;
use std::sync::OnceLock;
use std::time::Duration;

use hotseat::model::{ActionStep, Progress};
use hotseat::store::Store;
use hotseat::store::cache::Cache;
use hotseat::store::snapshot::{Context, Strictness};

/// A cache relies only on files changed longer ago than this.
const SETTLED: Duration = Duration::from_millis(2100);

/// Every test of this file shares one cache folder (the variable is read by the store);
/// each group folder has its own place in it.
fn cache_base() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        // SAFETY: set once, before any test of this file reads it, always to this value.
        unsafe { std::env::set_var("HOTSEAT_CACHE_DIR", dir.path()) };
        dir
    })
    .path()
}

/// Four members, two years, weekly, the newest meeting open; settled.
fn group() -> (tempfile::TempDir, PathBuf) {
    cache_base();
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("group");
    history::generate(&data, &history::Options::new(4, 2)).unwrap();
    std::thread::sleep(SETTLED);
    (tmp, data)
}

/// The open steps as a full load gives them.
fn full(store: &Store) -> Vec<ActionStep> {
    let ctx = Context::load(store, Strictness::Lenient).unwrap();
    ctx.open_steps(ctx.open_meeting.as_ref())
}

/// What the home screen's first frame is given, and whether the cache gave it; then the
/// same once the job after the first frame ran (its reports replacing the cached ones).
fn home(store: &Store) -> (Vec<ActionStep>, bool, Vec<ActionStep>) {
    let (mut ctx, job) = Context::load_home(store, store.meeting_ids().unwrap()).unwrap();
    let first = ctx.open_steps(ctx.open_meeting.as_ref());
    let hit = job.is_some();
    if let Some(job) = job {
        assert!(ctx.member_progress().is_empty(), "the cache holds no member's reports");
        assert!(ctx.goals.is_empty() && ctx.preps.is_empty(), "the members' own files are read after the first frame");
        ctx.set_reports(job.run(store));
        assert!(!ctx.member_progress().is_empty());
    }
    // Once the job ran, everything is as a full load has it.
    let whole = Context::load(store, Strictness::Lenient).unwrap();
    let own = |c: &Context| format!("{:?}", (&c.goals, &c.preps, &c.partners, &c.checkins, &c.parking, &c.warnings));
    assert_eq!(own(&ctx), own(&whole));
    assert_eq!(ctx.member_progress(), whole.member_progress());
    assert_eq!(ctx.late_warnings().len(), whole.late_warnings().len());
    (first, hit, ctx.open_steps(ctx.open_meeting.as_ref()))
}

fn cache_file(store: &Store) -> PathBuf {
    Cache::for_group(store.root()).unwrap().path("open-steps.bin")
}

#[test]
fn the_cached_open_steps_are_the_full_loads_kept_deleted_or_damaged() {
    let (_tmp, data) = group();
    let store = Store::new(&data);
    let want = full(&store);
    assert!(!want.is_empty());

    let (first, hit, after) = home(&store);
    assert!(!hit, "no cache yet: everything is read");
    assert_eq!((&first, &after), (&want, &want));
    let file = cache_file(&store);
    assert!(file.exists(), "written by the first start");
    assert!(file.starts_with(cache_base()) && !file.starts_with(&data), "outside the group folder");
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(std::fs::metadata(file.parent().unwrap()).unwrap().permissions().mode() & 0o777, 0o700);

    let (first, hit, after) = home(&store);
    assert!(hit, "the second start takes the open steps from the cache");
    assert_eq!((&first, &after), (&want, &want));

    std::fs::remove_file(&file).unwrap();
    let (first, hit, after) = home(&store);
    assert!(!hit);
    assert_eq!((&first, &after), (&want, &want));

    std::fs::write(&file, b"hotseat open steps 2\nnot a cache").unwrap();
    let (first, hit, _) = home(&store);
    assert!(!hit, "a damaged cache is only rebuilt");
    assert_eq!(first, want);
    assert_eq!(home(&store).0, want);
}

#[test]
fn a_progress_file_or_the_previous_meeting_changed_behind_the_caches_back_is_seen() {
    let (_tmp, data) = group();
    let store = Store::new(&data);
    let before = full(&store);
    assert!(home(&store).0 == before && home(&store).1, "the cache is in use");

    // A member marks one of their open steps done, in place, the time set back.
    let has_reports = |s: &&ActionStep| {
        std::fs::read_to_string(store.layout.progress(&s.owner)).is_ok_and(|t| t.contains("\"entries\": [\n"))
    };
    let open = before.iter().filter(|s| s.progress() == Progress::Open).find(has_reports);
    let step = open.expect("an open step of a member who reported before").clone();
    let path = store.layout.progress(&step.owner);
    let report = format!(
        "\"entries\": [\n    {{\n      \"step\": \"{}\",\n      \"progress\": \"done\",\n      \"at\": \"2026-11-18T09:00:00+00:00\"\n    }},",
        step.id
    );
    edit_behind_the_cache(&path, "\"entries\": [", &report);
    let now = full(&store);
    assert_ne!(now, before, "the report changed the open steps");
    let (first, hit, after) = home(&store);
    assert!(!hit, "the changed progress file is seen");
    assert_eq!((&first, &after), (&now, &now));
    assert!(!home(&store).1, "a file changed within the last seconds is not relied on from a cache");
    std::thread::sleep(SETTLED);
    assert_eq!(home(&store).0, now);
    assert!(home(&store).1, "kept again once the file settled");

    // The previous meeting's snapshot, the same length: only the change time tells.
    let ctx = Context::load(&store, Strictness::Lenient).unwrap();
    let prev = store.layout.meeting(&ctx.previous.as_ref().unwrap().id);
    let whole = std::fs::read_to_string(&prev).unwrap();
    let at = whole.find("\"open_after\"").expect("a snapshot");
    // A step open now, named once in the snapshot.
    let once = |s: &&ActionStep| whole[at..].matches(&format!("\"text\": \"{}\"", s.text)).count() == 1;
    let open_now = full(&store);
    let text = open_now.iter().filter(|s| ctx.prev_open().iter().any(|p| p.id == s.id)).find(once);
    let text = text.expect("a step left open").text.clone();
    let same = "X".repeat(text.len());
    let from = format!("\"text\": \"{text}\"");
    let edited = format!("{}{}", &whole[..at], whole[at..].replacen(&from, &format!("\"text\": \"{same}\""), 1));
    let mtime = std::fs::metadata(&prev).unwrap().modified().unwrap();
    let f = std::fs::OpenOptions::new().write(true).truncate(true).open(&prev).unwrap();
    std::io::Write::write_all(&mut &f, edited.as_bytes()).unwrap();
    f.set_modified(mtime).unwrap();
    drop(f);
    let now = full(&store);
    assert!(now.iter().any(|s| s.text == same));
    let (first, hit, after) = home(&store);
    assert!(!hit);
    assert_eq!((&first, &after), (&now, &now));

    // A member's goals file broken behind the cache's back: the first frame, which shows
    // no goals, still comes from the cache; the job after it (before any key) finds the
    // file broken and says so.
    std::thread::sleep(SETTLED);
    home(&store);
    assert!(home(&store).1);
    let goals = store.layout.goals(&step.owner);
    edit_behind_the_cache(&goals, "\"goals\"", "\"goals\" 7");
    let (mut ctx, job) = Context::load_home(&store, store.meeting_ids().unwrap()).unwrap();
    let job = job.expect("the open steps still come from the cache");
    assert!(ctx.warnings.is_empty() && ctx.late_warnings().is_empty());
    ctx.set_reports(job.run(&store));
    let late = ctx.late_warnings();
    assert!(late.iter().any(|w| w.to_string().contains("goals.json")), "{late:?}");
}

/// What a start needs of the newest closed meeting (`store/head_cache.rs`) comes from the
/// cache while its file is unchanged: kept, deleted, damaged or edited behind the cache's
/// back, a start is given what a full load gives.
#[test]
fn the_previous_meetings_head_is_the_full_loads_kept_deleted_damaged_or_edited() {
    let (_tmp, data) = group();
    let store = Store::new(&data);
    let heads = Cache::for_group(store.root()).unwrap().path("heads.bin");
    let first = |store: &Store| {
        let (ctx, _) = Context::load_meeting_in(store, store.meeting_ids().unwrap()).unwrap();
        (ctx.previous.clone(), ctx.open_meeting.as_ref().map(|m| m.id.clone()))
    };
    let whole = |store: &Store| {
        let ctx = Context::load(store, Strictness::Lenient).unwrap();
        (ctx.previous.clone(), ctx.open_meeting.as_ref().map(|m| m.id.clone()))
    };
    let want = whole(&store);
    assert!(want.0.is_some() && want.1.is_some(), "{want:?}");
    assert_eq!(first(&store), want);
    assert!(heads.exists(), "kept");
    assert_eq!(std::fs::metadata(&heads).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(first(&Store::new(&data)), want, "from the cache");
    std::fs::write(&heads, b"garbage").unwrap();
    assert_eq!(first(&Store::new(&data)), want, "damaged");
    std::fs::remove_file(&heads).unwrap();
    assert_eq!(first(&Store::new(&data)), want, "deleted");
    assert_eq!(first(&Store::new(&data)), want, "kept again");

    // The previous meeting's date, the same length, in place, the time set back.
    let prev = want.0.unwrap();
    let path = store.layout.meeting(&prev.id);
    let day = prev.date.format("%Y-%m-%d").to_string();
    let earlier = (prev.date - chrono::Duration::days(1)).format("%Y-%m-%d").to_string();
    edit_behind_the_cache(&path, &format!("\"date\": \"{day}\""), &format!("\"date\": \"{earlier}\""));
    let now = whole(&Store::new(&data));
    assert_eq!(now.0.as_ref().unwrap().date.format("%Y-%m-%d").to_string(), earlier);
    assert_eq!(first(&Store::new(&data)), now, "the edit is seen");
}

/// The meetings folder's names come from the cache while the folder's stamp is the same,
/// and a name added, renamed or removed behind its back is seen at once.
#[test]
fn the_meetings_listing_is_the_folders_kept_or_changed() {
    let (_tmp, data) = group();
    let store = Store::new(&data);
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let fresh = || sorted(store.meetings_listing().unwrap());
    let kept = || sorted(Store::new(&data).meetings_listing_kept().unwrap());
    assert_eq!(kept(), fresh());
    let file = Cache::for_group(&data).unwrap().path("meetings-listing.bin");
    assert!(file.exists(), "kept");
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(kept(), fresh(), "from the cache");
    let meetings = store.layout.meetings_dir();
    let extra = meetings.join("2026-11-17.sync-conflict-20261118-101010-ABCDEF.json");
    std::fs::write(&extra, b"{}").unwrap();
    assert!(kept().iter().any(|n| n.contains("sync-conflict")), "added");
    let renamed = meetings.join("2026-11-17 (conflicted copy).json");
    std::fs::rename(&extra, &renamed).unwrap();
    assert_eq!(kept(), fresh(), "renamed");
    std::fs::remove_file(&renamed).unwrap();
    assert_eq!(kept(), fresh(), "removed");
    std::fs::write(&file, b"garbage").unwrap();
    assert_eq!(kept(), fresh(), "damaged");
}

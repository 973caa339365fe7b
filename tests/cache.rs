//! The derived-state cache (outside the group folder) changes nothing but speed: on a
//! generated three-year history the commands print the same with no cache, a fresh one,
//! one kept from the last run, and after it is deleted; a meeting file changed behind the
//! cache's back (same length or not, its modification time set back) is seen at the next
//! start; and what the cache gives is exactly what replaying every meeting gave.

#[allow(dead_code)]
#[path = "support/files.rs"]
mod files;
#[path = "../examples/support/history.rs"]
mod history;

use std::path::{Path, PathBuf};

use files::edit_behind_the_cache;
use std::sync::OnceLock;
use std::time::Duration;

use hotseat::model::ledger::{self, Ledger};
use hotseat::model::{ActionStep, Meeting, Status};
use hotseat::store::Store;
use hotseat::store::cache::Cache;
use hotseat::store::history::{member_share_in, replay_compact};

/// A cache relies only on files changed longer ago than this.
const SETTLED: Duration = Duration::from_millis(2100);

/// Four members, three years, weekly; the newest meeting open. Generated once, then
/// left to settle; only read.
fn template() -> &'static Path {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DIR.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("group");
        history::generate(&data, &history::Options::new(4, 3)).unwrap();
        std::thread::sleep(SETTLED);
        (tmp, data)
    })
    .1
}

fn hs(data: &Path, home: &Path, cache: &Path, args: &[&str]) -> String {
    let out = assert_cmd::Command::cargo_bin("hotseat")
        .unwrap()
        .env_remove("HOTSEAT_DATA_DIR")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("HOTSEAT_CACHE_DIR", cache)
        .env("TZ", "UTC")
        .env("NO_COLOR", "1")
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

const COMMANDS: [&[&str]; 6] = [
    &["me", "--member", "sami"],
    &["me", "--member", "kemi"],
    &["export", "todo", "--member", "felix"],
    &["export", "taskwarrior", "--member", "felix"],
    &["actions", "--all", "--json"],
    &["check"],
];

fn outputs(data: &Path, home: &Path, cache: &Path) -> Vec<String> {
    COMMANDS.iter().map(|args| hs(data, home, cache, args)).collect()
}

fn cache_files(cache: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        walk(cache).into_iter().map(|p| p.file_name().unwrap().to_string_lossy().into()).collect();
    names.sort();
    names
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if e.path().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

#[test]
fn deleting_the_cache_between_runs_changes_no_output() {
    let data = template();
    let tmp = tempfile::tempdir().unwrap();
    let (home, cache) = (tmp.path().join("home"), tmp.path().join("cache"));
    let cold = outputs(data, &home, &cache);
    assert_eq!(cache_files(&cache), ["member-felix.bin", "member-kemi.bin", "member-sami.bin"]);
    for f in walk(&cache) {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&f).unwrap().permissions().mode() & 0o777, 0o600, "{}", f.display());
        let dir = f.parent().unwrap();
        assert_eq!(std::fs::metadata(dir).unwrap().permissions().mode() & 0o777, 0o700, "{}", dir.display());
    }
    assert!(!walk(data).iter().any(|p| p.to_string_lossy().contains(".bin")), "nothing is written into the group");
    let warm = outputs(data, &home, &cache);
    std::fs::remove_dir_all(&cache).unwrap();
    let deleted = outputs(data, &home, &cache);
    for (i, args) in COMMANDS.iter().enumerate() {
        assert!(!cold[i].is_empty(), "{args:?}");
        assert_eq!(cold[i], warm[i], "{args:?}: kept cache");
        assert_eq!(cold[i], deleted[i], "{args:?}: deleted cache");
    }
    // A damaged cache is only rebuilt.
    for f in walk(&cache) {
        std::fs::write(&f, b"not a cache").unwrap();
    }
    assert_eq!(outputs(data, &home, &cache), cold);
}

#[test]
fn a_meeting_changed_behind_the_caches_back_is_seen_at_the_next_start() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("group");
    history::copy_dir(template(), &data).unwrap();
    std::thread::sleep(SETTLED);
    let (home, cache) = (tmp.path().join("home"), tmp.path().join("cache"));
    let store = Store::new(&data);
    // A step of sami's captured in the newest closed meeting (no later snapshot has it).
    let ids = store.meeting_ids().unwrap();
    let closed = ids.iter().rev().map(|id| store.load_meeting(id).unwrap()).find(|m| m.status == Status::Closed);
    let closed = closed.unwrap();
    let step = closed.steps.iter().find(|s| s.owner == "sami").expect("sami has a step in the newest closed meeting");
    let path = store.layout.meeting(&closed.id);

    let me = ["me", "--member", "sami"];
    let first = hs(&data, &home, &cache, &me);
    assert!(first.contains(&step.text));
    assert_eq!(cache_files(&cache), ["member-sami.bin"]);

    // The same length: only the change time tells.
    let same = "X".repeat(step.text.len());
    edit_behind_the_cache(&path, &format!("\"text\": \"{}\"", step.text), &format!("\"text\": \"{same}\""));
    let second = hs(&data, &home, &cache, &me);
    assert!(second.contains(&same), "{second}");
    let differ: Vec<(&str, &str)> = first.lines().zip(second.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(differ.len(), 1, "{differ:?}");
    assert!(differ[0].0.contains(&step.id) && differ[0].1.contains(&step.id), "{differ:?}");

    // Another length.
    edit_behind_the_cache(&path, &format!("\"text\": \"{same}\""), "\"text\": \"Rewritten behind the cache\"");
    let third = hs(&data, &home, &cache, &me);
    assert!(third.contains("Rewritten behind the cache"), "{third}");
    assert!(!third.contains(&same));

    // A damaged file is reported as without a cache, with its position.
    edit_behind_the_cache(&path, "\"text\": \"Rewritten behind the cache\"", "\"text\": 7");
    let err = assert_cmd::Command::cargo_bin("hotseat")
        .unwrap()
        .env("HOME", &home)
        .env("HOTSEAT_CACHE_DIR", &cache)
        .args(me)
        .arg("--data-dir")
        .arg(&data)
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(err).unwrap();
    assert!(err.contains(&format!("meetings/{}.json:", closed.id)) && err.contains("invalid type"), "{err}");
}

/// What `hotseat me` and `hotseat actions --all` computed before: every meeting read and
/// replayed at once.
fn slow_replay(store: &Store) -> Ledger {
    let meetings: Vec<Meeting> =
        store.meeting_ids().unwrap().iter().map(|id| store.load_meeting(id).unwrap()).collect();
    ledger::replay(&meetings)
}

#[test]
fn the_fast_paths_give_exactly_what_the_replay_gave() {
    let store = Store::new(template());
    let group = store.load_group().unwrap();
    let all = slow_replay(&store).into_steps();
    let packed: Vec<ActionStep> = replay_compact(&store, &store.meeting_ids().unwrap()).unwrap().iter().collect();
    assert_eq!(packed, all);

    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache { dir: tmp.path().join("cache") };
    for m in &group.members {
        let want: Vec<&ActionStep> = all.iter().filter(|s| s.owner == m.id).collect();
        assert!(!want.is_empty());
        for (how, cache) in [("no cache", None), ("cold", Some(&cache)), ("warm", Some(&cache))] {
            let share = member_share_in(&store, &m.id, cache).unwrap();
            let got: Vec<&ActionStep> = share.my_steps().collect();
            assert_eq!(got, want, "{}: {how}", m.id);
        }
    }
    // With the member's own reports, as `hotseat me` applies them.
    for m in &group.members {
        let reports = store.load_progress(&m.id).unwrap().entries;
        let mut share = member_share_in(&store, &m.id, Some(&cache)).unwrap().steps;
        share.add_member_progress(&m.id, &reports);
        let mut l = slow_replay(&store);
        l.add_member_progress(&m.id, &reports);
        let want: Vec<ActionStep> = l.into_steps().into_iter().filter(|s| s.owner == m.id).collect();
        assert_eq!(share.into_steps().into_iter().filter(|s| s.owner == m.id).collect::<Vec<_>>(), want, "{}", m.id);
    }
}

//! Confidentiality: private files, safe file names, and private notes that never leak —
//! not to stdout or stderr, not to the shared screen, not in a panic, not to the
//! terminal title. The privacy blank hides everything.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use hotseat::model::FACILITATOR;
use hotseat::store::Store;
use support::pty::Pty;
use support::*;

const SENTINEL: &str = "SENTINEL-PRIVATE-7F3A";

fn hotseat(args: &[&str], umask: Option<u32>) -> std::process::Output {
    let mut cmd = Command::new(bin());
    cmd.args(args).env("HOTSEAT_PRIVATE_DIR", private_dir()).env("HOTSEAT_CACHE_DIR", cache_dir());
    if let Some(m) = umask {
        // SAFETY: umask is async-signal-safe.
        unsafe {
            cmd.pre_exec(move || {
                libc::umask(m as libc::mode_t);
                Ok(())
            });
        }
    }
    cmd.output().unwrap()
}

fn modes(root: &Path) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(d) = dirs.pop() {
        out.push((d.display().to_string(), std::fs::metadata(&d).unwrap().permissions().mode() & 0o777));
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            if e.file_type().unwrap().is_dir() {
                dirs.push(e.path());
            } else {
                out.push((e.path().display().to_string(), e.metadata().unwrap().permissions().mode() & 0o777));
            }
        }
    }
    out
}

#[test]
fn files_are_0600_and_folders_0700_under_umask_000() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    let d = root.to_str().unwrap();
    assert!(hotseat(&["demo", "--no-open", "--data-dir", d], Some(0)).status.success());
    assert!(hotseat(&["member", "add", "Grace Hopper", "--data-dir", d], Some(0)).status.success());
    let fresh = tmp.path().join("fresh");
    let f = fresh.to_str().unwrap();
    assert!(hotseat(&["init", "--name", "Fresh", "--data-dir", f], Some(0)).status.success());
    // A meeting saved by the TUI under umask 000.
    let mut p = Pty::spawn_with(&["meeting", "--data-dir", d], &[], 80, 24, Some(0));
    p.expect("Check-in");
    p.send("]qy");
    p.wait(Duration::from_secs(10));
    for dir in [&root, &fresh] {
        for (path, mode) in modes(dir) {
            let is_dir = Path::new(&path).is_dir();
            assert_eq!(mode, if is_dir { 0o700 } else { 0o600 }, "{path} has mode {mode:o}");
        }
    }
}

#[test]
fn check_reports_files_others_can_read() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    install_demo_today(&root);
    std::fs::set_permissions(root.join("group.json"), std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(root.join("members/ada"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = hotseat(&["check", "--data-dir", root.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("group.json:1:1: this file can be read by other users of this machine (mode 644)"), "{text}");
    assert!(text.contains("members/ada:1:1: this folder can be read by other users"), "{text}");
}

#[test]
fn unsafe_names_become_safe_ids_and_unsafe_ids_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    let d = root.to_str().unwrap();
    assert!(hotseat(&["init", "--name", "Safe", "--data-dir", d], None).status.success());
    let long = "x".repeat(300);
    for name in ["../../etc/passwd", "a/b", "..", long.as_str(), "日本語の名前"] {
        let out = hotseat(&["member", "add", name, "--data-dir", d], None);
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let g = Store::new(&root).load_group().unwrap();
    for m in &g.members {
        assert!(hotseat::model::group::is_valid_id(&m.id) && m.id.len() <= 32, "{:?}", m.id);
    }
    assert_eq!(g.members[3].name.chars().count(), 300);
    // Nothing was created outside the group folder.
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);

    // A hand-edited id that would escape the folder is refused with its position.
    let text = std::fs::read_to_string(root.join("group.json")).unwrap().replacen("\"etc\"", "\"../evil\"", 1);
    std::fs::write(root.join("group.json"), &text).unwrap();
    let out = hotseat(&["actions", "--data-dir", d], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("group.json:") && err.contains("is not a valid member id"), "{err}");
}

/// A demo group whose open meeting and earlier meetings hold private notes with the
/// sentinel in their files, as an older hotseat wrote them (on Ada, who will be in the hot
/// seat first): today's hotseat moves them out at the start and never shows them.
fn planted(root: &Path) {
    install_demo_today(root);
    let store = Store::new(root);
    for id in store.meeting_ids().unwrap() {
        plant_legacy_notes(&store, &id, &[("ada", FACILITATOR, &format!("about Ada: {SENTINEL}"))]);
    }
    // Today's meeting, already open, with a private note about Ada.
    let ctx = hotseat::store::snapshot::Context::load(&store, hotseat::store::snapshot::Strictness::Strict).unwrap();
    let m = ctx.start_meeting(chrono::Local::now().fixed_offset());
    store.save_meeting(&m).unwrap();
    plant_legacy_notes(&store, &m.id, &[("ada", FACILITATOR, &format!("today, about Ada: {SENTINEL}"))]);
}

/// Every file under `dir` that holds the sentinel.
fn holding_sentinel(dir: &Path) -> Vec<std::path::PathBuf> {
    files_holding(dir, SENTINEL)
}

#[test]
fn private_notes_never_reach_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    planted(&root);
    let d = root.to_str().unwrap();
    for args in [
        vec!["actions"],
        vec!["actions", "--all"],
        vec!["actions", "--all", "--json"],
        vec!["actions", "--member", "ben", "--json"],
        vec!["member", "list"],
        vec!["check"],
        vec!["meeting"],
        vec!["nonsense"],
    ] {
        let mut full = args.clone();
        full.extend(["--data-dir", d]);
        let out = hotseat(&full, None);
        let all = [out.stdout, out.stderr].concat();
        assert!(!String::from_utf8_lossy(&all).contains(SENTINEL), "{args:?} leaked a private note");
    }
}

#[test]
fn private_notes_never_reach_the_shared_screen_the_title_or_a_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    planted(&root);
    assert_eq!(holding_sentinel(&root).len(), 3, "two earlier meetings and today's hold a note");
    let d = root.to_str().unwrap();
    let mut p = Pty::spawn(&["meeting", "--data-dir", d], &[("HOTSEAT_TEST_PANIC", "1")], 100, 30);
    p.expect("Check-in");
    // Through every phase and every turn, with help and the home of each screen.
    p.send("]");
    p.expect("reported");
    p.send("?");
    p.expect("Keys");
    p.send("x]]");
    p.expect("turn 1 of 6");
    p.expect("written, hidden");
    for _ in 0..5 {
        p.send("]");
        std::thread::sleep(Duration::from_millis(80));
    }
    p.expect("turn 6 of 6");
    p.send("\x1b[24~");
    p.wait(Duration::from_secs(10));
    let raw = p.raw();
    let text = String::from_utf8_lossy(&raw);
    assert!(!text.contains(SENTINEL), "a private note reached the terminal");
    assert!(!text.contains("\x1b]0;") && !text.contains("\x1b]2;"), "the terminal title was set");
    // Moved out of the shared folder into the facilitator's own, and said so.
    assert_eq!(holding_sentinel(&root), Vec::<std::path::PathBuf>::new(), "a private note is in the group folder");
    assert!(!holding_sentinel(private_dir()).is_empty(), "the notes are in the facilitator's private folder");
    assert!(text.contains("private notes out of the shared group folder"), "nothing said the notes were moved");
}

#[test]
fn the_privacy_blank_hides_everything_until_pressed_again() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    install_demo_today(&root);
    let d = root.to_str().unwrap();
    let mut p = Pty::spawn(&["meeting", "--data-dir", d], &[], 80, 24);
    p.expect("Ada Okafor");
    p.send("b");
    p.expect("hidden for privacy");
    std::thread::sleep(Duration::from_millis(200));
    let screen = p.text();
    for word in ["Ada", "Okafor", "Northside", "Check-in", "pledge"] {
        assert!(!screen.contains(word), "{word} visible while blanked:\n{screen}");
    }
    p.send("]]");
    p.send("b");
    p.expect("Ada Okafor");
    assert!(p.text().contains("Check-in"), "keys other than b do nothing while blanked");
    p.send("qy");
    p.wait(Duration::from_secs(10));
}

#[test]
fn check_flags_a_private_note_left_in_the_shared_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    install_demo_today(&root);
    let store = Store::new(&root);
    let id = store.meeting_ids().unwrap()[0].clone();
    let clean = hotseat(&["check", "--data-dir", root.to_str().unwrap()], None);
    assert_eq!(clean.status.code(), Some(0), "{}", String::from_utf8_lossy(&clean.stdout));
    plant_legacy_notes(&store, &id, &[("ben", FACILITATOR, "written where everyone can read it")]);
    let out = hotseat(&["check", "--data-dir", root.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    let line = said.lines().find(|l| l.contains("private note")).unwrap_or_else(|| panic!("{said}"));
    assert!(line.contains(&format!("meetings/{id}.json:")), "{line}");
    assert!(line.contains("in the shared group folder"), "{line}");
    assert!(!said.contains("written where everyone"), "check repeats no note: {said}");
}

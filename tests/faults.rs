//! Failed writes, injected at each step of a save and as a full disk: the file on disk
//! is byte-identical to before, the user is told, the meeting is kept in memory, and a
//! later save succeeds.

mod support;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, TimeZone};
use hotseat::facilitator::Facilitator;
use hotseat::facilitator::{Action, App, StatusKind};
use hotseat::store::snapshot::{Context, Strictness};
use hotseat::store::{FaultPoint, Store};
use support::pty::Pty;
use support::*;

fn at_minute(min: i64) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0).unwrap().with_ymd_and_hms(2026, 11, 22, 19, 0, 0).unwrap() + chrono::Duration::minutes(min)
}

fn demo(dir: &Path) {
    hotseat::store::demo::install(dir, at_minute(0).date_naive()).unwrap();
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-") || n.contains(".prev-"))
        .collect()
}

#[test]
fn every_failed_step_of_a_save_leaves_the_file_as_it_was() {
    for point in FaultPoint::ALL {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("g");
        demo(&root);
        let store = Store::new(&root);
        let id = store.meeting_ids().unwrap().last().unwrap().clone();
        let path = store.layout.meeting(&id);
        let before = std::fs::read(&path).unwrap();
        let mut m = store.load_meeting(&id).unwrap();
        m.ratings.clear();

        store.inject_fault(Some(point));
        let err = store.save_meeting(&m).expect_err("the injected fault must fail the save");
        assert!(err.to_string().contains("could not save"), "{point:?}: {err}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{point:?}: the file changed");
        assert!(leftovers(path.parent().unwrap()).is_empty(), "{point:?}: leftovers");

        store.inject_fault(None);
        store.save_meeting(&m).expect("a later save succeeds");
        assert_ne!(std::fs::read(&path).unwrap(), before);
        assert!(store.load_meeting(&id).unwrap().ratings.is_empty());
    }
}

#[test]
fn a_new_file_that_fails_to_save_does_not_appear() {
    for point in FaultPoint::ALL {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("g");
        demo(&root);
        let store = Store::new(&root);
        let mut m = store.load_meeting(store.meeting_ids().unwrap().last().unwrap()).unwrap();
        m.id = "2026-12-24".into();
        store.inject_fault(Some(point));
        assert!(store.save_meeting(&m).is_err());
        assert!(!store.layout.meeting("2026-12-24").exists(), "{point:?}: a half-saved file appeared");
    }
}

fn type_step(f: &mut Facilitator, text: &str, now: DateTime<FixedOffset>) {
    f.dispatch(Action::AddStep, now);
    for c in text.chars() {
        f.dispatch(Action::TypeLine(tui_input::InputRequest::InsertChar(c)), now);
    }
    f.dispatch(Action::Submit, now);
}

#[test]
fn in_the_meeting_a_failed_save_is_shown_kept_in_memory_and_retried() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    demo(&root);
    let store = Store::new(&root);
    let app = App::new(Context::load(&store, Strictness::Lenient).unwrap());
    let mut f = Facilitator::new(app, &store);
    f.dispatch(Action::Start, at_minute(0));
    for _ in 0..3 {
        f.dispatch(Action::Advance, at_minute(1));
    }
    let id = f.app.meeting.as_ref().unwrap().id.clone();
    let path = store.layout.meeting(&id);
    let before = std::fs::read(&path).unwrap();

    store.inject_fault(Some(FaultPoint::DiskFull));
    type_step(&mut f, "Survives a full disk", at_minute(2));
    let status = f.app.ui.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Error);
    assert!(status.text.contains("NOT SAVED") && status.text.contains("disk is full"), "{}", status.text);
    assert!(f.app.ui.unsaved);
    assert!(f.app.meeting.as_ref().unwrap().steps.iter().any(|s| s.text == "Survives a full disk"));
    assert_eq!(std::fs::read(&path).unwrap(), before);

    store.inject_fault(None);
    f.dispatch(Action::ToggleTimer, at_minute(3));
    assert!(!f.app.ui.unsaved);
    assert!(f.app.ui.status.as_ref().unwrap().text.contains("Saved"));
    let m = store.load_meeting(&id).unwrap();
    assert!(m.steps.iter().any(|s| s.text == "Survives a full disk"));
}

#[test]
fn the_command_line_says_so_and_changes_nothing() {
    for fault in ["create", "write", "fsync", "rename", "dirfsync", "diskfull"] {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("g");
        demo(&root);
        let group = root.join("group.json");
        let before = std::fs::read(&group).unwrap();
        let out = Command::new(bin())
            .args(["member", "add", "Grace Hopper", "--data-dir", root.to_str().unwrap()])
            .env("HOTSEAT_INJECT_FAULT", fault)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{fault}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("hotseat: could not save") && err.lines().count() == 1, "{fault}: {err}");
        assert_eq!(std::fs::read(&group).unwrap(), before, "{fault}");
    }
}

#[test]
fn the_room_sees_a_failed_save_in_the_status_line() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    demo(&root);
    let d = root.to_str().unwrap();
    let mut p = Pty::spawn(&["meeting", "--data-dir", d], &[("HOTSEAT_INJECT_FAULT", "diskfull")], 80, 24);
    p.expect("NOT SAVED");
    p.expect("disk is full");
    p.send("q");
    p.expect("FAILED");
    p.send("y");
    assert_eq!(p.wait(Duration::from_secs(10)).code(), Some(0));
}

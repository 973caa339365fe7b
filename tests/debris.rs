//! Sync debris — conflict copies from Syncthing or Dropbox, `.orig` files — is reported,
//! never loaded as data, and never deleted.

mod support;

use std::process::Command;
use std::time::Duration;

use support::pty::Pty;
use support::*;

#[test]
fn conflict_copies_are_reported_shown_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    install_demo_today(&root);
    let ids = hotseat::store::Store::new(&root).meeting_ids().unwrap();
    let real = root.join("meetings").join(format!("{}.json", ids[1]));
    let copies = [
        root.join("meetings").join(format!("{}.sync-conflict-20261122-101010-ABCDEF.json", ids[1])),
        root.join("group (Ben's conflicted copy 2026-11-22).json"),
        root.join("members/ada/goals.json.orig"),
    ];
    for c in &copies {
        std::fs::copy(&real, c).unwrap();
    }
    let d = root.to_str().unwrap();

    let out = Command::new(bin()).args(["check", "--data-dir", d]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    for c in &copies {
        let line = text
            .lines()
            .find(|l| l.starts_with(c.to_str().unwrap()))
            .unwrap_or_else(|| panic!("{c:?} not reported:\n{text}"));
        assert!(line.contains("conflict copy"), "{line}");
    }

    // Not loaded: the meeting list and the open steps are what they were.
    assert_eq!(hotseat::store::Store::new(&root).meeting_ids().unwrap(), ids);
    let out = Command::new(bin()).args(["actions", "--json", "--data-dir", d]).output().unwrap();
    assert!(out.status.success());

    let mut p = Pty::spawn(&["meeting", "--data-dir", d], &[], 120, 30);
    p.expect("sync conflict copies found");
    p.send("qy");
    p.wait(Duration::from_secs(10));
    for c in &copies {
        assert!(c.exists(), "{c:?} was deleted");
    }
}

#[test]
fn check_lists_a_screenful_of_problems_per_file_and_counts_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    install_demo_today(&root);
    let store = hotseat::store::Store::new(&root);
    let id = store.meeting_ids().unwrap().last().unwrap().clone();
    let mut m = store.load_meeting(&id).unwrap();
    let template = m.steps[0].clone();
    for i in 0..200 {
        let mut s = template.clone();
        s.id = format!("{id}-{}", 100 + i);
        s.owner = "zed".into();
        m.steps.push(s);
    }
    std::fs::write(store.layout.meeting(&id), hotseat::store::decode::encode(&m)).unwrap();
    let out = Command::new(bin()).args(["check", "--data-dir", root.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().filter(|l| l.contains("\"zed\" is not a member")).count(), 50, "{text}");
    assert!(text.contains("150 more problems like the ones above in this file"), "{text}");
}

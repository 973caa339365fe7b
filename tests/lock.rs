//! Two facilitators on one group: the second is told who holds it and follows read-only;
//! a lock left by a killed process is taken over without any cleanup.

mod support;

use std::process::Command;
use std::time::Duration;

use hotseat::store::lock::{self, Acquired};
use support::pty::Pty;
use support::*;

#[test]
fn the_lock_says_who_holds_it_and_is_released_on_drop() {
    let tmp = tempfile::tempdir().unwrap();
    let now = chrono::Local::now().fixed_offset();
    let Acquired::Mine(first) = lock::acquire(tmp.path(), now).unwrap() else { panic!("first acquire") };
    match lock::acquire(tmp.path(), now).unwrap() {
        Acquired::Held(Some(h)) => {
            assert_eq!(h.pid, std::process::id());
            assert_eq!(h.host, lock::hostname());
        }
        other => panic!("expected held, got {other:?}"),
    }
    drop(first);
    assert!(!tmp.path().join(lock::LOCK_FILE).exists());
    assert!(matches!(lock::acquire(tmp.path(), now).unwrap(), Acquired::Mine(_)));
}

#[test]
fn a_second_facilitator_is_read_only_and_a_killed_holder_is_taken_over() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    install_demo_today(&root);
    let d = root.to_str().unwrap();
    let args = ["meeting", "--data-dir", d];

    let mut first = Pty::spawn(&args, &[], 80, 24);
    first.expect("Check-in");
    let pid = first.child.id();

    let mut second = Pty::spawn(&args, &[], 100, 24);
    second.expect("READ-ONLY");
    second.expect(&format!("pid {pid}"));
    let meeting = std::fs::read_dir(root.join("meetings")).unwrap().count();

    // The holder moves on; the read-only screen follows within a couple of seconds.
    first.send("]");
    assert!(second.wait_for("0 of 8 reported", Duration::from_secs(5)), "{}", second.text());
    // The read-only one cannot change anything.
    second.send("]");
    second.expect("Read-only");
    assert_eq!(std::fs::read_dir(root.join("meetings")).unwrap().count(), meeting);

    // The command line refuses to write while the group is held.
    let out = Command::new(bin()).args(["member", "add", "Grace Hopper", "--data-dir", d]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("pid {pid}")), "{err}");

    // Killed without a chance to clean up: the next one takes over.
    first.signal(libc::SIGKILL);
    first.wait(Duration::from_secs(10));
    second.send("qy");
    second.wait(Duration::from_secs(10));
    let mut third = Pty::spawn(&args, &[], 80, 24);
    third.expect("Report-back");
    assert!(!third.text().contains("READ-ONLY"), "{}", third.text());
    let holder: lock::Holder = serde_json::from_slice(&std::fs::read(root.join(lock::LOCK_FILE)).unwrap()).unwrap();
    assert_eq!(holder.pid, third.child.id());
    third.send("qy");
    assert_eq!(third.wait(Duration::from_secs(10)).code(), Some(0));
    assert!(!root.join(lock::LOCK_FILE).exists(), "the lock file is removed on a clean exit");
}

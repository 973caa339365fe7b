//! Signals, a panic, and Ctrl-C typed as a key, under a real pseudo-terminal: the
//! meeting is on disk, the terminal leaves the alternate screen and shows the cursor
//! exactly once, and the exit code says what happened.

mod support;

use std::time::Duration;

use hotseat::model::Phase;
use hotseat::store::Store;
use support::pty::{Pty, count};
use support::*;

fn into_hot_seat(dir: &std::path::Path, env: &[(&str, &str)]) -> Pty {
    let d = dir.to_str().unwrap();
    let mut p = Pty::spawn(&["meeting", "--data-dir", d], env, 80, 24);
    p.expect("Check-in");
    p.send("]]]");
    p.expect("turn 1 of 6");
    p
}

fn assert_restored(p: &Pty) {
    let raw = p.raw();
    assert_eq!(count(&raw, pty::ENTER_ALT), 1, "entered the alternate screen once");
    assert_eq!(count(&raw, pty::LEAVE_ALT), 1, "left the alternate screen exactly once");
    let left = raw.windows(pty::LEAVE_ALT.len()).rposition(|w| w == pty::LEAVE_ALT).unwrap();
    assert!(count(&raw[left..], pty::SHOW_CURSOR) >= 1 || count(&raw, pty::SHOW_CURSOR) >= 1, "cursor shown again");
    assert!(!p.screen_alternate(), "still on the alternate screen");
}

trait Alt {
    fn screen_alternate(&self) -> bool;
}
impl Alt for Pty {
    fn screen_alternate(&self) -> bool {
        let raw = self.raw();
        let enter = raw.windows(pty::ENTER_ALT.len()).rposition(|w| w == pty::ENTER_ALT);
        let leave = raw.windows(pty::LEAVE_ALT.len()).rposition(|w| w == pty::LEAVE_ALT);
        matches!((enter, leave), (Some(e), l) if l.is_none_or(|l| l < e))
    }
}

fn meeting_on_disk(dir: &std::path::Path) -> hotseat::model::Meeting {
    let store = Store::new(dir);
    let ids = store.meeting_ids().unwrap();
    store.load_meeting(ids.last().unwrap()).unwrap()
}

fn signal_case(sig: libc::c_int, code: i32) {
    let tmp = tempfile::tempdir().unwrap();
    install_demo_today(tmp.path());
    let mut p = into_hot_seat(tmp.path(), &[]);
    p.signal(sig);
    let st = p.wait(Duration::from_secs(10));
    assert_eq!(st.code(), Some(code), "exit code after signal {sig}");
    assert_restored(&p);
    let m = meeting_on_disk(tmp.path());
    assert_eq!(m.phase, Phase::HotSeats);
    assert!(m.turns.iter().all(|t| t.running_since.is_none()), "the running timer was banked before exiting");
    assert!(m.turns[0].used_ms > 0 || m.turns[0].started_at.is_some());
}

#[test]
fn sigterm_saves_restores_and_exits_143() {
    signal_case(libc::SIGTERM, 143);
}

#[test]
fn sighup_saves_restores_and_exits_129() {
    signal_case(libc::SIGHUP, 129);
}

#[test]
fn sigint_saves_restores_and_exits_130() {
    signal_case(libc::SIGINT, 130);
}

#[test]
fn a_panic_restores_the_terminal_and_exits_101_with_the_meeting_on_disk() {
    let tmp = tempfile::tempdir().unwrap();
    install_demo_today(tmp.path());
    let mut p = into_hot_seat(tmp.path(), &[("HOTSEAT_TEST_PANIC", "1")]);
    p.send("a");
    p.expect("New action step");
    p.send("Captured before the crash\r");
    p.expect("Action step captured");
    p.send("\x1b[24~"); // F12
    let st = p.wait(Duration::from_secs(10));
    assert_eq!(st.code(), Some(101));
    assert_restored(&p);
    let m = meeting_on_disk(tmp.path());
    assert!(m.steps.iter().any(|s| s.text == "Captured before the crash"));
}

#[test]
fn ctrl_c_as_a_key_asks_first() {
    let tmp = tempfile::tempdir().unwrap();
    install_demo_today(tmp.path());
    let mut p = into_hot_seat(tmp.path(), &[]);
    p.send("\x03");
    p.expect("Quit?");
    p.send("n");
    assert!(p.wait_for("turn 1 of 6", Duration::from_secs(5)));
    std::thread::sleep(Duration::from_millis(100));
    assert!(p.child.try_wait().unwrap().is_none(), "answering no keeps the meeting open");
    p.send("\x03");
    p.expect("Quit?");
    p.send("y");
    let st = p.wait(Duration::from_secs(10));
    assert_eq!(st.code(), Some(0));
    assert_restored(&p);
}

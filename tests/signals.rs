//! Signals, a panic, and Ctrl-C typed as a key, under a real pseudo-terminal: the
//! meeting is on disk, the terminal leaves the alternate screen exactly once and ends
//! with the cursor shown, and the exit code says what happened.

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

/// The terminal ends as it was found: the alternate screen entered and left once, and
/// the cursor's last change (after leaving the alternate screen) shows it.
fn assert_restored(p: &Pty) {
    let raw = p.raw();
    assert_eq!(count(&raw, pty::ENTER_ALT), 1, "entered the alternate screen once");
    assert_eq!(count(&raw, pty::LEAVE_ALT), 1, "left the alternate screen exactly once");
    let left = pty::last(&raw, pty::LEAVE_ALT).unwrap();
    let shown = pty::last(&raw, pty::SHOW_CURSOR).expect("the cursor is shown at the end");
    assert!(shown > left, "the cursor is shown again after leaving the alternate screen");
    let hidden = pty::last(&raw, pty::HIDE_CURSOR);
    assert!(hidden.is_none_or(|h| h < shown), "the cursor's last change hides it");
    assert!(!p.screen_alternate(), "still on the alternate screen");
}

trait Alt {
    fn screen_alternate(&self) -> bool;
}
impl Alt for Pty {
    fn screen_alternate(&self) -> bool {
        let raw = self.raw();
        let enter = pty::last(&raw, pty::ENTER_ALT);
        let leave = pty::last(&raw, pty::LEAVE_ALT);
        matches!((enter, leave), (Some(e), l) if l.is_none_or(|l| l < e))
    }
}

fn meeting_on_disk(dir: &std::path::Path) -> hotseat::model::Meeting {
    let store = Store::new(dir);
    let ids = store.meeting_ids().unwrap();
    store.load_meeting(ids.last().unwrap()).unwrap()
}

/// How long the first turn runs before the signal.
const RAN: Duration = Duration::from_millis(50);

fn signal_case(sig: libc::c_int, code: i32) {
    let tmp = tempfile::tempdir().unwrap();
    install_demo_today(tmp.path());
    let mut p = into_hot_seat(tmp.path(), &[]);
    // Let the first turn's clock run, so there is time used to bank.
    std::thread::sleep(RAN);
    p.signal(sig);
    let st = p.wait(Duration::from_secs(10));
    assert_eq!(st.code(), Some(code), "exit code after signal {sig}");
    assert_restored(&p);
    let m = meeting_on_disk(tmp.path());
    assert_eq!(m.phase, Phase::HotSeats);
    assert!(m.turns.iter().all(|t| t.running_since.is_none()), "the running timer was banked before exiting");
    let first = m.order.first().expect("a hot-seat order");
    assert_eq!(m.hot_seat.as_deref(), Some(first.as_str()), "resumes in the first turn");
    let used = m.turn(first).expect("the first turn").used_ms;
    assert!(used >= RAN.as_millis() as u64, "the time the turn ran was banked: {used} ms");
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

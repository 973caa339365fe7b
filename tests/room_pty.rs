//! In the room, under a pseudo-terminal: a private note typed in the hot seat never
//! reaches the screen or the group folder; closing asks; a closed meeting starts no other.

mod support;

use std::time::Duration;

use support::pty::Pty;
use support::*;

const SENTINEL: &str = "ROOMNOTE-SENTINEL-9B2";

/// Today's demo meeting opened under a pseudo-terminal, at check-in.
fn open_meeting() -> (tempfile::TempDir, std::path::PathBuf, Pty) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    install_demo_today(&root);
    let p = Pty::spawn(&["meeting", "--data-dir", root.to_str().unwrap()], &[], 80, 24);
    p.expect("Check-in");
    (tmp, root, p)
}

fn pause() {
    std::thread::sleep(Duration::from_millis(120));
}

#[test]
fn a_private_note_typed_in_the_hot_seat_never_reaches_the_screen_or_the_group_folder() {
    let (_tmp, root, mut p) = open_meeting();
    p.send("]");
    p.expect("reported");
    p.send("]");
    p.expect("Hot-seat order");
    p.send("]");
    p.expect("turn 1 of");
    p.send("n");
    p.expect("being written");
    for c in SENTINEL.chars() {
        p.send(&c.to_string());
    }
    p.expect(&format!("{} characters", SENTINEL.len()));
    assert!(!p.text().contains(SENTINEL), "the note shows while typed:\n{}", p.text());
    p.send("\x13");
    p.expect("Private note saved");
    p.send("q");
    p.expect("Quit?");
    p.send("y");
    assert!(p.wait(Duration::from_secs(10)).success());
    let raw = String::from_utf8_lossy(&p.raw()).into_owned();
    assert!(!raw.contains(SENTINEL) && !p.text().contains(SENTINEL), "the note reached the terminal");
    assert_eq!(files_holding(&root, SENTINEL), Vec::<std::path::PathBuf>::new(), "the note is in the group folder");
    assert!(!files_holding(private_dir(), SENTINEL).is_empty(), "the note is in the facilitator's private folder");
    pause();
}

#[test]
fn closing_asks_and_a_closed_meeting_starts_no_other_by_itself() {
    let (_tmp, root, mut p) = open_meeting();
    p.send("]]]");
    p.expect("turn 1 of");
    for _ in 0..30 {
        p.send("]");
        pause();
    }
    p.expect("Close the meeting?");
    let m = hotseat::store::Store::new(&root);
    let id = m.meeting_ids().unwrap().last().cloned().unwrap();
    assert!(m.load_meeting(&id).unwrap().is_open(), "] alone never closes");
    p.send("y");
    p.expect("The meeting is closed and saved");
    p.send("q");
    assert!(p.wait(Duration::from_secs(10)).success());
    let store = hotseat::store::Store::new(&root);
    assert!(!store.load_meeting(&id).unwrap().is_open());
    let before = files_under(&root.join("meetings"));

    // Again: the closed meeting's summary with the next date, and no new meeting.
    let mut p = Pty::spawn(&["meeting", "--data-dir", root.to_str().unwrap()], &[], 80, 24);
    p.expect("The meeting is closed and saved");
    p.expect("Next meeting:");
    p.expect("start another meeting");
    p.send("q");
    assert!(p.wait(Duration::from_secs(10)).success());
    assert_eq!(files_under(&root.join("meetings")), before, "no phantom meeting");
}

//! In the room, under a pseudo-terminal: a private note typed in the hot seat never
//! reaches the screen or the group folder; closing asks; a closed meeting starts no other.

mod support;

use std::path::Path;
use std::time::Duration;

use support::pty::Pty;
use support::*;

const SENTINEL: &str = "ROOMNOTE-SENTINEL-9B2";

fn holding(dir: &Path, needle: &str) -> Vec<std::path::PathBuf> {
    let holds = |f: &std::path::PathBuf| std::fs::read_to_string(dir.join(f)).is_ok_and(|t| t.contains(needle));
    files_under(dir).into_iter().filter(holds).collect()
}

fn pause() {
    std::thread::sleep(Duration::from_millis(120));
}

#[test]
fn a_private_note_typed_in_the_hot_seat_never_reaches_the_screen_or_the_group_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    install_demo_today(&root);
    let d = root.to_str().unwrap();
    let mut p = Pty::spawn(&["meeting", "--data-dir", d], &[], 80, 24);
    p.expect("Check-in");
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
    assert_eq!(holding(&root, SENTINEL), Vec::<std::path::PathBuf>::new(), "the note is in the group folder");
    assert!(!holding(private_dir(), SENTINEL).is_empty(), "the note is in the facilitator's private folder");
    pause();
}

#[test]
fn closing_asks_and_a_closed_meeting_starts_no_other_by_itself() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    install_demo_today(&root);
    let d = root.to_str().unwrap();
    let mut p = Pty::spawn(&["meeting", "--data-dir", d], &[], 80, 24);
    p.expect("Check-in");
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
    let mut p = Pty::spawn(&["meeting", "--data-dir", d], &[], 80, 24);
    p.expect("The meeting is closed and saved");
    p.expect("Next meeting:");
    p.expect("start another meeting");
    p.send("q");
    assert!(p.wait(Duration::from_secs(10)).success());
    assert_eq!(files_under(&root.join("meetings")), before, "no phantom meeting");
}

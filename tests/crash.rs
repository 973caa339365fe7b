//! Crash safety: run a live meeting under a pseudo-terminal, capture steps, and SIGKILL
//! it at random moments. After every kill every file parses, every step whose capture
//! was confirmed on screen is on disk, and the next start cleans up temporary files.
//!
//! `cargo test --test crash` runs `HOTSEAT_KILLS` kills (default 150). The long soak:
//! `HOTSEAT_KILLS=1000 cargo test --release --test crash`.

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use hotseat::store::Store;
use support::pty::Pty;
use support::*;

/// A small deterministic generator (splitmix64), so a failing run can be repeated.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn leftovers(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for d in [dir.to_path_buf(), dir.join("meetings")] {
        for e in std::fs::read_dir(d).unwrap().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.contains(".tmp-") || name.contains(".prev-") {
                found.push(name);
            }
        }
    }
    found
}

fn assert_intact(dir: &Path, confirmed: &[String], run: usize) {
    let report = hotseat::store::check::check(dir);
    assert!(report.problems.is_empty(), "run {run}: files damaged: {:?}", report.problems);
    let store = Store::new(dir);
    let ids = store.meeting_ids().unwrap();
    let m = store.load_meeting(ids.last().unwrap()).unwrap();
    for text in confirmed {
        assert!(m.steps.iter().any(|s| &s.text == text), "run {run}: confirmed step {text:?} was lost");
    }
}

#[test]
fn killed_at_random_moments_nothing_confirmed_is_lost() {
    let kills: usize = std::env::var("HOTSEAT_KILLS").ok().and_then(|v| v.parse().ok()).unwrap_or(150);
    let seed: u64 = std::env::var("HOTSEAT_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x5EED);
    let mut rng = Rng(seed);
    let tmp = tempfile::tempdir().unwrap();
    install_demo_today(tmp.path());
    let d = tmp.path().to_str().unwrap().to_string();
    let args = ["meeting", "--data-dir", d.as_str()];

    // Open the meeting and walk to the hot seats once.
    let mut p = Pty::spawn(&args, &[], 80, 24);
    p.expect("Check-in");
    p.send("]]]");
    p.expect("turn 1 of 6");
    p.send("qy");
    p.wait(Duration::from_secs(10));

    let mut confirmed: Vec<String> = Vec::new();
    let mut mid_save = 0;
    let started = Instant::now();
    for run in 0..kills {
        let mut p = Pty::spawn(&args, &[], 80, 24);
        let text = format!("crash step {run}");
        let moment = rng.below(10);
        if moment == 0 {
            // Kill during start-up.
            std::thread::sleep(Duration::from_micros(rng.below(20_000)));
        } else {
            p.expect("Action steps this meeting");
            p.send("a");
            if moment == 1 {
                // Kill while the step is being typed.
                p.send(&text[..5]);
                std::thread::sleep(Duration::from_micros(rng.below(3_000)));
            } else {
                p.send(&format!("{text}\r"));
                if moment < 6 {
                    // Kill around the save: anywhere from at once to a few ms later.
                    std::thread::sleep(Duration::from_micros(rng.below(4_000)));
                    mid_save += 1;
                } else {
                    p.expect("Action step captured");
                }
            }
        }
        let seen = p.text().contains("Action step captured");
        p.signal(libc::SIGKILL);
        p.wait(Duration::from_secs(10));
        if seen {
            confirmed.push(text);
        }
        assert_intact(tmp.path(), &confirmed, run);
    }

    // The next start cleans up whatever a killed writer left behind.
    let mut p = Pty::spawn(&args, &[], 80, 24);
    p.expect("Action steps this meeting");
    assert!(leftovers(tmp.path()).is_empty(), "temporary files left after a clean start: {:?}", leftovers(tmp.path()));
    p.send("qy");
    p.wait(Duration::from_secs(10));
    assert_intact(tmp.path(), &confirmed, kills);
    eprintln!(
        "{kills} kills ({mid_save} around a save), {} confirmed steps all present, in {:.1} s",
        confirmed.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(confirmed.len() > kills / 4, "too few captures were confirmed to prove anything");
}

#[test]
fn a_step_confirmed_a_second_before_a_kill_is_there_after_restart() {
    let tmp = tempfile::tempdir().unwrap();
    install_demo_today(tmp.path());
    let d = tmp.path().to_str().unwrap();
    let mut p = Pty::spawn(&["meeting", "--data-dir", d], &[], 80, 24);
    p.expect("Check-in");
    p.send("]]]");
    p.expect("turn 1 of 6");
    p.send("a");
    p.expect("New action step");
    p.send("Book the board call before Friday\t5 directors confirmed\r");
    p.expect("Action step captured");
    std::thread::sleep(Duration::from_secs(1));
    p.signal(libc::SIGKILL);
    p.wait(Duration::from_secs(10));

    let mut p = Pty::spawn(&["meeting", "--data-dir", d], &[], 80, 24);
    p.expect("Book the board call before Friday");
    p.expect("Resumed in Hot seats");
    p.send("qy");
    p.wait(Duration::from_secs(10));
    let store = Store::new(tmp.path());
    let m = store.load_meeting(store.meeting_ids().unwrap().last().unwrap()).unwrap();
    let s = m.steps.iter().find(|s| s.text == "Book the board call before Friday").unwrap();
    assert_eq!(s.measurable_result, "5 directors confirmed");
}

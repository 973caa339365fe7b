//! Shared by the member tests: a demo group at a fixed date, fixed times, rendering.
#![allow(dead_code)]

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate};
use hotseat::member::program::run_effects;
use hotseat::member::{MemberAction, MemberApp, keymap, load, ui, update};
use hotseat::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// The demo's own dates: its next meeting is on this day.
pub const ANCHOR: &str = "2030-01-15";

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A fixed time, written out: never the real clock.
pub fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// The evening before the demo meeting (a Monday).
pub fn evening_before() -> DateTime<FixedOffset> {
    at("2030-01-14T20:00:00+01:00")
}

/// The demo group in `dir`, with its dates as written (meeting on 2030-01-15).
pub fn demo(dir: &Path) -> Store {
    hotseat::store::demo::install(dir, date(ANCHOR)).unwrap();
    Store::new(dir)
}

pub fn member(store: &Store, me: &str, now: DateTime<FixedOffset>) -> MemberApp {
    load::load(store, me, now).unwrap()
}

/// Draw the member's view on an 80×24 test terminal and return the screen as text.
pub fn render(app: &MemberApp, now: DateTime<FixedOffset>) -> String {
    render_at(app, now, 80, 24)
}

pub fn render_at(app: &MemberApp, now: DateTime<FixedOffset>, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| ui::view(app, f, now)).unwrap();
    let buf = term.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

pub fn code(c: KeyCode) -> Event {
    Event::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

/// Press a key through the keymap, as the runtime does; effects saved to `store` when given.
pub fn press(app: &mut MemberApp, ev: Event, now: DateTime<FixedOffset>, store: Option<&Store>) -> bool {
    let Some(action) = keymap::lookup(app, &ev) else { return false };
    let effects = update(app, action, now);
    match store {
        Some(s) => run_effects(app, s, effects, now),
        None => false,
    }
}

/// Type text into the open form.
pub fn type_text(app: &mut MemberApp, text: &str, now: DateTime<FixedOffset>, store: Option<&Store>) {
    for c in text.chars() {
        press(app, key(c), now, store);
    }
}

pub fn act(app: &mut MemberApp, a: MemberAction, now: DateTime<FixedOffset>) -> Vec<hotseat::member::MemberEffect> {
    update(app, a, now)
}

/// The demo as `hotseat demo` installs it: dates moved to today.
pub fn demo_today(dir: &Path) -> Store {
    hotseat::store::demo::install(dir, chrono::Local::now().date_naive()).unwrap();
    Store::new(dir)
}

/// A temp folder with a demo group (made by `make`) in `group/` and an empty `home/`.
#[allow(dead_code)]
pub fn cli_folder(make: fn(&Path) -> Store) -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("group");
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    make(&data);
    (tmp, data, home)
}

/// Run a command that must succeed; its stdout.
#[allow(dead_code)]
pub fn succeeds(cmd: &mut assert_cmd::Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

/// Run a command that must fail with exit 1, nothing on stdout, and one sentence on
/// stderr containing `msg`.
#[allow(dead_code)]
pub fn fails_with(cmd: &mut assert_cmd::Command, msg: &str) {
    let out = cmd.assert().failure().code(1).stdout("").get_output().stderr.clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains(msg), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one sentence: {err}");
    assert!(!err.contains("panicked"));
}

/// `hotseat` with `--data-dir`, an isolated home and config folder, UTC and no colour.
pub fn hs(data: &Path, home: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("hotseat").unwrap();
    c.env_remove("HOTSEAT_DATA_DIR")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("TZ", "UTC")
        .env("NO_COLOR", "1")
        .arg("--data-dir")
        .arg(data);
    c
}

/// Every file under `root`: path → (bytes, modification time).
pub fn tree(root: &Path) -> std::collections::BTreeMap<String, (Vec<u8>, std::time::SystemTime)> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            let meta = std::fs::symlink_metadata(&p).unwrap();
            let rel = p.strip_prefix(root).unwrap().display().to_string();
            if meta.is_dir() {
                out.insert(format!("{rel}/"), (Vec::new(), meta.modified().unwrap()));
                stack.push(p);
            } else {
                out.insert(rel, (std::fs::read(&p).unwrap(), meta.modified().unwrap()));
            }
        }
    }
    out
}

/// Paths whose bytes or mtime changed, appeared or disappeared between two trees.
pub fn changed(
    before: &std::collections::BTreeMap<String, (Vec<u8>, std::time::SystemTime)>,
    after: &std::collections::BTreeMap<String, (Vec<u8>, std::time::SystemTime)>,
) -> Vec<String> {
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter().filter(|k| before.get(*k) != after.get(*k)).cloned().collect()
}

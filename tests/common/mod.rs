//! Shared helpers for the integration tests: fixed times, the demo group in a temp
//! folder, typing into the app, and drawing it on a `TestBackend`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use hotseat::facilitator::{Action, App, Effect, update};
use hotseat::store::Store;
use hotseat::store::snapshot::{Context, Strictness};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_input::InputRequest;

/// The day every test meeting is held: the demo's own anchor date, so nothing shifts.
pub const YEAR: i32 = 2030;
pub const MONTH: u32 = 1;
pub const DAY: u32 = 15;

/// The room's time zone: one hour east of UTC.
pub fn tz() -> FixedOffset {
    FixedOffset::east_opt(3600).expect("valid offset")
}

/// A moment on the meeting day, in the room's time zone.
pub fn at(h: u32, m: u32, s: u32) -> DateTime<FixedOffset> {
    tz().with_ymd_and_hms(YEAR, MONTH, DAY, h, m, s).single().expect("valid time")
}

/// A moment on another day.
pub fn on(y: i32, mo: u32, d: u32, h: u32, m: u32, s: u32) -> DateTime<FixedOffset> {
    tz().with_ymd_and_hms(y, mo, d, h, m, s).single().expect("valid time")
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

pub fn today() -> NaiveDate {
    date(YEAR, MONTH, DAY)
}

/// The bundled demo group installed into a fresh temp folder for the meeting day.
pub struct Demo {
    pub tmp: tempfile::TempDir,
    pub root: PathBuf,
}

impl Demo {
    pub fn new() -> Demo {
        Demo::on(today())
    }

    pub fn on(day: NaiveDate) -> Demo {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path().join("group");
        hotseat::store::demo::install(&root, day).expect("demo installs");
        Demo { tmp, root }
    }

    /// The demo on its own date, copied with private modes but without fsync: for
    /// tests that need many fresh copies.
    pub fn quick() -> Demo {
        use std::io::Write;
        use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path().join("group");
        for (path, text) in hotseat::store::demo::FILES {
            let target = root.join(path);
            let dir = target.parent().expect("a folder");
            std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir).expect("mkdir");
            let mut f =
                std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&target).expect("create");
            f.write_all(text.as_bytes()).expect("write");
        }
        Demo { tmp, root }
    }

    pub fn store(&self) -> Store {
        Store::new(&self.root)
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }
}

/// A fresh app on the home screen, loaded from the folder as `hotseat` does.
pub fn load(store: &Store) -> App {
    let ctx = Context::load(store, Strictness::Lenient).expect("the group loads");
    App::new(ctx)
}

pub fn act(app: &mut App, action: Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
    update(app, action, now)
}

/// Type text into whatever input is open, one key at a time.
pub fn type_text(app: &mut App, text: &str, now: DateTime<FixedOffset>) {
    for c in text.chars() {
        let fx = update(app, Action::TypeLine(InputRequest::InsertChar(c)), now);
        assert!(fx.is_empty(), "typing saves nothing: {fx:?}");
    }
}

/// Clear the focused one-line input.
pub fn clear_input(app: &mut App, now: DateTime<FixedOffset>) {
    update(app, Action::TypeLine(InputRequest::DeleteLine), now);
}

/// Open the demo's meeting at `now` (check-in).
pub fn started(store: &Store, now: DateTime<FixedOffset>) -> App {
    let mut app = load(store);
    let fx = update(&mut app, Action::Start, now);
    assert_eq!(fx, vec![Effect::SaveMeeting]);
    app
}

/// Press `]` with no other checks.
pub fn next(app: &mut App, now: DateTime<FixedOffset>) -> Vec<Effect> {
    update(app, Action::Advance, now)
}

/// Draw the app at `w`×`h` and return the buffer.
pub fn draw(app: &App, w: u16, h: u16, now: DateTime<FixedOffset>) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    term.draw(|f| hotseat::facilitator::ui::view(app, f, now)).expect("draws");
    term.backend().buffer().clone()
}

/// Draw and return the terminal backend, for `insta` snapshots.
pub fn screen(app: &App, w: u16, h: u16, now: DateTime<FixedOffset>) -> TestBackend {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    term.draw(|f| hotseat::facilitator::ui::view(app, f, now)).expect("draws");
    term.backend().clone()
}

/// The buffer's text, one line per row, trailing spaces kept.
pub fn text_of(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// The text shown at `w`×`h`.
pub fn shown(app: &App, w: u16, h: u16, now: DateTime<FixedOffset>) -> String {
    text_of(&draw(app, w, h, now))
}

/// The text with runs of whitespace folded to one space, for finding wrapped phrases.
pub fn squeezed(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ch(c: char) -> Event {
    key(KeyCode::Char(c))
}

pub fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

pub fn shift(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::SHIFT))
}

/// Every file under `dir`, relative, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("readable folder").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).expect("under dir").to_path_buf());
            }
        }
    }
    out.sort();
    out
}

/// The hotseat binary built for these tests.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_hotseat")
}

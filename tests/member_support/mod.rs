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
    hotseat::demo::install(dir, date(ANCHOR)).unwrap();
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

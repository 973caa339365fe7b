//! The member's view without a terminal: loading one member, pressing keys through
//! the member's keymap, and drawing the view as text.

use chrono::{DateTime, FixedOffset};
use hotseat::member::program::run_effects;
use hotseat::member::{MemberApp, keymap, load, ui, update};
use hotseat::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::Event;

use super::facilitator::trimmed_text_of;
use super::keys::ch;

/// One member's view, loaded as `hotseat me` does.
pub fn load_member(store: &Store, me: &str, now: DateTime<FixedOffset>) -> MemberApp {
    load::load(store, me, now).unwrap()
}

/// Draw the member's view on an 80×24 test terminal and return the screen as text.
pub fn member_shown(app: &MemberApp, now: DateTime<FixedOffset>) -> String {
    member_shown_at(app, now, 80, 24)
}

pub fn member_shown_at(app: &MemberApp, now: DateTime<FixedOffset>, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| ui::view(app, f, now)).unwrap();
    trimmed_text_of(term.backend().buffer())
}

/// Press a key through the keymap, as the runtime does; effects saved to `store` when
/// given. True when the view asked to quit.
pub fn press(app: &mut MemberApp, ev: Event, now: DateTime<FixedOffset>, store: Option<&Store>) -> bool {
    let Some(action) = keymap::lookup(app, &ev) else { return false };
    let effects = update(app, action, now);
    match store {
        Some(s) => run_effects(app, s, effects, now),
        None => false,
    }
}

/// Type text into the open form, key by key through the keymap.
pub fn type_keys(app: &mut MemberApp, text: &str, now: DateTime<FixedOffset>, store: Option<&Store>) {
    for c in text.chars() {
        press(app, ch(c), now, store);
    }
}

//! Property test of the member's view (`hotseat me`): random key sequences and pastes
//! fed through `member::keymap::lookup` → `member::update`, with every effect carried
//! out on a real group folder as the runtime does, never panic, keep each screen's
//! selection on a row, and leave on disk exactly what is in memory: loading the member
//! again gives the same steps, goals, progress, prep, partnerships and check-ins.
//!
//! Case counts are kept moderate so the suite stays quick on two cores; set
//! `PROPTEST_CASES` to run more.

mod support;

use hotseat::member::keymap::lookup;
use hotseat::member::program::run_effects;
use hotseat::member::state::PrepField;
use hotseat::member::{MemberApp, MemberEffect, update};
use proptest::prelude::*;
use ratatui::crossterm::event::{Event, KeyEvent};
use support::arb::*;
use support::*;

const CASES: u32 = 32;

/// A key, weighted towards the ones the member's table binds.
fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        6 => proptest::sample::select("dpnxaevco1234jk[]?y".chars().collect::<Vec<_>>()).prop_map(ch),
        8 => (key_code(), modifiers()).prop_map(|(c, m)| Event::Key(KeyEvent::new(c, m))),
        1 => text().prop_map(Event::Paste),
        1 => (1u16..=200, 1u16..=60).prop_map(|(w, h)| Event::Resize(w, h)),
    ]
}

/// Each screen's selection is on one of its rows (or 0 when it has none).
fn check_selection(app: &MemberApp) -> Result<(), TestCaseError> {
    let c = &app.ui.cursors;
    let lists = [
        ("steps", c.steps, app.steps.len()),
        ("goals", c.goals, app.goals.goals.len()),
        ("prep", c.prep, PrepField::ALL.len()),
        ("partners", c.partners, app.partners.partnerships.len()),
    ];
    for (name, cursor, len) in lists {
        prop_assert!(cursor < len.max(1), "{} cursor {} outside a list of {}", name, cursor, len);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(CASES))]

    #[test]
    fn random_keys_keep_the_member_view_sound_and_saved(
        who in proptest::sample::select(vec!["ada", "ben", "elena", "farid"]),
        events in proptest::collection::vec(event(), 1..80),
    ) {
        let demo = Demo::quick();
        let store = demo.store();
        let now = evening_before();
        let mut app = load_member(&store, who, now);
        for ev in events {
            let Some(action) = lookup(&app, &ev) else { continue };
            let effects = update(&mut app, action, now);
            let asked_to_quit = effects.contains(&MemberEffect::Quit);
            let quit = run_effects(&mut app, &store, effects, now);
            prop_assert_eq!(quit, asked_to_quit);
            check_selection(&app)?;
            member_shown(&app, now);
            if quit {
                break;
            }
        }
        prop_assert!(!app.ui.unsaved, "a save failed: {:?}", app.ui.status);
        let back = load_member(&store, who, now);
        prop_assert_eq!(&back.steps, &app.steps);
        prop_assert_eq!(&back.goals, &app.goals);
        prop_assert_eq!(&back.progress, &app.progress);
        prop_assert_eq!(&back.prep, &app.prep);
        prop_assert_eq!(&back.partners, &app.partners);
        prop_assert_eq!(&back.checkins, &app.checkins);
    }
}

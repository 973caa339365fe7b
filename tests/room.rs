//! In the room, live (issue 9): what the shared screen shows while a private note is
//! typed, the one step that asks (closing), the closed meeting's summary, keys on a
//! too-small terminal, the pledge, and `Esc` in every input — as update tests and
//! snapshots at 80×24.

mod support;

use hotseat::facilitator::keymap;
use hotseat::facilitator::{Action, App, Overlay};
use support::walk::*;
use support::*;

fn snap(name: &str, app: &App, now: chrono::DateTime<chrono::FixedOffset>) {
    insta::assert_snapshot!(name, screen(app, 80, 24, now));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        let input = ratatui_textarea::Input { key: ratatui_textarea::Key::Char(c), ..Default::default() };
        act(app, Action::TypeArea(input), at(18, 41, 0));
    }
}

const SECRET: &str = "Worried about the co-founder";

#[test]
fn a_private_note_is_masked_while_typed_and_shown_only_until_the_next_key() {
    let (_demo, mut app) = ben_with_a_step();
    act(&mut app, Action::PrivateNote, at(18, 41, 0));
    typed(&mut app, SECRET);
    let masked = shown(&app, 80, 24, at(18, 41, 0));
    assert!(!masked.contains("Worried"), "{masked}");
    assert!(masked.contains("A private note is being written"), "{masked}");
    assert!(masked.contains("28 characters"), "{masked}");
    snap("note_masked", &app, at(18, 41, 0));

    act(&mut app, Action::RevealNote, at(18, 41, 0));
    assert!(shown(&app, 80, 24, at(18, 41, 0)).contains(SECRET), "Ctrl-R shows it");
    typed(&mut app, "!");
    let again = shown(&app, 80, 24, at(18, 41, 0));
    assert!(!again.contains("Worried"), "the next key masks it again:\n{again}");
    assert!(again.contains("29 characters"), "{again}");
}

#[test]
fn the_blank_key_works_while_a_note_is_open_and_b_still_types() {
    let (_demo, mut app) = ben_with_a_step();
    act(&mut app, Action::PrivateNote, at(18, 41, 0));
    // `b` types a b; Ctrl-B blanks.
    assert_eq!(keymap::lookup(&app, &ch('b')).map(|a| matches!(a, Action::TypeArea(_))), Some(true));
    assert_eq!(keymap::lookup(&app, &ctrl('b')), Some(Action::Blank));
    typed(&mut app, "bob");
    act(&mut app, Action::Blank, at(18, 41, 0));
    assert!(app.ui.blank);
    let screen = shown(&app, 80, 24, at(18, 41, 0));
    assert!(screen.contains("hidden for privacy") && !screen.contains("Ben"), "{screen}");
    // While blanked, keys type nothing and act on nothing; b or Ctrl-B lifts it.
    assert_eq!(keymap::lookup(&app, &ch('x')), None);
    assert_eq!(keymap::lookup(&app, &ch('b')), Some(Action::Blank));
    act(&mut app, Action::Quit, at(18, 41, 0));
    act(&mut app, Action::Blank, at(18, 41, 0));
    assert!(!app.ui.blank);
    let Overlay::Note(n) = &app.ui.overlay else { panic!("the note stays open") };
    assert_eq!(n.text.lines(), ["bob"]);
    let help = keymap::help_rows(hotseat::tui::keymap::Scope::Editor);
    assert!(help.iter().any(|(k, _)| k == "Ctrl-R") && help.iter().any(|(k, _)| k == "Ctrl-B"), "{help:?}");
}

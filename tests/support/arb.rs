//! Random values for property tests: hard names and texts, key codes and modifiers,
//! and the case count (`PROPTEST_CASES` overrides it).

use proptest::prelude::*;
use proptest::test_runner::Config;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// `cases` cases, unless `PROPTEST_CASES` says otherwise.
pub fn config(cases: u32) -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(cases),
        ..Config::default()
    }
}

/// Names that are hard to lay out: wide, combining, emoji, very long, right-to-left.
pub const HARD_NAMES: &[&str] = &[
    "李小龍 Bruce Lee",
    "👩🏽‍💻 Ada",
    "Zoë 🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂",
    "محمد عبد الله",
    "e\u{301}\u{301}\u{301} Combining",
    "🇫🇷🇩🇪🇯🇵",
    "ｆｕｌｌｗｉｄｔｈ ＮＡＭＥ",
    "\u{200b}zero\u{200b}width",
    "Anne-Marie Gwendolyn Ottoline Bartholomew-Featherstonehaugh of the Long Names",
];

pub fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(HARD_NAMES).prop_map(str::to_string),
        1 => "[a-zA-Z\u{4e00}-\u{4e20}\u{1f600}-\u{1f64f} ]{0,30}[a-zA-Z\u{4e00}-\u{4e20}\u{1f600}-\u{1f64f}]",
    ]
}

pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,30}",
        "\\PC{0,30}",
        proptest::sample::select(HARD_NAMES).prop_map(str::to_string),
        "[a-z\n\t\r]{0,20}",
        proptest::collection::vec(any::<char>(), 0..12).prop_map(String::from_iter),
    ]
}

pub fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        8 => proptest::sample::select(
            "][ +-=aexndphlqyY?bjkJK0123456789zc/".chars().collect::<Vec<_>>()
        )
        .prop_map(KeyCode::Char),
        2 => any::<char>().prop_map(KeyCode::Char),
        1 => proptest::sample::select(vec!['界', '🙂', 'é', '\u{301}', '\u{200b}']).prop_map(KeyCode::Char),
        4 => proptest::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::F(1),
        ]),
    ]
}

pub fn modifiers() -> impl Strategy<Value = KeyModifiers> {
    prop_oneof![
        12 => Just(KeyModifiers::NONE),
        2 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::ALT),
    ]
}

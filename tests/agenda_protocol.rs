//! The hot-seat protocol under the big clock: the steps with the current one marked, its
//! own time left, the flag when it is up, moving on and back; and the clock's label in
//! words in every colour mode.

mod support;

use chrono::Duration;
use hotseat::facilitator::{Action, App};
use support::walk::*;
use support::*;

/// Ben's turn opened at 18:25 (17 minutes; Present has 5:06 of them).
fn ben_on() -> Walked {
    let (demo, mut app) = prep_reviewed();
    next(&mut app, at(18, 25, 0));
    (demo, app)
}

/// The clock's label and the two protocol rows, as drawn at 80×24.
fn protocol_rows(app: &App, now: chrono::DateTime<chrono::FixedOffset>) -> String {
    let screen = text_of(&draw(app, 80, 24, now));
    screen.lines().skip(8).take(3).map(str::trim_end).collect::<Vec<_>>().join("\n")
}

#[test]
fn the_protocol_bar_in_each_state() {
    let (_demo, mut app) = ben_on();
    insta::assert_snapshot!("protocol_present_running", protocol_rows(&app, at(18, 27, 0)));
    insta::assert_snapshot!("protocol_present_up", protocol_rows(&app, at(18, 31, 0)));
    act(&mut app, Action::NextProtocolStep, at(18, 31, 0));
    insta::assert_snapshot!("protocol_questions", protocol_rows(&app, at(18, 32, 0)));
    act(&mut app, Action::ToggleTimer, at(18, 32, 0));
    insta::assert_snapshot!("protocol_paused", protocol_rows(&app, at(18, 40, 0)));
    act(&mut app, Action::ToggleTimer, at(18, 40, 0));
    act(&mut app, Action::NextProtocolStep, at(18, 41, 0));
    act(&mut app, Action::NextProtocolStep, at(18, 45, 0));
    insta::assert_snapshot!("protocol_commit_last", protocol_rows(&app, at(18, 46, 0)));
}

#[test]
fn demo_hot_seat_shows_the_four_steps_with_the_current_one_marked() {
    let (_demo, app) = ben_on();
    let screen = text_of(&draw(&app, 80, 24, at(18, 26, 0)));
    for w in ["Present", "Questions", "Experience", "Commit"] {
        assert!(screen.contains(w), "{w}:\n{screen}");
    }
    assert!(screen.contains("▶ Present"), "{screen}");
}

#[test]
fn steps_advance_and_go_back_and_stop_at_either_end() {
    let (_demo, mut app) = ben_on();
    let steps = |app: &App| meeting(app).current_turn().unwrap().step_starts.clone();
    assert!(act(&mut app, Action::PrevProtocolStep, at(18, 26, 0)).is_empty(), "nothing before the first step");
    assert_eq!(act(&mut app, Action::NextProtocolStep, at(18, 27, 0)), vec![SAVE]);
    assert_eq!(steps(&app), vec![2 * MIN as u64]);
    for _ in 0..5 {
        act(&mut app, Action::NextProtocolStep, at(18, 28, 0));
    }
    assert_eq!(steps(&app).len(), 3, "Commit is the last of four");
    assert!(status_text(&app).contains("last step"), "{}", status_text(&app));
    act(&mut app, Action::PrevProtocolStep, at(18, 29, 0));
    assert_eq!(steps(&app).len(), 2);
    let screen = text_of(&draw(&app, 80, 24, at(18, 29, 0)));
    assert!(screen.contains("▶ Experience"), "{screen}");
    assert!(screen.contains("Share experience, not advice"), "{screen}");
}

#[test]
fn the_steps_scale_with_the_turn() {
    let (_demo, mut app) = ben_on();
    let before = text_of(&draw(&app, 80, 24, at(18, 25, 0)));
    for _ in 0..10 {
        act(&mut app, Action::AddMinute, at(18, 25, 0));
    }
    let after = text_of(&draw(&app, 80, 24, at(18, 25, 0)));
    assert!(before.contains("▶ Present 5:06"), "{before}");
    assert!(after.contains("▶ Present 8:06"), "{after}");
}

#[test]
fn the_clock_label_says_the_time_in_words_without_colour() {
    let (_demo, mut app) = ben_on();
    app.ui.color = false;
    let label = |app: &App, now| text_of(&draw(app, 80, 24, now)).lines().nth(8).unwrap().to_string();
    let end = at(18, 42, 0);
    assert!(label(&app, end - Duration::minutes(2)).contains(" 2 min left "));
    assert!(label(&app, end - Duration::seconds(30)).contains(" 30 s left "));
    assert!(label(&app, end + Duration::seconds(65)).contains(" OVERTIME +1:05 "));
}

#[test]
fn a_one_minute_turn_without_colour_says_what_is_left() {
    let (_demo, mut app) = prep_reviewed();
    app.ui.color = false;
    for _ in 0..30 {
        act(&mut app, Action::RemoveMinute, at(18, 24, 0));
    }
    next(&mut app, at(18, 25, 0));
    assert_eq!(meeting(&app).current_turn().unwrap().planned_secs, 60);
    let screen = text_of(&draw(&app, 80, 24, at(18, 25, 20)));
    assert!(screen.contains("s left") || screen.contains("min left"), "{screen}");
}

#[test]
fn a_step_whose_time_is_up_rings_the_bell_only_when_the_agenda_asks() {
    // Ben's 17-minute turn from 18:25: Present has 30 % of it, 5:06.
    let (_demo, mut app) = ben_on();
    assert_eq!(act(&mut app, Action::Tick, at(18, 30, 10)), vec![], "no bell unless configured");
    let (_demo, mut app) = ben_on();
    let mut agenda = app.ctx.group.agenda().clone();
    agenda.step_bell = true;
    app.ctx.group.agenda = Some(agenda);
    assert_eq!(act(&mut app, Action::Tick, at(18, 30, 0)), vec![], "Present still has 6 s");
    assert_eq!(act(&mut app, Action::Tick, at(18, 30, 10)), vec![hotseat::facilitator::Effect::Bell, SAVE]);
    assert_eq!(act(&mut app, Action::Tick, at(18, 30, 20)), vec![], "once per step");
    act(&mut app, Action::NextProtocolStep, at(18, 31, 0));
    // Questions has 25 %, 4:15, from 18:31.
    assert_eq!(act(&mut app, Action::Tick, at(18, 35, 10)), vec![]);
    assert_eq!(act(&mut app, Action::Tick, at(18, 35, 20)), vec![hotseat::facilitator::Effect::Bell, SAVE]);
}

#[test]
fn group_set_turns_the_step_bell_on_and_off() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("g");
    ok(&["--data-dir", path_str(&dir), "init", "--name", "Circle"]);
    let out = ok(&["--data-dir", path_str(&dir), "group", "set", "--step-bell", "on"]);
    assert!(out.contains("bell rings"), "{out}");
    let store = hotseat::store::Store::new(&dir);
    assert!(store.load_group().unwrap().agenda().step_bell);
    ok(&["--data-dir", path_str(&dir), "group", "set", "--template", "forum"]);
    assert!(store.load_group().unwrap().agenda().step_bell, "a new template keeps the bell setting");
    let mut bad = assert_cmd::Command::cargo_bin("hotseat").unwrap();
    bad.args(["--data-dir", path_str(&dir), "group", "set", "--step-bell", "loud"]);
    fails_with(&mut bad, "on or off");
    ok(&["--data-dir", path_str(&dir), "group", "set", "--step-bell", "off"]);
    assert!(!store.load_group().unwrap().agenda().step_bell);
}

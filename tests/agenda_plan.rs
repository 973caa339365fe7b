//! A meeting that ends on time: turns re-planned after an overrun, time given back by a
//! turn that ends early, the floor and the overrun it leaves, per-member turn lengths,
//! skipping and postponing a turn. `update` with injected time on the demo.

mod support;

use hotseat::facilitator::{Action, App};
use support::walk::*;
use support::*;

type Time = chrono::DateTime<chrono::FixedOffset>;

/// Ben's turn opened at 18:25: five turns of 17 min planned to end at 19:50, the
/// wrap-up to 20:00.
fn ben_on() -> Walked {
    let (demo, mut app) = prep_reviewed();
    next(&mut app, at(18, 25, 0));
    (demo, app)
}

fn header(app: &App, now: Time) -> String {
    text_of(&draw(app, 80, 24, now)).lines().next().unwrap().to_string()
}

fn planned(app: &App, who: &str) -> u32 {
    meeting(app).turn(who).unwrap().planned_secs / 60
}

#[test]
fn a_turn_three_minutes_over_replans_the_rest_to_end_on_time() {
    let (_demo, mut app) = ben_on();
    next(&mut app, at(18, 45, 0));
    assert_eq!(meeting(&app).hot_seat.as_deref(), Some("ada"));
    // 65 minutes to 19:50 for four turns planned at 17.
    assert_eq!(planned(&app, "ada"), 17, "the minute rounding left goes to the first");
    assert!(header(&app, at(18, 45, 0)).contains("on time"), "{}", header(&app, at(18, 45, 0)));
    let mut t = at(19, 2, 0);
    for who in ["chloe", "dev", "elena"] {
        next(&mut app, t);
        assert_eq!(planned(&app, who), 16, "{who}");
        assert_eq!(meeting(&app).turn(who).unwrap().prep_secs, 17 * 60);
        t += chrono::Duration::minutes(16);
    }
    assert_eq!(t, at(19, 50, 0), "the last turn ends at 19:50");
    assert!(header(&app, at(19, 40, 0)).contains("on time"));
}

#[test]
fn a_turn_four_minutes_early_gives_the_time_back() {
    let (_demo, mut app) = ben_on();
    next(&mut app, at(18, 38, 0));
    assert_eq!(planned(&app, "ada"), 18);
    let screen = text_of(&draw(&app, 80, 24, at(18, 38, 0)));
    assert!(screen.contains("18 min turn (planned 17)"), "{screen}");
}

#[test]
fn five_minutes_more_on_the_first_turn_shortens_the_second() {
    let (_demo, mut app) = ben_on();
    times(&mut app, Action::AddMinute, 5, at(18, 26, 0));
    assert!(text_of(&draw(&app, 80, 24, at(18, 26, 0))).contains("22 min turn (planned 17)"));
    next(&mut app, at(18, 47, 0));
    let screen = text_of(&draw(&app, 80, 24, at(18, 47, 0)));
    assert!(screen.contains("16 min turn (planned 17)"), "{screen}");
    assert!(header(&app, at(18, 47, 0)).contains("on time"), "{}", header(&app, at(18, 47, 0)));
}

#[test]
fn a_lengthened_turn_ended_at_once_keeps_its_time_and_the_rest_shrink() {
    let (_demo, mut app) = ben_on();
    times(&mut app, Action::AddMinute, 5, at(18, 25, 10));
    assert_eq!(meeting(&app).turn("ben").unwrap().extended_secs, 300);
    next(&mut app, at(18, 25, 20));
    // Ben keeps the 22 minutes he was given: 63 minutes are left for four turns of 17.
    assert_eq!(meeting(&app).turn("ben").unwrap().held_ms(), 21 * 60_000 + 40_000);
    let screen = text_of(&draw(&app, 80, 24, at(18, 25, 20)));
    assert!(screen.contains("16 min turn (planned 17)"), "{screen}");
    assert!(header(&app, at(18, 25, 20)).contains("on time"), "{}", header(&app, at(18, 25, 20)));
    // A turn given minutes back with `-` first gives them back when it ends.
    let (_demo, mut app) = ben_on();
    times(&mut app, Action::AddMinute, 2, at(18, 25, 10));
    act(&mut app, Action::RemoveMinute, at(18, 25, 12));
    act(&mut app, Action::RemoveMinute, at(18, 25, 14));
    next(&mut app, at(18, 38, 0));
    assert_eq!(planned(&app, "ada"), 18, "the four minutes Ben left go to the others");
}

#[test]
fn the_floor_holds_and_the_overrun_is_reported_until_the_last_turn_moves() {
    let (_demo, mut app) = ben_on();
    next(&mut app, at(19, 35, 0));
    // 15 minutes for four turns: five each, the floor, and five minutes over.
    assert_eq!(planned(&app, "ada"), 5);
    let h = header(&app, at(19, 35, 0));
    assert!(h.contains("~5 min over"), "{h}");
    assert!(status_text(&app).contains("L moves the last turn"), "{}", status_text(&app));
    assert_eq!(act(&mut app, Action::PostponeLast, at(19, 36, 0)), vec![SAVE]);
    assert_eq!(meeting(&app).postponed, ["elena"]);
    assert!(!meeting(&app).order.contains(&"elena".to_string()));
    assert!(header(&app, at(19, 36, 0)).contains("on time"), "{}", header(&app, at(19, 36, 0)));
}

#[test]
fn per_member_minutes_evening_out_and_skipping_in_the_prep_review() {
    let (_demo, mut app) = prep_reviewed();
    // Ben is first and selected.
    times(&mut app, Action::LongerTurn, 3, at(18, 22, 0));
    act(&mut app, Action::SelectNext, at(18, 22, 0));
    act(&mut app, Action::ShorterTurn, at(18, 22, 0));
    let m = meeting(&app);
    assert_eq!(m.turn_secs.get("ben"), Some(&(20 * 60)));
    assert_eq!(m.turn_secs.get("ada"), Some(&(16 * 60)));
    let screen = text_of(&draw(&app, 80, 24, at(18, 22, 0)));
    assert!(screen.contains("20 min") && screen.contains("16 min"), "{screen}");
    assert!(screen.contains("5 turns = 87 min"), "{screen}");
    act(&mut app, Action::EvenTurns, at(18, 22, 0));
    assert!(meeting(&app).turn_secs.is_empty());
    // Ada's turn moves to the next meeting; her time goes to the others.
    assert_eq!(act(&mut app, Action::SkipTurn, at(18, 23, 0)), vec![SAVE]);
    assert_eq!(meeting(&app).order, ["ben", "chloe", "dev", "elena"]);
    assert_eq!(meeting(&app).postponed, ["ada"]);
    act(&mut app, Action::EvenTurns, at(18, 23, 0));
    assert_eq!(meeting(&app).turn_minutes, 20, "(97 − 15) / 4");
    let screen = text_of(&draw(&app, 80, 24, at(18, 23, 0)));
    assert!(screen.contains("next meeting"), "{screen}");
    act(&mut app, Action::SkipTurn, at(18, 23, 0));
    assert_eq!(meeting(&app).order, ["ben", "chloe", "dev", "elena", "ada"], "back, last");
}

#[test]
fn the_plan_line_adds_up_after_going_back_from_the_hot_seats() {
    let (_demo, mut app) = ben_on();
    act(&mut app, Action::GoBack, at(18, 30, 0));
    let now = at(18, 31, 0);
    let screen = text_of(&draw(&app, 80, 24, now));
    // Ben has 12 of his 17 minutes left, the four others 17 each: 80, then 10 of wrap-up.
    assert!(screen.contains("5 turns = 80 min, wrap-up 10 min, ends ~20:01"), "{screen}");
}

//! The clock the back row can read: digits that grow with the screen, the wall view, and
//! the countdown kept in view while a dialog is open.

mod support;

use hotseat::facilitator::Action;
use support::walk::*;
use support::*;

/// The widest span of columns holding a digit's block on any row of the clock's box.
fn digits_span(screen: &str) -> usize {
    screen
        .lines()
        .filter(|l| l.contains('█'))
        .map(|l| {
            let cells: Vec<char> = l.chars().collect();
            let first = cells.iter().position(|c| *c == '█').unwrap();
            let last = cells.iter().rposition(|c| *c == '█').unwrap();
            last - first + 1
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn at_200_by_60_the_hot_seat_digits_span_at_least_100_columns() {
    let (_demo, mut app) = prep_reviewed();
    next(&mut app, at(18, 25, 0));
    let screen = text_of(&draw(&app, 200, 60, at(18, 25, 0)));
    let span = digits_span(&screen);
    assert!(span >= 100, "{span} columns:\n{screen}");
    assert!(screen.contains("▶ Present"), "the protocol stays in view:\n{screen}");
}

#[test]
fn f_toggles_the_wall_clock_with_the_name_and_the_step_only() {
    let (_demo, mut app) = prep_reviewed();
    next(&mut app, at(18, 25, 0));
    assert_eq!(act(&mut app, Action::ToggleWall, at(18, 26, 0)), vec![], "nothing to save");
    let wall = text_of(&draw(&app, 80, 24, at(18, 26, 0)));
    insta::assert_snapshot!("wall_80x24", wall);
    assert!(wall.contains("Ben Hartley") && wall.contains("▶ Present") && wall.contains("16 min left"), "{wall}");
    assert!(!wall.contains("Northside") && !wall.contains("Goals"), "nothing else: {wall}");
    let big = text_of(&draw(&app, 200, 60, at(18, 26, 0)));
    assert!(digits_span(&big) >= 150, "as large as the terminal allows:\n{big}");
    act(&mut app, Action::ToggleWall, at(18, 26, 0));
    assert!(text_of(&draw(&app, 80, 24, at(18, 26, 0))).contains("Goals"));
}

#[test]
fn a_dialog_keeps_the_countdown_in_view() {
    let (_demo, mut app) = prep_reviewed();
    next(&mut app, at(18, 25, 0));
    for open in [Action::AddStep, Action::PrivateNote] {
        act(&mut app, open, at(18, 26, 0));
        let screen = text_of(&draw(&app, 80, 24, at(18, 26, 30)));
        assert!(screen.contains("⏱ 15:30 · 16 min left · Ben Hartley"), "{screen}");
        act(&mut app, Action::Cancel, at(18, 27, 0));
    }
    act(&mut app, Action::ToggleWall, at(18, 27, 0));
    act(&mut app, Action::AddStep, at(18, 27, 0));
    let screen = text_of(&draw(&app, 80, 24, at(18, 27, 0)));
    assert!(screen.contains("New action step"), "a dialog opened from the wall is shown: {screen}");
}

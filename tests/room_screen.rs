//! In the room, live (issue 9): the shared screen is accurate. Nothing is cut silently
//! (lists say where they stand, panels that go on say so, the hot seat's goals scroll
//! with PgDn), the footer says what a key does now (pause or resume, `? more` when hints
//! do not fit, only a follower's own keys), the report-back's marks are explained, the
//! help stops at its end, `q` while blanked asks over the blank, and ratings clear.

mod support;

use hotseat::facilitator::keymap::{self, hints};
use hotseat::facilitator::{Action, App, Effect, Overlay};
use ratatui::style::Color;
use support::walk::*;
use support::*;

type Time = chrono::DateTime<chrono::FixedOffset>;

fn snap(name: &str, app: &App, now: Time) {
    insta::assert_snapshot!(name, screen(app, 80, 24, now));
}

/// The app told its terminal is 80×24, as the loop tells it at the start.
fn sized(mut app: App) -> App {
    act(&mut app, Action::Resize(80, 24), at(18, 0, 0));
    app
}

fn footer(app: &App, now: Time) -> String {
    shown(app, 80, 24, now).lines().last().unwrap_or_default().to_string()
}

fn has_hint(app: &App, key: &str, label: &str) -> bool {
    hints(app).iter().any(|(k, h)| k == key && *h == label)
}

#[test]
fn space_says_pause_while_the_clock_runs_and_resume_while_it_is_paused() {
    let (_demo, mut app) = ben_with_a_step();
    assert!(has_hint(&app, "Space", "pause") && !has_hint(&app, "Space", "resume"), "{:?}", hints(&app));
    act(&mut app, Action::ToggleTimer, at(18, 40, 0));
    assert!(has_hint(&app, "Space", "resume") && !has_hint(&app, "Space", "pause"), "{:?}", hints(&app));
    assert!(footer(&app, at(18, 40, 0)).contains("Space resume"));
    act(&mut app, Action::ToggleTimer, at(18, 41, 0));
    assert!(footer(&app, at(18, 41, 0)).contains("Space pause"));
    // One help row for the one key.
    let global = keymap::help_rows(hotseat::tui::keymap::Scope::Global);
    assert_eq!(global.iter().filter(|(k, _)| k.contains("Space")).count(), 1, "{global:?}");
    assert!(global.iter().any(|(k, _)| k == "Space"), "{global:?}");
}

#[test]
fn the_footer_ends_in_more_when_hints_do_not_fit_and_in_help_when_all_do() {
    let (_demo, app) = checked_in();
    let narrow = footer(&app, at(18, 4, 0));
    assert!(narrow.contains("? more") && narrow.contains("q quit"), "{narrow}");
    assert!(!narrow.contains("b blank"), "{narrow}");
    let wide = shown(&app, 200, 30, at(18, 4, 0)).lines().last().unwrap_or_default().to_string();
    assert!(wide.contains("b blank") && wide.contains("? help"), "{wide}");
}

#[test]
fn tab_is_hinted_only_in_a_form_of_several_fields() {
    let (_demo, mut app) = wrapping_up();
    act(&mut app, Action::EditNextDate, at(19, 46, 0));
    assert!(!hints(&app).iter().any(|(k, _)| k == "Tab"), "{:?}", hints(&app));
    act(&mut app, Action::Cancel, at(19, 46, 0));
    act(&mut app, Action::AddStep, at(19, 46, 0));
    assert!(has_hint(&app, "Tab", "next field"), "{:?}", hints(&app));
}

#[test]
fn the_hot_seat_goals_scroll_with_pgdn_until_the_second_goals_result_shows() {
    let (_demo, app) = ada_on();
    let mut app = sized(app);
    let now = at(18, 55, 0);
    let before = shown(&app, 80, 24, now);
    assert!(before.contains("▾ more PgDn"), "{before}");
    assert!(!before.contains("No more than 5 hours"), "{before}");
    assert!(has_hint(&app, "PgDn", "scroll"), "{:?}", hints(&app));
    let max = hotseat::facilitator::ui::prep_overflow(&app);
    assert!(max > 0);
    // The second goal's result comes into view on the way down…
    let mut seen = false;
    for _ in 0..10 {
        assert!(act(&mut app, Action::ScrollPrepDown, now).is_empty(), "scrolling saves nothing");
        let s = squeezed(&shown(&app, 80, 24, now));
        seen |= s.contains("No more than 5 hours a week in") && s.contains("ops meetings · by");
        if seen {
            snap("hot_seat_goals_scrolled", &app, now);
            break;
        }
    }
    assert!(seen, "the second goal's result shows");
    assert!(squeezed(&shown(&app, 80, 24, now)).contains("• What do I stop doing first"));
    // …and the words for when Ada slips at the end, where the scroll stops.
    for _ in 0..10 {
        act(&mut app, Action::ScrollPrepDown, now);
    }
    assert_eq!(app.ui.prep_scroll.as_ref().map(|(who, n)| (who.as_str(), *n)), Some(("ada", max)), "stops at the end");
    let after = squeezed(&shown(&app, 80, 24, now));
    assert!(after.contains("When I slip, tell me:"), "{after}");
    // Up goes back at once, however often Down was pressed.
    act(&mut app, Action::ScrollPrepUp, now);
    assert_eq!(app.ui.prep_scroll.as_ref().map(|(_, n)| *n), Some(max.saturating_sub(2)));
    // The next turn starts at the top.
    next(&mut app, at(18, 56, 0));
    let id = meeting(&app).hot_seat.clone().expect("a turn");
    assert_ne!(id, "ada");
    let top = shown(&app, 80, 24, at(18, 56, 0));
    assert!(!top.contains('▴'), "{top}");
}

#[test]
fn a_list_longer_than_its_box_shows_where_the_selection_is() {
    let (_demo, mut app) = ben_with_a_step();
    let now = at(18, 40, 0);
    for text in ["Email the board", "Book the offsite", "Hire a COO", "Close the Q4 books"] {
        act(&mut app, Action::AddStep, now);
        type_text(&mut app, text, now);
        act(&mut app, Action::Submit, now);
    }
    app.ui.cursors.hot = 0;
    let screen = shown(&app, 80, 24, now);
    assert!(screen.contains("1/5 ▾"), "{screen}");
    times(&mut app, Action::SelectNext, 4, now);
    let screen = shown(&app, 80, 24, now);
    assert!(screen.contains("5/5 ▴"), "{screen}");
    snap("hot_seat_steps_position", &app, now);
    // The marker is drawn in the colour of keys: it belongs to the frame, not the data.
    let b = draw(&app, 80, 24, now);
    let row = text_of(&b).lines().position(|l| l.contains("5/5 ▴")).expect("marker row") as u16;
    let col = text_of(&b).lines().nth(row as usize).and_then(|l| l.find("5/5")).expect("marker");
    let x = text_of(&b).lines().nth(row as usize).map(|l| l[..col].chars().count()).unwrap_or(0) as u16;
    assert_eq!(b[(x, row)].fg, Color::Cyan);
}

#[test]
fn the_member_view_shows_the_position_of_a_long_list_too() {
    let demo = Demo::new();
    let mut app = load_member(&demo.store(), "elena", at(18, 0, 0));
    let full = member_shown_at(&app, at(18, 0, 0), 80, 24);
    assert!(!full.contains("1/2"), "every row shows: no marker\n{full}");
    let first = app.steps[0].clone();
    for i in 0..8 {
        app.steps.push(hotseat::model::ActionStep { id: format!("extra-{i}"), ..first.clone() });
    }
    let long = member_shown_at(&app, at(18, 0, 0), 80, 24);
    assert!(long.contains("1/10 ▾"), "{long}");
    let now = at(18, 0, 0);
    for _ in 0..9 {
        press(&mut app, ch('j'), now, None);
    }
    let end = member_shown_at(&app, now, 80, 24);
    assert!(end.contains("10/10 ▴"), "{end}");
}

#[test]
fn the_report_back_explains_its_marks_on_screen_and_in_the_help() {
    let (_demo, app) = reported_back();
    let app = sized(app);
    let screen = shown(&app, 80, 24, at(18, 11, 0));
    assert!(screen.contains("· not reported  * by member  ( ) earlier"), "{screen}");
    let help = keymap::help_of(&app);
    assert_eq!(help[1].0, "Marks on the report-back", "right after the screen's keys");
    let marks: Vec<&str> = help[1].1.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(marks, ["·", "done*", "(partial)"]);
    let mut app = app;
    act(&mut app, Action::Help, at(18, 11, 0));
    times(&mut app, Action::ScrollHelpDown, 2, at(18, 11, 0));
    let shown_help = shown(&app, 80, 24, at(18, 11, 0));
    assert!(shown_help.contains("Marks on the report-back"), "{shown_help}");
    snap("help_report_back_marks", &app, at(18, 11, 0));
    // Elsewhere the marks come after the report-back's keys.
    let (_demo, other) = checked_in();
    assert!(keymap::help_of(&other).iter().any(|(t, _)| t == "Marks on the report-back"));
}

#[test]
fn the_help_scrolls_no_further_than_its_end_and_comes_back_at_once() {
    let (_demo, app) = ben_with_a_step();
    let mut app = sized(app);
    act(&mut app, Action::Help, at(18, 40, 0));
    times(&mut app, Action::ScrollHelpDown, 200, at(18, 40, 0));
    let max = hotseat::tui::widgets::help_max_scroll(&keymap::help_of(&app), (80, 24));
    assert!(max > 10, "the help is longer than the screen");
    assert!(matches!(app.ui.overlay, Overlay::Help(n) if n == max), "{:?}", app.ui.overlay);
    act(&mut app, Action::ScrollHelpUp, at(18, 40, 0));
    assert!(matches!(app.ui.overlay, Overlay::Help(n) if n == max - 3), "{:?}", app.ui.overlay);
    times(&mut app, Action::ScrollHelpDown, 5, at(18, 40, 0));
    let end = shown(&app, 80, 24, at(18, 40, 0));
    assert!(!end.contains("↓ more"), "at its end:\n{end}");
    snap("help_end", &app, at(18, 40, 0));
    act(&mut app, Action::Cancel, at(18, 40, 0));
    assert!(matches!(app.ui.overlay, Overlay::None));
}

/// A second `hotseat meeting` following the one that holds the group.
fn follower() -> (Demo, App) {
    let (demo, app) = ada_on();
    let store = demo.store();
    store.save_meeting(app.meeting.as_ref().expect("a meeting")).expect("saved");
    let mut f = sized(load(&store));
    f.ui.read_only = true;
    f.ui.held_by = Some("front-desk (pid 4242)".into());
    act(&mut f, Action::Start, at(18, 55, 0));
    (demo, f)
}

#[test]
fn a_follower_is_shown_only_the_keys_that_work_for_it() {
    let (_demo, mut app) = follower();
    let now = at(18, 55, 0);
    let keys: Vec<String> = hints(&app).into_iter().map(|(k, _)| k).collect();
    assert_eq!(keys, ["PgDn", "b", "?", "q"], "{:?}", hints(&app));
    snap("follower_footer", &app, now);
    // Its help lists only those keys too.
    let help = keymap::help_of(&app);
    assert_eq!(help.len(), 1, "{help:?}");
    let keys: Vec<&str> = help[0].1.iter().map(|(k, _)| k.as_str()).collect();
    for works in ["PgDn", "f", "b", "?", "q"] {
        assert!(keys.contains(&works), "{works} in {keys:?}");
    }
    for refused in ["]", "Space", "a", "n", "[", "+ ="] {
        assert!(!keys.contains(&refused), "{refused} in {keys:?}");
    }
    // What it is not shown does not work either: refused, and who holds it is said.
    for refused in [Action::Advance, Action::ToggleTimer, Action::AddStep, Action::PrivateNote] {
        assert!(act(&mut app, refused.clone(), now).is_empty(), "{refused:?} changes nothing");
    }
    assert!(status_text(&app).contains("front-desk"), "{}", status_text(&app));
    // What it is shown works.
    assert!(act(&mut app, Action::ScrollPrepDown, now).is_empty());
    assert!(app.ui.prep_scroll.is_some());
    // Leaving does not claim to have saved anything.
    act(&mut app, Action::Quit, now);
    let q = shown(&app, 80, 24, now);
    assert!(!q.contains("Everything is saved"), "{q}");
    assert!(squeezed(&q).contains("only follows the meeting"), "{q}");
    snap("follower_quit", &app, now);
    assert_eq!(act(&mut app, Action::Confirm, now), vec![Effect::Quit], "a follower saves nothing");
}

#[test]
fn q_while_blanked_asks_over_the_blank_which_stays() {
    let (_demo, mut app) = ben_with_a_step();
    let now = at(18, 40, 0);
    act(&mut app, Action::Blank, now);
    assert_eq!(keymap::lookup(&app, &ch('q')), Some(Action::Quit));
    act(&mut app, Action::Quit, now);
    assert!(matches!(app.ui.overlay, Overlay::ConfirmQuit));
    let screen = shown(&app, 80, 24, now);
    assert!(screen.contains("Quit?"), "the question shows:\n{screen}");
    for hidden in ["Ben", "Northside", "Call five", "Hot seats"] {
        assert!(!screen.contains(hidden), "{hidden} shows behind the question:\n{screen}");
    }
    snap("blank_quit", &app, now);
    // No: back to the blank screen, still blank.
    act(&mut app, Action::Cancel, now);
    assert!(app.ui.blank && matches!(app.ui.overlay, Overlay::None));
    assert!(shown(&app, 80, 24, now).contains("hidden for privacy"));
    // Yes: quits, saving the meeting.
    act(&mut app, Action::Quit, now);
    assert_eq!(act(&mut app, Action::Confirm, now), vec![Effect::SaveMeeting, Effect::Quit]);
}

fn rating_of(app: &App, member: &str) -> Option<u8> {
    meeting(app).rating(member)
}

#[test]
fn a_rating_clears_and_arrows_start_from_one() {
    let (_demo, mut app) = rated();
    let now = at(19, 48, 0);
    act(&mut app, Action::Cancel, now);
    // Ben (the first row) has 8: c clears it, and is hinted only while there is one.
    app.ui.cursors.wrap = 0;
    assert_eq!(rating_of(&app, "ben"), Some(8));
    assert!(has_hint(&app, "c", "clear rating"), "{:?}", hints(&app));
    assert_eq!(keymap::lookup(&app, &ch('c')), Some(Action::ClearRating));
    assert_eq!(act(&mut app, Action::ClearRating, now), vec![SAVE]);
    assert_eq!(rating_of(&app, "ben"), None);
    assert!(!has_hint(&app, "c", "clear rating"));
    assert!(act(&mut app, Action::ClearRating, now).is_empty(), "nothing to clear");
    snap("wrap_up_rating_cleared", &app, now);
    // From none: ← stays none, → gives 1; ← from 1 is none again; → stops at 10.
    assert!(act(&mut app, Action::LowerRating, now).is_empty());
    assert_eq!(rating_of(&app, "ben"), None);
    assert_eq!(act(&mut app, Action::RaiseRating, now), vec![SAVE]);
    assert_eq!(rating_of(&app, "ben"), Some(1));
    assert_eq!(act(&mut app, Action::LowerRating, now), vec![SAVE]);
    assert_eq!(rating_of(&app, "ben"), None);
    act(&mut app, Action::Rate(10), now);
    act(&mut app, Action::RaiseRating, now);
    assert_eq!(rating_of(&app, "ben"), Some(10));
    let help =
        keymap::help_rows(hotseat::tui::keymap::Scope::Screen(keymap::Screen::Phase(hotseat::model::Phase::WrapUp)));
    assert!(help.iter().any(|(k, h)| k == "c Backspace" && h.contains("clear")), "{help:?}");
    assert!(help.iter().any(|(k, h)| k == "→" && h.contains("from none: 1")), "{help:?}");
}

#[test]
fn the_members_help_also_stops_at_its_end() {
    use hotseat::member::state::Overlay as MemberOverlay;
    use hotseat::member::{MemberAction, keymap as member_keymap, update};
    let demo = Demo::new();
    let now = at(18, 0, 0);
    let mut app = load_member(&demo.store(), "elena", now);
    update(&mut app, MemberAction::Resize(60, 20), now);
    press(&mut app, ch('?'), now, None);
    for _ in 0..100 {
        press(&mut app, ch('j'), now, None);
    }
    let max = hotseat::tui::widgets::help_max_scroll(&member_keymap::help_sections(app.ui.screen), (60, 20));
    assert!(max > 0);
    assert!(matches!(app.ui.overlay, MemberOverlay::Help(n) if n == max), "{:?}", app.ui.overlay);
    press(&mut app, ch('k'), now, None);
    assert!(matches!(app.ui.overlay, MemberOverlay::Help(n) if n == max - 3), "{:?}", app.ui.overlay);
    let shown = member_shown_at(&app, now, 60, 20);
    assert!(shown.contains("↓ more"), "{shown}");
}

//! Snapshots of every screen of the member's view at 80×24, from the install_demo group on the
//! evening before its meeting.

mod support;

use hotseat::member::state::PrepField;
use hotseat::member::{MemberAction as A, Screen};
use hotseat::model::Progress;
use ratatui::crossterm::event::KeyCode;
use support::*;

/// The demo group in a temp folder (kept while the first value lives), on the evening
/// before its meeting.
fn demo() -> (tempfile::TempDir, hotseat::store::Store, chrono::DateTime<chrono::FixedOffset>) {
    let dir = tempfile::tempdir().unwrap();
    let store = install_demo(dir.path());
    (dir, store, evening_before())
}

fn snap(name: &str, screen: String) {
    insta::assert_snapshot!(name, screen);
}

#[test]
fn steps_screen_groups_overdue_this_week_later_and_done() {
    let (_dir, store, now) = demo();
    let app = load_member(&store, "ada", now);
    let screen = member_shown(&app, now);
    assert!(screen.contains("Overdue"), "{screen}");
    snap("member_steps_ada", screen);
}

#[test]
fn steps_screen_with_a_member_report_and_history() {
    let (_dir, store, now) = demo();
    let app = load_member(&store, "elena", now);
    snap("member_steps_elena_history", member_shown(&app, now));
}

#[test]
fn mark_done_form() {
    let (_dir, store, now) = demo();
    let mut app = load_member(&store, "ada", now);
    act(&mut app, A::Mark(Progress::Done), now);
    type_keys(&mut app, "Sent to all five", now, None);
    snap("member_mark_done_form", member_shown(&app, now));
}

#[test]
fn goals_screen() {
    let (_dir, store, now) = demo();
    let mut app = load_member(&store, "ada", now);
    act(&mut app, A::Show(Screen::Goals), now);
    snap("member_goals_ada", member_shown(&app, now));
    act(&mut app, A::Add, now);
    snap("member_goal_form", member_shown(&app, now));
}

#[test]
fn prep_screen_prepared_and_not() {
    let (_dir, store, now) = demo();
    let mut app = load_member(&store, "ada", now);
    act(&mut app, A::Show(Screen::Prep), now);
    snap("member_prep_ada", member_shown(&app, now));
    let mut farid = load_member(&store, "farid", now);
    act(&mut farid, A::Show(Screen::Prep), now);
    snap("member_prep_farid_unprepared", member_shown(&farid, now));
}

#[test]
fn partners_screen_flags_missed_weeks() {
    let (_dir, store, now) = demo();
    let mut app = load_member(&store, "ben", now);
    act(&mut app, A::Show(Screen::Partners), now);
    let screen = member_shown(&app, now);
    assert!(screen.contains("⚑ 2 missed"), "{screen}");
    snap("member_partners_ben", screen);
    act(&mut app, A::CheckIn, now);
    snap("member_checkin_form", member_shown(&app, now));
}

#[test]
fn partners_screen_of_the_partner_who_was_chosen() {
    let (_dir, store, now) = demo();
    let mut app = load_member(&store, "elena", now);
    act(&mut app, A::Show(Screen::Partners), now);
    snap("member_partners_elena_chosen", member_shown(&app, now));
}

#[test]
fn help_overlay_lists_the_member_keys() {
    let (_dir, store, now) = demo();
    let mut app = load_member(&store, "ada", now);
    act(&mut app, A::Help, now);
    let screen = member_shown(&app, now);
    assert!(screen.contains("mark the step done"), "{screen}");
    snap("member_help", screen);
}

#[test]
fn quit_confirmation_after_a_failed_save() {
    let (_dir, store, now) = demo();
    let mut app = load_member(&store, "ada", now);
    act(&mut app, A::SaveFailed("disk full".into()), now);
    act(&mut app, A::Quit, now);
    snap("member_quit_confirm", member_shown(&app, now));
}

#[test]
fn questions_editor() {
    let (_dir, store, now) = demo();
    let mut app = load_member(&store, "farid", now);
    act(&mut app, A::Show(Screen::Prep), now);
    app.ui.cursors.prep = PrepField::ALL.iter().position(|f| *f == PrepField::Questions).unwrap();
    act(&mut app, A::Edit, now);
    type_keys(&mut app, "How do I raise prices?", now, None);
    press(&mut app, key(KeyCode::Enter), now, None);
    type_keys(&mut app, "Who to hire first?", now, None);
    snap("member_questions_editor", member_shown(&app, now));
}

#[test]
fn too_small_terminal_gets_a_sentence() {
    let (_dir, store, now) = demo();
    let app = load_member(&store, "ada", now);
    let screen = member_shown_at(&app, now, 50, 12);
    assert!(screen.contains("Enlarge the terminal"), "{screen}");
}

#[test]
fn overdue_steps_are_red_and_without_colour_still_stand_out() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::{Color, Modifier};
    let (_dir, store, now) = demo();
    let mut app = load_member(&store, "ada", now);
    for color in [true, false] {
        app.ui.color = color;
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        term.draw(|f| hotseat::member::ui::view(&app, f, now)).unwrap();
        let buf = term.backend().buffer().clone();
        // Row 3 is the "Overdue" header, row 4 the overdue step, row 6 a step due this week.
        let header = &buf[(3, 3)];
        let overdue = &buf[(6, 4)];
        let this_week = &buf[(6, 6)];
        assert_eq!(header.symbol(), "O");
        if color {
            assert_eq!(header.fg, Color::Red);
            assert_eq!(overdue.fg, Color::Red);
            assert_ne!(this_week.fg, Color::Red);
        } else {
            assert_eq!(overdue.fg, Color::Reset);
            assert!(header.modifier.contains(Modifier::BOLD) && overdue.modifier.contains(Modifier::BOLD));
            assert!(!this_week.modifier.contains(Modifier::BOLD));
        }
    }
}

#[test]
fn questions_editor_wraps_a_long_line_at_the_box() {
    let (_dir, store, now) = demo();
    let mut app = load_member(&store, "farid", now);
    act(&mut app, A::Show(Screen::Prep), now);
    app.ui.cursors.prep = PrepField::ALL.iter().position(|f| *f == PrepField::Questions).unwrap();
    act(&mut app, A::Edit, now);
    let long = "How should I price the studio's retainer so that the two biggest clients stay while the small ones pay for what they use?";
    type_keys(&mut app, long, now, None);
    let screen = member_shown(&app, now);
    assert!(screen.contains("small ones pay for what they use?"), "the end of the line is in view: {screen}");
    snap("member_questions_editor_wrapped", screen);
}

#[test]
fn a_second_check_in_this_week_asks_to_update_it() {
    let (_dir, store, now) = demo();
    let mut app = load_member(&store, "ben", now);
    act(&mut app, A::Show(Screen::Partners), now);
    act(&mut app, A::CheckIn, now);
    type_keys(&mut app, "Gave Sam the Acme renewal", now, None);
    act(&mut app, A::Submit, now);
    act(&mut app, A::CheckIn, now);
    let screen = member_shown(&app, now);
    assert!(screen.contains("Update this week's check-in?"), "{screen}");
    snap("member_checkin_update_question", screen);
}

#[test]
fn a_partner_in_my_department_is_asked_about() {
    let (_dir, store, now) = demo();
    let mut app = load_member(&store, "ben", now);
    app.group.members.iter_mut().find(|m| m.id == "chloe").unwrap().department = "Sales".into();
    act(&mut app, A::Show(Screen::Partners), now);
    act(&mut app, A::Add, now);
    type_keys(&mut app, "chloe", now, None);
    act(&mut app, A::NextField, now);
    type_keys(&mut app, "pricing", now, None);
    act(&mut app, A::Submit, now);
    let screen = member_shown(&app, now);
    assert!(screen.contains("Start the partnership anyway?"), "{screen}");
    snap("member_close_partner_question", screen);
}

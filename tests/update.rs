//! `update` as a state machine, without a terminal: a quit in the middle of a turn
//! resumed from disk, going back, attendance changes, and the keys of each screen. A
//! whole meeting, phase by phase, is in meeting_flow.rs and hot_seats.rs.

mod support;

use hotseat::facilitator::queries::{self, WrapRow};
use hotseat::facilitator::strings;
use hotseat::facilitator::{Action, Effect, Overlay, StatusKind};
use hotseat::model::{Phase, Presence, Progress};
use support::walk::*;
use support::*;
use tui_input::InputRequest;

#[test]
fn quit_mid_turn_banks_the_timer_and_resume_finds_the_same_place() {
    let demo = Demo::new();
    let store = demo.store();
    let mut app = started(&store, at(18, 0, 0));
    next(&mut app, at(18, 5, 0));
    next(&mut app, at(18, 10, 0));
    // 110 min − 15 = 95 among 6 here.
    assert_eq!(meeting(&app).turn_minutes, 15);
    next(&mut app, at(18, 15, 0));
    next(&mut app, at(18, 20, 0));
    assert_eq!(meeting(&app).hot_seat.as_deref(), Some("ben"));
    act(&mut app, Action::AddStep, at(18, 21, 0));
    type_text(&mut app, "Ask Ada for two intros", at(18, 21, 0));
    act(&mut app, Action::Submit, at(18, 21, 0));

    assert!(act(&mut app, Action::Quit, at(18, 21, 30)).is_empty(), "q asks first");
    assert!(matches!(app.ui.overlay, Overlay::ConfirmQuit));
    assert!(act(&mut app, Action::Cancel, at(18, 21, 30)).is_empty(), "any other key stays");
    assert!(matches!(app.ui.overlay, Overlay::None));
    assert_eq!(running(&app), ["ben"]);
    assert!(act(&mut app, Action::Interrupt, at(18, 21, 30)).is_empty(), "Ctrl-C asks too");
    assert!(matches!(app.ui.overlay, Overlay::ConfirmQuit));
    assert_eq!(act(&mut app, Action::Confirm, at(18, 21, 30)), vec![SAVE, Effect::Quit]);
    assert!(running(&app).is_empty(), "the timer is banked");
    // Ada's turn ended ten minutes early: Ben's opened re-planned to 17 minutes (model::plan).
    assert_eq!(left_ms(&app, "ben", at(18, 21, 30)), 15 * MIN + 30_000);
    store.save_meeting(meeting(&app)).expect("saved");
    let before = meeting(&app).clone();

    // Much later, a fresh start from the files.
    let store = demo.store();
    let mut app = load(&store);
    assert_eq!(app.ctx.open_meeting.as_ref(), Some(&before));
    let home = shown(&app, 80, 24, at(19, 0, 0));
    assert!(
        squeezed(&home).contains("The meeting of 2030-01-15 is open in Hot seats (Ben Hartley, 15:30 left)"),
        "{home}"
    );
    assert!(act(&mut app, Action::Start, at(19, 0, 0)).is_empty(), "resuming writes nothing");
    assert_eq!(meeting(&app), &before);
    assert_eq!(phase(&app), Phase::HotSeats);
    assert_eq!(meeting(&app).hot_seat.as_deref(), Some("ben"));
    assert_eq!(left_ms(&app, "ben", at(19, 0, 0)), 15 * MIN + 30_000, "same time left, paused");
    assert!(running(&app).is_empty());
    assert_eq!(status_text(&app), "Resumed in Hot seats: Ben Hartley, 15:30 left, timer paused (Space resumes).");
    assert!(shown(&app, 80, 24, at(19, 0, 0)).contains("─ PAUSED · "));
    assert_eq!(act(&mut app, Action::ToggleTimer, at(19, 0, 0)), vec![SAVE]);
    assert_eq!(left_ms(&app, "ben", at(19, 1, 0)), 14 * MIN + 30_000);
    assert_eq!(meeting(&app).steps.len(), 1, "the captured step came back");
}

#[test]
fn resume_in_the_report_back_keeps_the_marks() {
    let demo = Demo::new();
    let store = demo.store();
    let mut app = started(&store, at(18, 0, 0));
    next(&mut app, at(18, 1, 0));
    act(&mut app, Action::Mark(Progress::Partial), at(18, 2, 0));
    act(&mut app, Action::Quit, at(18, 3, 0));
    assert_eq!(act(&mut app, Action::Confirm, at(18, 3, 0)), vec![SAVE, Effect::Quit]);
    store.save_meeting(meeting(&app)).expect("saved");

    let mut again = load(&demo.store());
    act(&mut again, Action::Start, at(18, 30, 0));
    assert_eq!(phase(&again), Phase::ReportBack);
    assert_eq!(status_text(&again), "Resumed in Report-back.");
    assert_eq!(meeting(&again).review("2030-01-01-1").map(|r| r.progress), Some(Progress::Partial));
}

#[test]
fn attendance_changed_after_the_order_is_set_updates_the_order() {
    let demo = Demo::new();
    let mut app = started(&demo.store(), at(18, 0, 0));
    next(&mut app, at(18, 1, 0));
    next(&mut app, at(18, 2, 0));
    assert_eq!(meeting(&app).order.len(), 6);
    act(&mut app, Action::GoBack, at(18, 3, 0));
    act(&mut app, Action::GoBack, at(18, 3, 0));
    assert_eq!(phase(&app), Phase::CheckIn);
    times(&mut app, Action::SelectNext, 4, at(18, 3, 0));
    act(&mut app, Action::SetPresence(Presence::Absent), at(18, 3, 0));
    assert_eq!(meeting(&app).order, ["ada", "ben", "chloe", "dev", "farid"], "Elena left the order");
    act(&mut app, Action::SetPresence(Presence::Present), at(18, 3, 0));
    assert_eq!(meeting(&app).order, ["ada", "ben", "chloe", "dev", "farid", "elena"], "back at the end");
}

#[test]
fn a_member_who_leaves_after_their_turn_keeps_it() {
    let demo = Demo::new();
    let mut app = started(&demo.store(), at(18, 0, 0));
    next(&mut app, at(18, 1, 0));
    next(&mut app, at(18, 2, 0));
    next(&mut app, at(18, 3, 0));
    assert_eq!(meeting(&app).hot_seat.as_deref(), Some("ada"));
    // Back to the check-in: Ada's turn has begun, so she stays in the order.
    for _ in 0..3 {
        act(&mut app, Action::GoBack, at(18, 4, 0));
    }
    assert_eq!(phase(&app), Phase::CheckIn);
    assert!(running(&app).is_empty(), "leaving the hot seats stops the clock");
    act(&mut app, Action::SetPresence(Presence::Absent), at(18, 4, 0));
    assert_eq!(meeting(&app).order[0], "ada");
}

#[test]
fn back_from_the_first_turn_and_from_the_wrap_up() {
    let demo = Demo::new();
    let mut app = started(&demo.store(), at(18, 0, 0));
    for t in 1..=3 {
        next(&mut app, at(18, t, 0));
    }
    assert_eq!(act(&mut app, Action::GoBack, at(18, 5, 0)), vec![SAVE]);
    let m = meeting(&app);
    assert_eq!((m.phase, m.hot_seat.as_deref()), (Phase::PrepReview, None));
    assert!(running(&app).is_empty());
    next(&mut app, at(18, 6, 0));
    assert_eq!(meeting(&app).hot_seat.as_deref(), Some("ada"), "Ada's turn was interrupted, not over");
    assert_eq!(left_ms(&app, "ada", at(18, 6, 0)), 15 * MIN, "with the two minutes she had used");
    for t in 7..=12 {
        next(&mut app, at(18, t, 0));
    }
    assert_eq!(phase(&app), Phase::WrapUp);
    assert_eq!(act(&mut app, Action::GoBack, at(18, 13, 0)), vec![SAVE]);
    assert_eq!(meeting(&app).hot_seat.as_deref(), Some("farid"), "back into the last turn");
    assert_eq!(running(&app), ["farid"]);
}

#[test]
fn a_paused_timer_never_rings() {
    let demo = Demo::new();
    let mut app = started(&demo.store(), at(18, 0, 0));
    for t in 1..=3 {
        next(&mut app, at(18, t, 0));
    }
    act(&mut app, Action::ToggleTimer, at(18, 4, 0));
    assert!(act(&mut app, Action::Tick, at(21, 0, 0)).is_empty());
    act(&mut app, Action::ToggleTimer, at(21, 0, 0));
    let left = left_ms(&app, "ada", at(21, 0, 0));
    assert!(left > 0, "{left}");
    let zero = at(21, 0, 0) + chrono::Duration::milliseconds(left);
    assert_eq!(act(&mut app, Action::Tick, zero), vec![Effect::Bell, SAVE]);
    // `-` never takes a turn below a minute.
    for _ in 0..100 {
        act(&mut app, Action::RemoveMinute, zero);
    }
    assert_eq!(meeting(&app).turn("ada").map(|t| t.planned_secs), Some(60));
}

#[test]
fn nobody_here_goes_straight_to_the_wrap_up() {
    let demo = Demo::new();
    let mut app = started(&demo.store(), at(18, 0, 0));
    for _ in 0..6 {
        act(&mut app, Action::SetPresence(Presence::Absent), at(18, 1, 0));
        act(&mut app, Action::SelectNext, at(18, 1, 0));
    }
    next(&mut app, at(18, 2, 0));
    assert!(queries::report_items(&app).is_empty());
    assert!(act(&mut app, Action::Mark(Progress::Done), at(18, 2, 0)).is_empty());
    assert_eq!(status_text(&app), strings::NOTHING_TO_REPORT);
    next(&mut app, at(18, 3, 0));
    next(&mut app, at(18, 4, 0));
    assert_eq!(phase(&app), Phase::WrapUp);
    assert_eq!(app.ui.status.as_ref().map(|s| s.kind), Some(StatusKind::Warning));
    assert_eq!(status_text(&app), strings::NOBODY_HERE);
    assert!(next(&mut app, at(18, 5, 0)).is_empty(), "closing asks");
    assert_eq!(act(&mut app, Action::Confirm, at(18, 5, 0)), vec![SAVE, Effect::SaveGroup]);
}

#[test]
fn home_screen_keys() {
    let demo = Demo::new();
    let mut app = load(&demo.store());
    for a in [Action::ToggleTimer, Action::AddMinute, Action::AddStep] {
        assert!(act(&mut app, a, at(18, 0, 0)).is_empty());
        assert_eq!(status_text(&app), strings::HOME_NO_MEETING);
    }
    assert_eq!(act(&mut app, Action::Quit, at(18, 0, 0)), vec![Effect::Quit], "no meeting: quit at once");
    assert_eq!(next(&mut app, at(18, 0, 0)), vec![SAVE], "] starts the meeting too");
    assert_eq!(phase(&app), Phase::CheckIn);
    assert!(act(&mut app, Action::Start, at(18, 0, 0)).is_empty(), "a second start changes nothing");
}

#[test]
fn overlays_take_the_keys_while_open() {
    let demo = Demo::new();
    let mut app = started(&demo.store(), at(18, 0, 0));
    act(&mut app, Action::Help, at(18, 0, 0));
    assert!(matches!(app.ui.overlay, Overlay::Help(0)));
    assert!(next(&mut app, at(18, 0, 0)).is_empty(), "the key only closes the help");
    assert!(matches!(app.ui.overlay, Overlay::None));
    assert_eq!(phase(&app), Phase::CheckIn);

    act(&mut app, Action::Blank, at(18, 0, 0));
    assert!(app.ui.blank);
    let screen = shown(&app, 80, 24, at(18, 0, 0));
    assert!(!screen.contains("Ada"), "nothing of the meeting shows while blanked");
    act(&mut app, Action::Blank, at(18, 0, 0));
    assert!(!app.ui.blank);
}

#[test]
fn save_failures_are_shown_and_quitting_asks() {
    let demo = Demo::new();
    let mut app = load(&demo.store());
    assert!(act(&mut app, Action::SaveFailed("disk full".into()), at(18, 0, 0)).is_empty());
    assert!(app.ui.unsaved);
    assert_eq!(app.ui.status.as_ref().map(|s| s.kind), Some(StatusKind::Error));
    assert!(status_text(&app).contains("NOT SAVED: disk full"));
    assert!(act(&mut app, Action::Quit, at(18, 0, 0)).is_empty(), "unsaved work: confirm first");
    assert!(shown(&app, 80, 24, at(18, 0, 0)).contains("FAILED"));
    act(&mut app, Action::Cancel, at(18, 0, 0));
    act(&mut app, Action::Saved, at(18, 0, 0));
    assert!(!app.ui.unsaved);
    assert_eq!(status_text(&app), strings::SAVED_AGAIN);
    assert_eq!(act(&mut app, Action::Quit, at(18, 0, 0)), vec![Effect::Quit]);
}

#[test]
fn read_only_refuses_changes_but_lets_you_look() {
    let demo = Demo::new();
    let store = demo.store();
    let mut app = started(&store, at(18, 0, 0));
    app.ui.read_only = true;
    assert!(next(&mut app, at(18, 1, 0)).is_empty());
    assert_eq!(status_text(&app), strings::READ_ONLY);
    assert_eq!(phase(&app), Phase::CheckIn);
    act(&mut app, Action::SelectNext, at(18, 1, 0));
    assert_eq!(app.ui.cursors.check_in, 1, "moving is fine");
    act(&mut app, Action::Quit, at(18, 1, 0));
    assert_eq!(act(&mut app, Action::Confirm, at(18, 1, 0)), vec![Effect::Quit], "nothing saved when read-only");
}

#[test]
fn the_keys_of_the_contract_map_to_their_actions() {
    use hotseat::facilitator::keymap::lookup;
    use ratatui::crossterm::event::KeyCode;
    let demo = Demo::new();
    let mut app = load(&demo.store());
    assert_eq!(lookup(&app, &key(KeyCode::Enter)), Some(Action::Start));
    act(&mut app, Action::Start, at(18, 0, 0));
    for (ev, action) in [
        (ch(']'), Action::Advance),
        (ch('['), Action::GoBack),
        (ch(' '), Action::ToggleTimer),
        (ch('+'), Action::AddMinute),
        (ch('a'), Action::AddStep),
        (ch('?'), Action::Help),
        (ch('q'), Action::Quit),
        (key(KeyCode::Esc), Action::Cancel),
        (key(KeyCode::Up), Action::SelectPrev),
        (key(KeyCode::Down), Action::SelectNext),
        (ch('k'), Action::SelectPrev),
        (ch('j'), Action::SelectNext),
        (ctrl('c'), Action::Interrupt),
        (ch('p'), Action::AckPledge),
    ] {
        assert_eq!(lookup(&app, &ev), Some(action.clone()), "{ev:?}");
    }
    act(&mut app, Action::Quit, at(18, 0, 0));
    assert_eq!(lookup(&app, &ch('y')), Some(Action::Confirm));
    assert_eq!(lookup(&app, &ch('n')), Some(Action::Cancel));
    act(&mut app, Action::Cancel, at(18, 0, 0));

    next(&mut app, at(18, 0, 0));
    assert_eq!(lookup(&app, &ch('p')), Some(Action::Mark(Progress::Partial)), "keys depend on the phase");
    assert_eq!(lookup(&app, &ch('n')), Some(Action::Mark(Progress::NotDone)));
    next(&mut app, at(18, 0, 0));
    assert_eq!(lookup(&app, &shift(KeyCode::Up)), Some(Action::MoveEarlier));
    next(&mut app, at(18, 0, 0));
    assert_eq!(lookup(&app, &ch('n')), Some(Action::PrivateNote));
    act(&mut app, Action::AddStep, at(18, 0, 0));
    assert_eq!(lookup(&app, &ch('q')), Some(Action::TypeLine(InputRequest::InsertChar('q'))), "typing, not quitting");
    assert_eq!(lookup(&app, &key(KeyCode::Tab)), Some(Action::NextField));
    assert_eq!(lookup(&app, &key(KeyCode::Enter)), Some(Action::Submit));
    act(&mut app, Action::Cancel, at(18, 0, 0));
    act(&mut app, Action::Blank, at(18, 0, 0));
    assert_eq!(lookup(&app, &ch(']')), None, "only b, Esc and q work while blanked");
    assert_eq!(lookup(&app, &ch('b')), Some(Action::Blank));
}

#[test]
fn a_closed_meeting_does_not_start_another_from_stale_steps() {
    // After closing, the context still holds the steps open *before* this meeting; a
    // meeting started from it would drop this meeting's steps from the chain.
    let demo = Demo::new();
    let mut app = started(&demo.store(), at(18, 0, 0));
    for t in 1..=3 {
        next(&mut app, at(18, t, 0));
    }
    act(&mut app, Action::AddStep, at(18, 4, 0));
    type_text(&mut app, "Book the offsite", at(18, 4, 0));
    act(&mut app, Action::Submit, at(18, 4, 0));
    while meeting(&app).is_open() {
        next(&mut app, at(18, 10, 0));
        if matches!(app.ui.overlay, Overlay::ConfirmClose) {
            act(&mut app, Action::Confirm, at(18, 10, 0));
        }
    }
    for a in [Action::Advance, Action::Start] {
        assert!(act(&mut app, a.clone(), at(18, 11, 0)).is_empty(), "{a:?} on the closed summary saves nothing");
        assert_eq!(meeting(&app).id, "2030-01-15", "{a:?} keeps the closed meeting on screen");
        assert!(!app.in_meeting());
    }
}

#[test]
fn removing_the_last_step_keeps_the_selection_on_a_row() {
    let demo = Demo::new();
    let mut app = started(&demo.store(), at(18, 0, 0));
    for t in 1..=3 {
        next(&mut app, at(18, t, 0));
    }
    for text in ["First", "Second"] {
        act(&mut app, Action::AddStep, at(18, 4, 0));
        type_text(&mut app, text, at(18, 4, 0));
        act(&mut app, Action::Submit, at(18, 4, 0));
    }
    assert_eq!(app.ui.cursors.hot, 1);
    act(&mut app, Action::DeleteStep, at(18, 5, 0));
    act(&mut app, Action::Confirm, at(18, 5, 0));
    assert_eq!(app.ui.cursors.hot, 0, "on the one step left");

    while phase(&app) != Phase::WrapUp {
        next(&mut app, at(18, 6, 0));
    }
    // A step for Farid, on the last row, captured in the wrap-up itself.
    times(&mut app, Action::SelectNext, 20, at(18, 7, 0));
    act(&mut app, Action::AddStep, at(18, 7, 0));
    assert_eq!(form(&app).owner, "farid");
    type_text(&mut app, "Send the rate card", at(18, 7, 0));
    act(&mut app, Action::Submit, at(18, 7, 0));
    times(&mut app, Action::SelectNext, 20, at(18, 7, 0));
    let rows = queries::wrap_rows(meeting(&app));
    assert!(matches!(&rows[app.ui.cursors.wrap], WrapRow::Step(m, _) if m == "farid"));
    act(&mut app, Action::DeleteStep, at(18, 8, 0));
    act(&mut app, Action::Confirm, at(18, 8, 0));
    let rows = queries::wrap_rows(meeting(&app));
    assert_eq!(app.ui.cursors.wrap, rows.len() - 1, "on Farid's row now");
}

#[test]
fn the_help_overlay_scrolls_and_any_other_key_closes_it() {
    let demo = Demo::new();
    let mut app = started(&demo.store(), at(18, 0, 0));
    act(&mut app, Action::Help, at(18, 0, 0));
    act(&mut app, Action::ScrollHelpDown, at(18, 0, 0));
    assert!(matches!(app.ui.overlay, Overlay::Help(3)));
    act(&mut app, Action::ScrollHelpUp, at(18, 0, 0));
    act(&mut app, Action::ScrollHelpUp, at(18, 0, 0));
    assert!(matches!(app.ui.overlay, Overlay::Help(0)));
    act(&mut app, Action::Advance, at(18, 0, 0));
    assert!(matches!(app.ui.overlay, Overlay::None));
    assert_eq!(phase(&app), Phase::CheckIn, "the closing key does nothing else");
}

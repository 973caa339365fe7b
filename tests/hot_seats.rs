//! Ben's hot seat in the whole meeting of meeting_flow.rs: the timer, capturing and
//! editing steps, a private note, the bell, and moving between turns. Each case starts
//! where the one before it ends (`support::walk` replays what came before).

mod support;

use hotseat::facilitator::state::FormField;
use hotseat::facilitator::strings;
use hotseat::facilitator::{Action, Effect, Overlay};
use hotseat::model::{FACILITATOR, Phase};
use support::walk::*;
use support::*;
use tui_input::InputRequest;

#[test]
fn the_hot_seat_timer_starts_pauses_and_takes_a_minute_more() {
    let (_demo, mut app) = prep_reviewed();
    assert_eq!(next(&mut app, at(18, 25, 0)), vec![SAVE]);
    assert_eq!(phase(&app), Phase::HotSeats);
    assert_eq!(meeting(&app).hot_seat.as_deref(), Some("ben"));
    let t = meeting(&app).turn("ben").expect("Ben's turn");
    assert_eq!((t.planned_secs, t.started_at, t.running_since), (17 * 60, Some(at(18, 25, 0)), Some(at(18, 25, 0))));
    assert_eq!(running(&app), ["ben"], "the timer starts when the turn opens");
    assert_eq!(left_ms(&app, "ben", at(18, 30, 0)), 12 * MIN);

    assert_eq!(act(&mut app, Action::ToggleTimer, at(18, 30, 0)), vec![SAVE]);
    assert!(running(&app).is_empty());
    assert_eq!(status_text(&app), strings::PAUSED);
    assert_eq!(left_ms(&app, "ben", at(18, 35, 0)), 12 * MIN, "paused time does not count");
    assert!(act(&mut app, Action::Tick, at(18, 35, 0)).is_empty());
    assert_eq!(act(&mut app, Action::ToggleTimer, at(18, 35, 0)), vec![SAVE]);
    assert_eq!(running(&app), ["ben"]);
    assert_eq!(act(&mut app, Action::AddMinute, at(18, 35, 0)), vec![SAVE]);
    assert_eq!(left_ms(&app, "ben", at(18, 35, 0)), 13 * MIN, "+ adds a minute to the turn");
}

#[test]
fn a_step_is_captured_through_the_form_that_checks_it() {
    let (_demo, mut app) = ben_extended();
    // Capture a step through the form: empty text and a bad date keep it open.
    assert!(act(&mut app, Action::AddStep, at(18, 36, 0)).is_empty());
    let f = form(&app);
    assert_eq!((f.owner.as_str(), f.editing.as_deref(), f.focus), ("ben", None, FormField::Text));
    assert_eq!(f.due.value(), "2030-01-29", "due by default at the next meeting");
    assert_eq!(f.goal, Some(0), "Ben's only goal is preselected");
    assert!(act(&mut app, Action::Submit, at(18, 36, 0)).is_empty());
    assert_eq!(form(&app).error.as_deref(), Some(strings::STEP_NEEDS_TEXT));
    type_text(&mut app, "Call five enterprise prospects", at(18, 36, 0));
    assert_eq!(form(&app).error, None, "typing clears the error");
    act(&mut app, Action::NextField, at(18, 36, 0));
    assert_eq!(form(&app).focus, FormField::Result);
    type_text(&mut app, "3 meetings booked", at(18, 36, 0));
    act(&mut app, Action::NextField, at(18, 36, 0));
    assert_eq!(form(&app).focus, FormField::Due);
    clear_input(&mut app, at(18, 36, 0));
    type_text(&mut app, "2030-02-30", at(18, 37, 0));
    act(&mut app, Action::NextField, at(18, 37, 0));
    assert_eq!(form(&app).focus, FormField::Goal);
    act(&mut app, Action::TypeLine(InputRequest::GoToNextChar), at(18, 37, 0));
    assert_eq!(form(&app).goal, None, "→ moves to no goal");
    act(&mut app, Action::TypeLine(InputRequest::GoToPrevChar), at(18, 37, 0));
    assert_eq!(form(&app).goal, Some(0), "← back to the goal");
    assert!(act(&mut app, Action::Submit, at(18, 37, 0)).is_empty(), "a bad date saves nothing");
    let f = form(&app);
    assert_eq!(f.focus, FormField::Due, "the bad field gets the focus");
    assert!(f.error.as_deref().is_some_and(|e| e.contains("\"2030-02-30\" is not a date")), "{:?}", f.error);
    assert!(meeting(&app).steps.is_empty());
    assert!(shown(&app, 80, 24, at(18, 37, 0)).contains("is not a date; type it as YYYY-MM-DD"));
    clear_input(&mut app, at(18, 37, 0));
    type_text(&mut app, "2030-01-29", at(18, 37, 0));
    assert_eq!(act(&mut app, Action::Submit, at(18, 37, 30)), vec![SAVE]);
    assert!(matches!(app.ui.overlay, Overlay::None));
    let s = &meeting(&app).steps[0];
    assert_eq!(s.id, "2030-01-15-1");
    assert_eq!((s.owner.as_str(), s.text.as_str()), ("ben", "Call five enterprise prospects"));
    assert_eq!(s.measurable_result, "3 meetings booked");
    assert_eq!(s.due, Some(date(2030, 1, 29)));
    assert_eq!(s.goal.as_deref(), Some("g1"));
    assert_eq!((s.meeting.as_str(), s.created_at), ("2030-01-15", at(18, 37, 30)));
    assert_eq!(status_text(&app), "Action step captured for Ben Hartley.");
}

#[test]
fn a_second_step_is_edited_then_removed_after_a_cancelled_confirmation() {
    let (_demo, mut app) = ben_with_a_step();
    // A second step; edit it; remove it after a cancelled confirmation.
    act(&mut app, Action::AddStep, at(18, 38, 0));
    type_text(&mut app, "Draft pricing page", at(18, 38, 0));
    assert_eq!(act(&mut app, Action::Submit, at(18, 38, 10)), vec![SAVE]);
    assert_eq!(meeting(&app).steps[1].id, "2030-01-15-2");
    assert_eq!(app.ui.cursors.hot, 1, "the new step is selected");
    act(&mut app, Action::EditStep, at(18, 38, 20));
    let f = form(&app);
    assert_eq!((f.editing.as_deref(), f.text.value()), (Some("2030-01-15-2"), "Draft pricing page"));
    type_text(&mut app, " v2", at(18, 38, 20));
    assert_eq!(act(&mut app, Action::Submit, at(18, 38, 30)), vec![SAVE]);
    assert_eq!(meeting(&app).steps.len(), 2, "editing adds nothing");
    assert_eq!(meeting(&app).steps[1].text, "Draft pricing page v2");
    assert_eq!(status_text(&app), strings::STEP_UPDATED);
    let screen = shown(&app, 80, 24, at(18, 38, 30));
    assert!(screen.contains("Action steps this meeting · 2"), "{screen}");
    assert!(screen.contains("Draft pricing page v2 · due Tue 29 Jan"), "{screen}");

    act(&mut app, Action::DeleteStep, at(18, 39, 0));
    assert!(matches!(&app.ui.overlay, Overlay::ConfirmDelete(id) if id == "2030-01-15-2"));
    assert!(act(&mut app, Action::Cancel, at(18, 39, 0)).is_empty());
    assert_eq!(meeting(&app).steps.len(), 2, "any key but y keeps it");
    act(&mut app, Action::DeleteStep, at(18, 39, 0));
    assert_eq!(act(&mut app, Action::Confirm, at(18, 39, 0)), vec![SAVE]);
    assert_eq!(meeting(&app).steps.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["2030-01-15-1"]);
}

#[test]
fn pasting_into_the_form_flattens_lines_and_esc_drops_the_draft() {
    let (_demo, mut app) = ben_with_a_step();
    // Pasting into the form flattens lines; Esc drops the draft.
    act(&mut app, Action::AddStep, at(18, 40, 0));
    act(&mut app, Action::Paste("one\ntwo\tthree".into()), at(18, 40, 0));
    assert_eq!(form(&app).text.value(), "one two three");
    assert!(act(&mut app, Action::Cancel, at(18, 40, 0)).is_empty());
    assert!(matches!(app.ui.overlay, Overlay::None));
    assert_eq!(meeting(&app).steps.len(), 1);
}

#[test]
fn a_private_note_is_saved_and_never_shown() {
    let (_demo, mut app) = ben_with_a_step();
    // A private note: saved, never shown on the shared screen.
    act(&mut app, Action::PrivateNote, at(18, 41, 0));
    assert!(matches!(&app.ui.overlay, Overlay::Note(n) if n.member == "ben"));
    act(&mut app, Action::Paste("Worried about cash".into()), at(18, 41, 0));
    for c in ['!', '!'] {
        let input = ratatui_textarea::Input { key: ratatui_textarea::Key::Char(c), ..Default::default() };
        assert!(act(&mut app, Action::TypeArea(input), at(18, 41, 0)).is_empty());
    }
    assert_eq!(act(&mut app, Action::Submit, at(18, 41, 30)), vec![SAVE]);
    let n = meeting(&app).private_note("ben", FACILITATOR).expect("the note is kept");
    assert_eq!((n.text.as_str(), n.updated_at), ("Worried about cash!!", at(18, 41, 30)));
    let screen = shown(&app, 80, 24, at(18, 42, 0));
    assert!(!screen.contains("Worried"), "the note never shows on the shared screen");
    assert!(screen.contains(hotseat::facilitator::strings::ui::NOTE_HIDDEN));
    act(&mut app, Action::PrivateNote, at(18, 42, 0));
    assert!(act(&mut app, Action::Cancel, at(18, 42, 0)).is_empty(), "closing an unchanged note saves nothing");
}

#[test]
fn the_bell_rings_once_at_zero_and_again_after_a_minute_more() {
    let (_demo, mut app) = ben_with_a_step();
    // The bell rings once, when the countdown first reaches zero.
    assert_eq!(left_ms(&app, "ben", at(18, 48, 0)), 0);
    assert!(act(&mut app, Action::Tick, at(18, 47, 59)).is_empty());
    assert_eq!(act(&mut app, Action::Tick, at(18, 48, 0)), vec![Effect::Bell, SAVE]);
    assert!(act(&mut app, Action::Tick, at(18, 48, 1)).is_empty());
    assert!(act(&mut app, Action::Tick, at(18, 48, 30)).is_empty());
    assert_eq!(left_ms(&app, "ben", at(18, 48, 30)), -30_000, "overtime counts on");
    let screen = shown(&app, 80, 24, at(18, 48, 30));
    assert!(screen.contains("OVERTIME"), "{screen}");
    // Another minute during overtime: the bell rings again at the new zero.
    act(&mut app, Action::AddMinute, at(18, 48, 30));
    assert_eq!(left_ms(&app, "ben", at(18, 48, 30)), 30_000);
    assert!(act(&mut app, Action::Tick, at(18, 48, 59)).is_empty());
    assert_eq!(act(&mut app, Action::Tick, at(18, 49, 0)), vec![Effect::Bell, SAVE]);
    assert!(act(&mut app, Action::Tick, at(18, 49, 30)).is_empty());
}

#[test]
fn next_ends_the_turn_and_prev_reopens_it() {
    let (_demo, mut app) = ben_in_overtime();
    // `]` ends Ben's turn and opens Ada's; `[` goes back to Ben's.
    assert_eq!(next(&mut app, at(18, 50, 0)), vec![SAVE]);
    let ben = meeting(&app).turn("ben").expect("Ben's turn").clone();
    assert_eq!((ben.ended_at, ben.is_running(), ben.used_ms), (Some(at(18, 50, 0)), false, 20 * MIN as u64));
    assert_eq!(meeting(&app).hot_seat.as_deref(), Some("ada"));
    assert_eq!(running(&app), ["ada"]);
    assert_eq!(app.ui.cursors.hot, 0);
    assert_eq!(act(&mut app, Action::GoBack, at(18, 52, 0)), vec![SAVE]);
    assert_eq!(meeting(&app).hot_seat.as_deref(), Some("ben"));
    assert_eq!(running(&app), ["ben"]);
    let ben = meeting(&app).turn("ben").expect("Ben's turn");
    assert_eq!((ben.ended_at, ben.started_at), (None, Some(at(18, 25, 0))), "the turn is reopened, not restarted");
    assert_eq!(left_ms(&app, "ben", at(18, 52, 0)), -MIN);
    assert!(act(&mut app, Action::Tick, at(18, 52, 0)).is_empty(), "its bell has rung already");
    assert_eq!(next(&mut app, at(18, 53, 0)), vec![SAVE]);
    // Ben ran 8 minutes over: Ada's turn was re-planned to 15 minutes so the meeting ends on time.
    assert_eq!(meeting(&app).turn("ada").unwrap().planned_secs, 15 * 60);
    assert_eq!(left_ms(&app, "ada", at(18, 53, 0)), 13 * MIN, "Ada's two minutes were banked");
}

//! `update` as a state machine, without a terminal: whole meetings driven by actions
//! at explicit times, and a quit in the middle of a turn resumed from disk.

mod common;

use common::*;
use hotseat::facilitator::queries::{self, WrapRow};
use hotseat::facilitator::state::{FormField, LinePurpose};
use hotseat::facilitator::strings;
use hotseat::facilitator::{Action, App, Effect, Overlay, StatusKind};
use hotseat::model::{FACILITATOR, Phase, Presence, Progress, Status};
use tui_input::InputRequest;

const SAVE: Effect = Effect::SaveMeeting;

fn meeting(app: &App) -> &hotseat::model::Meeting {
    app.meeting.as_ref().expect("a meeting is on screen")
}

fn phase(app: &App) -> Phase {
    meeting(app).phase
}

fn running(app: &App) -> Vec<String> {
    meeting(app).turns.iter().filter(|t| t.is_running()).map(|t| t.member.clone()).collect()
}

fn left_ms(app: &App, member: &str, now: chrono::DateTime<chrono::FixedOffset>) -> i64 {
    meeting(app).turn(member).expect("the member has a turn").left_ms_at(now)
}

fn presence(app: &App, member: &str) -> Presence {
    meeting(app).presence(member)
}

fn status_text(app: &App) -> String {
    app.ui.status.as_ref().map(|s| s.text.clone()).unwrap_or_default()
}

fn times(app: &mut App, action: Action, n: usize, now: chrono::DateTime<chrono::FixedOffset>) {
    for _ in 0..n {
        act(app, action.clone(), now);
    }
}

fn form(app: &App) -> &hotseat::facilitator::state::StepForm {
    match &app.ui.overlay {
        Overlay::StepForm(f) => f,
        other => panic!("expected the step form, found {other:?}"),
    }
}

const MIN: i64 = 60_000;

#[test]
fn a_whole_meeting_through_all_five_phases() {
    let demo = Demo::new();
    let store = demo.store();
    let mut app = load(&store);
    assert!(app.meeting.is_none(), "opens on the home screen");

    // ----- Check-in -----
    assert_eq!(act(&mut app, Action::Start, at(18, 0, 0)), vec![SAVE]);
    let m = meeting(&app);
    assert_eq!((m.id.as_str(), m.phase, m.status), ("2030-01-15", Phase::CheckIn, Status::Open));
    assert_eq!(m.started_at, at(18, 0, 0));
    assert_eq!(m.scheduled_end(), at(20, 0, 0));
    assert_eq!(m.attendance.len(), 6);
    assert!(m.attendance.iter().all(|a| a.presence == Presence::Present), "everyone starts present");
    assert!(m.pledge.starts_with("What is said in this group"), "the group's pledge is read");

    assert!(act(&mut app, Action::GoBack, at(18, 1, 0)).is_empty(), "nothing before the check-in");
    assert_eq!(status_text(&app), strings::FIRST_PHASE);

    times(&mut app, Action::SelectNext, 3, at(18, 1, 0));
    assert_eq!(app.ui.cursors.check_in, 3);
    assert_eq!(act(&mut app, Action::SetPresence(Presence::Late), at(18, 1, 0)), vec![SAVE]);
    assert_eq!(presence(&app, "dev"), Presence::Late);
    times(&mut app, Action::SelectNext, 9, at(18, 1, 0));
    assert_eq!(app.ui.cursors.check_in, 5, "the cursor stops at the last member");
    act(&mut app, Action::CyclePresence, at(18, 1, 0));
    assert_eq!(presence(&app, "farid"), Presence::Late);
    act(&mut app, Action::CyclePresence, at(18, 1, 0));
    assert_eq!(presence(&app, "farid"), Presence::Absent);
    act(&mut app, Action::CyclePresenceBack, at(18, 1, 0));
    assert_eq!(presence(&app, "farid"), Presence::Late, "← cycles back");
    act(&mut app, Action::CyclePresence, at(18, 1, 0));
    assert_eq!(presence(&app, "farid"), Presence::Absent);
    times(&mut app, Action::SelectPrev, 20, at(18, 1, 0));
    assert_eq!(app.ui.cursors.check_in, 0);
    assert_eq!(meeting(&app).here().collect::<Vec<_>>(), ["ada", "ben", "chloe", "dev", "elena"]);

    assert_eq!(act(&mut app, Action::AckPledge, at(18, 3, 0)), vec![SAVE]);
    assert_eq!(meeting(&app).pledge_acknowledged_at, Some(at(18, 3, 0)));
    act(&mut app, Action::AckPledge, at(18, 3, 10));
    assert_eq!(meeting(&app).pledge_acknowledged_at, None, "p again takes it back");
    act(&mut app, Action::AckPledge, at(18, 3, 20));
    assert_eq!(meeting(&app).pledge_acknowledged_at, Some(at(18, 3, 20)));
    assert!(squeezed(&shown(&app, 80, 24, at(18, 4, 0))).contains("Affirmed by the group at 18:03"));
    // Ticks outside the hot seats do nothing.
    assert!(act(&mut app, Action::Tick, at(18, 4, 0)).is_empty());
    assert!(act(&mut app, Action::ToggleTimer, at(18, 4, 0)).is_empty());
    assert_eq!(status_text(&app), strings::NO_TIMER_HERE);

    // ----- Report-back -----
    assert_eq!(next(&mut app, at(18, 5, 0)), vec![SAVE]);
    assert_eq!(phase(&app), Phase::ReportBack);
    let items = queries::report_items(&app);
    let ids: Vec<&str> = items.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "2030-01-01-1",
            "2030-01-01-2",
            "2030-01-01-3",
            "2030-01-01-4",
            "2030-01-01-5",
            "2029-12-18-3",
            "2030-01-01-6"
        ],
        "open steps of the members here, by member, then due date; absent Farid's step is not shown"
    );

    assert_eq!(act(&mut app, Action::Mark(Progress::Done), at(18, 6, 0)), vec![SAVE]);
    assert_eq!(app.ui.cursors.report, 1, "marking moves on to the next step");
    assert_eq!(act(&mut app, Action::Mark(Progress::NotDone), at(18, 7, 0)), vec![SAVE]);
    assert_eq!(app.ui.cursors.report, 1, "not done stays, so the slip words can be read");
    let screen = squeezed(&shown(&app, 80, 24, at(18, 7, 0)));
    assert!(screen.contains("When I slip, tell me:"), "{screen}");
    assert!(screen.contains("Remember the Friday you missed your daughter's recital"), "{screen}");

    act(&mut app, Action::ReviewNote, at(18, 8, 0));
    assert!(matches!(&app.ui.overlay, Overlay::Line(l) if l.purpose == LinePurpose::ReviewNote("2030-01-01-2".into())));
    type_text(&mut app, "Two ops meetings are still mine", at(18, 8, 0));
    assert_eq!(act(&mut app, Action::Submit, at(18, 8, 30)), vec![SAVE]);
    assert!(matches!(app.ui.overlay, Overlay::None));
    let r = meeting(&app).review("2030-01-01-2").expect("reviewed");
    assert_eq!(
        (r.progress, r.note.as_str(), r.at),
        (Progress::NotDone, "Two ops meetings are still mine", at(18, 7, 0))
    );
    // The step's detail shows the note once typed.
    assert!(squeezed(&shown(&app, 80, 24, at(18, 9, 0))).contains("Note: Two ops meetings are still mine"));

    times(&mut app, Action::SelectNext, 2, at(18, 9, 0));
    assert_eq!(app.ui.cursors.report, 3);
    act(&mut app, Action::Mark(Progress::Dropped), at(18, 10, 0));
    assert_eq!(meeting(&app).review("2030-01-01-4").map(|r| r.progress), Some(Progress::Dropped));

    let items = queries::report_items(&app);
    let (per, all) = queries::completion(meeting(&app), &items);
    let pct = |id: &str| per.iter().find(|(m, _)| m == id).and_then(|(_, c)| c.percent());
    assert_eq!(pct("ada"), Some(50), "done + not done");
    assert_eq!(pct("ben"), Some(100), "Ben reported it done himself");
    assert_eq!(pct("chloe"), None, "a dropped step is left out");
    assert_eq!(pct("dev"), Some(50), "partial counts half");
    assert_eq!(pct("elena"), Some(0), "last time's report does not count this time");
    // Done 2, partial ½ of 6 counted steps.
    assert_eq!(all.percent(), Some(42));
    let screen = shown(&app, 80, 24, at(18, 10, 0));
    assert!(screen.contains("Group     42%"), "{screen}");
    assert!(screen.contains("Ada      1/2  50%"), "{screen}");

    // ----- Prep review -----
    assert_eq!(next(&mut app, at(18, 20, 0)), vec![SAVE]);
    assert_eq!(phase(&app), Phase::PrepReview);
    // 100 min left − 10 wrap-up − 5 prep review = 85, split among the 5 here.
    assert_eq!(meeting(&app).turn_minutes, 17);
    assert_eq!(meeting(&app).order, ["ada", "ben", "chloe", "dev", "elena"]);
    assert_eq!(queries::prep_rows(meeting(&app)).last().map(String::as_str), Some("farid"), "absent members come last");

    act(&mut app, Action::SelectNext, at(18, 21, 0));
    assert_eq!(act(&mut app, Action::MoveEarlier, at(18, 21, 0)), vec![SAVE]);
    assert_eq!(meeting(&app).order, ["ben", "ada", "chloe", "dev", "elena"]);
    assert_eq!(app.ui.cursors.prep, 0, "the selection follows the member");
    assert!(act(&mut app, Action::MoveEarlier, at(18, 21, 0)).is_empty(), "already first");
    times(&mut app, Action::SelectNext, 5, at(18, 21, 0));
    assert!(act(&mut app, Action::MoveEarlier, at(18, 21, 0)).is_empty());
    assert_eq!(status_text(&app), strings::ABSENT_NOT_IN_ORDER);
    act(&mut app, Action::SelectPrev, at(18, 21, 0));
    assert!(act(&mut app, Action::MoveLater, at(18, 21, 0)).is_empty(), "already last");
    assert_eq!(meeting(&app).order, ["ben", "ada", "chloe", "dev", "elena"]);

    assert_eq!(act(&mut app, Action::AddMinute, at(18, 22, 0)), vec![SAVE]);
    act(&mut app, Action::AddMinute, at(18, 22, 0));
    assert_eq!(meeting(&app).turn_minutes, 19);
    act(&mut app, Action::RemoveMinute, at(18, 22, 0));
    act(&mut app, Action::RemoveMinute, at(18, 22, 0));
    assert_eq!(meeting(&app).turn_minutes, 17);
    let screen = shown(&app, 80, 24, at(18, 22, 0));
    assert!(screen.contains("Hot-seat order · 17 min each"), "{screen}");
    assert!(screen.contains("5 turns × 17 min = 85 min"), "{screen}");

    // ----- Hot seats -----
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

    // Pasting into the form flattens lines; Esc drops the draft.
    act(&mut app, Action::AddStep, at(18, 40, 0));
    act(&mut app, Action::Paste("one\ntwo\tthree".into()), at(18, 40, 0));
    assert_eq!(form(&app).text.value(), "one two three");
    assert!(act(&mut app, Action::Cancel, at(18, 40, 0)).is_empty());
    assert!(matches!(app.ui.overlay, Overlay::None));
    assert_eq!(meeting(&app).steps.len(), 1);

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
    assert_eq!(left_ms(&app, "ada", at(18, 53, 0)), 15 * MIN, "Ada's two minutes were banked");

    // The others, then the wrap-up.
    for (who, t) in [("chloe", at(19, 8, 0)), ("dev", at(19, 20, 0)), ("elena", at(19, 32, 0))] {
        assert_eq!(next(&mut app, t), vec![SAVE]);
        assert_eq!(meeting(&app).hot_seat.as_deref(), Some(who));
        assert_eq!(running(&app), [who]);
        assert_eq!(left_ms(&app, who, t), 17 * MIN);
    }
    act(&mut app, Action::AddStep, at(19, 40, 0));
    type_text(&mut app, "Visit the second plant", at(19, 40, 0));
    act(&mut app, Action::NextField, at(19, 40, 0));
    act(&mut app, Action::NextField, at(19, 40, 0));
    clear_input(&mut app, at(19, 40, 0));
    assert_eq!(act(&mut app, Action::Submit, at(19, 40, 5)), vec![SAVE]);
    assert_eq!(meeting(&app).steps[1].due, None, "an emptied date means no due date");
    assert_eq!(next(&mut app, at(19, 45, 0)), vec![SAVE]);

    // ----- Wrap-up -----
    let m = meeting(&app);
    assert_eq!((m.phase, m.hot_seat.as_deref()), (Phase::WrapUp, None));
    assert!(running(&app).is_empty());
    assert!(m.turns.iter().all(|t| t.ended_at.is_some()), "every turn ended");
    assert_eq!(m.next_meeting, Some(date(2030, 1, 29)), "the next date follows the cadence");
    let rows = queries::wrap_rows(m);
    assert_eq!(rows[0], WrapRow::Member("ben".into()));
    assert_eq!(rows[1], WrapRow::Step("ben".into(), "2030-01-15-1".into()));
    assert_eq!(rows[2], WrapRow::Member("ada".into()));
    assert!(!rows.iter().any(|r| r.member() == "farid"), "absent, with no new step");
    let screen = shown(&app, 80, 24, at(19, 45, 0));
    assert!(screen.contains("⚑ 1 to sharpen"), "{screen}");
    assert!(screen.contains("⚑ no measurable result, no due date"), "{screen}");

    assert_eq!(act(&mut app, Action::Rate(8), at(19, 46, 0)), vec![SAVE]);
    assert_eq!(meeting(&app).rating("ben"), Some(8));
    times(&mut app, Action::SelectNext, 2, at(19, 46, 0));
    act(&mut app, Action::RaiseRating, at(19, 46, 0));
    assert_eq!(meeting(&app).rating("ada"), Some(7), "→ starts at 7");
    act(&mut app, Action::RaiseRating, at(19, 46, 0));
    act(&mut app, Action::RaiseRating, at(19, 46, 0));
    act(&mut app, Action::LowerRating, at(19, 46, 0));
    assert_eq!(meeting(&app).rating("ada"), Some(8));
    act(&mut app, Action::Rate(10), at(19, 46, 0));
    assert_eq!(meeting(&app).rating("ada"), Some(10));
    for _ in 0..3 {
        act(&mut app, Action::RaiseRating, at(19, 46, 0));
    }
    assert_eq!(meeting(&app).rating("ada"), Some(10), "ratings stop at 10");

    act(&mut app, Action::EditNextDate, at(19, 47, 0));
    let line_error = |app: &App| match &app.ui.overlay {
        Overlay::Line(l) => l.error.clone(),
        other => panic!("expected the date input, found {other:?}"),
    };
    assert_eq!(line_error(&app), None);
    clear_input(&mut app, at(19, 47, 0));
    type_text(&mut app, "2030-01-10", at(19, 47, 0));
    assert!(act(&mut app, Action::Submit, at(19, 47, 0)).is_empty());
    assert_eq!(line_error(&app).as_deref(), Some(strings::NEXT_DATE_AFTER));
    clear_input(&mut app, at(19, 47, 0));
    type_text(&mut app, "soon", at(19, 47, 0));
    assert!(act(&mut app, Action::Submit, at(19, 47, 0)).is_empty());
    assert!(line_error(&app).is_some_and(|e| e.contains("\"soon\" is not a date")));
    clear_input(&mut app, at(19, 47, 0));
    type_text(&mut app, "2030-02-05", at(19, 47, 0));
    assert_eq!(act(&mut app, Action::Submit, at(19, 47, 0)), vec![SAVE]);
    assert_eq!(meeting(&app).next_meeting, Some(date(2030, 2, 5)));

    // ----- Closing -----
    assert_eq!(next(&mut app, at(19, 55, 0)), vec![SAVE, Effect::SaveGroup]);
    let m = meeting(&app);
    assert_eq!((m.status, m.closed_at), (Status::Closed, Some(at(19, 55, 0))));
    assert!(!app.in_meeting());
    assert_eq!(app.ctx.group.next_meeting, Some(date(2030, 2, 5)));
    let open: Vec<&str> = m.open_after.as_ref().expect("a snapshot").iter().map(|s| s.id.as_str()).collect();
    for id in ["2030-01-01-2", "2030-01-01-5", "2029-12-18-3", "2030-01-01-6", "2029-12-18-4", "2030-01-15-1"] {
        assert!(open.contains(&id), "{id} is still open: {open:?}");
    }
    for id in ["2030-01-01-1", "2030-01-01-3", "2030-01-01-4"] {
        assert!(!open.contains(&id), "{id} is done or dropped: {open:?}");
    }
    let snap = m.open_after.as_ref().expect("a snapshot");
    let slipped = snap.iter().find(|s| s.id == "2030-01-01-2").expect("slipped step");
    assert_eq!(slipped.progress(), Progress::NotDone);
    assert_eq!(slipped.last_entry().map(|e| e.note.as_str()), Some("Two ops meetings are still mine"));
    let screen = shown(&app, 80, 24, at(19, 56, 0));
    assert!(screen.contains("The meeting is closed and saved"), "{screen}");
    assert!(screen.contains("Average rating: 9.0 / 10"), "{screen}");
    assert_eq!(act(&mut app, Action::Quit, at(19, 57, 0)), vec![Effect::Quit], "nothing to confirm once closed");
}

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
    assert_eq!(left_ms(&app, "ben", at(18, 21, 30)), 13 * MIN + 30_000);
    store.save_meeting(meeting(&app)).expect("saved");
    let before = meeting(&app).clone();

    // Much later, a fresh start from the files.
    let store = demo.store();
    let mut app = load(&store);
    assert_eq!(app.ctx.open_meeting.as_ref(), Some(&before));
    let home = shown(&app, 80, 24, at(19, 0, 0));
    assert!(
        squeezed(&home).contains("The meeting of 2030-01-15 is open in Hot seats (Ben Hartley, 13:30 left)"),
        "{home}"
    );
    assert!(act(&mut app, Action::Start, at(19, 0, 0)).is_empty(), "resuming writes nothing");
    assert_eq!(meeting(&app), &before);
    assert_eq!(phase(&app), Phase::HotSeats);
    assert_eq!(meeting(&app).hot_seat.as_deref(), Some("ben"));
    assert_eq!(left_ms(&app, "ben", at(19, 0, 0)), 13 * MIN + 30_000, "same time left, paused");
    assert!(running(&app).is_empty());
    assert_eq!(status_text(&app), "Resumed in Hot seats: Ben Hartley, 13:30 left, timer paused (Space resumes).");
    assert!(shown(&app, 80, 24, at(19, 0, 0)).contains("─ PAUSED ─"));
    assert_eq!(act(&mut app, Action::ToggleTimer, at(19, 0, 0)), vec![SAVE]);
    assert_eq!(left_ms(&app, "ben", at(19, 1, 0)), 12 * MIN + 30_000);
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
    assert_eq!(next(&mut app, at(18, 5, 0)), vec![SAVE, Effect::SaveGroup]);
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

//! A whole meeting through its five phases, driven by actions at explicit times without
//! a terminal: one case a phase, each starting where the one before ends
//! (`support::walk` replays the phases before it). The hot seats are in hot_seats.rs.

mod support;

use hotseat::facilitator::queries::{self, WrapRow};
use hotseat::facilitator::state::LinePurpose;
use hotseat::facilitator::strings;
use hotseat::facilitator::{Action, App, Effect, Overlay};
use hotseat::model::{Completion, Phase, Presence, Progress, Status};
use support::walk::*;
use support::*;

#[test]
fn check_in_marks_presence_and_the_pledge() {
    let demo = Demo::new();
    let store = demo.store();
    let mut app = load(&store);
    assert!(app.meeting.is_none(), "opens on the home screen");

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
    act(&mut app, Action::Confirm, at(18, 3, 10));
    assert_eq!(meeting(&app).pledge_acknowledged_at, None, "p again takes it back (after asking)");
    act(&mut app, Action::AckPledge, at(18, 3, 20));
    assert_eq!(meeting(&app).pledge_acknowledged_at, Some(at(18, 3, 20)));
    assert!(squeezed(&shown(&app, 80, 24, at(18, 4, 0))).contains("Affirmed by the group at 18:03"));
    // Ticks outside the hot seats do nothing.
    assert!(act(&mut app, Action::Tick, at(18, 4, 0)).is_empty());
    assert!(act(&mut app, Action::ToggleTimer, at(18, 4, 0)).is_empty());
    assert_eq!(status_text(&app), strings::NO_TIMER_HERE);
}

#[test]
fn report_back_marks_steps_and_counts_completion() {
    let (_demo, mut app) = checked_in();
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

    let completion = |app: &App| {
        let items = queries::report_items(app);
        queries::completion(meeting(app), &items)
    };
    let (per, all) = completion(&app);
    let pct = |per: &[(String, Completion)], id: &str| per.iter().find(|(m, _)| m == id).map(|(_, c)| *c);
    assert_eq!(pct(&per, "ada").unwrap().percent(), Some(50), "done + not done");
    let ben = pct(&per, "ben").unwrap();
    assert_eq!((ben.percent(), ben.to_confirm), (Some(0), 1), "Ben's own report waits to be confirmed");
    assert_eq!(pct(&per, "chloe").unwrap().percent(), None, "a dropped step is left out");
    assert_eq!(pct(&per, "dev").unwrap().to_confirm, 1);
    assert_eq!(pct(&per, "elena").unwrap().percent(), Some(0), "last time's report does not count this time");
    assert_eq!((all.percent(), all.to_confirm), (Some(17), 2), "done 1 of 6 counted, 2 to confirm");
    let screen = shown(&app, 80, 24, at(18, 10, 0));
    assert!(screen.contains("Ben      0/1   0% +1*"), "{screen}");
    assert!(screen.contains("Group     17% +2*"), "{screen}");

    // Confirmed in the room, they count: done 2, partial ½ of 6 counted steps.
    app.ui.cursors.report = 2;
    act(&mut app, Action::Mark(Progress::Done), at(18, 10, 30));
    app.ui.cursors.report = 4;
    act(&mut app, Action::Mark(Progress::Partial), at(18, 10, 40));
    let (per, all) = completion(&app);
    assert_eq!(pct(&per, "ben").unwrap().percent(), Some(100));
    assert_eq!(pct(&per, "dev").unwrap().percent(), Some(50), "partial counts half");
    assert_eq!((all.percent(), all.to_confirm), (Some(42), 0));
    let screen = shown(&app, 80, 24, at(18, 11, 0));
    assert!(screen.contains("Group     42%"), "{screen}");
    assert!(screen.contains("Ada      1/2  50%"), "{screen}");
}

#[test]
fn prep_review_orders_the_turns_and_splits_the_time() {
    let (_demo, mut app) = reported_back();
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
    assert!(screen.contains("5 turns = 85 min"), "{screen}");
}

/// Chloe's, Dev's and Elena's turns, Elena's step without a due date.
#[test]
fn the_others_take_their_turns_then_the_wrap_up() {
    let (_demo, mut app) = ada_on();
    // The others, then the wrap-up.
    // Each opens re-planned to end at 19:50 (wrap-up at 20:00): 42 min for three, then 30
    // for two, then the 18 left for the last.
    for (who, t, minutes) in [("chloe", at(19, 8, 0), 14), ("dev", at(19, 20, 0), 15), ("elena", at(19, 32, 0), 18)] {
        assert_eq!(next(&mut app, t), vec![SAVE]);
        assert_eq!(meeting(&app).hot_seat.as_deref(), Some(who));
        assert_eq!(running(&app), [who]);
        assert_eq!(left_ms(&app, who, t), minutes * MIN);
        assert_eq!(meeting(&app).turn(who).unwrap().prep_secs, 17 * 60, "the prep review's plan is kept");
    }
    act(&mut app, Action::AddStep, at(19, 40, 0));
    type_text(&mut app, "Visit the second plant", at(19, 40, 0));
    act(&mut app, Action::NextField, at(19, 40, 0));
    act(&mut app, Action::NextField, at(19, 40, 0));
    clear_input(&mut app, at(19, 40, 0));
    assert_eq!(act(&mut app, Action::Submit, at(19, 40, 5)), vec![SAVE]);
    assert_eq!(meeting(&app).steps[1].due, None, "an emptied date means no due date");
    assert_eq!(next(&mut app, at(19, 45, 0)), vec![SAVE]);
}

#[test]
fn wrap_up_flags_steps_rates_and_sets_the_next_date() {
    let (_demo, mut app) = wrapping_up();
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
    assert_eq!(meeting(&app).rating("ada"), Some(1), "no rating sits just below 1: → starts at 1");
    act(&mut app, Action::RaiseRating, at(19, 46, 0));
    act(&mut app, Action::RaiseRating, at(19, 46, 0));
    act(&mut app, Action::LowerRating, at(19, 46, 0));
    assert_eq!(meeting(&app).rating("ada"), Some(2));
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
}

#[test]
fn closing_snapshots_the_open_steps_and_sets_the_next_date() {
    let (_demo, mut app) = rated();
    assert!(next(&mut app, at(19, 55, 0)).is_empty(), "closing asks first");
    assert!(matches!(app.ui.overlay, hotseat::facilitator::Overlay::ConfirmClose));
    assert_eq!(act(&mut app, Action::Confirm, at(19, 55, 0)), vec![SAVE, Effect::SaveGroup]);
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
fn steps_due_at_the_next_meeting_follow_it_when_it_moves_and_hand_set_dates_stay() {
    let (_demo, mut app) = wrapping_up();
    let due = |app: &App, text: &str| meeting(app).steps.iter().find(|s| s.text == text).unwrap().due;
    let default = due(&app, "Call five enterprise prospects").expect("due at the next meeting");
    // A step whose date was typed by hand.
    act(&mut app, Action::AddStep, at(19, 46, 0));
    type_text(&mut app, "Book the offsite", at(19, 46, 0));
    times(&mut app, Action::NextField, 2, at(19, 46, 0));
    clear_input(&mut app, at(19, 46, 0));
    type_text(&mut app, "2030-03-01", at(19, 46, 0));
    act(&mut app, Action::Submit, at(19, 46, 5));
    act(&mut app, Action::EditNextDate, at(19, 47, 0));
    clear_input(&mut app, at(19, 47, 0));
    type_text(&mut app, "2030-02-05", at(19, 47, 0));
    assert_eq!(act(&mut app, Action::Submit, at(19, 47, 0)), vec![SAVE]);
    assert_ne!(default, date(2030, 2, 5));
    assert_eq!(due(&app, "Call five enterprise prospects"), Some(date(2030, 2, 5)), "followed the next meeting");
    assert_eq!(due(&app, "Book the offsite"), Some(date(2030, 3, 1)), "set by hand: kept");
    assert_eq!(due(&app, "Visit the second plant"), None, "no due date: none");
    assert!(status_text(&app).contains("1 step due at the next meeting"), "{}", status_text(&app));
}

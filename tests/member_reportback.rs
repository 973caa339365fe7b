//! End to end: what a member marks in `hotseat me` shows pre-filled in the next
//! meeting's report-back, and missed weekly Hot Team check-ins are flagged there.

mod support;

use hotseat::facilitator::queries::{self, Reported};
use hotseat::facilitator::{Action, App, update as facilitator_update};
use hotseat::model::{Progress, Reporter};
use hotseat::store::Store;
use hotseat::store::snapshot::{Context, Strictness};
use ratatui::crossterm::event::KeyCode;
use support::*;

fn meeting_time() -> chrono::DateTime<chrono::FixedOffset> {
    moment("2030-01-15T19:00:00+01:00")
}

/// Open the next meeting as the facilitator and go to the report-back.
fn report_back(store: &Store) -> App {
    let now = meeting_time();
    let mut app = App::new(Context::load(store, Strictness::Lenient).unwrap());
    facilitator_update(&mut app, Action::Start, now);
    facilitator_update(&mut app, Action::Advance, now);
    app
}

fn report_back_text(app: &App) -> String {
    trimmed_text_of(&draw(app, 80, 24, meeting_time()))
}

#[test]
fn progress_marked_in_the_member_view_is_prefilled_in_the_report_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = install_demo(dir.path());
    // The evening before, Ada marks her overdue step done, with a note, by keys.
    let evening = evening_before();
    let mut ada = load_member(&store, "ada", evening);
    press(&mut ada, ch('d'), evening, Some(&store));
    type_keys(&mut ada, "All five sent", evening, Some(&store));
    press(&mut ada, key(KeyCode::Enter), evening, Some(&store));
    assert!(!ada.ui.unsaved);

    // The next day, the facilitator's report-back has it, marked as the member's.
    let mut app = report_back(&store);
    let items = queries::report_items(&app);
    let i = items.iter().position(|s| s.id == "2030-01-01-1").expect("Ada's step is reported on");
    let m = app.meeting.as_ref().unwrap();
    assert_eq!(queries::reported(m, &items[i]), (Progress::Done, Reported::ByMember));
    let e = items[i].last_entry().unwrap();
    assert_eq!((e.by, e.note.as_str(), e.at), (Reporter::Member, "All five sent", evening));
    app.ui.cursors.report = i;
    let screen = report_back_text(&app);
    assert!(screen.contains("done*"), "{screen}");
    assert!(screen.contains("Ada reported: done") && screen.contains("All five sent"), "{screen}");
    insta::assert_snapshot!("member_reportback_prefilled", screen);

    // The facilitator confirms it in the room: now it is recorded here, with her note.
    facilitator_update(&mut app, Action::Mark(Progress::Done), meeting_time());
    let items = queries::report_items(&app);
    let m = app.meeting.as_ref().unwrap();
    let s = items.iter().find(|s| s.id == "2030-01-01-1").unwrap();
    assert_eq!(queries::reported(m, s), (Progress::Done, Reported::Here));
    assert_eq!(m.review("2030-01-01-1").unwrap().note, "All five sent");
}

#[test]
fn missed_weekly_check_ins_are_flagged_in_the_report_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = install_demo(dir.path());
    let app = report_back(&store);
    assert_eq!(app.ctx.missed_checkins("ben", meeting_time().date_naive()), 2);
    assert_eq!(app.ctx.missed_checkins("dev", meeting_time().date_naive()), 0);
    let screen = report_back_text(&app);
    assert!(screen.contains("Hot Team check-ins"), "{screen}");
    let flag = screen.lines().find(|l| l.contains("⚑ Ben")).expect("Ben is flagged");
    assert!(flag.contains("2 missed"), "{flag}");
    assert!(!screen.contains("⚑ Dev"), "{screen}");

    // Once the missed weeks have check-ins, the flag goes.
    let mut log = store.load_checkins("ben").unwrap();
    for on in ["2029-12-27", "2030-01-02"] {
        log.checkins.push(hotseat::model::Checkin {
            partnership: "p1".into(),
            on: day(on),
            at: moment(&format!("{on}T18:00:00+00:00")),
            note: String::new(),
            on_track: Some(true),
        });
    }
    store.save_checkins("ben", &log).unwrap();
    let screen = report_back_text(&report_back(&store));
    assert!(!screen.contains("Hot Team check-ins"), "{screen}");
}

#[test]
fn an_absent_member_is_not_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let store = install_demo(dir.path());
    let now = meeting_time();
    let mut app = App::new(Context::load(&store, Strictness::Lenient).unwrap());
    facilitator_update(&mut app, Action::Start, now);
    app.ui.cursors.check_in = 1; // Ben
    facilitator_update(&mut app, Action::SetPresence(hotseat::model::Presence::Absent), now);
    facilitator_update(&mut app, Action::Advance, now);
    assert!(!report_back_text(&app).contains("Hot Team check-ins"));
}

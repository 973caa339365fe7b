//! The member's `update`, driven by actions and injected time, without a terminal.

mod support;

use hotseat::member::queries::{self, StepGroup};
use hotseat::member::state::{FormPurpose, Overlay, PrepField};
use hotseat::member::{MemberAction as A, MemberEffect as E, Screen, keymap};
use hotseat::model::partners::missed_weeks;
use hotseat::model::{Partner, Progress, Reporter};
use proptest::prelude::*;
use ratatui::crossterm::event::KeyCode;
use support::*;

#[test]
fn marking_a_step_done_records_a_member_report_at_the_injected_time() {
    let dir = tempfile::tempdir().unwrap();
    let store = install_demo(dir.path());
    let now = evening_before();
    let mut app = load_member(&store, "ada", now);
    let first = queries::selected_step(&app, now.date_naive()).unwrap().id.clone();
    assert_eq!(first, "2030-01-01-1", "the overdue step comes first");
    assert!(act(&mut app, A::Mark(Progress::Done), now).is_empty(), "asks for a note first");
    type_keys(&mut app, "All five sent", now, None);
    let effects = act(&mut app, A::Submit, now);
    assert_eq!(effects, vec![E::SaveProgress]);
    let e = app.progress.entries.last().unwrap();
    assert_eq!(
        (e.step.as_str(), e.progress, e.note.as_str(), e.at),
        (first.as_str(), Progress::Done, "All five sent", now)
    );
    let st = app.steps.iter().find(|s| s.id == first).unwrap();
    assert_eq!(st.last_entry().unwrap().by, Reporter::Member);
    assert_eq!(queries::group_of(st, now.date_naive()), StepGroup::Closed);
    assert!(matches!(app.ui.overlay, Overlay::None));
}

#[test]
fn escape_cancels_a_mark_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let store = install_demo(dir.path());
    let now = evening_before();
    let mut app = load_member(&store, "ada", now);
    act(&mut app, A::Mark(Progress::NotDone), now);
    // While typing, q is a letter, not quit.
    press(&mut app, ch('q'), now, None);
    assert!(matches!(&app.ui.overlay, Overlay::Form(f) if f.value(0) == "q"));
    assert!(act(&mut app, A::Cancel, now).is_empty());
    assert!(app.progress.entries.is_empty());
}

#[test]
fn steps_are_grouped_by_due_date_relative_to_today() {
    let dir = tempfile::tempdir().unwrap();
    let store = install_demo(dir.path());
    let now = evening_before();
    let app = load_member(&store, "ada", now);
    let groups: Vec<StepGroup> = queries::step_order(&app, now.date_naive())
        .iter()
        .map(|&i| queries::group_of(&app.steps[i], now.date_naive()))
        .collect();
    assert_eq!(groups, vec![StepGroup::Overdue, StepGroup::ThisWeek, StepGroup::Closed]);
    // A month later both open steps are overdue.
    let later = moment("2030-02-14T09:00:00+01:00");
    let groups: Vec<StepGroup> = queries::step_order(&app, later.date_naive())
        .iter()
        .map(|&i| queries::group_of(&app.steps[i], later.date_naive()))
        .collect();
    assert_eq!(groups, vec![StepGroup::Overdue, StepGroup::Overdue, StepGroup::Closed]);
}

#[test]
fn goals_are_added_and_edited_with_their_checks() {
    let dir = tempfile::tempdir().unwrap();
    let store = install_demo(dir.path());
    let now = evening_before();
    let mut app = load_member(&store, "ada", now);
    act(&mut app, A::Show(Screen::Goals), now);
    act(&mut app, A::Add, now);
    assert!(act(&mut app, A::Submit, now).is_empty(), "a goal needs a title");
    type_keys(&mut app, "Hire a COO", now, None);
    act(&mut app, A::NextField, now);
    type_keys(&mut app, "Offer signed", now, None);
    act(&mut app, A::NextField, now);
    type_keys(&mut app, "next spring", now, None);
    assert!(act(&mut app, A::Submit, now).is_empty(), "a bad date keeps the form open");
    match &app.ui.overlay {
        Overlay::Form(f) => {
            assert_eq!(f.focus, 2);
            assert!(f.error.as_deref().unwrap().contains("not a date"));
        }
        _ => panic!("form closed"),
    }
    for _ in 0.."next spring".len() {
        press(&mut app, key(KeyCode::Backspace), now, None);
    }
    type_keys(&mut app, "2030-06-30", now, None);
    act(&mut app, A::NextField, now);
    type_keys(&mut app, "I cannot run ops and raise money", now, None);
    act(&mut app, A::NextField, now);
    type_keys(&mut app, "Ada, who runs ops in June?", now, None);
    assert_eq!(act(&mut app, A::Submit, now), vec![E::SaveGoals]);
    let g = app.goals.goals.last().unwrap();
    assert_eq!(g.id, "g3");
    assert_eq!(g.deadline, Some(day("2030-06-30")));
    assert_eq!(g.slip_words, "Ada, who runs ops in June?");
    // Edit the first goal's title.
    act(&mut app, A::SelectPrev, now);
    act(&mut app, A::SelectPrev, now);
    act(&mut app, A::Edit, now);
    type_keys(&mut app, "!", now, None);
    assert_eq!(act(&mut app, A::Submit, now), vec![E::SaveGoals]);
    assert_eq!(app.goals.goals[0].title, "Close the seed extension!");
    assert_eq!(app.goals.goals.len(), 3);
}

#[test]
fn prep_fields_and_questions_are_edited_for_the_next_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let store = install_demo(dir.path());
    let now = evening_before();
    let mut app = load_member(&store, "farid", now);
    assert_eq!(app.prep.meeting, day(ANCHOR));
    assert!(!app.prep.is_prepared());
    act(&mut app, A::Show(Screen::Prep), now);
    assert_eq!(act(&mut app, A::ToggleVision, now), vec![E::SavePrep]);
    assert!(app.prep.vision_reviewed);
    // Questions: the multi-line editor, one per line.
    app.ui.cursors.prep = PrepField::ALL.iter().position(|f| *f == PrepField::Questions).unwrap();
    act(&mut app, A::Edit, now);
    assert!(matches!(app.ui.overlay, Overlay::Questions(_)));
    type_keys(&mut app, "How do I raise prices?", now, None);
    press(&mut app, key(KeyCode::Enter), now, None);
    type_keys(&mut app, "Who to hire first?", now, None);
    assert_eq!(act(&mut app, A::Submit, now), vec![E::SavePrep]);
    assert_eq!(app.prep.questions, vec!["How do I raise prices?", "Who to hire first?"]);
    assert!(app.prep.is_prepared());
    assert_eq!(app.prep.updated_at, Some(now));
    // Walk-away: a one-line form.
    act(&mut app, A::SelectNext, now);
    act(&mut app, A::Edit, now);
    assert!(matches!(&app.ui.overlay, Overlay::Form(f) if f.purpose == FormPurpose::Prep(PrepField::WalkAway)));
    type_keys(&mut app, "A price list", now, None);
    assert_eq!(act(&mut app, A::Submit, now), vec![E::SavePrep]);
    assert_eq!(app.prep.walk_away, "A price list");
}

#[test]
fn partnerships_name_a_member_or_an_outsider_never_oneself() {
    let dir = tempfile::tempdir().unwrap();
    let store = install_demo(dir.path());
    let now = evening_before();
    let mut app = load_member(&store, "ada", now);
    act(&mut app, A::Show(Screen::Partners), now);
    act(&mut app, A::Add, now);
    type_keys(&mut app, "Ada", now, None);
    act(&mut app, A::NextField, now);
    type_keys(&mut app, "fundraising", now, None);
    assert!(act(&mut app, A::Submit, now).is_empty());
    assert!(
        matches!(&app.ui.overlay, Overlay::Form(f) if f.error.as_deref().unwrap().contains("own Hot Team partner"))
    );
    act(&mut app, A::Cancel, now);
    for (typed, want) in [("elena", Partner::Member("elena".into())), ("Sam Lee", Partner::Outside("Sam Lee".into()))] {
        act(&mut app, A::Add, now);
        type_keys(&mut app, typed, now, None);
        act(&mut app, A::NextField, now);
        type_keys(&mut app, "delegation", now, None);
        assert_eq!(act(&mut app, A::Submit, now), vec![E::SavePartners]);
        let p = app.partners.partnerships.last().unwrap();
        assert_eq!(p.partner, want);
        assert_eq!(p.since, now.date_naive());
        assert_eq!(p.day, chrono::Weekday::Fri);
    }
    assert_eq!(app.partners.partnerships.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["p1", "p2"]);
}

#[test]
fn a_check_in_covers_this_week_and_missed_weeks_stay_counted() {
    let dir = tempfile::tempdir().unwrap();
    let store = install_demo(dir.path());
    let now = evening_before();
    let mut app = load_member(&store, "ben", now);
    let p = app.partners.partnerships[0].clone();
    assert_eq!(missed_weeks(&p, &app.checkins.checkins, now.date_naive()).len(), 2);
    act(&mut app, A::Show(Screen::Partners), now);
    act(&mut app, A::CheckIn, now);
    type_keys(&mut app, "Delegated the Acme renewal", now, None);
    act(&mut app, A::NextField, now);
    // On track is a box, ticked at first: Space clears it.
    press(&mut app, ch(' '), now, None);
    assert_eq!(act(&mut app, A::Submit, now), vec![E::SaveCheckins]);
    let c = app.checkins.checkins.last().unwrap();
    assert_eq!((c.on, c.on_track, c.note.as_str()), (now.date_naive(), Some(false), "Delegated the Acme renewal"));
    // Past weeks are still missed; the next Monday nothing new is missed.
    let next_monday = moment("2030-01-21T08:00:00+01:00");
    assert_eq!(missed_weeks(&p, &app.checkins.checkins, next_monday.date_naive()).len(), 2);
}

#[test]
fn offers_are_a_comma_separated_list() {
    let dir = tempfile::tempdir().unwrap();
    let store = install_demo(dir.path());
    let now = evening_before();
    let mut app = load_member(&store, "ben", now);
    act(&mut app, A::Show(Screen::Partners), now);
    act(&mut app, A::Offers, now);
    type_keys(&mut app, ", negotiation,, Cold calling ", now, None);
    assert_eq!(act(&mut app, A::Submit, now), vec![E::SavePartners]);
    assert_eq!(app.partners.offers, vec!["cold calling", "negotiation"]);
}

#[test]
fn screens_cycle_and_quit_is_immediate_unless_a_save_failed() {
    let dir = tempfile::tempdir().unwrap();
    let store = install_demo(dir.path());
    let now = evening_before();
    let mut app = load_member(&store, "ada", now);
    for want in [Screen::Goals, Screen::Prep, Screen::Partners, Screen::Steps] {
        press(&mut app, key(KeyCode::Tab), now, None);
        assert_eq!(app.ui.screen, want);
    }
    press(&mut app, ch('3'), now, None);
    assert_eq!(app.ui.screen, Screen::Prep);
    assert_eq!(act(&mut app, A::Quit, now), vec![E::Quit]);
    act(&mut app, A::SaveFailed("disk full".into()), now);
    assert!(act(&mut app, A::Quit, now).is_empty());
    assert!(matches!(app.ui.overlay, Overlay::ConfirmQuit));
    assert_eq!(keymap::lookup(&app, &ch('y')), Some(A::Confirm));
    assert_eq!(act(&mut app, A::Confirm, now), vec![E::Quit]);
}

#[test]
fn every_key_has_help_and_footer_hints_come_from_the_table() {
    for b in keymap::table() {
        assert!(!b.help.is_empty());
    }
    let dir = tempfile::tempdir().unwrap();
    let store = install_demo(dir.path());
    let now = evening_before();
    let app = load_member(&store, "ada", now);
    let hints: Vec<&str> = keymap::hints(&app).into_iter().map(|(_, h)| h).collect();
    assert!(hints.contains(&"done") && hints.contains(&"help"), "{hints:?}");
}

fn any_action() -> impl Strategy<Value = A> {
    prop_oneof![
        Just(A::SelectPrev),
        Just(A::SelectNext),
        Just(A::NextScreen),
        Just(A::PrevScreen),
        Just(A::Mark(Progress::Done)),
        Just(A::Mark(Progress::Partial)),
        Just(A::Add),
        Just(A::Edit),
        Just(A::ToggleVision),
        Just(A::CheckIn),
        Just(A::Offers),
        Just(A::Help),
        Just(A::Cancel),
        Just(A::Submit),
        Just(A::NextField),
        "[a-z0-9 ,-]{0,6}".prop_map(A::Paste),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]
    /// Random key sequences never panic, never quit, and only ever save the member's
    /// own files; every screen still draws.
    #[test]
    fn random_actions_keep_the_view_sound(actions in proptest::collection::vec(any_action(), 0..40)) {
        let dir = tempfile::tempdir().unwrap();
        let store = install_demo(dir.path());
        let now = evening_before();
        let mut app = load_member(&store, "ben", now);
        for a in actions {
            for e in act(&mut app, a, now) {
                prop_assert!(e != E::Quit);
            }
        }
        let screen = member_shown(&app, now);
        prop_assert!(screen.contains("Ben Hartley"));
    }
}

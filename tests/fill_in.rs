//! The facilitator fills in for a member who does not run hotseat (prep review, `e`):
//! the form, what it refuses, and the files it writes — in the member's folder, under
//! `entered/`, marked as entered by the facilitator, the member's own files winning.

mod support;

use std::os::unix::fs::PermissionsExt;

use hotseat::facilitator::program::Facilitator;
use hotseat::facilitator::{Action, Effect, Overlay};
use hotseat::store::Store;
use hotseat::store::snapshot::{Context, Strictness};
use support::walk::{status_text, times};
use support::*;

/// The demo's prep review with Farid (who has goals but no prep) selected.
fn on_farid(f: &mut Facilitator<'_>) {
    f.dispatch(Action::Start, at(18, 0, 0));
    f.dispatch(Action::Advance, at(18, 5, 0));
    f.dispatch(Action::Advance, at(18, 20, 0));
    for _ in 0..5 {
        f.dispatch(Action::SelectNext, at(18, 20, 0));
    }
}

fn type_in(f: &mut Facilitator<'_>, text: &str) {
    for c in text.chars() {
        f.dispatch(Action::TypeLine(tui_input::InputRequest::InsertChar(c)), at(18, 21, 0));
    }
}

#[test]
fn the_facilitator_types_in_a_prep_and_it_is_saved_in_the_members_folder_as_entered() {
    let demo = Demo::new();
    let store = demo.store();
    let mut f = Facilitator::new(load(&store), &store);
    on_farid(&mut f);
    f.dispatch(Action::FillIn, at(18, 21, 0));
    let Overlay::FillIn(form) = &f.app.ui.overlay else { panic!("no form: {:?}", f.app.ui.overlay) };
    assert_eq!(form.rows.len(), 5, "Farid keeps his own goals: only the prep is offered");
    insta::assert_snapshot!("fill_in_form", text_of(&draw(&f.app, 80, 24, at(18, 21, 0))));
    f.dispatch(Action::TypeLine(tui_input::InputRequest::InsertChar('y')), at(18, 21, 0));
    f.dispatch(Action::NextField, at(18, 21, 0));
    type_in(&mut f, "Signed the lease");
    f.dispatch(Action::NextField, at(18, 21, 0));
    f.dispatch(Action::NextField, at(18, 21, 0));
    type_in(&mut f, "How do I hire a COO?; What first");
    f.dispatch(Action::Submit, at(18, 22, 0));
    assert!(status_text(&f.app).contains("entered by the facilitator"), "{}", status_text(&f.app));

    let date = f.app.meeting.as_ref().unwrap().date;
    let path = store.layout.entered_prep("farid", date);
    let meta = std::fs::metadata(&path).expect("the entered prep is written");
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert_eq!(std::fs::metadata(store.layout.entered_dir("farid")).unwrap().permissions().mode() & 0o777, 0o700);
    assert!(!store.layout.prep("farid", date).exists(), "the member's own prep file is never written");

    // Read back as a session starts: prepared, and marked.
    let ctx = Context::load(&Store::new(store.root()), Strictness::Strict).unwrap();
    let prep = ctx.preps.get("farid").expect("the entered prep is read");
    assert_eq!(prep.entered_by.as_deref(), Some("facilitator"));
    assert_eq!(prep.questions, ["How do I hire a COO?", "What first"]);
    assert!(prep.is_prepared());
    let screen = text_of(&draw(&f.app, 80, 24, at(18, 22, 0)));
    assert!(screen.contains("by facilitator"), "{screen}");
    assert!(ok(&["--data-dir", path_str(store.root()), "check"]).contains("are fine"));

    // Farid, opening his own view, finds it, marked; saved by him, it is his own.
    let mut farid = load_member(&Store::new(store.root()), "farid", at(18, 30, 0));
    assert_eq!((farid.prep.meeting, farid.prep.accomplished.as_str()), (date, "Signed the lease"));
    act(&mut farid, hotseat::member::MemberAction::Show(hotseat::member::Screen::Prep), at(18, 30, 0));
    let screen = member_shown(&farid, at(18, 30, 0));
    assert!(screen.contains("entered for you"), "{screen}");
    Store::new(store.root()).save_prep("farid", &farid.prep).unwrap();
    assert_eq!(Store::new(store.root()).load_prep("farid", date).unwrap().unwrap().entered_by, None);
}

#[test]
fn a_member_who_keeps_their_own_prep_and_goals_is_not_filled_in() {
    let demo = Demo::new();
    let store = demo.store();
    let mut f = Facilitator::new(load(&store), &store);
    on_farid(&mut f);
    f.dispatch(Action::SelectPrev, at(18, 20, 0)); // Elena: her own prep and goals
    f.dispatch(Action::FillIn, at(18, 21, 0));
    assert!(matches!(f.app.ui.overlay, Overlay::None));
    assert!(status_text(&f.app).contains("only they change them"), "{}", status_text(&f.app));
}

#[test]
fn goals_entered_for_a_member_without_any_are_read_as_theirs_until_they_write_their_own() {
    let demo = Demo::new();
    let store = demo.store();
    std::fs::remove_file(store.layout.goals("farid")).unwrap();
    let mut f = Facilitator::new(load(&store), &store);
    on_farid(&mut f);
    f.dispatch(Action::FillIn, at(18, 21, 0));
    let Overlay::FillIn(form) = &f.app.ui.overlay else { panic!("no form") };
    assert_eq!(form.rows.len(), 8, "the prep and three goals");
    for _ in 0..5 {
        f.dispatch(Action::NextField, at(18, 21, 0));
    }
    type_in(&mut f, "Hire a COO by June");
    f.dispatch(Action::Submit, at(18, 22, 0));
    let goals = store.load_goals("farid").unwrap();
    assert_eq!(goals.entered_by.as_deref(), Some("facilitator"));
    assert_eq!(goals.goals.len(), 1);
    assert_eq!(goals.goals[0].title, "Hire a COO by June");
    // Farid starts keeping his own (from what was entered for him): his win, and are his.
    let mut own = goals.clone();
    own.goals[0].title = "Hire a COO by July".into();
    store.save_goals("farid", &own).unwrap();
    let read = Store::new(store.root()).load_goals("farid").unwrap();
    assert_eq!((read.goals[0].title.as_str(), read.entered_by), ("Hire a COO by July", None));
}

#[test]
fn the_update_asks_for_the_save_of_what_was_filled_in() {
    let (_demo, mut app) = support::walk::prep_reviewed();
    times(&mut app, Action::SelectNext, 9, at(18, 21, 0)); // the last row: Farid, absent
    act(&mut app, Action::FillIn, at(18, 21, 0));
    assert!(matches!(app.ui.overlay, Overlay::FillIn(_)), "{:?}", app.ui.overlay);
    assert_eq!(act(&mut app, Action::Cancel, at(18, 21, 0)), vec![], "Esc saves nothing");
    act(&mut app, Action::FillIn, at(18, 21, 0));
    let effects = act(&mut app, Action::Submit, at(18, 22, 0));
    assert_eq!(effects, vec![Effect::SaveEntered { member: "farid".into(), prep: true, goals: false }]);
}

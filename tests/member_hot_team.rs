//! The member's Hot Team forms in `update`, with injected time: a second check-in in the
//! same week updates that week's (after asking), on track is a box ticked with Space, a
//! partner close at work is asked about first, and Esc in every input saves nothing.

mod support;

use hotseat::member::state::{Overlay, PrepField};
use hotseat::member::{MemberAction as A, MemberApp, MemberEffect as E, Screen};
use hotseat::model::Partner;
use ratatui::crossterm::event::KeyCode;
use support::*;

fn ben() -> (tempfile::TempDir, MemberApp) {
    let dir = tempfile::tempdir().unwrap();
    let store = install_demo(dir.path());
    let mut app = load_member(&store, "ben", evening_before());
    act(&mut app, A::Show(Screen::Partners), evening_before());
    (dir, app)
}

fn check_in(app: &mut MemberApp, note: &str, now: chrono::DateTime<chrono::FixedOffset>) -> Vec<E> {
    type_keys(app, note, now, None);
    act(app, A::Submit, now)
}

#[test]
fn a_second_check_in_in_the_same_week_asks_then_updates_that_weeks() {
    let (_d, mut app) = ben();
    let now = evening_before();
    let before = app.checkins.checkins.len();
    act(&mut app, A::CheckIn, now);
    assert!(matches!(&app.ui.overlay, Overlay::Form(f) if f.value(0).is_empty()), "no check-in this week yet");
    assert_eq!(check_in(&mut app, "Gave Sam the Acme renewal", now), vec![E::SaveCheckins]);
    assert_eq!(app.checkins.checkins.len(), before + 1);

    // Two days later, the same ISO week (Monday 14 to Sunday 20 January).
    let later = moment("2030-01-16T09:30:00+01:00");
    assert!(act(&mut app, A::CheckIn, later).is_empty());
    assert!(matches!(&app.ui.overlay, Overlay::UpdateCheckin { partnership } if partnership == "p1"));
    // Any key but y: nothing changes.
    assert!(act(&mut app, A::Cancel, later).is_empty());
    assert!(matches!(app.ui.overlay, Overlay::None));
    act(&mut app, A::CheckIn, later);
    assert!(act(&mut app, A::Confirm, later).is_empty());
    let Overlay::Form(f) = &app.ui.overlay else { panic!("the form opens") };
    assert_eq!(f.value(0), "Gave Sam the Acme renewal", "it holds this week's check-in");
    assert!(f.checked(1));
    assert_eq!(check_in(&mut app, " and the Brill one", later), vec![E::SaveCheckins]);
    assert_eq!(app.checkins.checkins.len(), before + 1, "updated, not added");
    let c = app.checkins.checkins.last().unwrap();
    assert_eq!(
        (c.note.as_str(), c.on, c.at),
        ("Gave Sam the Acme renewal and the Brill one", later.date_naive(), later)
    );

    // The next Monday is a new week: no question, a new check-in.
    let monday = moment("2030-01-21T08:00:00+01:00");
    act(&mut app, A::CheckIn, monday);
    assert!(matches!(&app.ui.overlay, Overlay::Form(f) if f.value(0).is_empty()));
    assert_eq!(check_in(&mut app, "Quiet week", monday), vec![E::SaveCheckins]);
    assert_eq!(app.checkins.checkins.len(), before + 2);
}

#[test]
fn on_track_is_a_box_space_and_arrows_toggle_and_letters_do_not_type() {
    let (_d, mut app) = ben();
    let now = evening_before();
    act(&mut app, A::CheckIn, now);
    let checked = |app: &MemberApp| match &app.ui.overlay {
        Overlay::Form(f) => f.checked(1),
        _ => panic!("the form is open"),
    };
    assert!(checked(&app), "on track unless said otherwise");
    act(&mut app, A::NextField, now);
    press(&mut app, ch(' '), now, None);
    assert!(!checked(&app));
    press(&mut app, key(KeyCode::Right), now, None);
    assert!(checked(&app));
    press(&mut app, ch('n'), now, None);
    assert!(!checked(&app));
    press(&mut app, ch('x'), now, None);
    act(&mut app, A::Paste("yes".into()), now);
    assert!(!checked(&app), "other keys and pastes leave the box alone");
    // Space in the note still types a space.
    act(&mut app, A::PrevField, now);
    type_keys(&mut app, "a b", now, None);
    assert_eq!(act(&mut app, A::Submit, now), vec![E::SaveCheckins]);
    let c = app.checkins.checkins.last().unwrap();
    assert_eq!((c.note.as_str(), c.on_track), ("a b", Some(false)));
}

fn add_partner(app: &mut MemberApp, who: &str, skill: &str) -> Vec<E> {
    let now = evening_before();
    act(app, A::Add, now);
    type_keys(app, who, now, None);
    act(app, A::NextField, now);
    type_keys(app, skill, now, None);
    act(app, A::Submit, now)
}

#[test]
fn a_partner_in_my_department_or_reporting_line_is_asked_about_first() {
    let (_d, mut app) = ben();
    let now = evening_before();
    let n = app.partners.partnerships.len();
    app.group.members.iter_mut().find(|m| m.id == "chloe").unwrap().department = "sales".into();
    assert!(add_partner(&mut app, "chloe", "pricing").is_empty());
    let Overlay::ClosePartner { warning, .. } = &app.ui.overlay else { panic!("asks first") };
    assert!(warning.contains("Chloé Martin works close to you: you are both in Sales"), "{warning}");
    // No: back to the form as it was typed, nothing saved.
    assert!(act(&mut app, A::Cancel, now).is_empty());
    assert!(matches!(&app.ui.overlay, Overlay::Form(f) if f.value(0) == "chloe" && f.value(1) == "pricing"));
    assert_eq!(app.partners.partnerships.len(), n);
    // Yes: saved.
    act(&mut app, A::Submit, now);
    assert_eq!(act(&mut app, A::Confirm, now), vec![E::SavePartners]);
    let p = app.partners.partnerships.last().unwrap();
    assert_eq!((&p.partner, p.skill.as_str()), (&Partner::Member("chloe".into()), "pricing"));

    // A manager in common asks too; someone outside the group, or in another department, does not.
    for id in ["ben", "dev"] {
        app.group.members.iter_mut().find(|m| m.id == id).unwrap().reports_to = Some("ada".into());
    }
    add_partner(&mut app, "dev", "hiring");
    assert!(
        matches!(&app.ui.overlay, Overlay::ClosePartner { warning, .. } if warning.contains("you both report to Ada Okafor"))
    );
    act(&mut app, A::Cancel, now);
    act(&mut app, A::Cancel, now);
    assert_eq!(add_partner(&mut app, "Sam Lee", "golf"), vec![E::SavePartners]);
    assert_eq!(add_partner(&mut app, "elena", "ops"), vec![E::SavePartners]);
}

#[test]
fn escape_in_every_input_saves_nothing() {
    let (_d, mut app) = ben();
    let now = evening_before();
    let (checkins, partners, prep, goals) =
        (app.checkins.clone(), app.partners.clone(), app.prep.clone(), app.goals.clone());
    let forms: [(Screen, A); 5] = [
        (Screen::Partners, A::CheckIn),
        (Screen::Partners, A::Add),
        (Screen::Partners, A::Offers),
        (Screen::Goals, A::Add),
        (Screen::Prep, A::Edit),
    ];
    for (screen, open) in forms {
        act(&mut app, A::Show(screen), now);
        app.ui.cursors.prep = PrepField::ALL.iter().position(|f| *f == PrepField::WalkAway).unwrap();
        act(&mut app, open.clone(), now);
        assert!(app.is_editing(), "{open:?} opens an input");
        type_keys(&mut app, "typed", now, None);
        assert!(!press(&mut app, key(KeyCode::Esc), now, None));
        assert!(matches!(app.ui.overlay, Overlay::None), "{open:?}: Esc closes");
    }
    // The questions editor asks first when it holds unsaved text.
    act(&mut app, A::Show(Screen::Prep), now);
    app.ui.cursors.prep = PrepField::ALL.iter().position(|f| *f == PrepField::Questions).unwrap();
    act(&mut app, A::Edit, now);
    type_keys(&mut app, "typed", now, None);
    press(&mut app, key(KeyCode::Esc), now, None);
    assert!(matches!(app.ui.overlay, Overlay::DiscardQuestions(_)));
    press(&mut app, ch('y'), now, None);
    assert!(matches!(app.ui.overlay, Overlay::None));
    assert_eq!(
        (app.checkins.clone(), app.partners.clone(), app.prep.clone(), app.goals.clone()),
        (checkins, partners, prep, goals)
    );
}

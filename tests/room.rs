//! In the room, live (issue 9): what the shared screen shows while a private note is
//! typed, the one step that asks (closing), the closed meeting's summary, keys on a
//! too-small terminal, the pledge, and `Esc` in every input — as update tests and
//! snapshots at 80×24.

mod support;

use hotseat::facilitator::keymap;
use hotseat::facilitator::{Action, App, Overlay};
use support::walk::*;
use support::*;

fn snap(name: &str, app: &App, now: chrono::DateTime<chrono::FixedOffset>) {
    insta::assert_snapshot!(name, screen(app, 80, 24, now));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        let input = ratatui_textarea::Input { key: ratatui_textarea::Key::Char(c), ..Default::default() };
        act(app, Action::TypeArea(input), at(18, 41, 0));
    }
}

const SECRET: &str = "Worried about the co-founder";

#[test]
fn a_private_note_is_masked_while_typed_and_shown_only_until_the_next_key() {
    let (_demo, mut app) = ben_with_a_step();
    act(&mut app, Action::PrivateNote, at(18, 41, 0));
    typed(&mut app, SECRET);
    let masked = shown(&app, 80, 24, at(18, 41, 0));
    assert!(!masked.contains("Worried"), "{masked}");
    assert!(masked.contains("A private note is being written"), "{masked}");
    assert!(masked.contains("28 characters"), "{masked}");
    snap("note_masked", &app, at(18, 41, 0));

    act(&mut app, Action::RevealNote, at(18, 41, 0));
    assert!(shown(&app, 80, 24, at(18, 41, 0)).contains(SECRET), "Ctrl-R shows it");
    typed(&mut app, "!");
    let again = shown(&app, 80, 24, at(18, 41, 0));
    assert!(!again.contains("Worried"), "the next key masks it again:\n{again}");
    assert!(again.contains("29 characters"), "{again}");
}

#[test]
fn the_blank_key_works_while_a_note_is_open_and_b_still_types() {
    let (_demo, mut app) = ben_with_a_step();
    act(&mut app, Action::PrivateNote, at(18, 41, 0));
    // `b` types a b; Ctrl-B blanks.
    assert_eq!(keymap::lookup(&app, &ch('b')).map(|a| matches!(a, Action::TypeArea(_))), Some(true));
    assert_eq!(keymap::lookup(&app, &ctrl('b')), Some(Action::Blank));
    typed(&mut app, "bob");
    act(&mut app, Action::Blank, at(18, 41, 0));
    assert!(app.ui.blank);
    let screen = shown(&app, 80, 24, at(18, 41, 0));
    assert!(screen.contains("hidden for privacy") && !screen.contains("Ben"), "{screen}");
    // While blanked, keys type nothing and act on nothing; b or Ctrl-B lifts it.
    assert_eq!(keymap::lookup(&app, &ch('x')), None);
    assert_eq!(keymap::lookup(&app, &ch('b')), Some(Action::Blank));
    act(&mut app, Action::Quit, at(18, 41, 0));
    act(&mut app, Action::Blank, at(18, 41, 0));
    assert!(!app.ui.blank);
    let Overlay::Note(n) = &app.ui.overlay else { panic!("the note stays open") };
    assert_eq!(n.text.lines(), ["bob"]);
    let help = keymap::help_rows(hotseat::tui::keymap::Scope::Editor);
    assert!(help.iter().any(|(k, _)| k == "Ctrl-R") && help.iter().any(|(k, _)| k == "Ctrl-B"), "{help:?}");
}

#[test]
fn closing_asks_naming_what_is_missing_and_only_y_closes() {
    let (_demo, mut app) = wrapping_up();
    assert!(next(&mut app, at(19, 50, 0)).is_empty(), "] asks");
    assert!(matches!(app.ui.overlay, Overlay::ConfirmClose));
    let screen = shown(&app, 80, 24, at(19, 50, 0));
    assert!(screen.contains("Close the meeting?"), "{screen}");
    assert!(squeezed(&screen).contains("no rating from"), "{screen}");
    assert!(squeezed(&screen).contains("1 action step without a due date"), "{screen}");
    snap("close_confirm", &app, at(19, 50, 0));
    // `]` again keeps asking; any other key returns.
    for _ in 0..5 {
        assert_eq!(keymap::lookup(&app, &ch(']')), Some(Action::Advance));
        assert!(next(&mut app, at(19, 50, 0)).is_empty());
        assert!(matches!(app.ui.overlay, Overlay::ConfirmClose));
    }
    assert!(meeting(&app).is_open());
    assert_eq!(keymap::lookup(&app, &ch('x')), Some(Action::Cancel));
    act(&mut app, Action::Cancel, at(19, 50, 0));
    assert!(matches!(app.ui.overlay, Overlay::None) && meeting(&app).is_open());
    next(&mut app, at(19, 51, 0));
    assert_eq!(act(&mut app, Action::Confirm, at(19, 51, 0)), vec![SAVE, hotseat::facilitator::Effect::SaveGroup]);
    assert!(!meeting(&app).is_open());
}

#[test]
fn with_nothing_missing_the_close_question_says_so() {
    let (_demo, mut app) = rated();
    let m = app.meeting.as_mut().unwrap();
    m.steps.iter_mut().for_each(|s| {
        s.due.get_or_insert(date(2030, 2, 5));
        if s.measurable_result.is_empty() {
            s.measurable_result = "done".into();
        }
    });
    let unrated: Vec<String> = m.here().filter(|id| m.rating(id).is_none()).map(str::to_string).collect();
    for id in unrated {
        m.ratings.push(hotseat::model::Rating { member: id, score: 7 });
    }
    assert_eq!(hotseat::facilitator::close::missing(&app), Vec::<String>::new());
    next(&mut app, at(19, 50, 0));
    assert!(shown(&app, 80, 24, at(19, 50, 0)).contains("Every rating, step and the pledge are in."));
}

#[test]
fn a_closed_meeting_starts_another_only_when_asked_from_a_fresh_reading() {
    let (demo, mut app) = rated();
    let store = demo.store();
    let fx = next(&mut app, at(19, 55, 0));
    hotseat::facilitator::program::run_effects(&mut app, &store, fx, at(19, 55, 0));
    let fx = act(&mut app, Action::Confirm, at(19, 55, 0));
    hotseat::facilitator::program::run_effects(&mut app, &store, fx, at(19, 55, 0));
    let before = store.meeting_ids().unwrap();
    for a in [Action::Advance, Action::Start, Action::AddStep, Action::ToggleTimer] {
        assert!(act(&mut app, a.clone(), at(19, 56, 0)).is_empty(), "{a:?} starts nothing");
    }
    let screen = shown(&app, 80, 24, at(19, 56, 0));
    assert!(screen.contains("Next meeting:") && screen.contains("n start another meeting"), "{screen}");
    assert_eq!(keymap::lookup(&app, &ch('n')), Some(Action::NewMeeting));
    let fx = act(&mut app, Action::NewMeeting, at(19, 57, 0));
    assert_eq!(fx, vec![hotseat::facilitator::Effect::ReadForNewMeeting]);
    hotseat::facilitator::program::run_effects(&mut app, &store, fx, at(19, 57, 0));
    assert!(app.in_meeting());
    assert_eq!(meeting(&app).id, "2030-01-15-2");
    assert_eq!(store.meeting_ids().unwrap().len(), before.len() + 1);
    // The report-back of the new meeting starts from what the closed one left open.
    assert!(app.ctx.previous.as_ref().is_some_and(|p| p.id == "2030-01-15"));
}

#[test]
fn on_a_too_small_terminal_only_quit_and_resize_do_anything() {
    let (_demo, mut app) = ben_with_a_step();
    act(&mut app, Action::Resize(50, 15), at(18, 40, 0));
    for c in [']', '[', 'a', ' ', '+', 'n', 'b', '?', 'j'] {
        assert_eq!(keymap::lookup(&app, &ch(c)), None, "{c} acts unseen");
    }
    assert_eq!(keymap::lookup(&app, &ch('q')), Some(Action::Quit));
    assert_eq!(keymap::lookup(&app, &ctrl('c')), Some(Action::Interrupt));
    act(&mut app, Action::Quit, at(18, 40, 0));
    // The quit question shows, even here, and takes its keys.
    let screen = shown(&app, 50, 15, at(18, 40, 0));
    assert!(screen.contains("Enlarge the terminal") && screen.contains("Quit? y yes"), "{screen}");
    insta::assert_snapshot!("too_small_quit", hotseat_screen(&app, 50, 15));
    assert_eq!(keymap::lookup(&app, &ch('y')), Some(Action::Confirm));
    act(&mut app, Action::Cancel, at(18, 40, 0));
    // Larger again: every key is back.
    act(&mut app, Action::Resize(80, 24), at(18, 40, 0));
    assert_eq!(keymap::lookup(&app, &ch(']')), Some(Action::Advance));
}

fn hotseat_screen(app: &App, w: u16, h: u16) -> ratatui::backend::TestBackend {
    screen(app, w, h, at(18, 40, 0))
}

#[test]
fn the_members_view_too_keys_nothing_but_quit_when_too_small() {
    use hotseat::member::{MemberAction as A, keymap as mk};
    let demo = Demo::new();
    let mut view = load_member(&demo.store(), "ada", at(18, 0, 0));
    act(&mut view, A::Resize(40, 10), at(18, 0, 0));
    assert_eq!(mk::lookup(&view, &ch('d')), None);
    assert_eq!(mk::lookup(&view, &key(ratatui::crossterm::event::KeyCode::Tab)), None);
    assert_eq!(mk::lookup(&view, &ch('q')), Some(A::Quit));
    act(&mut view, A::Resize(80, 24), at(18, 0, 0));
    assert!(mk::lookup(&view, &ch('d')).is_some());
}

#[test]
fn the_pledge_shows_whether_it_is_affirmed_and_taking_it_back_asks() {
    let (_demo, mut app) = opened();
    let footer = |app: &App| shown(app, 80, 24, at(18, 2, 0)).lines().last().unwrap_or_default().to_string();
    let first = shown(&app, 80, 24, at(18, 2, 0));
    assert!(first.contains("Pledge · not yet affirmed"), "{first}");
    assert!(footer(&app).contains("p affirm pledge"), "{}", footer(&app));
    assert_eq!(act(&mut app, Action::AckPledge, at(18, 2, 0)), vec![SAVE]);
    assert!(shown(&app, 80, 24, at(18, 2, 0)).contains("Pledge · ✓ affirmed"));
    assert!(footer(&app).contains("p undo pledge"), "{}", footer(&app));
    // Taking it back asks; anything but y keeps it.
    assert!(act(&mut app, Action::AckPledge, at(18, 3, 0)).is_empty());
    assert!(matches!(app.ui.overlay, Overlay::ConfirmTakeBackPledge));
    snap("pledge_take_back", &app, at(18, 3, 0));
    act(&mut app, Action::Cancel, at(18, 3, 0));
    assert_eq!(meeting(&app).pledge_acknowledged_at, Some(at(18, 2, 0)));
    act(&mut app, Action::AckPledge, at(18, 3, 0));
    assert_eq!(act(&mut app, Action::Confirm, at(18, 3, 0)), vec![SAVE]);
    assert_eq!(meeting(&app).pledge_acknowledged_at, None);
}

#[test]
fn esc_never_saves_a_private_note_and_asks_before_dropping_changes() {
    let (_demo, mut app) = ben_with_a_step();
    assert_eq!(
        keymap::lookup(&app, &ch('n')).map(|a| act(&mut app, a, at(18, 41, 0))),
        Some(Vec::new()),
        "n opens the note"
    );
    assert_eq!(keymap::lookup(&app, &key(ratatui::crossterm::event::KeyCode::Esc)), Some(Action::Cancel));
    assert_eq!(keymap::lookup(&app, &ctrl('s')), Some(Action::Submit));
    typed(&mut app, "Tired");
    assert!(act(&mut app, Action::Cancel, at(18, 41, 0)).is_empty(), "Esc saves nothing");
    assert!(matches!(app.ui.overlay, Overlay::DiscardNote(_)), "and asks, the text having changed");
    assert!(shown(&app, 80, 24, at(18, 41, 0)).contains("Discard your changes?"));
    act(&mut app, Action::Cancel, at(18, 41, 0));
    let Overlay::Note(n) = &app.ui.overlay else { panic!("any other key returns to the note") };
    assert_eq!(n.text.lines(), ["Tired"]);
    act(&mut app, Action::Cancel, at(18, 41, 0));
    act(&mut app, Action::Confirm, at(18, 41, 0));
    assert!(matches!(app.ui.overlay, Overlay::None));
    assert!(meeting(&app).private_notes.is_empty(), "discarded");
    // Ctrl-S saves; Esc on the unchanged note closes it without asking.
    act(&mut app, Action::PrivateNote, at(18, 42, 0));
    typed(&mut app, "Tired");
    assert_eq!(act(&mut app, Action::Submit, at(18, 42, 0)), vec![SAVE]);
    act(&mut app, Action::PrivateNote, at(18, 42, 0));
    assert!(act(&mut app, Action::Cancel, at(18, 42, 0)).is_empty());
    assert!(matches!(app.ui.overlay, Overlay::None));
}

#[test]
fn esc_never_saves_the_members_questions_and_asks_before_dropping_changes() {
    use hotseat::member::state::Overlay as MO;
    use hotseat::member::{MemberAction as A, Screen, keymap as mk};
    let demo = Demo::new();
    let mut view = load_member(&demo.store(), "ada", at(18, 0, 0));
    let saved = view.prep.questions.clone();
    act(&mut view, A::Show(Screen::Prep), at(18, 0, 0));
    view.ui.cursors.prep = 3;
    act(&mut view, A::Edit, at(18, 0, 0));
    if !matches!(view.ui.overlay, MO::Questions(_)) {
        let enter = mk::lookup(&view, &key(ratatui::crossterm::event::KeyCode::Enter)).expect("a key");
        act(&mut view, enter, at(18, 0, 0));
    }
    assert!(matches!(view.ui.overlay, MO::Questions(_)), "{:?}", view.ui.overlay);
    assert_eq!(mk::lookup(&view, &key(ratatui::crossterm::event::KeyCode::Esc)), Some(A::Cancel));
    assert_eq!(mk::lookup(&view, &ctrl('s')), Some(A::Submit));
    act(&mut view, A::Paste("\nA new question".into()), at(18, 0, 0));
    assert!(act(&mut view, A::Cancel, at(18, 0, 0)).is_empty());
    assert!(matches!(view.ui.overlay, MO::DiscardQuestions(_)));
    act(&mut view, A::Cancel, at(18, 0, 0));
    assert!(matches!(view.ui.overlay, MO::Questions(_)), "back to the editor");
    act(&mut view, A::Cancel, at(18, 0, 0));
    act(&mut view, A::Confirm, at(18, 0, 0));
    assert!(matches!(view.ui.overlay, MO::None));
    assert_eq!(view.prep.questions, saved, "nothing saved");
}

#[test]
fn marking_progress_records_only_the_new_note_never_an_earlier_meetings() {
    let (_demo, mut app) = checked_in();
    next(&mut app, at(18, 5, 0));
    let items = hotseat::facilitator::queries::report_items(&app);
    let said_before = items.iter().position(|s| {
        s.last_entry().is_some_and(|e| e.by == hotseat::model::Reporter::Facilitator && !e.note.is_empty())
    });
    let i = said_before.expect("the demo has a step with a note said in an earlier meeting");
    let step = items[i].id.clone();
    app.ui.cursors.report = i;
    act(&mut app, Action::Mark(hotseat::model::Progress::Partial), at(18, 6, 0));
    let r = meeting(&app).review(&step).expect("marked");
    assert_eq!(r.note, "", "the earlier note stays with its meeting");
    let entry = meeting(&app).review_entry(r);
    assert_eq!((entry.at, entry.meeting.as_deref()), (at(18, 6, 0), Some(meeting(&app).id.as_str())));
}

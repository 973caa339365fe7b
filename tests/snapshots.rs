//! Every screen at 80×24 (and one large terminal) on ratatui's `TestBackend`, built
//! from the bundled demo at fixed times; plus the colours that carry meaning.

mod support;

use chrono::{DateTime, Duration, FixedOffset};
use hotseat::facilitator::{Action, App};
use hotseat::model::{Presence, Progress};
use hotseat::store::lock::Holder;
use hotseat::store::snapshot::{Context, Strictness};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use support::*;

type Time = DateTime<FixedOffset>;

/// The demo's meeting, started at 18:00 and walked to the hot seats with a little
/// history: Dev late, Farid absent, the pledge affirmed, two steps reported.
struct Walk {
    _demo: Demo,
    app: App,
}

impl Walk {
    fn home() -> Walk {
        let demo = Demo::new();
        let app = load(&demo.store());
        Walk { _demo: demo, app }
    }

    fn check_in() -> Walk {
        let mut w = Walk::home();
        let app = &mut w.app;
        act(app, Action::Start, at(18, 0, 0));
        for _ in 0..3 {
            act(app, Action::SelectNext, at(18, 1, 0));
        }
        act(app, Action::SetPresence(Presence::Late), at(18, 1, 0));
        act(app, Action::SelectNext, at(18, 1, 0));
        act(app, Action::SelectNext, at(18, 1, 0));
        act(app, Action::SetPresence(Presence::Absent), at(18, 1, 0));
        act(app, Action::AckPledge, at(18, 3, 0));
        w
    }

    fn report_back() -> Walk {
        let mut w = Walk::check_in();
        let app = &mut w.app;
        next(app, at(18, 5, 0));
        act(app, Action::Mark(Progress::Done), at(18, 6, 0));
        act(app, Action::Mark(Progress::NotDone), at(18, 7, 0));
        w
    }

    fn prep_review() -> Walk {
        let mut w = Walk::report_back();
        next(&mut w.app, at(18, 20, 0));
        act(&mut w.app, Action::SelectNext, at(18, 20, 0));
        w
    }

    /// Ada's turn opened at 18:25 (17 minutes), one step captured.
    fn hot_seat() -> Walk {
        let mut w = Walk::prep_review();
        let app = &mut w.app;
        act(app, Action::SelectPrev, at(18, 20, 0));
        next(app, at(18, 25, 0));
        act(app, Action::AddStep, at(18, 27, 0));
        type_text(app, "Call Northwind Capital about leading the extension", at(18, 27, 0));
        act(app, Action::NextField, at(18, 27, 0));
        type_text(app, "Yes or no from their partner", at(18, 27, 0));
        act(app, Action::Submit, at(18, 27, 30));
        w
    }

    fn wrap_up() -> Walk {
        let mut w = Walk::hot_seat();
        let app = &mut w.app;
        let mut t = at(18, 42, 0);
        while app.meeting.as_ref().is_some_and(|m| m.hot_seat.is_some()) {
            next(app, t);
            t += Duration::minutes(17);
        }
        act(app, Action::Rate(9), at(19, 50, 0));
        act(app, Action::SelectNext, at(19, 50, 0));
        act(app, Action::SelectNext, at(19, 50, 0));
        act(app, Action::Rate(8), at(19, 50, 0));
        w
    }
}

fn snap(name: &str, app: &App, w: u16, h: u16, now: Time) {
    insta::assert_snapshot!(name, screen(app, w, h, now));
}

#[test]
fn home() {
    snap("home", &Walk::home().app, 80, 24, at(17, 55, 0));
}

#[test]
fn check_in() {
    snap("check_in", &Walk::check_in().app, 80, 24, at(18, 4, 0));
}

#[test]
fn report_back_with_slip_words() {
    snap("report_back", &Walk::report_back().app, 80, 24, at(18, 8, 0));
}

#[test]
fn prep_review() {
    snap("prep_review", &Walk::prep_review().app, 80, 24, at(18, 21, 0));
}

#[test]
fn hot_seat_running_paused_and_overtime() {
    let mut w = Walk::hot_seat();
    snap("hot_seat_running", &w.app, 80, 24, at(18, 31, 20));
    act(&mut w.app, Action::ToggleTimer, at(18, 33, 0));
    snap("hot_seat_paused", &w.app, 80, 24, at(18, 40, 0));
    act(&mut w.app, Action::ToggleTimer, at(18, 40, 0));
    // 17 minutes, 8 used before the pause: zero at 18:49.
    snap("hot_seat_overtime", &w.app, 80, 24, at(18, 50, 5));
}

#[test]
fn hot_seat_on_a_large_terminal_has_big_digits() {
    snap("hot_seat_160x48", &Walk::hot_seat().app, 160, 48, at(18, 31, 20));
}

#[test]
fn wrap_up() {
    snap("wrap_up", &Walk::wrap_up().app, 80, 24, at(19, 51, 0));
}

#[test]
fn closed_summary() {
    let mut w = Walk::wrap_up();
    next(&mut w.app, at(19, 55, 0));
    act(&mut w.app, Action::Confirm, at(19, 55, 0));
    snap("closed", &w.app, 80, 24, at(19, 56, 0));
}

#[test]
fn help_overlay() {
    let mut w = Walk::check_in();
    act(&mut w.app, Action::Help, at(18, 4, 0));
    snap("help", &w.app, 80, 24, at(18, 4, 0));
}

#[test]
fn quit_confirmation() {
    let mut w = Walk::hot_seat();
    act(&mut w.app, Action::Quit, at(18, 31, 0));
    snap("quit_confirm", &w.app, 80, 24, at(18, 31, 0));
}

#[test]
fn delete_confirmation() {
    let mut w = Walk::hot_seat();
    act(&mut w.app, Action::DeleteStep, at(18, 31, 0));
    snap("delete_confirm", &w.app, 80, 24, at(18, 31, 0));
}

#[test]
fn step_form_with_a_bad_date() {
    let mut w = Walk::hot_seat();
    let app = &mut w.app;
    act(app, Action::AddStep, at(18, 31, 0));
    type_text(app, "Write the board memo", at(18, 31, 0));
    act(app, Action::NextField, at(18, 31, 0));
    act(app, Action::NextField, at(18, 31, 0));
    clear_input(app, at(18, 31, 0));
    type_text(app, "next friday", at(18, 31, 0));
    act(app, Action::Submit, at(18, 31, 0));
    snap("step_form", app, 80, 24, at(18, 31, 0));
}

#[test]
fn note_editor() {
    let mut w = Walk::hot_seat();
    act(&mut w.app, Action::PrivateNote, at(18, 32, 0));
    act(&mut w.app, Action::Paste("Seemed tired; ask about the co-founder talk.".into()), at(18, 32, 0));
    snap("note_editor", &w.app, 80, 24, at(18, 32, 0));
}

#[test]
fn review_note_input() {
    let mut w = Walk::report_back();
    act(&mut w.app, Action::ReviewNote, at(18, 8, 0));
    type_text(&mut w.app, "Two ops meetings are still mine", at(18, 8, 0));
    snap("review_note", &w.app, 80, 24, at(18, 8, 0));
}

#[test]
fn next_date_input_in_the_wrap_up() {
    let mut w = Walk::wrap_up();
    act(&mut w.app, Action::EditNextDate, at(19, 52, 0));
    snap("next_date", &w.app, 80, 24, at(19, 52, 0));
    clear_input(&mut w.app, at(19, 52, 0));
    type_text(&mut w.app, "2030-01-10", at(19, 52, 0));
    act(&mut w.app, Action::Submit, at(19, 52, 0));
    snap("next_date_too_early", &w.app, 80, 24, at(19, 52, 0));
}

/// A second `hotseat meeting` while another holds the lock: it follows the files,
/// read-only, under the lock holder's banner.
#[test]
fn read_only_follower() {
    let w = Walk::hot_seat();
    let store = w._demo.store();
    store.save_meeting(w.app.meeting.as_ref().expect("a meeting")).expect("saved");
    let mut app = load(&store);
    app.ui.read_only = true;
    let holder = Holder { pid: 4242, host: "front-desk".into(), since: at(17, 58, 0) };
    app.ui.banner = Some(hotseat::facilitator::strings::held_by(Some(&holder)));
    act(&mut app, Action::Start, at(18, 31, 20));
    snap("read_only_follower", &app, 80, 24, at(18, 31, 20));
}

/// The group cannot be opened: the reason, from a real broken `group.json`.
#[test]
fn error_screen() {
    let demo = Demo::new();
    let g = std::fs::read_to_string(demo.path("group.json")).expect("read");
    let broken = g.replacen("\"meeting_minutes\": 120", "\"meeting_minutes\": \"two hours\"", 1);
    std::fs::write(demo.path("group.json"), broken).expect("write");
    let err = Context::load(&demo.store(), Strictness::Lenient).map(|_| ()).expect_err("broken").to_string();
    let message = err.replace(&demo.root.display().to_string(), "~/mastermind");
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    term.draw(|f| hotseat::tui::error_screen::draw(&message, f, true)).expect("draws");
    insta::assert_snapshot!("error_screen", term.backend());
}

#[test]
fn too_small_terminal() {
    let w = Walk::hot_seat();
    snap("too_small", &w.app, 59, 24, at(18, 31, 0));
    snap("too_small_1x1", &w.app, 1, 1, at(18, 31, 0));
}

#[test]
fn privacy_blank() {
    let mut w = Walk::hot_seat();
    act(&mut w.app, Action::Blank, at(18, 31, 0));
    let b = draw(&w.app, 80, 24, at(18, 31, 0));
    let text = text_of(&b);
    for hidden in ["Ada", "Northside", "Northwind", "Hot seats", "18:31"] {
        assert!(!text.contains(hidden), "{hidden} shows while blanked:\n{text}");
    }
    snap("blank", &w.app, 80, 24, at(18, 31, 0));
}

// ----- colour -----

/// The cells the big countdown digits are drawn with.
fn digit_cells(b: &Buffer) -> Vec<(u16, u16)> {
    let mut out = Vec::new();
    for y in 0..b.area.height {
        for x in 0..b.area.width {
            if matches!(b[(x, y)].symbol(), "█" | "▀" | "▄") {
                out.push((x, y));
            }
        }
    }
    out
}

fn countdown_colour(app: &App, now: Time) -> Color {
    let b = draw(app, 80, 24, now);
    let cells = digit_cells(&b);
    assert!(cells.len() > 20, "the big digits are drawn");
    let fg = b[cells[0]].fg;
    assert!(cells.iter().all(|&c| b[c].fg == fg), "every digit cell has one colour");
    fg
}

#[test]
fn the_countdown_turns_yellow_then_red() {
    let w = Walk::hot_seat();
    let zero = at(18, 42, 0);
    let before = |secs: i64| zero - Duration::seconds(secs);
    assert_eq!(countdown_colour(&w.app, before(300)), Color::Green);
    assert_eq!(countdown_colour(&w.app, before(121)), Color::Green);
    assert_eq!(countdown_colour(&w.app, before(120)), Color::Yellow, "two minutes left");
    assert_eq!(countdown_colour(&w.app, before(31)), Color::Yellow);
    assert_eq!(countdown_colour(&w.app, before(30)), Color::Red, "thirty seconds left");
    assert_eq!(countdown_colour(&w.app, zero), Color::Red);
    assert_eq!(countdown_colour(&w.app, zero + Duration::seconds(90)), Color::Red, "overtime");
    assert!(shown(&w.app, 80, 24, zero + Duration::seconds(90)).contains("OVERTIME"));
}

/// Every screen a meeting shows, and a few overlays.
fn all_screens() -> Vec<(&'static str, App, Time)> {
    let mut out = vec![
        ("home", Walk::home().app, at(17, 55, 0)),
        ("check-in", Walk::check_in().app, at(18, 4, 0)),
        ("report-back", Walk::report_back().app, at(18, 8, 0)),
        ("prep review", Walk::prep_review().app, at(18, 21, 0)),
        ("hot seat", Walk::hot_seat().app, at(18, 41, 45)),
        ("overtime", Walk::hot_seat().app, at(18, 45, 0)),
        ("wrap-up", Walk::wrap_up().app, at(19, 51, 0)),
    ];
    let mut closed = Walk::wrap_up().app;
    next(&mut closed, at(19, 55, 0));
    act(&mut closed, Action::Confirm, at(19, 55, 0));
    out.push(("closed", closed, at(19, 56, 0)));
    let mut help = Walk::hot_seat().app;
    act(&mut help, Action::Help, at(18, 30, 0));
    out.push(("help", help, at(18, 30, 0)));
    let mut form = Walk::hot_seat().app;
    act(&mut form, Action::AddStep, at(18, 30, 0));
    act(&mut form, Action::Submit, at(18, 30, 0));
    out.push(("step form", form, at(18, 30, 0)));
    out
}

/// The phase in the bar, unless no bar is shown or the help overlay covers it.
fn phase_shown(app: &App) -> Option<hotseat::model::Phase> {
    if matches!(app.ui.overlay, hotseat::facilitator::Overlay::Help(_)) {
        return None;
    }
    app.meeting.as_ref().filter(|m| m.is_open()).map(|m| m.phase)
}

#[test]
fn without_colour_no_cell_is_coloured_but_the_phase_still_stands_out() {
    for (name, mut app, now) in all_screens() {
        app.ui.color = false;
        let b = draw(&app, 80, 24, now);
        for y in 0..b.area.height {
            for x in 0..b.area.width {
                let c = &b[(x, y)];
                assert_eq!(
                    (c.fg, c.bg),
                    (Color::Reset, Color::Reset),
                    "{name}: cell {x},{y} {:?} is coloured",
                    c.symbol()
                );
            }
        }
        let Some(phase) = phase_shown(&app) else { continue };
        let label = phase.label();
        let row = text_of(&b).lines().nth(1).expect("phase bar").to_string();
        let col = row.find(label).expect("the current phase is in the bar");
        let x = row[..col].chars().count() as u16;
        for dx in 0..label.chars().count() as u16 {
            let m = b[(x + dx, 1)].modifier;
            assert!(m.contains(Modifier::REVERSED | Modifier::BOLD), "{name}: {label} is not reversed and bold");
        }
        // Every other label is drawn plain or dim, never reversed.
        let reversed = (0..b.area.width).filter(|&x| b[(x, 1)].modifier.contains(Modifier::REVERSED)).count();
        assert_eq!(reversed, label.chars().count() + 2, "{name}: only the current phase (and its padding)");
    }
}

#[test]
fn with_colour_the_current_phase_has_its_own_background() {
    for (name, app, now) in all_screens() {
        let Some(phase) = phase_shown(&app) else { continue };
        let b = draw(&app, 80, 24, now);
        let row = text_of(&b).lines().nth(1).expect("phase bar").to_string();
        let x = row[..row.find(phase.label()).expect("label")].chars().count() as u16;
        assert_eq!(b[(x, 1)].bg, Color::Cyan, "{name}");
        let coloured = (0..b.area.width).filter(|&x| b[(x, 1)].bg == Color::Cyan).count();
        assert_eq!(coloured, phase.label().chars().count() + 2, "{name}");
    }
}

#[test]
fn each_key_has_one_hint_in_the_footer() {
    for (name, app, _) in all_screens() {
        let hints = hotseat::facilitator::keymap::hints(&app);
        let mut keys: Vec<&str> = hints.iter().map(|(k, _)| k.as_str()).collect();
        keys.sort();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n, "{name}: a key is hinted twice: {hints:?}");
    }
    let w = Walk::prep_review();
    let footer = shown(&w.app, 80, 24, at(18, 21, 0)).lines().last().map(str::to_string).unwrap_or_default();
    assert!(footer.contains("+ minutes") && !footer.contains("+1 min"), "{footer}");
}

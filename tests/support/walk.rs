//! The demo's meeting walked phase by phase as the whole-meeting cases walk it, so
//! that each case starts where the one before it ends; and what those cases read off
//! the app. Each step replays only what changes the meeting: the checks are in the
//! cases (tests/meeting_flow.rs, tests/hot_seats.rs).

use chrono::{DateTime, FixedOffset};
use hotseat::facilitator::state::StepForm;
use hotseat::facilitator::{Action, App, Effect, Overlay};
use hotseat::model::{Meeting, Phase, Presence, Progress};

use super::{Demo, act, at, clear_input, load, next, type_text};

pub const SAVE: Effect = Effect::SaveMeeting;
pub const MIN: i64 = 60_000;

/// The demo (kept for as long as the app) and the app walked so far.
pub type Walked = (Demo, App);

/// Check-in: the meeting opened at 18:00.
pub fn opened() -> Walked {
    let demo = Demo::new();
    let mut app = load(&demo.store());
    act(&mut app, Action::Start, at(18, 0, 0));
    (demo, app)
}

/// …Dev late, Farid absent, the pledge affirmed at 18:03:20.
pub fn checked_in() -> Walked {
    let (demo, mut app) = opened();
    times(&mut app, Action::SelectNext, 3, at(18, 1, 0));
    act(&mut app, Action::SetPresence(Presence::Late), at(18, 1, 0));
    times(&mut app, Action::SelectNext, 2, at(18, 1, 0));
    act(&mut app, Action::SetPresence(Presence::Absent), at(18, 1, 0));
    act(&mut app, Action::AckPledge, at(18, 3, 20));
    (demo, app)
}

/// …the report-back from 18:05: Ada's first step done, her second not done with a
/// note, Chloe's dropped.
pub fn reported_back() -> Walked {
    let (demo, mut app) = checked_in();
    next(&mut app, at(18, 5, 0));
    act(&mut app, Action::Mark(Progress::Done), at(18, 6, 0));
    act(&mut app, Action::Mark(Progress::NotDone), at(18, 7, 0));
    act(&mut app, Action::ReviewNote, at(18, 8, 0));
    type_text(&mut app, "Two ops meetings are still mine", at(18, 8, 0));
    act(&mut app, Action::Submit, at(18, 8, 30));
    times(&mut app, Action::SelectNext, 2, at(18, 9, 0));
    act(&mut app, Action::Mark(Progress::Dropped), at(18, 10, 0));
    (demo, app)
}

/// …the prep review from 18:20: Ben moved first, 17 minutes a turn.
pub fn prep_reviewed() -> Walked {
    let (demo, mut app) = reported_back();
    next(&mut app, at(18, 20, 0));
    act(&mut app, Action::SelectNext, at(18, 21, 0));
    act(&mut app, Action::MoveEarlier, at(18, 21, 0));
    (demo, app)
}

/// …Ben's turn from 18:25, paused 18:30–18:35, a minute added.
pub fn ben_extended() -> Walked {
    let (demo, mut app) = prep_reviewed();
    next(&mut app, at(18, 25, 0));
    act(&mut app, Action::ToggleTimer, at(18, 30, 0));
    act(&mut app, Action::ToggleTimer, at(18, 35, 0));
    act(&mut app, Action::AddMinute, at(18, 35, 0));
    (demo, app)
}

/// …Ben's step captured at 18:37:30, due at the next meeting, for his goal.
pub fn ben_with_a_step() -> Walked {
    let (demo, mut app) = ben_extended();
    act(&mut app, Action::AddStep, at(18, 36, 0));
    type_text(&mut app, "Call five enterprise prospects", at(18, 36, 0));
    act(&mut app, Action::NextField, at(18, 36, 0));
    type_text(&mut app, "3 meetings booked", at(18, 36, 0));
    act(&mut app, Action::Submit, at(18, 37, 30));
    (demo, app)
}

/// …the bell at 18:48, a minute more, the bell again at 18:49.
pub fn ben_in_overtime() -> Walked {
    let (demo, mut app) = ben_with_a_step();
    act(&mut app, Action::Tick, at(18, 48, 0));
    act(&mut app, Action::AddMinute, at(18, 48, 30));
    act(&mut app, Action::Tick, at(18, 49, 0));
    (demo, app)
}

/// …Ada's turn from 18:50, back to Ben's at 18:52, Ada's again at 18:53.
pub fn ada_on() -> Walked {
    let (demo, mut app) = ben_in_overtime();
    next(&mut app, at(18, 50, 0));
    act(&mut app, Action::GoBack, at(18, 52, 0));
    next(&mut app, at(18, 53, 0));
    (demo, app)
}

/// …the other turns, Elena's step with no due date, and the wrap-up from 19:45.
pub fn wrapping_up() -> Walked {
    let (demo, mut app) = ada_on();
    for t in [at(19, 8, 0), at(19, 20, 0), at(19, 32, 0)] {
        next(&mut app, t);
    }
    act(&mut app, Action::AddStep, at(19, 40, 0));
    type_text(&mut app, "Visit the second plant", at(19, 40, 0));
    times(&mut app, Action::NextField, 2, at(19, 40, 0));
    clear_input(&mut app, at(19, 40, 0));
    act(&mut app, Action::Submit, at(19, 40, 5));
    next(&mut app, at(19, 45, 0));
    (demo, app)
}

/// …Ben rated 8, Ada 10, the next meeting set to 2030-02-05.
pub fn rated() -> Walked {
    let (demo, mut app) = wrapping_up();
    act(&mut app, Action::Rate(8), at(19, 46, 0));
    times(&mut app, Action::SelectNext, 2, at(19, 46, 0));
    act(&mut app, Action::Rate(10), at(19, 46, 0));
    act(&mut app, Action::EditNextDate, at(19, 47, 0));
    clear_input(&mut app, at(19, 47, 0));
    type_text(&mut app, "2030-02-05", at(19, 47, 0));
    act(&mut app, Action::Submit, at(19, 47, 0));
    (demo, app)
}

pub fn meeting(app: &App) -> &Meeting {
    app.meeting.as_ref().expect("a meeting is on screen")
}

pub fn phase(app: &App) -> Phase {
    meeting(app).phase
}

/// The members whose timers run.
pub fn running(app: &App) -> Vec<String> {
    meeting(app).turns.iter().filter(|t| t.is_running()).map(|t| t.member.clone()).collect()
}

pub fn left_ms(app: &App, member: &str, now: DateTime<FixedOffset>) -> i64 {
    meeting(app).turn(member).expect("the member has a turn").left_ms_at(now)
}

pub fn presence(app: &App, member: &str) -> Presence {
    meeting(app).presence(member)
}

pub fn status_text(app: &App) -> String {
    app.ui.status.as_ref().map(|s| s.text.clone()).unwrap_or_default()
}

/// The same action `n` times.
pub fn times(app: &mut App, action: Action, n: usize, now: DateTime<FixedOffset>) {
    for _ in 0..n {
        act(app, action.clone(), now);
    }
}

pub fn form(app: &App) -> &StepForm {
    match &app.ui.overlay {
        Overlay::StepForm(f) => f,
        other => panic!("expected the step form, found {other:?}"),
    }
}

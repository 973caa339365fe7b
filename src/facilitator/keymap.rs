//! The facilitator's table of keys, on the shared engine ([`crate::tui::keymap`]):
//! `lookup` turns a key press into an action for the screen as it is now; the help
//! overlay and the footer hints are drawn from the same table.

use ratatui::crossterm::event::Event;

use super::action::Action;
use super::state::{App, Overlay};
use crate::model::{Phase, Presence, Progress};
use crate::tui::keymap::{self as engine, Key, bind};

/// The facilitator's own screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Phase(Phase),
    /// The summary of a closed meeting.
    Closed,
}

pub type Scope = engine::Scope<Screen>;
pub type Binding = engine::Binding<Screen, Action>;

use Key::*;
use engine::Scope::{Blank, Confirm, Editing, Editor, Global, Help, TooSmall};
const HOME: Scope = Scope::Screen(Screen::Home);
const CLOSED: Scope = Scope::Screen(Screen::Closed);
const CHECK_IN: Scope = Scope::Screen(Screen::Phase(Phase::CheckIn));
const REPORT: Scope = Scope::Screen(Screen::Phase(Phase::ReportBack));
const PREP: Scope = Scope::Screen(Screen::Phase(Phase::PrepReview));
const HOT: Scope = Scope::Screen(Screen::Phase(Phase::HotSeats));
const WRAP: Scope = Scope::Screen(Screen::Phase(Phase::WrapUp));

/// Every key hotseat knows, most specific scopes first.
pub fn table() -> &'static [Binding] {
    use crate::facilitator::strings::agenda::keys as a;
    use crate::facilitator::strings::keys as s;
    use crate::facilitator::strings::room::keys as r;
    use crate::facilitator::strings::room::{HINT_PAUSE, HINT_RESUME};
    static TABLE: std::sync::OnceLock<Vec<Binding>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        vec![
            // Questions, help and the blanked screen take every key
            bind!(Confirm, [Char('y'), Char('Y'), Ctrl('c')], Action::Confirm, s::CONFIRM),
            bind!(Confirm, [Char(']')], Action::Advance, s::CONFIRM_AGAIN),
            bind!(Confirm, [Any], Action::Cancel, s::CONFIRM_NO),
            bind!(Help, [Down, Char('j'), PageDown, Char(' ')], Action::ScrollHelpDown, s::DOWN),
            bind!(Help, [Up, Char('k'), PageUp], Action::ScrollHelpUp, s::UP),
            bind!(Help, [Any], Action::Cancel, s::CLOSE),
            bind!(Blank, [Char('b'), Ctrl('b'), Esc], Action::Blank, s::BLANK),
            bind!(Blank, [Char('q')], Action::Quit, r::BLANK_QUIT),
            bind!(TooSmall, [Char('q')], Action::Quit, s::QUIT),
            bind!(TooSmall, [Ctrl('c')], Action::Interrupt, s::INTERRUPT),
            bind!(Blank, [Ctrl('c')], Action::Interrupt, s::INTERRUPT),
            // Typing
            bind!(Editing, [Enter], Action::Submit, s::SUBMIT, "save"),
            bind!(Editing, [Esc, Ctrl('c')], Action::Cancel, s::CANCEL, "cancel"),
            bind!(Editing, [Tab, Down], Action::NextField, s::NEXT_FIELD, "next field"),
            bind!(Editing, [BackTab, Up], Action::PrevField, s::PREV_FIELD),
            bind!(Editor, [Ctrl('s')], Action::Submit, s::NOTE_DONE, "save"),
            bind!(Editor, [Esc], Action::Cancel, s::EDITOR_CANCEL, "cancel"),
            bind!(Editor, [Ctrl('r')], Action::RevealNote, s::REVEAL_NOTE, "show it"),
            bind!(Editor, [Ctrl('b')], Action::Blank, s::BLANK_NOTE, "blank"),
            // Home
            bind!(HOME, [Enter], Action::Start, s::START, "start / resume"),
            // A closed meeting's summary
            bind!(CLOSED, [Char('n')], Action::NewMeeting, s::NEW_MEETING, "start another meeting"),
            // Check-in
            bind!(CHECK_IN, [Enter, Right], Action::CyclePresence, s::CYCLE_PRESENCE, "presence"),
            bind!(CHECK_IN, [Left], Action::CyclePresenceBack, s::CYCLE_PRESENCE_BACK),
            bind!(CHECK_IN, [Char('l')], Action::SetPresence(Presence::Late), s::LATE),
            bind!(CHECK_IN, [Char('x')], Action::SetPresence(Presence::Absent), s::ABSENT),
            bind!(CHECK_IN, [Char('h')], Action::SetPresence(Presence::Present), s::PRESENT),
            bind!(CHECK_IN, [Char('p')], Action::AckPledge, s::PLEDGE, "affirm pledge"),
            bind!(CHECK_IN, [Char('p')], Action::AckPledge, s::PLEDGE_TAKE_BACK, "undo pledge"),
            // Report-back
            bind!(REPORT, [Char('d')], Action::Mark(Progress::Done), s::DONE, "done"),
            bind!(REPORT, [Char('p')], Action::Mark(Progress::Partial), s::PARTIAL, "partial"),
            bind!(REPORT, [Char('n')], Action::Mark(Progress::NotDone), s::NOT_DONE, "not done"),
            bind!(REPORT, [Char('x')], Action::Mark(Progress::Dropped), s::DROPPED, "dropped"),
            bind!(REPORT, [Enter], Action::ReviewNote, s::REVIEW_NOTE, "note"),
            // Prep review
            bind!(PREP, [ShiftUp, Char('K')], Action::MoveEarlier, s::MOVE_EARLIER, "move"),
            bind!(PREP, [ShiftDown, Char('J')], Action::MoveLater, s::MOVE_LATER),
            bind!(PREP, [Char('+')], Action::LongerTurn, a::LONGER_TURN, "minutes"),
            bind!(PREP, [Char('-')], Action::ShorterTurn, a::SHORTER_TURN),
            bind!(PREP, [Char('=')], Action::EvenTurns, a::EVEN_TURNS, "even"),
            bind!(PREP, [Char('h')], Action::HistoryTurns, a::HISTORY_TURNS),
            bind!(PREP, [Char('e')], Action::FillIn, crate::facilitator::strings::fill_in::KEY, "fill in"),
            bind!(PREP, [Char('s')], Action::SkipTurn, a::SKIP_TURN, "skip"),
            // Hot seats
            bind!(HOT, [Char('n')], Action::PrivateNote, s::PRIVATE_NOTE, "note"),
            bind!(HOT, [Char('e'), Enter], Action::EditStep, s::EDIT_STEP),
            bind!(HOT, [Char('x'), Delete], Action::DeleteStep, s::DELETE_STEP),
            bind!(HOT, [Char('-')], Action::RemoveMinute, s::REMOVE_MINUTE),
            bind!(HOT, [Char('.'), Char('>')], Action::NextProtocolStep, a::NEXT_PROTOCOL_STEP, "step"),
            bind!(HOT, [Char(','), Char('<')], Action::PrevProtocolStep, a::PREV_PROTOCOL_STEP),
            bind!(HOT, [Char('L')], Action::PostponeLast, a::POSTPONE_LAST),
            bind!(HOT, [Char('f')], Action::ToggleWall, a::WALL),
            bind!(HOT, [PageDown], Action::ScrollPrepDown, r::SCROLL_PREP_DOWN, "scroll"),
            bind!(HOT, [PageUp], Action::ScrollPrepUp, r::SCROLL_PREP_UP),
            // Wrap-up
            bind!(WRAP, [Char(']')], Action::Advance, s::CLOSE_MEETING, "close meeting"),
            bind!(WRAP, [Char('1')], Action::Rate(1), s::RATE, "rate 1–10"),
            bind!(WRAP, [Char('2')], Action::Rate(2), s::RATE),
            bind!(WRAP, [Char('3')], Action::Rate(3), s::RATE),
            bind!(WRAP, [Char('4')], Action::Rate(4), s::RATE),
            bind!(WRAP, [Char('5')], Action::Rate(5), s::RATE),
            bind!(WRAP, [Char('6')], Action::Rate(6), s::RATE),
            bind!(WRAP, [Char('7')], Action::Rate(7), s::RATE),
            bind!(WRAP, [Char('8')], Action::Rate(8), s::RATE),
            bind!(WRAP, [Char('9')], Action::Rate(9), s::RATE),
            bind!(WRAP, [Char('0')], Action::Rate(10), s::RATE_TEN),
            bind!(WRAP, [Right], Action::RaiseRating, r::RATE_UP),
            bind!(WRAP, [Left], Action::LowerRating, r::RATE_DOWN),
            bind!(WRAP, [Char('c'), Backspace], Action::ClearRating, r::CLEAR_RATING, "clear rating"),
            bind!(WRAP, [Char('d')], Action::EditNextDate, s::NEXT_DATE, "next date"),
            bind!(WRAP, [Char('e'), Enter], Action::EditStep, s::EDIT_STEP),
            bind!(WRAP, [Char('x'), Delete], Action::DeleteStep, s::DELETE_STEP),
            bind!(WRAP, [Char('t')], Action::TermStep, crate::facilitator::term::KEY_HELP),
            // Every screen
            bind!(Global, [Char(']')], Action::Advance, s::NEXT, "next"),
            bind!(Global, [Char(' ')], Action::ToggleTimer, s::TOGGLE_TIMER, HINT_PAUSE),
            bind!(Global, [Char(' ')], Action::ToggleTimer, s::TOGGLE_TIMER, HINT_RESUME),
            bind!(Global, [Char('+'), Char('=')], Action::AddMinute, s::ADD_MINUTE, "+1 min"),
            bind!(Global, [Char('a')], Action::AddStep, s::ADD_STEP, "add step"),
            bind!(Global, [Char('P')], Action::Park, a::PARK),
            bind!(Global, [Char('[')], Action::GoBack, s::PREV, "back"),
            bind!(Global, [Up, Char('k')], Action::SelectPrev, s::UP),
            bind!(Global, [Down, Char('j')], Action::SelectNext, s::DOWN),
            bind!(Global, [Char('b')], Action::Blank, s::BLANK, "blank"),
            bind!(Global, [Char('?')], Action::Help, s::HELP, "help"),
            bind!(Global, [Char('q')], Action::Quit, s::QUIT, "quit"),
            bind!(Global, [Ctrl('c')], Action::Interrupt, s::INTERRUPT),
            bind!(Global, [Esc], Action::Cancel, s::CLOSE),
        ]
    })
}

/// The scopes in force, most specific first.
pub fn scopes(app: &App) -> Vec<Scope> {
    if !crate::tui::screen::fits(app.ui.size) {
        // Nothing on screen but the request to enlarge it (and the quit question).
        return if matches!(app.ui.overlay, Overlay::ConfirmQuit) { vec![Confirm] } else { vec![TooSmall] };
    }
    match &app.ui.overlay {
        Overlay::Help(_) => vec![Help],
        Overlay::ConfirmQuit
        | Overlay::ConfirmClose
        | Overlay::ConfirmTakeBackPledge
        | Overlay::ConfirmDelete(_)
        | Overlay::DiscardNote(_) => {
            vec![Confirm]
        }
        Overlay::Note(_) if app.ui.blank => vec![Blank],
        Overlay::Note(_) => vec![Editor],
        Overlay::StepForm(_) | Overlay::FillIn(_) | Overlay::Line(_) => vec![Editing],
        Overlay::None if app.ui.blank => vec![Blank],
        Overlay::None => screen_scopes(app),
    }
}

/// The scopes of the screen in view, under any overlay.
fn screen_scopes(app: &App) -> Vec<Scope> {
    match &app.meeting {
        Some(m) if m.is_open() => vec![Scope::Screen(Screen::Phase(m.phase)), Global],
        // A closed meeting's summary: another meeting starts only when asked.
        Some(_) => vec![CLOSED, Global],
        None => vec![HOME, Global],
    }
}

/// Turn a terminal event into an action for the app as it is now.
pub fn lookup(app: &App, event: &Event) -> Option<Action> {
    engine::lookup(table(), &scopes(app), event)
}

/// Whether a row is worth a footer hint on the screen as it is now: only keys that do
/// something now, labelled for what they will do.
fn worth_a_hint(app: &App, b: &Binding) -> bool {
    use crate::facilitator::strings::room::{HINT_PAUSE, HINT_RESUME};
    // A read-only follower is shown only the keys that work for it.
    if app.ui.read_only && app.in_meeting() && super::update::mutates(&b.action) {
        return false;
    }
    let phase = app.meeting.as_ref().filter(|m| m.is_open()).map(|m| m.phase);
    match b.action {
        // The pledge's key says what it will do now.
        Action::AckPledge => (b.help == crate::facilitator::strings::keys::PLEDGE) != super::pledge::affirmed(app),
        // Tab moves between fields only in a form of more than one.
        Action::NextField | Action::PrevField => matches!(app.ui.overlay, Overlay::StepForm(_) | Overlay::FillIn(_)),
        Action::ToggleTimer => {
            phase == Some(Phase::HotSeats) && b.hint == Some(timer_hint(app, HINT_PAUSE, HINT_RESUME))
        }
        Action::AddMinute => phase == Some(Phase::HotSeats),
        Action::ScrollPrepDown | Action::ScrollPrepUp => super::ui::prep_overflow(app) > 0,
        Action::ClearRating => super::rating::selected_rating(app).is_some(),
        Action::Advance | Action::GoBack | Action::AddStep | Action::Blank => b.scope != Global || phase.is_some(),
        _ => true,
    }
}

/// The timer's hint as it stands: `pause` while the turn's clock runs, `resume` while it
/// is paused (and `pause` when no turn is open).
fn timer_hint(app: &App, pause: &'static str, resume: &'static str) -> &'static str {
    let paused =
        app.meeting.as_ref().and_then(|m| m.current_turn()).is_some_and(|t| !t.is_running() && t.started_at.is_some());
    if paused { resume } else { pause }
}

/// The footer hints for the screen as it is now.
pub fn hints(app: &App) -> Vec<(String, &'static str)> {
    engine::hints(table(), &scopes(app), || screen_scopes(app), |b| worth_a_hint(app, b))
}

/// Help rows (keys, what they do) for one scope.
pub fn help_rows(scope: Scope) -> Vec<(String, &'static str)> {
    engine::help_rows(table(), scope)
}

/// The help overlay's sections, the screen in view first.
pub fn help_sections(
    current: Scope,
    screens: impl IntoIterator<Item = Screen>,
    title: impl Fn(Scope) -> String,
) -> Vec<(String, Vec<(String, &'static str)>)> {
    engine::help_sections(table(), current, screens, title)
}

/// The help overlay for the app as it is now: the screen in view first (on the
/// report-back, followed by what its marks mean), then every other screen.
pub fn help_of(app: &App) -> Vec<(String, Vec<(String, &'static str)>)> {
    use crate::facilitator::strings::{help_scope_title, room};
    let current = match app.meeting.as_ref() {
        Some(m) if m.is_open() => Screen::Phase(m.phase),
        Some(_) => Screen::Closed,
        None => Screen::Home,
    };
    if app.ui.read_only && app.in_meeting() {
        return vec![(room::FOLLOWER_HELP_TITLE.to_string(), follower_rows(Scope::Screen(current)))];
    }
    let mut sections = help_sections(Scope::Screen(current), Phase::ALL.map(Screen::Phase), help_scope_title);
    let marks = (room::MARKS_TITLE.to_string(), room::marks());
    if current == Screen::Phase(Phase::ReportBack) {
        sections.insert(1, marks);
    } else {
        let report = help_scope_title(REPORT);
        let at = sections.iter().position(|(t, _)| *t == report).map_or(sections.len(), |i| i + 1);
        sections.insert(at, marks);
    }
    sections
}

/// A read-only follower's help: only the keys of the screen in view and of every screen
/// that work while following (the others are refused).
fn follower_rows(current: Scope) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = Vec::new();
    let works = |b: &&Binding| (b.scope == current || b.scope == Global) && !super::update::mutates(&b.action);
    for b in table().iter().filter(works) {
        let keys = b.keys.iter().map(|k| k.name()).collect::<Vec<_>>().join(" ");
        match rows.iter_mut().find(|(_, h)| *h == b.help) {
            Some(row) => {
                row.0.push(' ');
                row.0.push_str(&keys);
            }
            None => rows.push((keys, b.help)),
        }
    }
    rows
}

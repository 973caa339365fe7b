//! The one table of keys. `lookup` turns a key press into an action for the current
//! screen; the help overlay and the footer hints are drawn from the same table.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::state::{App, Overlay};
use crate::model::{Phase, Presence, Progress};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every screen of a meeting and the home screen.
    Global,
    Home,
    Phase(Phase),
    /// Any one-line input or the step form.
    Editing,
    /// The multi-line private-note editor.
    Notes,
}

/// A key as written in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    ShiftUp,
    ShiftDown,
    Delete,
}

impl Key {
    pub fn matches(self, k: &KeyEvent) -> bool {
        let shift_only = k.modifiers - KeyModifiers::SHIFT == KeyModifiers::NONE;
        match self {
            Key::Char(c) => k.code == KeyCode::Char(c) && shift_only,
            Key::Ctrl(c) => k.code == KeyCode::Char(c) && k.modifiers.contains(KeyModifiers::CONTROL),
            Key::Enter => k.code == KeyCode::Enter,
            Key::Esc => k.code == KeyCode::Esc,
            Key::Tab => k.code == KeyCode::Tab,
            Key::BackTab => k.code == KeyCode::BackTab,
            Key::Up => k.code == KeyCode::Up && k.modifiers == KeyModifiers::NONE,
            Key::Down => k.code == KeyCode::Down && k.modifiers == KeyModifiers::NONE,
            Key::Left => k.code == KeyCode::Left,
            Key::Right => k.code == KeyCode::Right,
            Key::ShiftUp => k.code == KeyCode::Up && k.modifiers.contains(KeyModifiers::SHIFT),
            Key::ShiftDown => k.code == KeyCode::Down && k.modifiers.contains(KeyModifiers::SHIFT),
            Key::Delete => k.code == KeyCode::Delete,
        }
    }

    pub fn name(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::ShiftUp => "Shift-↑".into(),
            Key::ShiftDown => "Shift-↓".into(),
            Key::Delete => "Del".into(),
        }
    }
}

/// One row of a key table: the facilitator's (scoped by phase) or a member's view.
pub struct Binding<S = Scope, A = Action> {
    pub scope: S,
    pub keys: &'static [Key],
    pub action: A,
    /// What it does, for the help overlay.
    pub help: &'static str,
    /// A short label for the footer, if it belongs there.
    pub hint: Option<&'static str>,
}

/// `b!(scope, [keys…], action, help[, hint])`: one row of a key table.
macro_rules! b {
    ($scope:expr, [$($k:expr),+], $action:expr, $help:expr) => {
        $crate::facilitator::keymap::Binding { scope: $scope, keys: &[$($k),+], action: $action, help: $help, hint: None }
    };
    ($scope:expr, [$($k:expr),+], $action:expr, $help:expr, $hint:expr) => {
        $crate::facilitator::keymap::Binding { scope: $scope, keys: &[$($k),+], action: $action, help: $help, hint: Some($hint) }
    };
}
pub(crate) use b;

/// The action of the first binding that `k` matches, trying `scopes` in order.
pub fn find<'t, S: PartialEq, A>(table: &'t [Binding<S, A>], scopes: &[S], k: &KeyEvent) -> Option<&'t A> {
    scopes.iter().find_map(|scope| {
        table.iter().find(|b| b.scope == *scope && b.keys.iter().any(|key| key.matches(k))).map(|b| &b.action)
    })
}

/// Help rows (keys, what they do) of one scope of a table; keys doing the same thing
/// share a row.
pub fn rows_of<S: PartialEq, A>(table: &[Binding<S, A>], scope: &S) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = Vec::new();
    for b in table.iter().filter(|b| b.scope == *scope) {
        let keys = b.keys.iter().map(|k| k.name()).collect::<Vec<_>>().join(" ");
        if let Some(last) = rows.last_mut()
            && last.1 == b.help
        {
            last.0.push(' ');
            last.0.push_str(&keys);
            continue;
        }
        rows.push((keys, b.help));
    }
    rows
}

use Key::*;
use Scope::{Editing, Global, Home, Notes};
const CHECK_IN: Scope = Scope::Phase(Phase::CheckIn);
const REPORT: Scope = Scope::Phase(Phase::ReportBack);
const PREP: Scope = Scope::Phase(Phase::PrepReview);
const HOT: Scope = Scope::Phase(Phase::HotSeats);
const WRAP: Scope = Scope::Phase(Phase::WrapUp);

/// Every key hotseat knows, most specific scopes first.
pub fn table() -> &'static [Binding] {
    use crate::strings::keys as s;
    static TABLE: std::sync::OnceLock<Vec<Binding>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        vec![
            // Typing
            b!(Editing, [Enter], Action::Submit, s::SUBMIT, "save"),
            b!(Editing, [Esc], Action::Cancel, s::CANCEL, "cancel"),
            b!(Editing, [Tab, Down], Action::NextField, s::NEXT_FIELD, "next field"),
            b!(Editing, [BackTab, Up], Action::PrevField, s::PREV_FIELD),
            b!(Notes, [Esc], Action::Submit, s::NOTE_DONE, "save and close"),
            // Home
            b!(Home, [Enter], Action::Start, s::START, "start / resume"),
            // Check-in
            b!(CHECK_IN, [Enter, Right], Action::CyclePresence, s::CYCLE_PRESENCE, "presence"),
            b!(CHECK_IN, [Left], Action::Left, s::CYCLE_PRESENCE_BACK),
            b!(CHECK_IN, [Char('l')], Action::SetPresence(Presence::Late), s::LATE),
            b!(CHECK_IN, [Char('x')], Action::SetPresence(Presence::Absent), s::ABSENT),
            b!(CHECK_IN, [Char('h')], Action::SetPresence(Presence::Present), s::PRESENT),
            b!(CHECK_IN, [Char('p')], Action::AckPledge, s::PLEDGE, "pledge"),
            // Report-back
            b!(REPORT, [Char('d')], Action::Mark(Progress::Done), s::DONE, "done"),
            b!(REPORT, [Char('p')], Action::Mark(Progress::Partial), s::PARTIAL, "partial"),
            b!(REPORT, [Char('n')], Action::Mark(Progress::NotDone), s::NOT_DONE, "not done"),
            b!(REPORT, [Char('x')], Action::Mark(Progress::Dropped), s::DROPPED, "dropped"),
            b!(REPORT, [Enter], Action::ReviewNote, s::REVIEW_NOTE, "note"),
            // Prep review
            b!(PREP, [ShiftUp, Char('K')], Action::MoveEarlier, s::MOVE_EARLIER, "move"),
            b!(PREP, [ShiftDown, Char('J')], Action::MoveLater, s::MOVE_LATER),
            b!(PREP, [Char('+'), Char('=')], Action::AddMinute, s::TURN_LONGER, "minutes"),
            b!(PREP, [Char('-')], Action::RemoveMinute, s::TURN_SHORTER),
            // Hot seats
            b!(HOT, [Char('n')], Action::PrivateNote, s::PRIVATE_NOTE, "note"),
            b!(HOT, [Char('e'), Enter], Action::EditStep, s::EDIT_STEP),
            b!(HOT, [Char('x'), Delete], Action::DeleteStep, s::DELETE_STEP),
            b!(HOT, [Char('-')], Action::RemoveMinute, s::REMOVE_MINUTE),
            // Wrap-up
            b!(WRAP, [Char(']')], Action::Next, s::CLOSE_MEETING, "close meeting"),
            b!(WRAP, [Char('1')], Action::Rate(1), s::RATE, "rate 1–10"),
            b!(WRAP, [Char('2')], Action::Rate(2), s::RATE),
            b!(WRAP, [Char('3')], Action::Rate(3), s::RATE),
            b!(WRAP, [Char('4')], Action::Rate(4), s::RATE),
            b!(WRAP, [Char('5')], Action::Rate(5), s::RATE),
            b!(WRAP, [Char('6')], Action::Rate(6), s::RATE),
            b!(WRAP, [Char('7')], Action::Rate(7), s::RATE),
            b!(WRAP, [Char('8')], Action::Rate(8), s::RATE),
            b!(WRAP, [Char('9')], Action::Rate(9), s::RATE),
            b!(WRAP, [Char('0')], Action::Rate(10), s::RATE_TEN),
            b!(WRAP, [Right], Action::Right, s::RATE_UP),
            b!(WRAP, [Left], Action::Left, s::RATE_DOWN),
            b!(WRAP, [Char('d')], Action::EditNextDate, s::NEXT_DATE, "next date"),
            b!(WRAP, [Char('e'), Enter], Action::EditStep, s::EDIT_STEP),
            b!(WRAP, [Char('x'), Delete], Action::DeleteStep, s::DELETE_STEP),
            // Every screen
            b!(Global, [Char(']')], Action::Next, s::NEXT, "next"),
            b!(Global, [Char(' ')], Action::ToggleTimer, s::TOGGLE_TIMER, "pause"),
            b!(Global, [Char('+'), Char('=')], Action::AddMinute, s::ADD_MINUTE, "+1 min"),
            b!(Global, [Char('a')], Action::AddStep, s::ADD_STEP, "add step"),
            b!(Global, [Char('[')], Action::Prev, s::PREV, "back"),
            b!(Global, [Up, Char('k')], Action::Up, s::UP),
            b!(Global, [Down, Char('j')], Action::Down, s::DOWN),
            b!(Global, [Char('b')], Action::Blank, s::BLANK, "blank"),
            b!(Global, [Char('?')], Action::Help, s::HELP, "help"),
            b!(Global, [Char('q')], Action::Quit, s::QUIT, "quit"),
            b!(Global, [Ctrl('c')], Action::Interrupt, s::INTERRUPT),
            b!(Global, [Esc], Action::Cancel, s::CLOSE),
        ]
    })
}

/// The scopes in force, most specific first.
pub fn scopes(app: &App) -> Vec<Scope> {
    match &app.ui.overlay {
        Overlay::Note(_) => vec![Notes],
        Overlay::StepForm(_) | Overlay::Line(_) => vec![Editing],
        _ => match &app.meeting {
            Some(m) if m.is_open() => vec![Scope::Phase(m.phase), Global],
            // A closed meeting's summary: only the keys of every screen.
            Some(_) => vec![Global],
            None => vec![Home, Global],
        },
    }
}

/// Turn a terminal event into an action for the app as it is now.
pub fn lookup(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Resize(..) => Some(Action::Resize),
        Event::Paste(text) => app.is_editing().then(|| Action::Paste(text.clone())),
        Event::Key(k) if k.kind == KeyEventKind::Press || k.kind == KeyEventKind::Repeat => key_action(app, k, event),
        _ => None,
    }
}

fn key_action(app: &App, k: &KeyEvent, event: &Event) -> Option<Action> {
    // Overlays that only answer a few keys.
    match &app.ui.overlay {
        Overlay::Help(_) => {
            return Some(match k.code {
                KeyCode::Down | KeyCode::Char('j') | KeyCode::PageDown | KeyCode::Char(' ') => Action::Down,
                KeyCode::Up | KeyCode::Char('k') | KeyCode::PageUp => Action::Up,
                _ => Action::Cancel,
            });
        }
        Overlay::ConfirmQuit | Overlay::ConfirmDelete(_) => {
            return match k.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => Some(Action::Confirm),
                KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => Some(Action::Confirm),
                _ => Some(Action::Cancel),
            };
        }
        _ => {}
    }
    if app.ui.blank {
        // Only the blank key, help and quit work while the screen is blanked.
        return match k.code {
            KeyCode::Char('b') | KeyCode::Esc => Some(Action::Blank),
            KeyCode::Char('q') => Some(Action::Quit),
            KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => Some(Action::Interrupt),
            _ => None,
        };
    }
    let scopes = scopes(app);
    if let Some(a) = find(table(), &scopes, k) {
        return Some(a.clone());
    }
    match scopes.first() {
        Some(Notes) => Some(Action::EditArea(ratatui_textarea::Input::from(event.clone()))),
        Some(Editing) => {
            if k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL) {
                return Some(Action::Cancel);
            }
            tui_input::backend::crossterm::to_input_request(event).map(Action::Edit)
        }
        _ => None,
    }
}

/// Whether a key of every screen is worth a footer hint on the screen as it is now.
fn worth_a_hint(app: &App, b: &Binding) -> bool {
    if b.scope != Global {
        return true;
    }
    let phase = app.meeting.as_ref().filter(|m| m.is_open()).map(|m| m.phase);
    match b.action {
        Action::ToggleTimer | Action::AddMinute => phase == Some(Phase::HotSeats),
        Action::Next | Action::Prev | Action::AddStep | Action::Blank => phase.is_some(),
        _ => true,
    }
}

/// The footer hints for the screen as it is now.
pub fn hints(app: &App) -> Vec<(String, &'static str)> {
    let scopes = scopes(app);
    let mut out: Vec<(String, &'static str)> = Vec::new();
    // Keys a more specific scope already gives a meaning to: no second hint for them.
    let mut taken: Vec<Key> = Vec::new();
    for scope in &scopes {
        for b in table().iter().filter(|b| b.scope == *scope && worth_a_hint(app, b)) {
            let key = b.keys[0].name();
            if let Some(h) = b.hint
                && !out.iter().any(|(k, x)| *x == h || *k == key)
                && !taken.contains(&b.keys[0])
            {
                out.push((key, h));
            }
        }
        taken.extend(table().iter().filter(|b| b.scope == *scope).flat_map(|b| b.keys.iter().copied()));
    }
    out
}

/// Help rows (keys, what they do) for one scope.
pub fn help_rows(scope: Scope) -> Vec<(String, &'static str)> {
    rows_of(table(), &scope)
}

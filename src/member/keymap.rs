//! The member view's key table, in the same style as the facilitator's
//! (`crate::facilitator::keymap`): one table, scoped by screen and by typing, that also feeds the
//! footer hints and the `?` overlay.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::MemberAction as A;
use super::state::{MemberApp, Overlay, Screen};
use crate::facilitator::keymap::{Binding, Key, b, find, rows_of};
use crate::model::Progress;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberScope {
    Screen(Screen),
    /// Every screen of the member's view.
    Every,
    /// A form of one-line inputs.
    Typing,
    /// The multi-line questions editor.
    Questions,
}

pub type MemberBinding = Binding<MemberScope, A>;

const STEPS: MemberScope = MemberScope::Screen(Screen::Steps);
const GOALS: MemberScope = MemberScope::Screen(Screen::Goals);
const PREP: MemberScope = MemberScope::Screen(Screen::Prep);
const PARTNERS: MemberScope = MemberScope::Screen(Screen::Partners);

/// Every key of the member's view, most specific scopes first.
pub fn table() -> &'static [MemberBinding] {
    use crate::strings::member::keys as s;
    use Key::*;
    use MemberScope::{Every, Questions, Typing};
    static TABLE: std::sync::OnceLock<Vec<MemberBinding>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        vec![
            b!(Typing, [Enter], A::Submit, s::SUBMIT, "save"),
            b!(Typing, [Esc], A::Cancel, s::CANCEL, "cancel"),
            b!(Typing, [Tab, Down], A::NextField, s::NEXT_FIELD, "next field"),
            b!(Typing, [BackTab, Up], A::PrevField, s::PREV_FIELD),
            b!(Questions, [Esc], A::Submit, s::QUESTIONS_DONE, "save and close"),
            b!(STEPS, [Char('d')], A::Mark(Progress::Done), s::DONE, "done"),
            b!(STEPS, [Char('p')], A::Mark(Progress::Partial), s::PARTIAL, "partial"),
            b!(STEPS, [Char('n')], A::Mark(Progress::NotDone), s::NOT_DONE, "not done"),
            b!(STEPS, [Char('x')], A::Mark(Progress::Dropped), s::DROPPED, "dropped"),
            b!(GOALS, [Char('a')], A::Add, s::ADD_GOAL, "add goal"),
            b!(GOALS, [Char('e'), Enter], A::Edit, s::EDIT_GOAL, "edit"),
            b!(PREP, [Char('e'), Enter], A::Edit, s::EDIT_PREP, "edit"),
            b!(PREP, [Char('v')], A::ToggleVision, s::TOGGLE_VISION, "goals reviewed"),
            b!(PARTNERS, [Char('c')], A::CheckIn, s::CHECK_IN, "check in"),
            b!(PARTNERS, [Char('a')], A::Add, s::ADD_PARTNER, "add partner"),
            b!(PARTNERS, [Char('o')], A::Offers, s::OFFERS, "my offers"),
            b!(Every, [Tab, Char(']'), Right], A::NextScreen, s::NEXT_SCREEN, "next screen"),
            b!(Every, [BackTab, Char('['), Left], A::PrevScreen, s::PREV_SCREEN),
            b!(Every, [Char('1')], A::Show(Screen::Steps), s::SHOW_STEPS),
            b!(Every, [Char('2')], A::Show(Screen::Goals), s::SHOW_GOALS),
            b!(Every, [Char('3')], A::Show(Screen::Prep), s::SHOW_PREP),
            b!(Every, [Char('4')], A::Show(Screen::Partners), s::SHOW_PARTNERS),
            b!(Every, [Up, Char('k')], A::Up, s::UP),
            b!(Every, [Down, Char('j')], A::Down, s::DOWN),
            b!(Every, [Char('?')], A::Help, s::HELP, "help"),
            b!(Every, [Char('q')], A::Quit, s::QUIT, "quit"),
            b!(Every, [Ctrl('c')], A::Quit, s::INTERRUPT),
            b!(Every, [Esc], A::Cancel, s::CLOSE),
        ]
    })
}

/// The scopes in force, most specific first.
pub fn scopes(app: &MemberApp) -> Vec<MemberScope> {
    match &app.ui.overlay {
        Overlay::Form(_) => vec![MemberScope::Typing],
        Overlay::Questions(_) => vec![MemberScope::Questions],
        _ => vec![MemberScope::Screen(app.ui.screen), MemberScope::Every],
    }
}

/// Turn a terminal event into an action for the view as it is now.
pub fn lookup(app: &MemberApp, event: &Event) -> Option<A> {
    match event {
        Event::Resize(..) => Some(A::Resize),
        Event::Paste(text) => app.is_editing().then(|| A::Paste(text.clone())),
        Event::Key(k) if k.kind == KeyEventKind::Press || k.kind == KeyEventKind::Repeat => key_action(app, k, event),
        _ => None,
    }
}

fn key_action(app: &MemberApp, k: &KeyEvent, event: &Event) -> Option<A> {
    match &app.ui.overlay {
        Overlay::Help(_) => {
            return Some(match k.code {
                KeyCode::Down | KeyCode::Char('j') | KeyCode::PageDown | KeyCode::Char(' ') => A::Down,
                KeyCode::Up | KeyCode::Char('k') | KeyCode::PageUp => A::Up,
                _ => A::Cancel,
            });
        }
        Overlay::ConfirmQuit => {
            return match k.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => Some(A::Confirm),
                _ => Some(A::Cancel),
            };
        }
        _ => {}
    }
    let scopes = scopes(app);
    if let Some(a) = find(table(), &scopes, k) {
        return Some(a.clone());
    }
    match scopes.first() {
        Some(MemberScope::Questions) => Some(A::TypeArea(ratatui_textarea::Input::from(event.clone()))),
        Some(MemberScope::Typing) => {
            if k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL) {
                return Some(A::Cancel);
            }
            tui_input::backend::crossterm::to_input_request(event).map(A::Type)
        }
        _ => None,
    }
}

/// Footer hints for the view as it is now.
pub fn hints(app: &MemberApp) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for scope in scopes(app) {
        for b in table().iter().filter(|b| b.scope == scope) {
            if let Some(h) = b.hint
                && !out.iter().any(|(_, x)| *x == h)
            {
                out.push((b.keys[0].name(), h));
            }
        }
    }
    out
}

/// Help rows (keys, what they do) for one scope.
pub fn help_rows(scope: MemberScope) -> Vec<(String, &'static str)> {
    rows_of(table(), &scope)
}

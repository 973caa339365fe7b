//! The member view's key table, on the engine both programs share
//! ([`crate::tui::keymap`]): one table, scoped by screen and by the shared modes, that
//! also feeds the footer hints and the `?` overlay.

use ratatui::crossterm::event::Event;

use super::action::MemberAction as A;
use super::state::{MemberApp, Overlay, Screen};
use crate::model::Progress;
use crate::tui::keymap::{self as engine, Key, bind};

pub type MemberScope = engine::Scope<Screen>;
pub type MemberBinding = engine::Binding<Screen, A>;

const STEPS: MemberScope = engine::Scope::Screen(Screen::Steps);
const GOALS: MemberScope = engine::Scope::Screen(Screen::Goals);
const PREP: MemberScope = engine::Scope::Screen(Screen::Prep);
const PARTNERS: MemberScope = engine::Scope::Screen(Screen::Partners);

/// Every key of the member's view, most specific scopes first.
pub fn table() -> &'static [MemberBinding] {
    use crate::member::strings::keys as s;
    use Key::*;
    use engine::Scope::{Confirm, Editing, Editor, Global, Help, TooSmall};
    static TABLE: std::sync::OnceLock<Vec<MemberBinding>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        vec![
            bind!(Confirm, [Char('y'), Char('Y'), Ctrl('c')], A::Confirm, s::CONFIRM),
            bind!(Confirm, [Any], A::Cancel, s::CONFIRM_NO),
            bind!(Help, [Down, Char('j'), PageDown, Char(' ')], A::ScrollHelpDown, s::DOWN),
            bind!(Help, [Up, Char('k'), PageUp], A::ScrollHelpUp, s::UP),
            bind!(Help, [Any], A::Cancel, s::CLOSE),
            bind!(TooSmall, [Char('q')], A::Quit, s::QUIT),
            bind!(TooSmall, [Ctrl('c')], A::Interrupt, s::INTERRUPT),
            bind!(Editing, [Enter], A::Submit, s::SUBMIT, "save"),
            bind!(Editing, [Esc, Ctrl('c')], A::Cancel, s::CANCEL, "cancel"),
            bind!(Editing, [Tab, Down], A::NextField, s::NEXT_FIELD, "next field"),
            bind!(Editing, [BackTab, Up], A::PrevField, s::PREV_FIELD),
            bind!(Editor, [Ctrl('s')], A::Submit, s::QUESTIONS_DONE, "save"),
            bind!(Editor, [Esc], A::Cancel, s::EDITOR_CANCEL, "cancel"),
            bind!(STEPS, [Char('d')], A::Mark(Progress::Done), s::DONE, "done"),
            bind!(STEPS, [Char('p')], A::Mark(Progress::Partial), s::PARTIAL, "partial"),
            bind!(STEPS, [Char('n')], A::Mark(Progress::NotDone), s::NOT_DONE, "not done"),
            bind!(STEPS, [Char('x')], A::Mark(Progress::Dropped), s::DROPPED, "dropped"),
            bind!(GOALS, [Char('a')], A::Add, s::ADD_GOAL, "add goal"),
            bind!(GOALS, [Char('e'), Enter], A::Edit, s::EDIT_GOAL, "edit"),
            bind!(PREP, [Char('e'), Enter], A::Edit, s::EDIT_PREP, "edit"),
            bind!(PREP, [Char('v')], A::ToggleVision, s::TOGGLE_VISION, "goals reviewed"),
            bind!(PARTNERS, [Char('c')], A::CheckIn, s::CHECK_IN, "check in"),
            bind!(PARTNERS, [Char('a')], A::Add, s::ADD_PARTNER, "add partner"),
            bind!(PARTNERS, [Char('o')], A::Offers, s::OFFERS, "my offers"),
            bind!(Global, [Tab, Char(']'), Right], A::NextScreen, s::NEXT_SCREEN, "next screen"),
            bind!(Global, [BackTab, Char('['), Left], A::PrevScreen, s::PREV_SCREEN),
            bind!(Global, [Char('1')], A::Show(Screen::Steps), s::SHOW_STEPS),
            bind!(Global, [Char('2')], A::Show(Screen::Goals), s::SHOW_GOALS),
            bind!(Global, [Char('3')], A::Show(Screen::Prep), s::SHOW_PREP),
            bind!(Global, [Char('4')], A::Show(Screen::Partners), s::SHOW_PARTNERS),
            bind!(Global, [Up, Char('k')], A::SelectPrev, s::UP),
            bind!(Global, [Down, Char('j')], A::SelectNext, s::DOWN),
            bind!(Global, [Char('?')], A::Help, s::HELP, "help"),
            bind!(Global, [Char('q')], A::Quit, s::QUIT, "quit"),
            bind!(Global, [Ctrl('c')], A::Interrupt, s::INTERRUPT),
            bind!(Global, [Esc], A::Cancel, s::CLOSE),
        ]
    })
}

/// The scopes in force, most specific first.
pub fn scopes(app: &MemberApp) -> Vec<MemberScope> {
    if !crate::tui::screen::fits(app.ui.size) {
        // Nothing on screen but the request to enlarge it (and the quit question).
        let confirm = matches!(app.ui.overlay, Overlay::ConfirmQuit);
        return vec![if confirm { engine::Scope::Confirm } else { engine::Scope::TooSmall }];
    }
    match &app.ui.overlay {
        Overlay::Help(_) => vec![engine::Scope::Help],
        Overlay::ConfirmQuit
        | Overlay::DiscardQuestions(_)
        | Overlay::ClosePartner { .. }
        | Overlay::UpdateCheckin { .. } => vec![engine::Scope::Confirm],
        Overlay::Form(_) => vec![engine::Scope::Editing],
        Overlay::Questions(_) => vec![engine::Scope::Editor],
        Overlay::None => vec![engine::Scope::Screen(app.ui.screen), engine::Scope::Global],
    }
}

/// Turn a terminal event into an action for the view as it is now.
pub fn lookup(app: &MemberApp, event: &Event) -> Option<A> {
    engine::lookup(table(), &scopes(app), event)
}

/// Footer hints for the view as it is now.
pub fn hints(app: &MemberApp) -> Vec<(String, &'static str)> {
    // Tab moves between fields only in a form of more than one.
    let worth = |b: &MemberBinding| match b.action {
        A::NextField | A::PrevField => matches!(&app.ui.overlay, Overlay::Form(f) if f.fields.len() > 1),
        _ => true,
    };
    engine::hints(table(), &scopes(app), || vec![engine::Scope::Screen(app.ui.screen), engine::Scope::Global], worth)
}

/// Help rows (keys, what they do) for one scope.
pub fn help_rows(scope: MemberScope) -> Vec<(String, &'static str)> {
    engine::help_rows(table(), scope)
}

/// The help overlay's sections, the screen in view first.
pub fn help_sections(current: Screen) -> Vec<(String, Vec<(String, &'static str)>)> {
    engine::help_sections(
        table(),
        engine::Scope::Screen(current),
        Screen::ALL,
        crate::member::strings::help_scope_title,
    )
}

//! The sentences both programs show: the help overlay's frame, the quit question, the
//! input hints, the too-small and error screens, and unreadable files.

use super::keymap::Scope;
use crate::store::StoreError;

pub const QUIT_TITLE: &str = "Quit?";
pub const CONFIRM_KEYS: &str = "y yes · any other key: no";
pub const TOO_SMALL_QUIT: &str = "Quit? y yes · any other key: no";
pub const LINE_KEYS: &str = "Enter saves · Esc cancels";
pub const EDITOR_KEYS: &str = " Ctrl-S saves · Esc cancels ";
pub const DISCARD_TITLE: &str = "Discard your changes?";
pub const DISCARD_TEXT: &str = "What you typed since opening it is not saved. (Ctrl-S saves instead.)";
pub const ERROR_TITLE: &str = "hotseat cannot open this group";
pub const ERROR_HEADLINE: &str = "Nothing was changed on disk.";
pub const ERROR_HINT: &str = "Run `hotseat check` to list every problem. Press any key to leave.";
pub fn too_small(w: u16, h: u16, min_w: u16, min_h: u16) -> String {
    format!("Enlarge the terminal to at least {min_w}×{min_h} (it is {w}×{h} now).")
}
pub fn bad_date(t: &str) -> String {
    format!("\"{t}\" is not a date; type it as YYYY-MM-DD")
}
pub const HELP_TITLE: &str = " Keys — ↓ ↑ scroll, any other key closes ";
pub const HELP_MORE: &str = " ↓ more ";
/// The footer's hints that always show, and what the help hint says when others did not fit.
pub const HINT_HELP: &str = "help";
pub const HINT_QUIT: &str = "quit";
pub const HINT_MORE: &str = "more";
/// The end of a panel whose text goes on below its box.
pub const MORE: &str = "more";
pub fn unreadable_banner(warnings: &[StoreError]) -> String {
    match warnings {
        [one] => format!("Not shown: {one}"),
        [first, rest @ ..] => format!("Not shown: {first} (and {} more; run `hotseat check`)", rest.len()),
        [] => String::new(),
    }
}

/// What the keys both programs share do, for the help overlays.
pub mod keys {
    pub const SUBMIT: &str = "save what you typed";
    pub const CANCEL: &str = "close without saving";
    pub const EDITOR_SAVE: &str = "save and close";
    pub const EDITOR_CANCEL: &str = "close without saving (asks first when you changed the text)";
    pub const NEXT_FIELD: &str = "next field";
    pub const PREV_FIELD: &str = "previous field";
    pub const UP: &str = "move up";
    pub const DOWN: &str = "move down";
    pub const HELP: &str = "this help";
    pub const INTERRUPT: &str = "same as q";
    pub const CLOSE: &str = "close an input or overlay";
    pub const CONFIRM: &str = "yes";
    pub const CONFIRM_NO: &str = "no";
}

/// A help section's title: the program names its own screens and its editor.
pub fn scope_title<S>(scope: Scope<S>, screen: impl Fn(S) -> String, editor: &str) -> String {
    match scope {
        Scope::Screen(s) => screen(s),
        Scope::Global => "Every screen".into(),
        Scope::Editing => "Typing".into(),
        Scope::Editor => editor.into(),
        Scope::Confirm => "Questions".into(),
        Scope::Help => "Help".into(),
        Scope::Blank => "Blanked screen".into(),
        Scope::TooSmall => "Terminal too small".into(),
    }
}

//! The keymap engine both programs use. Each program writes one table of [`Binding`]s,
//! scoped by its own screens and by the modes they share ([`Scope`]); [`lookup`] turns a
//! terminal event into that program's action, and the footer hints ([`hints`]) and the
//! help overlay ([`help_rows`]) are read from the same table.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Where a binding applies: a mode both programs share, or one of the program's screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope<S> {
    /// A question that waits for `y`: its keys, then any other key says no.
    Confirm,
    /// The help overlay: scrolling, then any other key closes it.
    Help,
    /// The screen is blanked for privacy: only its own keys work.
    Blank,
    /// The terminal is too small to show the screen: only its own keys work.
    TooSmall,
    /// A one-line input or a form of them; other keys type.
    Editing,
    /// A multi-line editor; other keys type.
    Editor,
    /// One screen of the program.
    Screen(S),
    /// Every screen of the program.
    Global,
}

/// A key as written in a table.
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
    PageUp,
    PageDown,
    Delete,
    Backspace,
    /// Any key press: the last row of a modal scope.
    Any,
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
            Key::PageUp => k.code == KeyCode::PageUp,
            Key::PageDown => k.code == KeyCode::PageDown,
            Key::Delete => k.code == KeyCode::Delete,
            Key::Backspace => k.code == KeyCode::Backspace,
            Key::Any => true,
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
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Delete => "Del".into(),
            Key::Backspace => "Backspace".into(),
            Key::Any => "any key".into(),
        }
    }
}

/// One row of a key table.
pub struct Binding<S, A> {
    pub scope: Scope<S>,
    pub keys: &'static [Key],
    pub action: A,
    /// What it does, for the help overlay.
    pub help: &'static str,
    /// A short label for the footer, if it belongs there.
    pub hint: Option<&'static str>,
}

/// `bind!(scope, [keys…], action, help[, hint])`: one row of a key table.
macro_rules! bind {
    ($scope:expr, [$($k:expr),+], $action:expr, $help:expr) => {
        $crate::tui::keymap::Binding { scope: $scope, keys: &[$($k),+], action: $action, help: $help, hint: None }
    };
    ($scope:expr, [$($k:expr),+], $action:expr, $help:expr, $hint:expr) => {
        $crate::tui::keymap::Binding { scope: $scope, keys: &[$($k),+], action: $action, help: $help, hint: Some($hint) }
    };
}
pub(crate) use bind;

/// What a program's action type must offer the engine: the actions that come from the
/// terminal rather than from a table row.
pub trait TypedAction: Clone {
    /// The terminal's size, at the start and whenever it changes.
    fn resize(width: u16, height: u16) -> Self;
    fn paste(text: String) -> Self;
    /// A key typed into a one-line input.
    fn type_line(request: tui_input::InputRequest) -> Self;
    /// A key typed into a multi-line editor.
    fn type_area(input: ratatui_textarea::Input) -> Self;
}

/// `typed_action!(Action)`: the [`TypedAction`] of a program's action type, whose variants
/// `Resize(u16, u16)`, `Paste(String)`, `TypeLine(InputRequest)` and `TypeArea(Input)`
/// carry them.
macro_rules! typed_action {
    ($t:ident) => {
        impl $crate::tui::keymap::TypedAction for $t {
            fn resize(width: u16, height: u16) -> Self {
                $t::Resize(width, height)
            }
            fn paste(text: String) -> Self {
                $t::Paste(text)
            }
            fn type_line(request: tui_input::InputRequest) -> Self {
                $t::TypeLine(request)
            }
            fn type_area(input: ratatui_textarea::Input) -> Self {
                $t::TypeArea(input)
            }
        }
    };
}
pub(crate) use typed_action;

/// The action of the first binding that `k` matches, trying `scopes` in order.
pub fn find<'t, S: PartialEq, A>(table: &'t [Binding<S, A>], scopes: &[Scope<S>], k: &KeyEvent) -> Option<&'t A> {
    scopes.iter().find_map(|scope| {
        table.iter().find(|b| b.scope == *scope && b.keys.iter().any(|key| key.matches(k))).map(|b| &b.action)
    })
}

/// Turn a terminal event into an action, trying `scopes` (most specific first). Keys no
/// row takes are typed when the first scope is an input.
pub fn lookup<S: PartialEq, A: TypedAction>(table: &[Binding<S, A>], scopes: &[Scope<S>], event: &Event) -> Option<A> {
    let typing = matches!(scopes.first(), Some(Scope::Editing | Scope::Editor));
    match event {
        Event::Resize(w, h) => Some(A::resize(*w, *h)),
        Event::Paste(text) => typing.then(|| A::paste(text.clone())),
        Event::Key(k) if k.kind == KeyEventKind::Press || k.kind == KeyEventKind::Repeat => {
            if let Some(a) = find(table, scopes, k) {
                return Some(a.clone());
            }
            match scopes.first() {
                Some(Scope::Editor) => Some(A::type_area(ratatui_textarea::Input::from(event.clone()))),
                Some(Scope::Editing) => tui_input::backend::crossterm::to_input_request(event).map(A::type_line),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The help overlay's scroll after a key: three rows down (never past `max`, the last
/// offset that still fills the box, when it is known) or up, or `None` (closed) for any
/// other key.
pub fn help_scrolled(scroll: u16, down: bool, up: bool, max: Option<u16>) -> Option<u16> {
    let max = max.unwrap_or(u16::MAX);
    match (down, up) {
        (true, _) => Some(scroll.saturating_add(3).min(max)),
        (_, true) => Some(scroll.min(max).saturating_sub(3)),
        _ => None,
    }
}

/// Help rows (keys, what they do) of one scope; keys doing the same thing share a row.
pub fn help_rows<S: PartialEq, A>(table: &[Binding<S, A>], scope: Scope<S>) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = Vec::new();
    for b in table.iter().filter(|b| b.scope == scope) {
        let keys = b.keys.iter().map(|k| k.name()).collect::<Vec<_>>().join(" ");
        if let Some(last) = rows.last_mut()
            && last.1 == b.help
        {
            // Two rows for one key (a hint that depends on the state) are one help row.
            for k in b.keys.iter().map(|k| k.name()) {
                if !last.0.split(' ').any(|x| x == k) {
                    last.0.push(' ');
                    last.0.push_str(&k);
                }
            }
            continue;
        }
        rows.push((keys, b.help));
    }
    rows
}

/// The footer hints for `scopes` (most specific first): one per label, and none for a key
/// that a more specific scope already gives a meaning to. `worth` drops rows that do
/// nothing on the screen as it is now. Under a question, the help or the blanked screen
/// the footer keeps the hints of the screen beneath (`beneath`).
pub fn hints<S: PartialEq + Copy, A>(
    table: &[Binding<S, A>],
    scopes: &[Scope<S>],
    beneath: impl FnOnce() -> Vec<Scope<S>>,
    worth: impl Fn(&Binding<S, A>) -> bool,
) -> Vec<(String, &'static str)> {
    let beneath_scopes;
    let scopes = match scopes.first() {
        Some(Scope::Help | Scope::Confirm | Scope::Blank) => {
            beneath_scopes = beneath();
            beneath_scopes.as_slice()
        }
        _ => scopes,
    };
    let mut out: Vec<(String, &'static str)> = Vec::new();
    let mut taken: Vec<Key> = Vec::new();
    for scope in scopes {
        for b in table.iter().filter(|b| b.scope == *scope && worth(b)) {
            let key = b.keys[0].name();
            if let Some(h) = b.hint
                && !out.iter().any(|(k, x)| *x == h || *k == key)
                && !taken.contains(&b.keys[0])
            {
                out.push((key, h));
            }
        }
        taken.extend(table.iter().filter(|b| b.scope == *scope).flat_map(|b| b.keys.iter().copied()));
    }
    out
}

/// The sections of a help overlay: the screen in view, then every screen's keys, the
/// other screens, typing and the editor, each titled by `title`.
pub fn help_sections<S: PartialEq + Copy, A>(
    table: &[Binding<S, A>],
    current: Scope<S>,
    screens: impl IntoIterator<Item = S>,
    title: impl Fn(Scope<S>) -> String,
) -> Vec<(String, Vec<(String, &'static str)>)> {
    let mut scopes = vec![current, Scope::Global];
    scopes.extend(screens.into_iter().map(Scope::Screen).filter(|s| *s != current));
    scopes.extend([Scope::Editing, Scope::Editor]);
    scopes.into_iter().map(|scope| (title(scope), help_rows(table, scope))).collect()
}

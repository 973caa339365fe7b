//! The facilitator's app without a terminal: loading the demo, typing into it, and
//! drawing it on a `TestBackend`.

use chrono::{DateTime, FixedOffset};
use hotseat::facilitator::{Action, App, Effect, update};
use hotseat::store::Store;
use hotseat::store::snapshot::{Context, Strictness};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use tui_input::InputRequest;

/// A fresh app on the home screen, loaded from the folder as `hotseat` does.
pub fn load(store: &Store) -> App {
    let ctx = Context::load(store, Strictness::Lenient).expect("the group loads");
    let mut app = App::new(ctx);
    let members: Vec<String> = app.ctx.group.members.iter().map(|m| m.id.clone()).collect();
    app.seats = store.seats(&members).ok();
    app
}

/// Type text into whatever input is open, one key at a time.
pub fn type_text(app: &mut App, text: &str, now: DateTime<FixedOffset>) {
    for c in text.chars() {
        let fx = update(app, Action::TypeLine(InputRequest::InsertChar(c)), now);
        assert!(fx.is_empty(), "typing saves nothing: {fx:?}");
    }
}

/// Clear the focused one-line input.
pub fn clear_input(app: &mut App, now: DateTime<FixedOffset>) {
    update(app, Action::TypeLine(InputRequest::DeleteLine), now);
}

/// Open the demo's meeting at `now` (check-in).
pub fn started(store: &Store, now: DateTime<FixedOffset>) -> App {
    let mut app = load(store);
    let fx = update(&mut app, Action::Start, now);
    assert_eq!(fx, vec![Effect::SaveMeeting]);
    app
}

/// Press `]` with no other checks.
pub fn next(app: &mut App, now: DateTime<FixedOffset>) -> Vec<Effect> {
    update(app, Action::Advance, now)
}

/// Draw the app at `w`×`h` and return the buffer.
pub fn draw(app: &App, w: u16, h: u16, now: DateTime<FixedOffset>) -> Buffer {
    screen(app, w, h, now).buffer().clone()
}

/// Draw and return the terminal backend, for `insta` snapshots.
pub fn screen(app: &App, w: u16, h: u16, now: DateTime<FixedOffset>) -> TestBackend {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    term.draw(|f| hotseat::facilitator::ui::view(app, f, now)).expect("draws");
    term.backend().clone()
}

/// The buffer's text, one line per row, trailing spaces kept.
pub fn text_of(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// The buffer's cells, symbol by symbol, one line per row with trailing spaces cut.
pub fn trimmed_text_of(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The text shown at `w`×`h`.
pub fn shown(app: &App, w: u16, h: u16, now: DateTime<FixedOffset>) -> String {
    text_of(&draw(app, w, h, now))
}

/// The text with runs of whitespace folded to one space, for finding wrapped phrases.
pub fn squeezed(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

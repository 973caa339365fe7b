//! Entering and leaving the terminal's full-screen mode, exactly once on every path:
//! normal quit, error, signal and panic.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::os::fd::AsFd;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Terminal;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::style::{Attribute, SetAttribute};
use ratatui::crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::crossterm::{cursor, execute};

use crate::tui::lean_backend::LeanBackend;

/// Each frame reaches the terminal in one write, in few bytes (see [`LeanBackend`]): a
/// buffer over standard output's file descriptor, not over `Stdout`, which would send
/// everything up to a line feed separately.
pub type Term = Terminal<LeanBackend<BufWriter<File>>>;

static ACTIVE: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();

/// Raw mode, alternate screen, bracketed paste; a panic hook that restores first.
pub fn enter() -> io::Result<Term> {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    // Clear without `Terminal::clear`, which asks the terminal where the cursor is and
    // waits for the answer: a round trip before the first frame (and a two-second stall
    // then an error on terminals that never answer).
    execute!(out, EnterAlternateScreen, EnableBracketedPaste, cursor::Hide, terminal::Clear(terminal::ClearType::All))?;
    let fd = io::stdout().as_fd().try_clone_to_owned()?;
    Terminal::new(LeanBackend::new(BufWriter::with_capacity(1 << 16, File::from(fd))))
}

/// Leave full-screen mode. Safe to call from anywhere, any number of times: only the
/// first call after [`enter`] does anything.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        // The frames leave their last attributes set (see `LeanBackend`): reset them.
        let _ =
            execute!(out, SetAttribute(Attribute::Reset), DisableBracketedPaste, LeaveAlternateScreen, cursor::Show);
        let _ = terminal::disable_raw_mode();
        let _ = out.flush();
    }
}

/// Restores the terminal when dropped, whichever way the scope is left.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Ring the terminal bell.
pub fn bell(term: &mut Term) {
    let _ = term.backend_mut().write_all(b"\x07");
    let _ = term.backend_mut().flush();
}

//! A ratatui backend that writes each frame's changes in as few bytes as it can.
//!
//! A running countdown changes one big digit a second. crossterm's backend sends each
//! changed run with an absolute cursor move, and after every frame resets four
//! attributes and hides the cursor again: about 150 bytes a second for one digit. This
//! one moves the cursor relatively when that is shorter (a line feed where the terminal
//! adds no carriage return), rewrites a short gap instead of jumping over it when it knows
//! what the gap holds, sets all attributes in one sequence and keeps them from one frame
//! to the next, and does not repeat a cursor show or hide. Every frame starts with an
//! absolute move, so no assumption about the cursor outlives a frame; whoever writes to
//! the terminal besides this backend (leaving full-screen mode) resets the attributes.
//!
//! What reaches the screen is the same as with crossterm's backend; the tests below replay
//! the output through a terminal emulator and compare every cell (`tests.rs`); the
//! escape sequences themselves are in `codes.rs`.

use std::cell::Cell as Shared;
use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Cell, CellDiffOption, CellWidth};
use ratatui::crossterm::terminal;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

mod codes;
mod screen;
use codes::{MODIFIER_CODES, Seq, color_param, csi, cup, push_num};
use screen::Screen;

/// Gaps up to this many cells may be rewritten rather than jumped over.
const MAX_FILL: u16 = 8;

/// The attributes in force on the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

const PLAIN: Pen = Pen { fg: Color::Reset, bg: Color::Reset, underline: Color::Reset, modifier: Modifier::empty() };

/// The cell's one character, when it is one column wide and printed as it is: the cursor
/// moves one column.
fn plain(c: &Cell) -> Option<char> {
    if c.diff_option != CellDiffOption::None {
        return None;
    }
    let s = c.symbol();
    match s.as_bytes() {
        // Most cells: one printable ASCII character, without asking the width tables.
        [b] if b.is_ascii_graphic() || *b == b' ' => Some(char::from(*b)),
        _ => {
            let mut chars = s.chars();
            chars.next().filter(|_| chars.next().is_none() && s.width() == 1)
        }
    }
}

fn pen_of(c: &Cell) -> Pen {
    Pen { fg: c.fg, bg: c.bg, underline: c.underline_color, modifier: c.modifier }
}

pub struct LeanBackend<W: Write> {
    out: W,
    /// Where the terminal's cursor is, when known.
    cursor: Option<(u16, u16)>,
    /// Whether the cursor is hidden, when known.
    hidden: Option<bool>,
    pen: Pen,
    /// What the screen shows, as far as this backend drew it (ratatui assumes the same).
    screen: Screen,
    /// Whether `screen` can be trusted to fill gaps.
    screen_known: bool,
    /// The size last read from the terminal (or fixed, in tests).
    size: Shared<Size>,
    fixed: bool,
    /// Bytes of the frame being written.
    frame: Vec<u8>,
    /// A line feed only moves down (raw mode: no output processing adds a return).
    bare_lf: bool,
}

impl<W: Write> LeanBackend<W> {
    /// A backend for the terminal on standard output, in raw mode.
    pub fn new(out: W) -> LeanBackend<W> {
        let mut b = LeanBackend::build(out, Size::default(), false);
        b.bare_lf = bare_line_feed(libc::STDOUT_FILENO);
        b
    }

    /// A backend of a fixed size that never asks a terminal (for tests and benchmarks).
    pub fn with_size(out: W, width: u16, height: u16) -> LeanBackend<W> {
        LeanBackend::build(out, Size { width, height }, true)
    }

    fn build(out: W, size: Size, fixed: bool) -> LeanBackend<W> {
        LeanBackend {
            out,
            cursor: None,
            hidden: None,
            pen: PLAIN,
            screen: Screen::new(PLAIN),
            screen_known: true,
            size: Shared::new(size),
            fixed,
            frame: Vec::with_capacity(16 * 1024),
            bare_lf: true,
        }
    }

    pub fn writer(&self) -> &W {
        &self.out
    }

    /// Keep `screen` the size of the terminal: blank, as ratatui assumes after a resize.
    fn fit_screen(&mut self) {
        let Size { width, height } = self.size.get();
        self.screen.fit(width, height);
    }

    /// Cursor movement from where it is to `(x, y)`, shortest first; `None` when the
    /// cursor is already there.
    fn movement(&self, x: u16, y: u16) -> Option<Seq> {
        let absolute = cup(x, y);
        let Some((cx, cy)) = self.cursor else { return Some(absolute) };
        if (cx, cy) == (x, y) {
            return None;
        }
        let mut best = absolute;
        let mut consider = |v: Seq| {
            if v.len() < best.len() {
                best = v;
            }
        };
        if cy == y {
            consider(self.horizontal(cx, x, y));
        } else {
            let vertical = if y > cy { csi(y - cy, b'B') } else { csi(cy - y, b'A') };
            let mut feeds = None;
            if self.bare_lf && y > cy && y - cy <= 2 {
                let mut v = Seq::new();
                v.extend(&b"\n\n"[..usize::from(y - cy)]);
                feeds = Some(v);
            }
            for mut v in std::iter::once(vertical).chain(feeds) {
                if cx != x {
                    v.extend(self.horizontal_without_fill(cx, x).as_slice());
                }
                consider(v);
            }
        }
        Some(best)
    }

    fn horizontal_without_fill(&self, from: u16, to: u16) -> Seq {
        let relative = if to > from { csi(to - from, b'C') } else { csi(from - to, b'D') };
        let column = csi(to + 1, b'G');
        if relative.len() <= column.len() { relative } else { column }
    }

    /// Along one row: a relative move, or rewriting the cells in between when that is
    /// shorter and they need no change of attributes.
    fn horizontal(&self, from: u16, to: u16, y: u16) -> Seq {
        let jump = self.horizontal_without_fill(from, to);
        if to <= from || to - from > MAX_FILL || !self.screen_known {
            return jump;
        }
        let mut fill = Seq::new();
        for x in from..to {
            match self.screen.plain_at(x, y) {
                Some((ch, pen)) if pen == self.pen => {
                    let mut utf8 = [0; 4];
                    fill.extend(ch.encode_utf8(&mut utf8).as_bytes());
                }
                _ => return jump,
            }
            // No shorter than the jump already: the jump it is.
            if fill.len() >= jump.len() {
                return jump;
            }
        }
        fill
    }

    /// Set the attributes for `to`: one sequence, starting from a reset when anything has
    /// to be taken away.
    fn set_pen(&mut self, to: Pen) {
        if to == self.pen {
            return;
        }
        let from = self.pen;
        let removes = !to.modifier.contains(from.modifier)
            || (from.fg != Color::Reset && to.fg == Color::Reset)
            || (from.bg != Color::Reset && to.bg == Color::Reset)
            || (from.underline != Color::Reset && to.underline == Color::Reset);
        let base = if removes { PLAIN } else { from };
        // The parameters, separated by `;`, in one sequence written straight into the
        // frame (taken back if there are none).
        let start = self.frame.len();
        self.frame.extend_from_slice(b"\x1b[");
        let params = self.frame.len();
        let next = |frame: &mut Vec<u8>| {
            if frame.len() > params {
                frame.push(b';');
            }
        };
        if removes {
            self.frame.push(b'0');
        }
        for (m, code) in MODIFIER_CODES {
            if to.modifier.contains(m) && !base.modifier.contains(m) {
                next(&mut self.frame);
                push_num(&mut self.frame, code.into());
            }
        }
        for (color, was, layer) in [(to.fg, base.fg, 38), (to.bg, base.bg, 48), (to.underline, base.underline, 58)] {
            if color != was && color != Color::Reset {
                next(&mut self.frame);
                color_param(&mut self.frame, color, layer);
            }
        }
        if self.frame.len() > params {
            self.frame.push(b'm');
        } else {
            self.frame.truncate(start);
        }
        self.pen = to;
    }
}

impl<W: Write> LeanBackend<W> {
    fn plain(&mut self) -> io::Result<()> {
        if self.pen != PLAIN {
            self.out.write_all(b"\x1b[0m")?;
            self.pen = PLAIN;
        }
        Ok(())
    }
}

/// Whether a line feed written to `fd` reaches the terminal as a bare line feed.
fn bare_line_feed(fd: libc::c_int) -> bool {
    // SAFETY: tcgetattr fills the zeroed struct, or fails and we say no.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    if unsafe { libc::tcgetattr(fd, &mut t) } != 0 {
        return false;
    }
    t.c_oflag & libc::OPOST == 0 || t.c_oflag & libc::ONLCR == 0
}

impl<W: Write> Write for LeanBackend<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.fit_screen();
        let cols = self.size.get().width;
        // Trust nothing from before this frame about where the cursor is.
        self.cursor = None;
        self.frame.clear();
        for (x, y, cell) in content {
            if let Some(mv) = self.movement(x, y) {
                self.frame.extend_from_slice(mv.as_slice());
            }
            self.set_pen(pen_of(cell));
            let s = cell.symbol();
            self.frame.extend_from_slice(s.as_bytes());
            let plain = plain(cell);
            self.cursor = (plain.is_some() && x + 1 < cols).then_some((x + 1, y));
            self.screen.set(x, y, plain, self.pen);
            // A wide character covers the cells after it: never fill a gap with what
            // they held before.
            let width = if plain.is_some() { 1 } else { cell.cell_width().max(1) };
            for dx in 1..width {
                self.screen.set(x.saturating_add(dx), y, None, self.pen);
            }
        }
        // The attributes stay set for the next frame, which most likely starts with the
        // same ones (the countdown's digits).
        self.out.write_all(&self.frame)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.cursor = None;
        self.screen_known = false;
        self.plain()?;
        for _ in 0..n {
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.hidden != Some(true) {
            self.out.write_all(b"\x1b[?25l")?;
            self.hidden = Some(true);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.hidden != Some(false) {
            self.out.write_all(b"\x1b[?25h")?;
            self.hidden = Some(false);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.out.flush()?;
        let (x, y) = ratatui::crossterm::cursor::position()?;
        Ok(Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        self.out.write_all(cup(x, y).as_slice())?;
        self.cursor = Some((x, y));
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        let seq: &[u8] = match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        };
        // Erasing fills with the current background: make it the default one.
        self.plain()?;
        self.out.write_all(seq)?;
        if clear_type == ClearType::All {
            self.fit_screen();
            self.screen.blank();
            self.screen_known = true;
        } else {
            self.screen_known = false;
        }
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        if !self.fixed {
            let (width, height) = terminal::size()?;
            self.size.set(Size { width, height });
        }
        Ok(self.size.get())
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        if self.fixed {
            return Ok(WindowSize { columns_rows: self.size.get(), pixels: Size::default() });
        }
        let w = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size { width: w.columns, height: w.rows },
            pixels: Size { width: w.width, height: w.height },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests;

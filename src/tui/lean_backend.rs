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
//! the output through a terminal emulator and compare every cell.

use std::cell::Cell as Shared;
use std::fmt::Write as _;
use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::crossterm::terminal;
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

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

/// One character one column wide, printed as it is: the cursor moves one column.
fn plain(c: &Cell) -> bool {
    let s = c.symbol();
    c.diff_option == CellDiffOption::None && s.width() == 1 && s.chars().count() == 1
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
    screen: Buffer,
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
            screen: Buffer::empty(Rect::default()),
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
        let area = Rect::new(0, 0, width, height);
        if self.screen.area != area {
            self.screen = Buffer::empty(area);
        }
    }

    /// Cursor movement from where it is to `(x, y)`, shortest first; `None` when the
    /// cursor is already there.
    fn movement(&self, x: u16, y: u16) -> Option<Vec<u8>> {
        let absolute = cup(x, y);
        let Some((cx, cy)) = self.cursor else { return Some(absolute) };
        if (cx, cy) == (x, y) {
            return None;
        }
        let mut best = absolute;
        let mut consider = |v: Vec<u8>| {
            if v.len() < best.len() {
                best = v;
            }
        };
        if cy == y {
            consider(self.horizontal(cx, x, y));
        } else {
            let mut verticals = vec![if y > cy { csi(y - cy, b'B') } else { csi(cy - y, b'A') }];
            if self.bare_lf && y > cy && y - cy <= 2 {
                verticals.push(vec![b'\n'; (y - cy) as usize]);
            }
            for mut v in verticals {
                if cx != x {
                    v.extend(self.horizontal_without_fill(cx, x));
                }
                consider(v);
            }
        }
        Some(best)
    }

    fn horizontal_without_fill(&self, from: u16, to: u16) -> Vec<u8> {
        let relative = if to > from { csi(to - from, b'C') } else { csi(from - to, b'D') };
        let column = csi(to + 1, b'G');
        if relative.len() <= column.len() { relative } else { column }
    }

    /// Along one row: a relative move, or rewriting the cells in between when that is
    /// shorter and they need no change of attributes.
    fn horizontal(&self, from: u16, to: u16, y: u16) -> Vec<u8> {
        let jump = self.horizontal_without_fill(from, to);
        if to <= from || to - from > MAX_FILL || !self.screen_known {
            return jump;
        }
        let mut fill = Vec::new();
        for x in from..to {
            let Some(c) = self.screen.cell(Position { x, y }) else { return jump };
            let s = c.symbol();
            if !plain(c) || pen_of(c) != self.pen {
                return jump;
            }
            fill.extend_from_slice(s.as_bytes());
        }
        if fill.len() < jump.len() { fill } else { jump }
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
        let mut params: Vec<String> = Vec::new();
        if removes {
            params.push("0".into());
        }
        for (m, code) in MODIFIER_CODES {
            if to.modifier.contains(m) && !base.modifier.contains(m) {
                params.push(code.to_string());
            }
        }
        for (color, was, layer) in [(to.fg, base.fg, 38), (to.bg, base.bg, 48), (to.underline, base.underline, 58)] {
            if color != was && color != Color::Reset {
                params.push(color_param(color, layer));
            }
        }
        if !params.is_empty() {
            let _ = write!(Sink(&mut self.frame), "\x1b[{}m", params.join(";"));
        }
        self.pen = to;
    }
}

const MODIFIER_CODES: [(Modifier, u8); 9] = [
    (Modifier::BOLD, 1),
    (Modifier::DIM, 2),
    (Modifier::ITALIC, 3),
    (Modifier::UNDERLINED, 4),
    (Modifier::SLOW_BLINK, 5),
    (Modifier::RAPID_BLINK, 6),
    (Modifier::REVERSED, 7),
    (Modifier::HIDDEN, 8),
    (Modifier::CROSSED_OUT, 9),
];

/// The same palette entries crossterm's backend asks for.
fn color_param(c: Color, layer: u8) -> String {
    let indexed = |n: u8| format!("{layer};5;{n}");
    match c {
        Color::Reset => format!("{}", layer + 1),
        Color::Black => indexed(0),
        Color::Red => indexed(1),
        Color::Green => indexed(2),
        Color::Yellow => indexed(3),
        Color::Blue => indexed(4),
        Color::Magenta => indexed(5),
        Color::Cyan => indexed(6),
        Color::Gray => indexed(7),
        Color::DarkGray => indexed(8),
        Color::LightRed => indexed(9),
        Color::LightGreen => indexed(10),
        Color::LightYellow => indexed(11),
        Color::LightBlue => indexed(12),
        Color::LightMagenta => indexed(13),
        Color::LightCyan => indexed(14),
        Color::White => indexed(15),
        Color::Indexed(n) => indexed(n),
        Color::Rgb(r, g, b) => format!("{layer};2;{r};{g};{b}"),
    }
}

fn cup(x: u16, y: u16) -> Vec<u8> {
    match (x, y) {
        (0, 0) => b"\x1b[H".to_vec(),
        (0, y) => format!("\x1b[{}H", y + 1).into_bytes(),
        (x, y) => format!("\x1b[{};{}H", y + 1, x + 1).into_bytes(),
    }
}

fn csi(n: u16, op: u8) -> Vec<u8> {
    let mut v = if n == 1 { b"\x1b[".to_vec() } else { format!("\x1b[{n}").into_bytes() };
    v.push(op);
    v
}

/// `fmt::Write` into a byte vector.
struct Sink<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for Sink<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
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
                self.frame.extend_from_slice(&mv);
            }
            self.set_pen(pen_of(cell));
            let s = cell.symbol();
            self.frame.extend_from_slice(s.as_bytes());
            self.cursor = (plain(cell) && x + 1 < cols).then_some((x + 1, y));
            if let Some(c) = self.screen.cell_mut(Position { x, y }) {
                *c = cell.clone();
            }
            // A wide character covers the cells after it: never fill a gap with what
            // they held before.
            for dx in 1..cell.cell_width().max(1) {
                if let Some(c) = self.screen.cell_mut(Position { x: x.saturating_add(dx), y }) {
                    c.set_symbol("");
                }
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
        self.out.write_all(&cup(x, y))?;
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
            self.screen.reset();
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
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::Terminal;
    use ratatui::backend::CrosstermBackend;
    use ratatui::style::Style;

    const W: u16 = 24;
    const H: u16 = 8;

    fn vt_color(c: Color) -> vt100::Color {
        match c {
            Color::Reset => vt100::Color::Default,
            Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
            Color::Indexed(n) => vt100::Color::Idx(n),
            other => match color_param(other, 38).rsplit(';').next().and_then(|n| n.parse().ok()) {
                Some(n) => vt100::Color::Idx(n),
                None => vt100::Color::Default,
            },
        }
    }

    /// Every cell of the emulated screen shows what the buffer holds.
    fn assert_shows(screen: &vt100::Screen, buf: &Buffer) {
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                let want = &buf[(x, y)];
                let got = screen.cell(y, x).expect("in the screen");
                let at = format!("({x},{y})");
                assert_eq!(got.contents().trim(), want.symbol().trim(), "symbol at {at}");
                assert_eq!(got.fgcolor(), vt_color(want.fg), "fg at {at}");
                assert_eq!(got.bgcolor(), vt_color(want.bg), "bg at {at}");
                assert_eq!(got.bold(), want.modifier.contains(Modifier::BOLD), "bold at {at}");
                assert_eq!(got.italic(), want.modifier.contains(Modifier::ITALIC), "italic at {at}");
                assert_eq!(got.underline(), want.modifier.contains(Modifier::UNDERLINED), "underline at {at}");
                assert_eq!(got.inverse(), want.modifier.contains(Modifier::REVERSED), "inverse at {at}");
            }
        }
    }

    const SYMBOLS: [&str; 6] = [" ", "a", "Z", "█", "▀", "·"];
    const COLORS: [Color; 6] =
        [Color::Reset, Color::Yellow, Color::Red, Color::DarkGray, Color::Indexed(200), Color::Rgb(1, 2, 3)];
    const MODS: [Modifier; 5] =
        [Modifier::empty(), Modifier::BOLD, Modifier::REVERSED, Modifier::ITALIC, Modifier::UNDERLINED];

    /// A frame: some cells set, the rest blank.
    fn frame() -> impl Strategy<Value = Vec<(u16, u16, usize, usize, usize, usize)>> {
        proptest::collection::vec(
            (0..W, 0..H, 0..SYMBOLS.len(), 0..COLORS.len(), 0..COLORS.len(), 0..MODS.len()),
            0..60,
        )
    }

    fn paint(frame: &mut ratatui::Frame, cells: &[(u16, u16, usize, usize, usize, usize)]) {
        let buf = frame.buffer_mut();
        for &(x, y, s, fg, bg, m) in cells {
            buf[(x, y)]
                .set_symbol(SYMBOLS[s])
                .set_style(Style::new().fg(COLORS[fg]).bg(COLORS[bg]).add_modifier(MODS[m]));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn the_screen_shows_every_frame_exactly(frames in proptest::collection::vec(frame(), 1..6)) {
            let mut term = Terminal::new(LeanBackend::with_size(Vec::new(), W, H)).unwrap();
            let mut vt = vt100::Parser::new(H, W, 0);
            let mut seen = 0;
            for cells in &frames {
                let done = term.draw(|f| paint(f, cells)).unwrap();
                let buf = done.buffer.clone();
                let out = term.backend().writer();
                vt.process(&out[seen..]);
                seen = out.len();
                assert_shows(vt.screen(), &buf);
            }
        }
    }

    /// Output kept where the test can read it.
    #[derive(Clone, Default)]
    struct Tape(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Tape {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// Every cell's text and attributes (not the attributes the terminal is left in).
    fn cells(s: &vt100::Screen) -> Vec<(String, vt100::Color, vt100::Color, [bool; 4])> {
        let mut out = Vec::new();
        for y in 0..H {
            for x in 0..W {
                let c = s.cell(y, x).expect("in the screen");
                let attrs = [c.bold(), c.italic(), c.underline(), c.inverse()];
                // A space written and a cell never written look the same.
                out.push((c.contents().trim().to_string(), c.fgcolor(), c.bgcolor(), attrs));
            }
        }
        out
    }

    const WORDS: [&str; 7] = ["Ada", "名前", "→ ok", "█▀▄", "Zoë", "🙂!", "a  b"];

    /// Text written the way widgets write it (wide characters take two cells).
    fn words() -> impl Strategy<Value = Vec<(u16, u16, usize, usize, usize)>> {
        proptest::collection::vec((0..W, 0..H, 0..WORDS.len(), 0..COLORS.len(), 0..MODS.len()), 0..12)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(100))]
        #[test]
        fn the_screen_ends_up_as_with_crossterms_backend(frames in proptest::collection::vec(words(), 1..6)) {
            let area = Rect::new(0, 0, W, H);
            let mut lean = Terminal::new(LeanBackend::with_size(Vec::new(), W, H)).unwrap();
            let tape = Tape::default();
            let fixed = ratatui::TerminalOptions { viewport: ratatui::Viewport::Fixed(area) };
            let mut plain = Terminal::with_options(CrosstermBackend::new(tape.clone()), fixed).unwrap();
            let (mut a, mut b) = (vt100::Parser::new(H, W, 0), vt100::Parser::new(H, W, 0));
            let (mut seen_a, mut seen_b) = (0, 0);
            for frame in &frames {
                let paint = |f: &mut ratatui::Frame| {
                    for &(x, y, w, c, m) in frame {
                        let style = Style::new().fg(COLORS[c]).add_modifier(MODS[m]);
                        f.buffer_mut().set_stringn(x, y, WORDS[w], (W - x) as usize, style);
                    }
                };
                lean.draw(paint).unwrap();
                plain.draw(paint).unwrap();
                a.process(&lean.backend().writer()[seen_a..]);
                seen_a = lean.backend().writer().len();
                b.process(&tape.0.borrow()[seen_b..]);
                seen_b = tape.0.borrow().len();
                prop_assert_eq!(cells(a.screen()), cells(b.screen()));
            }
        }
    }

    #[test]
    fn a_ticking_digit_costs_a_quarter_fewer_bytes_than_with_crossterm() {
        use ratatui::widgets::Widget;
        use tui_big_text::{BigText, PixelSize};
        let draw = |f: &mut ratatui::Frame, s: &str| {
            let digits = BigText::builder()
                .pixel_size(PixelSize::Full)
                .style(Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD))
                .lines(vec![s.into()])
                .build();
            digits.render(Rect::new(2, 1, 44, 8), f.buffer_mut());
        };
        let mut lean = Terminal::new(LeanBackend::with_size(Vec::new(), 60, 12)).unwrap();
        let fixed = ratatui::TerminalOptions { viewport: ratatui::Viewport::Fixed(Rect::new(0, 0, 60, 12)) };
        let tape = Tape::default();
        let mut plain = Terminal::with_options(CrosstermBackend::new(tape.clone()), fixed).unwrap();
        let mut vt = vt100::Parser::new(12, 60, 0);
        let (mut a0, mut b0) = (0, 0);
        let (mut lean_bytes, mut plain_bytes) = (0, 0);
        for s in ["12:00", "11:59", "11:58", "11:57", "11:56", "11:55", "11:54", "11:53", "11:52", "11:51", "11:50"] {
            let done = lean.draw(|f| draw(f, s)).unwrap();
            let buf = done.buffer.clone();
            plain.draw(|f| draw(f, s)).unwrap();
            let (a, b) = (lean.backend().writer().len(), tape.0.borrow().len());
            vt.process(&lean.backend().writer()[a0..]);
            assert_shows(vt.screen(), &buf);
            if s != "12:00" {
                lean_bytes += a - a0;
                plain_bytes += b - b0;
            }
            (a0, b0) = (a, b);
        }
        assert!(lean_bytes * 4 < plain_bytes * 3, "lean {lean_bytes} vs crossterm {plain_bytes} bytes for ten ticks");
    }

    #[test]
    fn an_unchanged_frame_writes_nothing_and_the_cursor_is_hidden_once() {
        let mut term = Terminal::new(LeanBackend::with_size(Vec::new(), W, H)).unwrap();
        term.draw(|f| paint(f, &[(1, 1, 1, 1, 0, 1)])).unwrap();
        let n = term.backend().writer().len();
        term.draw(|f| paint(f, &[(1, 1, 1, 1, 0, 1)])).unwrap();
        assert_eq!(term.backend().writer().len(), n);
        let out = String::from_utf8_lossy(term.backend().writer()).into_owned();
        assert_eq!(out.matches("\x1b[?25l").count(), 1, "{out:?}");
        term.backend_mut().clear_region(ClearType::All).unwrap();
        let out = String::from_utf8_lossy(term.backend().writer()).into_owned();
        assert!(out.ends_with("\x1b[0m\x1b[2J"), "erasing uses the default background: {out:?}");
    }
}

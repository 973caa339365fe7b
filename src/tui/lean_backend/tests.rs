//! Replays the lean backend's output through a terminal emulator and compares every cell
//! with what crossterm's backend produces.

use super::*;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

const W: u16 = 24;
const H: u16 = 8;

fn vt_color(c: Color) -> vt100::Color {
    match c {
        Color::Reset => vt100::Color::Default,
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
        Color::Indexed(n) => vt100::Color::Idx(n),
        other => {
            let mut param = Vec::new();
            color_param(&mut param, other, 38);
            match String::from_utf8_lossy(&param).rsplit(';').next().and_then(|n| n.parse().ok()) {
                Some(n) => vt100::Color::Idx(n),
                None => vt100::Color::Default,
            }
        }
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
    proptest::collection::vec((0..W, 0..H, 0..SYMBOLS.len(), 0..COLORS.len(), 0..COLORS.len(), 0..MODS.len()), 0..60)
}

fn paint(frame: &mut ratatui::Frame, cells: &[(u16, u16, usize, usize, usize, usize)]) {
    let buf = frame.buffer_mut();
    for &(x, y, s, fg, bg, m) in cells {
        buf[(x, y)].set_symbol(SYMBOLS[s]).set_style(Style::new().fg(COLORS[fg]).bg(COLORS[bg]).add_modifier(MODS[m]));
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

//! The escape sequences the lean backend writes: attributes, colours, cursor moves.

use ratatui::style::{Color, Modifier};

pub(super) const MODIFIER_CODES: [(Modifier, u8); 9] = [
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
pub(super) fn color_param(c: Color, layer: u8) -> String {
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

pub(super) fn cup(x: u16, y: u16) -> Vec<u8> {
    match (x, y) {
        (0, 0) => b"\x1b[H".to_vec(),
        (0, y) => format!("\x1b[{}H", y + 1).into_bytes(),
        (x, y) => format!("\x1b[{};{}H", y + 1, x + 1).into_bytes(),
    }
}

pub(super) fn csi(n: u16, op: u8) -> Vec<u8> {
    let mut v = if n == 1 { b"\x1b[".to_vec() } else { format!("\x1b[{n}").into_bytes() };
    v.push(op);
    v
}

/// `fmt::Write` into a byte vector.
pub(super) struct Sink<'a>(pub(super) &'a mut Vec<u8>);

impl std::fmt::Write for Sink<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

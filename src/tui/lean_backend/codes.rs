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

/// Something to append bytes to: the frame, or one cursor movement.
pub(super) trait Bytes {
    fn put(&mut self, b: u8);
}

impl Bytes for Vec<u8> {
    fn put(&mut self, b: u8) {
        self.push(b);
    }
}

/// A short sequence kept on the stack: a cursor movement, which the first frame weighs
/// hundreds of times (two or three candidates each) before writing the shortest.
#[derive(Clone, Copy)]
pub(super) struct Seq {
    bytes: [u8; Seq::CAPACITY],
    len: u8,
}

impl Seq {
    /// Longer than any movement: `ESC [ 65536 ; 65536 H` is 14 bytes, and a gap is
    /// rewritten only while shorter than the jump over it.
    pub(super) const CAPACITY: usize = 32;

    pub(super) fn new() -> Seq {
        Seq { bytes: [0; Seq::CAPACITY], len: 0 }
    }

    pub(super) fn as_slice(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }

    pub(super) fn len(&self) -> usize {
        usize::from(self.len)
    }

    pub(super) fn extend(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.put(b);
        }
    }
}

impl Bytes for Seq {
    fn put(&mut self, b: u8) {
        // Never reached (see CAPACITY); a longer sequence would be cut, not overflow.
        if let Some(slot) = self.bytes.get_mut(usize::from(self.len)) {
            *slot = b;
            self.len += 1;
        }
    }
}

/// The decimal digits of `n`, appended (without the formatting machinery: the first
/// frame writes hundreds of these).
pub(super) fn push_num(v: &mut impl Bytes, n: u32) {
    if n >= 10 {
        push_num(v, n / 10);
    }
    v.put(b'0' + (n % 10) as u8);
}

/// The same palette entries crossterm's backend asks for, appended as one SGR parameter.
pub(super) fn color_param(v: &mut Vec<u8>, c: Color, layer: u8) {
    let indexed = |v: &mut Vec<u8>, n: u8| {
        push_num(v, layer.into());
        v.extend_from_slice(b";5;");
        push_num(v, n.into());
    };
    match c {
        Color::Reset => push_num(v, u32::from(layer) + 1),
        Color::Black => indexed(v, 0),
        Color::Red => indexed(v, 1),
        Color::Green => indexed(v, 2),
        Color::Yellow => indexed(v, 3),
        Color::Blue => indexed(v, 4),
        Color::Magenta => indexed(v, 5),
        Color::Cyan => indexed(v, 6),
        Color::Gray => indexed(v, 7),
        Color::DarkGray => indexed(v, 8),
        Color::LightRed => indexed(v, 9),
        Color::LightGreen => indexed(v, 10),
        Color::LightYellow => indexed(v, 11),
        Color::LightBlue => indexed(v, 12),
        Color::LightMagenta => indexed(v, 13),
        Color::LightCyan => indexed(v, 14),
        Color::White => indexed(v, 15),
        Color::Indexed(n) => indexed(v, n),
        Color::Rgb(r, g, b) => {
            push_num(v, layer.into());
            v.extend_from_slice(b";2");
            for part in [r, g, b] {
                v.push(b';');
                push_num(v, part.into());
            }
        }
    }
}

/// Move the cursor to column `x`, row `y` (from 0).
pub(super) fn cup(x: u16, y: u16) -> Seq {
    let mut v = Seq::new();
    v.extend(b"\x1b[");
    if (x, y) != (0, 0) {
        push_num(&mut v, u32::from(y) + 1);
        if x != 0 {
            v.put(b';');
            push_num(&mut v, u32::from(x) + 1);
        }
    }
    v.put(b'H');
    v
}

/// `ESC [ n op`, the count left out when it is 1.
pub(super) fn csi(n: u16, op: u8) -> Seq {
    let mut v = Seq::new();
    v.extend(b"\x1b[");
    if n != 1 {
        push_num(&mut v, n.into());
    }
    v.put(op);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sequences are the ones `format!` wrote before.
    #[test]
    fn sequences_as_formatted() {
        for (x, y) in [(0, 0), (0, 4), (7, 0), (119, 39), (9, 9)] {
            let expected = match (x, y) {
                (0, 0) => "\x1b[H".to_string(),
                (0, y) => format!("\x1b[{}H", y + 1),
                (x, y) => format!("\x1b[{};{}H", y + 1, x + 1),
            };
            assert_eq!(cup(x, y).as_slice(), expected.as_bytes(), "({x}, {y})");
        }
        assert_eq!(cup(u16::MAX, u16::MAX).as_slice(), b"\x1b[65536;65536H");
        assert_eq!(csi(1, b'C').as_slice(), b"\x1b[C");
        assert_eq!(csi(12, b'A').as_slice(), b"\x1b[12A");
        let param = |c, layer| {
            let mut v = Vec::new();
            color_param(&mut v, c, layer);
            String::from_utf8(v).unwrap()
        };
        assert_eq!(param(Color::Reset, 48), "49");
        assert_eq!(param(Color::Cyan, 38), "38;5;6");
        assert_eq!(param(Color::Indexed(208), 58), "58;5;208");
        assert_eq!(param(Color::Rgb(0, 10, 255), 38), "38;2;0;10;255");
    }
}

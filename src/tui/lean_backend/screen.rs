//! What the terminal shows, as far as the backend needs to know it to rewrite a short gap
//! instead of moving over it: for each cell, the character it holds when that character is
//! one column wide and printed as it is, and the attributes it was drawn with.
//!
//! Eight bytes a cell, not a copy of ratatui's cells (about forty): at 120×40 that is
//! 38 KB, which the allocator hands out from its heap, where a 190 KB copy was a fresh
//! mapping whose every page faulted in on the first frame.

use super::Pen;

/// Attributes a screen tells apart; cells drawn with any other are not known.
const MAX_PENS: usize = 4096;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Known {
    /// `'\0'`: not known (a wide character, a skipped cell, a palette full).
    ch: char,
    pen: u16,
}

const UNKNOWN: Known = Known { ch: '\0', pen: 0 };

pub(super) struct Screen {
    width: u16,
    height: u16,
    cells: Vec<Known>,
    /// The attributes seen, by number; the first is the terminal's default.
    pens: Vec<Pen>,
    /// The pen last looked up, and its number (most cells share the one before's).
    last: (Pen, u16),
}

impl Screen {
    pub(super) fn new(plain: Pen) -> Screen {
        Screen { width: 0, height: 0, cells: Vec::new(), pens: vec![plain], last: (plain, 0) }
    }

    /// Make it `width` × `height`; a screen of another size starts blank.
    pub(super) fn fit(&mut self, width: u16, height: u16) {
        if (width, height) != (self.width, self.height) {
            (self.width, self.height) = (width, height);
            self.cells = Vec::new();
            self.blank();
        }
    }

    /// Every cell blank in the default attributes (the terminal was just cleared).
    pub(super) fn blank(&mut self) {
        self.cells.clear();
        self.cells.resize(usize::from(self.width) * usize::from(self.height), Known { ch: ' ', pen: 0 });
    }

    fn index(&self, x: u16, y: u16) -> Option<usize> {
        (x < self.width && y < self.height).then(|| usize::from(y) * usize::from(self.width) + usize::from(x))
    }

    /// `(x, y)` now holds `ch` (one column, printed as is) drawn with `pen`, or something
    /// else (`None`).
    pub(super) fn set(&mut self, x: u16, y: u16, ch: Option<char>, pen: Pen) {
        let Some(i) = self.index(x, y) else { return };
        let known = match (ch, self.number(pen)) {
            (Some(ch), Some(pen)) => Known { ch, pen },
            _ => UNKNOWN,
        };
        self.cells[i] = known;
    }

    /// What `(x, y)` holds, when it is known to be one plain character.
    pub(super) fn plain_at(&self, x: u16, y: u16) -> Option<(char, Pen)> {
        let k = self.cells[self.index(x, y)?];
        (k.ch != '\0').then(|| (k.ch, self.pens[usize::from(k.pen)]))
    }

    fn number(&mut self, pen: Pen) -> Option<u16> {
        if self.last.0 == pen {
            return Some(self.last.1);
        }
        let n = match self.pens.iter().position(|p| *p == pen) {
            Some(n) => n,
            None if self.pens.len() < MAX_PENS => {
                self.pens.push(pen);
                self.pens.len() - 1
            }
            None => return None,
        };
        let n = u16::try_from(n).ok()?;
        self.last = (pen, n);
        Some(n)
    }
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Modifier};

    use super::*;
    use crate::tui::lean_backend::PLAIN;

    #[test]
    fn cells_hold_what_was_drawn_and_forget_the_rest() {
        let red = Pen { fg: Color::Red, ..PLAIN };
        let mut s = Screen::new(PLAIN);
        s.fit(3, 2);
        assert_eq!(s.plain_at(2, 1), Some((' ', PLAIN)));
        s.set(1, 0, Some('a'), red);
        s.set(2, 0, None, red);
        assert_eq!(s.plain_at(1, 0), Some(('a', red)));
        assert_eq!(s.plain_at(2, 0), None);
        assert_eq!(s.plain_at(3, 0), None, "outside");
        s.fit(3, 2);
        assert_eq!(s.plain_at(1, 0), Some(('a', red)), "same size: kept");
        s.blank();
        assert_eq!(s.plain_at(1, 0), Some((' ', PLAIN)));
    }

    #[test]
    fn a_full_palette_leaves_cells_unknown() {
        let mut s = Screen::new(PLAIN);
        s.fit(1, 1);
        for n in 0..MAX_PENS {
            let pen = Pen { fg: Color::Indexed((n % 256) as u8), bg: Color::Indexed((n / 256) as u8), ..PLAIN };
            s.set(0, 0, Some('x'), pen);
        }
        let unseen = Pen { modifier: Modifier::BOLD, ..PLAIN };
        s.set(0, 0, Some('x'), unseen);
        assert_eq!(s.plain_at(0, 0), None);
        s.set(0, 0, Some('y'), PLAIN);
        assert_eq!(s.plain_at(0, 0), Some(('y', PLAIN)));
    }
}

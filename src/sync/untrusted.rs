//! Shared data is untrusted: nothing read from the group folder may reach the terminal as
//! a control sequence. Every command writes through [`Safe`], which replaces control
//! characters (C0 but newline and tab, DEL, and C1) with `�`, as the screens do.

use std::io::{self, Write};

const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();

/// A writer that passes text through with its control characters replaced.
#[derive(Debug)]
pub struct Safe<W: Write> {
    inner: W,
    /// The previous write ended with the first byte of a two-byte sequence (0xC2).
    pending: bool,
}

impl<W: Write> Safe<W> {
    pub fn new(inner: W) -> Safe<W> {
        Safe { inner, pending: false }
    }
}

/// Standard output, made safe.
pub fn stdout() -> Safe<io::StdoutLock<'static>> {
    Safe::new(io::stdout().lock())
}

/// Standard error, made safe.
pub fn stderr() -> Safe<io::StderrLock<'static>> {
    Safe::new(io::stderr().lock())
}

/// `s` with control characters (but newline and tab) replaced.
pub fn clean(s: &str) -> String {
    s.chars().map(|c| if c.is_control() && c != '\n' && c != '\t' { '\u{FFFD}' } else { c }).collect()
}

impl<W: Write> Write for Safe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut out = Vec::with_capacity(buf.len());
        for &b in buf {
            if self.pending {
                self.pending = false;
                if (0x80..=0x9f).contains(&b) {
                    out.extend_from_slice(REPLACEMENT);
                    continue;
                }
                out.push(0xc2);
            }
            match b {
                b'\n' | b'\t' => out.push(b),
                0x00..=0x1f | 0x7f => out.extend_from_slice(REPLACEMENT),
                0xc2 => self.pending = true,
                _ => out.push(b),
            }
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if std::mem::take(&mut self.pending) {
            self.inner.write_all(&[0xc2])?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for Safe<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(parts: &[&[u8]]) -> String {
        let mut buf = Vec::new();
        {
            let mut w = Safe::new(&mut buf);
            for p in parts {
                w.write_all(p).unwrap();
            }
        }
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn control_characters_are_replaced() {
        assert_eq!(through(&[b"a\x1b]0;pwned\x07b\n"]), "a\u{FFFD}]0;pwned\u{FFFD}b\n");
        assert_eq!(through(&["x\u{9b}31m ä\t".as_bytes()]), "x\u{FFFD}31m ä\t");
        // A C1 character split across two writes.
        assert_eq!(through(&[b"x\xc2", b"\x9by"]), "x\u{FFFD}y");
        assert_eq!(through(&[b"\xc2", b"\xa9"]), "©");
        assert_eq!(clean("a\x1b[31mb\r\n"), "a\u{FFFD}[31mb\u{FFFD}\n");
    }
}

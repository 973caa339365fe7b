//! Find where a JSON path (`steps[3].owner`) sits in a file's text, for messages about
//! values that parse but make no sense.

use super::decode::position;

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// `steps[3].owner` from segments.
pub fn display(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && self.b[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn string(&mut self) -> Option<String> {
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        let start = self.i + 1;
        self.i += 1;
        while self.i < self.b.len() {
            match self.b[self.i] {
                b'\\' => self.i += 2,
                b'"' => {
                    let raw = &self.b[start..self.i];
                    self.i += 1;
                    let quoted = format!("\"{}\"", String::from_utf8_lossy(raw));
                    return serde_json::from_str(&quoted).ok();
                }
                _ => self.i += 1,
            }
        }
        None
    }

    /// After whitespace, the byte `c`, stepped over.
    fn expect(&mut self, c: u8) -> bool {
        self.ws();
        let found = self.b.get(self.i) == Some(&c);
        if found {
            self.i += 1;
        }
        found
    }

    /// An object's key and its colon.
    fn key(&mut self) -> Option<String> {
        self.ws();
        let key = self.string()?;
        self.expect(b':').then_some(key)
    }

    /// The rest of an object or array after its opening bracket: `item`s separated by
    /// commas, up to `close`.
    fn items(&mut self, close: u8, mut item: impl FnMut(&mut Self) -> bool) -> bool {
        self.i += 1;
        loop {
            self.ws();
            if self.b.get(self.i) == Some(&close) {
                self.i += 1;
                return true;
            }
            if !item(self) {
                return false;
            }
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(&c) if c == close => {}
                _ => return false,
            }
        }
    }

    /// Skip one value; returns false on malformed input.
    fn skip(&mut self, depth: usize) -> bool {
        if depth > 256 {
            return false;
        }
        self.ws();
        match self.b.get(self.i) {
            Some(b'"') => self.string().is_some(),
            Some(b'{') => self.items(b'}', |s| s.key().is_some() && s.skip(depth + 1)),
            Some(b'[') => self.items(b']', |s| s.skip(depth + 1)),
            Some(_) => {
                while self.i < self.b.len()
                    && !matches!(self.b[self.i], b',' | b'}' | b']')
                    && !self.b[self.i].is_ascii_whitespace()
                {
                    self.i += 1;
                }
                true
            }
            None => false,
        }
    }

    /// Move to the value at `path`, from the value starting here.
    fn descend(&mut self, path: &[Seg]) -> bool {
        self.ws();
        let Some((first, rest)) = path.split_first() else { return true };
        match (first, self.b.get(self.i)) {
            (Seg::Key(k), Some(b'{')) => {
                self.i += 1;
                loop {
                    let Some(key) = self.key() else { return false };
                    if &key == k {
                        return self.descend(rest);
                    }
                    if !(self.skip(0) && self.expect(b',')) {
                        return false;
                    }
                }
            }
            (Seg::Index(n), Some(b'[')) => {
                self.i += 1;
                (0..*n).all(|_| self.skip(0) && self.expect(b',')) && self.descend(rest)
            }
            _ => false,
        }
    }
}

/// Line and column of the value at `path`, or 1:1 when it cannot be found.
pub fn locate(text: &str, path: &[Seg]) -> (usize, usize) {
    let mut s = Scanner { b: text.as_bytes(), i: 0 };
    if s.descend(path) {
        s.ws();
        position(text.as_bytes(), s.i)
    } else {
        (1, 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values() {
        let text =
            "{\n  \"a\": 1,\n  \"steps\": [\n    {\"owner\": \"x\"},\n    {\"id\": \"s\", \"owner\": \"zed\"}\n  ]\n}";
        let path = [Seg::Key("steps".into()), Seg::Index(1), Seg::Key("owner".into())];
        assert_eq!(locate(text, &path), (5, 26));
        assert_eq!(display(&path), "steps[1].owner");
        assert_eq!(locate(text, &[Seg::Key("missing".into())]), (1, 1));
    }
}

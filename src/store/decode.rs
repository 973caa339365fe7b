//! Turning a file's bytes into a value, with a precise, human account of anything wrong.

use std::path::Path;

use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny};

use super::error::StoreError;
use crate::model::FORMAT_VERSION;

/// Larger files than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// 1-based line and column (in characters) of a byte offset.
pub fn position(text: &[u8], offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map(|i| i + 1).unwrap_or(0);
    let col = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (line, col)
}

/// Problems that make a file unreadable before JSON parsing even starts.
fn precheck(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let bad = |offset: usize, msg: &str| {
        let (l, c) = position(bytes, offset);
        Err(StoreError::invalid(path, l, c, msg))
    };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(StoreError::invalid(
            path,
            1,
            1,
            format!(
                "the file is too large ({} MB; hotseat reads files up to {} MB)",
                bytes.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return bad(0, "the file is empty; expected a JSON object");
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return bad(0, "the file starts with a byte-order mark; save it as UTF-8 without a BOM");
    }
    if let Some(i) = conflict_marker(bytes) {
        return bad(i, "unresolved merge conflict (a `<<<<<<<` marker); resolve it, keeping one version");
    }
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return bad(i, "the file contains a NUL byte; it is damaged or not a hotseat file");
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        return bad(e.valid_up_to(), "the file is not valid UTF-8 text");
    }
    Ok(())
}

/// Offset of the first line that starts with a git conflict marker.
pub fn conflict_marker(bytes: &[u8]) -> Option<usize> {
    let mut start = 0;
    for line in bytes.split(|&b| b == b'\n') {
        if line.starts_with(b"<<<<<<<") {
            return Some(start);
        }
        start += line.len() + 1;
    }
    None
}

/// serde_json puts " at line L column C" on its messages; we print the position ourselves.
fn strip_position(msg: &str) -> &str {
    match msg.rfind(" at line ") {
        Some(i) => &msg[..i],
        None => msg,
    }
}

fn json_error(path: &Path, e: &serde_json::Error, json_path: Option<&str>) -> StoreError {
    let msg = strip_position(&e.to_string()).to_string();
    let what = match e.classify() {
        serde_json::error::Category::Syntax => format!("not valid JSON: {msg}"),
        serde_json::error::Category::Eof => format!("the file ends too early: {msg}"),
        serde_json::error::Category::Data => match json_path {
            Some(p) if !p.is_empty() && p != "." => format!("{p}: {msg}"),
            _ => msg,
        },
        serde_json::error::Category::Io => msg,
    };
    StoreError::invalid(path, e.line().max(1), e.column().max(1), what)
}

#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    version: Option<serde_json::Value>,
    #[serde(flatten)]
    _rest: std::collections::BTreeMap<String, IgnoredAny>,
}

/// Decode a hotseat file: checks for damage, refuses newer versions, and names the JSON
/// path of a field of the wrong type.
pub fn decode<T: DeserializeOwned>(path: &Path, bytes: &[u8]) -> Result<T, StoreError> {
    // A sound file as hotseat writes it (`version` first, one we know) parses in one pass.
    // Whatever that pass rejects goes the careful way below, which names the problem:
    // nothing it accepts could have failed a check there.
    if bytes.len() <= MAX_FILE_BYTES
        && leading_version(bytes).is_some_and(|v| (1..=FORMAT_VERSION as u64).contains(&v))
        && nesting(bytes) <= MAX_NESTING
        && let Ok(value) = serde_json::from_slice(bytes)
    {
        return Ok(value);
    }
    precheck(path, bytes)?;
    let text = std::str::from_utf8(bytes).expect("precheck proved UTF-8");
    check_version(path, text)?;
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let p = e.path().to_string();
        let inner = e.inner();
        if inner.classify() == serde_json::error::Category::Syntax {
            // The first pass read the whole file: this is a non-string where a word belongs.
            let msg = format!("{p}: invalid type: expected a string");
            return StoreError::invalid(path, inner.line().max(1), inner.column().max(1), msg);
        }
        json_error(path, inner, Some(&p))
    })?;
    de.end().map_err(|e| json_error(path, &e, None))?;
    Ok(value)
}

/// Deeper than this is no file hotseat writes: the careful path refuses it by name.
const MAX_NESTING: usize = 64;

/// How deeply arrays and objects nest in `bytes` (brackets inside strings not counted).
/// Strings, most of a file, are skipped to their closing quote a word at a time.
fn nesting(bytes: &[u8]) -> usize {
    // A quote or a backslash, found eight bytes at a time. (memchr's vector search would
    // first ask the processor what it supports, which costs more than it saves here.)
    let quote_or_escape = memchr::arch::all::memchr::Two::new(b'"', b'\\');
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => loop {
                // Past the string's characters, one escape at a time, to its closing quote.
                let Some(k) = bytes.get(i + 1..).and_then(|rest| quote_or_escape.find(rest)) else {
                    return max;
                };
                i += 1 + k;
                if bytes[i] == b'"' {
                    break;
                }
                i += 1;
            },
            b'{' | b'[' => {
                depth += 1;
                max = max.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    max
}

/// The number in `{ "version": N,` when the file starts that way, as hotseat writes it.
fn leading_version(bytes: &[u8]) -> Option<u64> {
    let ws = |b: &u8| b.is_ascii_whitespace();
    let rest = bytes.strip_prefix(b"{").map(|r| &r[r.iter().take_while(|b| ws(b)).count()..]);
    let rest = rest?.strip_prefix(b"\"version\"")?;
    let rest = &rest[rest.iter().take_while(|b| ws(b)).count()..];
    let rest = rest.strip_prefix(b":")?;
    let rest = &rest[rest.iter().take_while(|b| ws(b)).count()..];
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 9 || !matches!(rest.get(digits), Some(b',' | b'}' | b' ' | b'\n' | b'\r' | b'\t')) {
        return None;
    }
    std::str::from_utf8(&rest[..digits]).ok()?.parse().ok()
}

fn check_version(path: &Path, text: &str) -> Result<(), StoreError> {
    let first = text.bytes().position(|b| !b.is_ascii_whitespace()).unwrap_or(0);
    if text.as_bytes().get(first) != Some(&b'{') {
        let (l, c) = position(text.as_bytes(), first);
        return Err(StoreError::invalid(path, l, c, "expected a JSON object starting with `{`"));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let probe = VersionProbe::deserialize(&mut de).map_err(|e| json_error(path, &e, None))?;
    de.end().map_err(|e| json_error(path, &e, None))?;
    match probe.version {
        None => Err(StoreError::invalid(path, 1, 1, "missing field `version`")),
        Some(v) => match v.as_u64() {
            Some(n) if n > FORMAT_VERSION as u64 => {
                Err(StoreError::NewerVersion { path: path.to_path_buf(), found: n, known: FORMAT_VERSION })
            }
            Some(0) | None => {
                let (l, c) = locate_key(text, "version");
                Err(StoreError::invalid(path, l, c, format!("version: expected a positive whole number, found {v}")))
            }
            Some(_) => Ok(()),
        },
    }
}

/// Rough position of a top-level key, for messages about it.
fn locate_key(text: &str, key: &str) -> (usize, usize) {
    let needle = format!("\"{key}\"");
    match text.find(&needle) {
        Some(i) => position(text.as_bytes(), i),
        None => (1, 1),
    }
}

/// Pretty JSON, two-space indent, LF line ends and a final newline: stable bytes.
pub fn encode<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(value).expect("hotseat's model always serialises");
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::model::GoalsFile;

    /// [`nesting`], one byte at a time.
    fn nesting_bytewise(bytes: &[u8]) -> usize {
        let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
        for &b in bytes {
            if in_string {
                match (escaped, b) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_string = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'{' | b'[' => {
                    depth += 1;
                    max = max.max(depth);
                }
                b'}' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        max
    }

    proptest! {
        #[test]
        fn nesting_skips_strings_as_a_bytewise_scan_does(
            picks in proptest::collection::vec(0..8usize, 0..80)
        ) {
            let bytes: Vec<u8> = picks.iter().map(|&i| b"{}[]\\\"a "[i]).collect();
            prop_assert_eq!(nesting(&bytes), nesting_bytewise(&bytes), "{:?}", String::from_utf8_lossy(&bytes));
        }
    }

    fn err(bytes: &[u8]) -> String {
        decode::<GoalsFile>(Path::new("g.json"), bytes).unwrap_err().to_string()
    }

    #[test]
    fn the_quick_path_takes_only_files_as_hotseat_writes_them() {
        assert_eq!(leading_version(b"{\n  \"version\": 1,\n  \"goals\": []\n}\n"), Some(1));
        assert_eq!(leading_version(b"{\"version\":12}"), Some(12));
        assert_eq!(leading_version(b"{\"goals\": [], \"version\": 1}"), None);
        assert_eq!(leading_version(b"{\"version\": 1.5}"), None);
        assert_eq!(leading_version(b"{\"version\": -1}"), None);
        assert_eq!(leading_version(b"\xEF\xBB\xBF{\"version\": 1}"), None);
        // Files the quick path reads whole still get the careful path's own sentences.
        assert!(err(b"{\"version\": 1, \"goals\": [] } x").contains("trailing characters"));
        assert!(err(b"{\"version\": 1, \"goals\": [\"\0\"]}").contains("NUL byte"));
        assert!(err(b"{\"version\": 1, \"version\": 1}").contains("duplicate field"));
        assert!(err(b"{\"version\": 2}").contains("newer hotseat"));
        let ok: GoalsFile = decode(Path::new("g.json"), b"{\"version\": 1}").unwrap();
        assert!(ok.goals.is_empty());
    }

    #[test]
    fn positions_are_one_based_and_count_characters() {
        assert_eq!(position(b"ab\ncd", 4), (2, 2));
        assert_eq!(position("é\nxé!".as_bytes(), 6), (2, 3));
    }

    #[test]
    fn each_kind_of_damage_gets_its_own_sentence() {
        assert!(err(b"").contains("g.json:1:1: the file is empty"));
        assert!(err(b"\xEF\xBB\xBF{}").contains("byte-order mark"));
        assert!(err(b"{\"version\":1,\n\"goals\":[\xff]}").contains("g.json:2:10: the file is not valid UTF-8"));
        assert!(err(b"{\n<<<<<<< HEAD\n").contains("g.json:2:1: unresolved merge conflict"));
        assert!(err(b"{\"version\":1}\0").contains("NUL byte"));
        assert!(err(b"{\"version\":1,\"goals\":[").contains("ends too early"));
        assert!(err(b"{\"version\":1} x").contains("trailing characters"));
        assert!(err(b"{\"version\":9}").contains("newer hotseat"));
        assert!(err(b"{\"goals\":[]}").contains("missing field `version`"));
        let wrong = err(b"{\"version\":1,\"goals\":[{\"id\":\"g1\",\"title\":7}]}");
        assert!(wrong.contains("goals[0].title: invalid type"), "{wrong}");
        assert!(err(b"[1]").contains("g.json:1:1: expected a JSON object"));
        let deep = format!("{{\"version\":1,\"goals\":{}", "[".repeat(10_000));
        assert!(err(deep.as_bytes()).contains("recursion limit"), "{}", err(deep.as_bytes()));
    }
}

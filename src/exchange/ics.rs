//! iCalendar (RFC 5545), written by hand: the few properties hotseat needs, with CRLF
//! line ends, content lines folded at 75 octets (never inside a UTF-8 character), TEXT
//! values escaped (`\\`, `\;`, `\,`, `\n`), a DTSTAMP on every component and UIDs that
//! stay the same from one export to the next, so a calendar updates instead of
//! duplicating.
//!
//! (The `icalendar` crate was considered: it would add `iso8601`, `nom` 8 and `uuid`
//! with random ids, and its escaping leaves a bare CR in a value; this writer is small and
//! checked against Python's `icalendar` parser and khal in the tests.)

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::model::Cadence;

/// One calendar being written.
#[derive(Debug, Default)]
pub struct Writer {
    out: String,
}

/// The longest content line, in octets, before the line break.
pub const FOLD_AT: usize = 75;

impl Writer {
    pub fn new() -> Writer {
        Writer::default()
    }

    /// Write one content line `NAME[;PARAMS]:VALUE` (the value already escaped when TEXT),
    /// folded.
    pub fn line(&mut self, name: &str, value: &str) {
        let line = format!("{name}:{value}");
        fold_into(&mut self.out, &line);
    }

    /// A TEXT property: the value escaped.
    pub fn text(&mut self, name: &str, value: &str) {
        self.line(name, &escape(value));
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// Append `line` folded at [`FOLD_AT`] octets: each continuation starts with one space,
/// and no fold splits a UTF-8 character.
pub fn fold_into(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = FOLD_AT;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The leading space of a continuation counts towards its 75 octets.
        limit = FOLD_AT - 1;
    }
}

/// Escape a TEXT value: backslash, semicolon, comma and line breaks; other control
/// characters (not allowed in TEXT) become spaces.
pub fn escape(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `20300115` (a DATE value).
pub fn date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// `20300115T190000` (a floating DATE-TIME: the meeting's local time wherever it is read).
pub fn local_time(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

/// `20300115T190000Z` (a UTC DATE-TIME, as DTSTAMP wants).
pub fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// The RRULE of a cadence, up to and including the day `until`.
pub fn rrule(cadence: Cadence, until: NaiveDate) -> String {
    let freq = match cadence {
        Cadence::Weekly => "FREQ=WEEKLY",
        Cadence::Biweekly => "FREQ=WEEKLY;INTERVAL=2",
        Cadence::Monthly => "FREQ=MONTHLY",
    };
    // UNTIL must be of the DTSTART's kind: a floating DATE-TIME, the end of that day.
    format!("{freq};UNTIL={}T235959", date(until))
}

/// A UID safe for any calendar: `<what>@<group slug>.hotseat`, from stable facts only.
pub fn uid(what: &str, group_key: &str) -> String {
    let clean = |s: &str| -> String {
        s.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '.' { c } else { '-' }).collect()
    };
    format!("{}@{}.hotseat", clean(what), clean(group_key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "é".repeat(100));
        fold_into(&mut out, &long);
        for l in out.split_terminator("\r\n") {
            assert!(l.len() <= FOLD_AT, "{} octets: {l}", l.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
        let mut short = String::new();
        fold_into(&mut short, "A:b");
        assert_eq!(short, "A:b\r\n");
        let mut exact = String::new();
        fold_into(&mut exact, &"x".repeat(75));
        assert_eq!(exact.len(), 77, "75 octets and CRLF: no fold");
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
        assert_eq!(escape("tab\there"), "tab here");
    }

    #[test]
    fn rrules_follow_the_cadence() {
        let d = NaiveDate::from_ymd_opt(2030, 7, 14).unwrap();
        assert_eq!(rrule(Cadence::Weekly, d), "FREQ=WEEKLY;UNTIL=20300714T235959");
        assert_eq!(rrule(Cadence::Biweekly, d), "FREQ=WEEKLY;INTERVAL=2;UNTIL=20300714T235959");
        assert_eq!(rrule(Cadence::Monthly, d), "FREQ=MONTHLY;UNTIL=20300714T235959");
        assert_eq!(uid("meeting-2030-01-15", "g 1/x"), "meeting-2030-01-15@g-1-x.hotseat");
    }
}

//! Action steps as CSV (RFC 4180): a header line, one row per step, CRLF line ends, a
//! field quoted when it holds a comma, a quote, a line break or leading/trailing space,
//! quotes inside doubled.

use crate::model::ActionStep;

/// The header; the first seven are the contract.
pub const HEADER: [&str; 10] =
    ["id", "owner", "text", "measurable_result", "due", "progress", "meeting", "owner_name", "goal", "last_note"];

/// One field, quoted when it must be.
pub fn field(s: &str) -> String {
    let must = s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ');
    if must { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

fn row(out: &mut String, fields: &[&str]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// The CSV of `steps`, with `name_of` giving each owner's display name.
pub fn export(steps: &[&ActionStep], name_of: impl Fn(&str) -> String) -> String {
    let mut out = String::new();
    row(&mut out, &HEADER);
    for s in steps {
        let due = s.due.map(|d| d.to_string()).unwrap_or_default();
        let note = s.last_entry().map(|e| e.note.as_str()).unwrap_or("");
        row(
            &mut out,
            &[
                &s.id,
                &s.owner,
                &s.text,
                &s.measurable_result,
                &due,
                s.progress().key(),
                &s.meeting,
                &name_of(&s.owner),
                s.goal.as_deref().unwrap_or(""),
                note,
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_it() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(" padded"), "\" padded\"");
        assert_eq!(field(""), "");
    }
}

//! todo.txt (<http://todotxt.org>): one task per line. We write
//! `2026-11-08 Call the 10 dormant accounts +northside-leaders due:2026-11-21 hs:2026-11-08-3`
//! and read back lines marked done (`x 2026-11-20 …`) that carry our `hs:` tag.

use super::{Completion, TAG, one_line, project};
use crate::model::{ActionStep, Progress};

/// One todo.txt line for a step.
pub fn line(group_name: &str, s: &ActionStep) -> String {
    let mut text = one_line(&s.text);
    // A task text must not look like a completion mark or a priority.
    if text.starts_with("x ") || (text.len() >= 4 && text.starts_with('(') && text.as_bytes()[2] == b')') {
        text.insert(0, '-');
        text.insert(1, ' ');
    }
    let mut out = format!("{} {text} +{}", s.created_at.date_naive(), project(group_name));
    if let Some(d) = s.due {
        out.push_str(&format!(" due:{d}"));
    }
    out.push_str(&format!(" {TAG}{}", s.id));
    out
}

/// The whole file: one line per step, LF line ends.
pub fn export(group_name: &str, steps: &[&ActionStep]) -> String {
    steps.iter().map(|s| line(group_name, s) + "\n").collect()
}

/// Completed lines (`x ` first) that carry our tag. Lines without the tag are not ours
/// and are left alone; open lines are not progress.
pub fn completions(text: &str) -> Vec<Completion> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let l = raw.trim_end_matches('\r');
        let Some(rest) = l.strip_prefix("x ") else { continue };
        let Some(step) = rest.split_whitespace().find_map(|w| w.strip_prefix(TAG)).filter(|s| !s.is_empty()) else {
            continue;
        };
        let on = rest.split_whitespace().next().and_then(|w| chrono::NaiveDate::parse_from_str(w, "%Y-%m-%d").ok());
        out.push(Completion { step: step.to_string(), progress: Progress::Done, on, line: i + 1 });
    }
    out
}

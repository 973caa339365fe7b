//! Action steps in and out of other tools: todo.txt lines and Taskwarrior JSON. Pure
//! text in, text out: the commands do the reading and writing.

pub mod taskwarrior;
pub mod todotxt;
// The record (issue 11): minutes, CSV and iCalendar.
pub mod csv;
pub mod ics;
pub mod minutes;

use chrono::NaiveDate;

use crate::model::Progress;

/// One completion found in another tool's file, for one of our steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The step id (our tag).
    pub step: String,
    pub progress: Progress,
    /// When the other tool says it was finished, if it says.
    pub on: Option<NaiveDate>,
    /// Where in the file it was found (1-based line), for messages.
    pub line: usize,
}

/// A project name other tools accept: lowercase letters, digits and `-`
/// (`"Northside Leaders"` → `northside-leaders`).
pub fn project(group_name: &str) -> String {
    let mut out = String::new();
    for c in group_name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() { "hotseat".to_string() } else { out }
}

/// Text on one line, with runs of whitespace (newlines, tabs) made single spaces.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The tag that marks our steps in other tools: `hs:<step id>`.
pub const TAG: &str = "hs:";

//! Reading what a person typed — on the command line or in a form of either program —
//! the same way everywhere: dates, yes/no, comma-separated lists, partners. Errors carry
//! what was typed; each caller words them in its own strings.

use chrono::NaiveDate;

use super::{Group, Partner};

/// What was typed and could not be read (trimmed; lowercased for yes/no).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(pub String);

/// A date as typed: `YYYY-MM-DD`, or nothing.
pub fn parse_date(text: &str) -> Result<Option<NaiveDate>, Unreadable> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d").map(Some).map_err(|_| Unreadable(t.to_string()))
}

/// `yes`, `no`, or nothing said.
pub fn parse_yes_no(t: &str) -> Result<Option<bool>, Unreadable> {
    match t.trim().to_ascii_lowercase().as_str() {
        "" => Ok(None),
        "y" | "yes" | "true" | "on track" => Ok(Some(true)),
        "n" | "no" | "false" => Ok(Some(false)),
        other => Err(Unreadable(other.to_string())),
    }
}

/// `a, b ,c` → `["a", "b", "c"]`, without blanks or repeats.
pub fn split_list(t: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in t.split(',') {
        let p = part.trim();
        if !p.is_empty() && !out.iter().any(|x| x.eq_ignore_ascii_case(p)) {
            out.push(p.to_string());
        }
    }
    out
}

/// Why a typed partner was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnerError {
    /// Nothing (or control characters) typed.
    Missing,
    /// The member named themselves.
    Yourself,
}

/// A Hot Team partner as typed: a member's id, name or first name (not `me`), else
/// someone outside the group.
pub fn resolve_partner(group: &Group, me: &str, typed: &str) -> Result<Partner, PartnerError> {
    let t = typed.trim();
    if t.is_empty() || t.chars().any(char::is_control) {
        return Err(PartnerError::Missing);
    }
    let lower = t.to_lowercase();
    let found = group.members.iter().find(|m| {
        m.id == lower
            || m.name.to_lowercase() == lower
            || m.name.split_whitespace().next().is_some_and(|f| f.to_lowercase() == lower)
    });
    match found {
        Some(m) if m.id == me => Err(PartnerError::Yourself),
        Some(m) => Ok(Partner::Member(m.id.clone())),
        None => Ok(Partner::Outside(t.to_string())),
    }
}

//! The group: its name, rhythm, pledge and members.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::FORMAT_VERSION;

/// How often the group meets; used to suggest the next meeting date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    Weekly,
    #[default]
    Biweekly,
    Monthly,
}

impl Cadence {
    pub fn parse(s: &str) -> Option<Cadence> {
        match s.trim().to_ascii_lowercase().as_str() {
            "weekly" => Some(Cadence::Weekly),
            "biweekly" | "fortnightly" => Some(Cadence::Biweekly),
            "monthly" => Some(Cadence::Monthly),
            _ => None,
        }
    }

    /// The meeting after one held on `from`.
    pub fn next_after(self, from: NaiveDate) -> NaiveDate {
        match self {
            Cadence::Weekly => from + chrono::Days::new(7),
            Cadence::Biweekly => from + chrono::Days::new(14),
            Cadence::Monthly => from.checked_add_months(Months::new(1)).unwrap_or(from),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Cadence::Weekly => "weekly",
            Cadence::Biweekly => "every two weeks",
            Cadence::Monthly => "monthly",
        }
    }
}

/// One member of the group. The id is a short slug used on the command line and as the
/// name of the member's folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub department: String,
    /// Skills this member offers to others as a Hot Team partner.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offers: Vec<String>,
    /// The id of the member this one reports to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reports_to: Option<String>,
}

/// `group.json`: written only by the facilitator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub version: u32,
    /// A stable id, made once: it names the facilitator's private folder for this group
    /// (outside the shared group folder), whatever the group is called later.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub cadence: Cadence,
    /// Length of a meeting, in minutes.
    pub meeting_minutes: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_meeting: Option<NaiveDate>,
    /// The confidentiality pledge read at every check-in.
    #[serde(default = "default_pledge")]
    pub pledge: String,
    #[serde(default)]
    pub members: Vec<Member>,
    /// The agenda and hot-seat protocol (`model::agenda`); none means mastermind's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agenda: Option<super::agenda::Agenda>,
    /// The current term (issue 11); `None` in older files: see [`super::term::derived`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<super::term::Term>,
}

pub fn default_pledge() -> String {
    super::words::DEFAULT_PLEDGE.to_string()
}

pub const DEFAULT_MEETING_MINUTES: u32 = 120;

impl Group {
    pub fn new(name: &str) -> Group {
        Group {
            version: FORMAT_VERSION,
            id: String::new(),
            name: name.trim().to_string(),
            cadence: Cadence::default(),
            meeting_minutes: DEFAULT_MEETING_MINUTES,
            next_meeting: None,
            pledge: default_pledge(),
            members: Vec::new(),
            agenda: None,
            term: None,
        }
    }

    /// The group's agenda: its own, else the mastermind template.
    pub fn agenda(&self) -> &super::agenda::Agenda {
        self.agenda.as_ref().unwrap_or_else(|| super::agenda::default_agenda())
    }

    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    /// The display name of a member id, falling back to the id itself.
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        let archived = || self.term.as_ref()?.moved_on.iter().find(|m| m.id == id);
        self.member(id).or_else(archived).map(|m| m.name.as_str()).unwrap_or(id)
    }

    /// Members archived (moved on at a term review, or removed): no longer in `members`,
    /// kept so that old meetings still name them.
    pub fn archived(&self) -> &[Member] {
        self.term.as_ref().map(|t| t.moved_on.as_slice()).unwrap_or_default()
    }

    /// Whether `id` is a member's, current or archived.
    pub fn knows(&self, id: &str) -> bool {
        self.member(id).is_some() || self.archived().iter().any(|m| m.id == id)
    }

    /// A fresh member id for `name` that no member, current or archived, uses yet.
    pub fn new_member_id(&self, name: &str) -> String {
        unique_slug(&slug(name), |s| self.knows(s))
    }
}

/// Longest member id we create or accept.
pub const MAX_ID_LEN: usize = 32;

/// A short, safe slug for a name: lowercase ASCII letters, digits and `-`, from the first
/// word where that is enough (`"Ada Lovelace"` → `ada`). Never empty, never `.` or `..`,
/// never longer than [`MAX_ID_LEN`].
pub fn slug(name: &str) -> String {
    let full = slugify(name);
    let first = full.split('-').next().unwrap_or("").to_string();
    let s = if first.len() >= 2 { first } else { full };
    if s.is_empty() { "member".to_string() } else { s }
}

fn slugify(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let c = fold_accent(c).to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= MAX_ID_LEN {
            break;
        }
    }
    out.trim_matches('-').to_string()
}

fn fold_accent(c: char) -> char {
    match c {
        'à'..='å' | 'À'..='Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è'..='ë' | 'È'..='Ë' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò'..='ö' | 'Ò'..='Ö' | 'ø' | 'Ø' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        _ => c,
    }
}

/// `base`, or `base-2`, `base-3`… whichever is not yet taken.
pub fn unique_slug(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| {
            let suffix = format!("-{n}");
            let keep = MAX_ID_LEN.saturating_sub(suffix.len()).min(base.len());
            format!("{}{suffix}", &base[..keep])
        })
        .find(|s| !taken(s))
        .expect("an unbounded range always yields a free id")
}

/// Whether `id` is a valid member id (what [`slug`] produces): safe as a folder name.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

/// Weekday name used in a few places on screen.
pub fn weekday_name(d: NaiveDate) -> &'static str {
    match d.weekday() {
        chrono::Weekday::Mon => "Mon",
        chrono::Weekday::Tue => "Tue",
        chrono::Weekday::Wed => "Wed",
        chrono::Weekday::Thu => "Thu",
        chrono::Weekday::Fri => "Fri",
        chrono::Weekday::Sat => "Sat",
        chrono::Weekday::Sun => "Sun",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_short_and_safe() {
        assert_eq!(slug("Ada Lovelace"), "ada");
        assert_eq!(slug("Jo Ng"), "jo");
        assert_eq!(slug("X Æ"), "x");
        assert_eq!(slug("../../etc/passwd"), "etc");
        assert_eq!(slug("\0/.."), "member");
        assert_eq!(slug("José"), "jose");
        assert!(slug(&"a".repeat(300)).len() <= MAX_ID_LEN);
        for s in ["Ada Lovelace", "../..", "\0", &"é".repeat(300), "a/b"] {
            assert!(is_valid_id(&slug(s)), "{s:?}");
        }
    }

    #[test]
    fn unique_slug_counts_up() {
        let taken = ["ada", "ada-2"];
        assert_eq!(unique_slug("ada", |s| taken.contains(&s)), "ada-3");
        assert_eq!(unique_slug("bea", |s| taken.contains(&s)), "bea");
    }

    #[test]
    fn cadence_next_dates() {
        let d = NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
        assert_eq!(Cadence::Weekly.next_after(d).to_string(), "2026-02-07");
        assert_eq!(Cadence::Monthly.next_after(d).to_string(), "2026-02-28");
    }
}

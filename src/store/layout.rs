//! Where each file lives in a group folder.
//!
//! ```text
//! group.json
//! meetings/<meeting id>.json          meeting id: 2026-11-22, or 2026-11-22-2
//! members/<member id>/goals.json
//! members/<member id>/progress.json
//! members/<member id>/prep/<meeting date>.json
//! members/<member id>/partners.json
//! members/<member id>/checkins.json
//! ```

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

#[derive(Debug, Clone)]
pub struct Layout {
    pub root: PathBuf,
}

impl Layout {
    pub fn new(root: impl Into<PathBuf>) -> Layout {
        Layout { root: root.into() }
    }
    pub fn group(&self) -> PathBuf {
        self.root.join("group.json")
    }
    pub fn meetings_dir(&self) -> PathBuf {
        self.root.join("meetings")
    }
    pub fn meeting(&self, id: &str) -> PathBuf {
        self.meetings_dir().join(format!("{id}.json"))
    }
    pub fn members_dir(&self) -> PathBuf {
        self.root.join("members")
    }
    pub fn member_dir(&self, member: &str) -> PathBuf {
        self.members_dir().join(member)
    }
    pub fn goals(&self, member: &str) -> PathBuf {
        self.member_dir(member).join("goals.json")
    }
    pub fn progress(&self, member: &str) -> PathBuf {
        self.member_dir(member).join("progress.json")
    }
    pub fn prep_dir(&self, member: &str) -> PathBuf {
        self.member_dir(member).join("prep")
    }
    pub fn prep(&self, member: &str, date: NaiveDate) -> PathBuf {
        self.prep_dir(member).join(format!("{date}.json"))
    }
    /// `members/<id>/entered/`: what the facilitator typed in for a member who does not
    /// run hotseat. The facilitator's machine writes it; the member's own files win.
    pub fn entered_dir(&self, member: &str) -> PathBuf {
        self.member_dir(member).join("entered")
    }
    pub fn entered_goals(&self, member: &str) -> PathBuf {
        self.entered_dir(member).join("goals.json")
    }
    pub fn entered_prep(&self, member: &str, date: NaiveDate) -> PathBuf {
        self.entered_dir(member).join("prep").join(format!("{date}.json"))
    }
    /// `members/<id>/partners.json`: the member's Hot Team partnerships and offers.
    pub fn partners(&self, member: &str) -> PathBuf {
        self.member_dir(member).join("partners.json")
    }
    /// `members/<id>/checkins.json`: the member's weekly Hot Team check-ins.
    pub fn checkins(&self, member: &str) -> PathBuf {
        self.member_dir(member).join("checkins.json")
    }
    /// The path relative to the group folder, for messages and listings.
    pub fn relative<'a>(&self, p: &'a Path) -> &'a Path {
        p.strip_prefix(&self.root).unwrap_or(p)
    }
}

/// A `YYYY-MM-DD` date as in file names, read without chrono's general parser when it is
/// written out in full (a folder of ten years of meetings or preps has hundreds of them).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + (c - b'0') as u32))
    };
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10))
    {
        return NaiveDate::from_ymd_opt(y as i32, m, d);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A meeting id's sort key: its date and its number on that day.
pub fn meeting_sort_key(id: &str) -> Option<(NaiveDate, u32)> {
    let date = parse_date(id.get(..10)?)?;
    let n = match &id[10..] {
        "" => 1,
        rest => rest.strip_prefix('-')?.parse().ok().filter(|n| *n >= 2)?,
    };
    Some((date, n))
}

/// Names of sync-tool conflict copies and merge leftovers: never data, never deleted.
pub fn is_sync_debris(name: &str) -> bool {
    name.contains(".sync-conflict-")
        || name.contains("conflicted copy")
        || name.ends_with(".orig")
        || name.contains("(Case Conflict")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_ids_sort_by_date_then_number() {
        assert_eq!(meeting_sort_key("2026-11-22").unwrap().1, 1);
        assert_eq!(meeting_sort_key("2026-11-22-3").unwrap().1, 3);
        assert!(meeting_sort_key("2026-11-22-1").is_none());
        assert!(meeting_sort_key("notes").is_none());
        assert!(meeting_sort_key("2026-13-01").is_none());
    }

    #[test]
    fn dates_in_names_read_as_chrono_reads_them() {
        for s in [
            "2026-11-22",
            "2024-02-29",
            "2026-02-29",
            "2026-13-01",
            "2026-1-05",
            "26-11-22",
            "2026/11/22",
            "２０２６-11",
        ] {
            assert_eq!(parse_date(s), NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(), "{s}");
        }
    }

    #[test]
    fn debris_names() {
        assert!(is_sync_debris("2026-11-22.sync-conflict-20261122-101010-ABCDEF.json"));
        assert!(is_sync_debris("group (Ada's conflicted copy 2026-11-22).json"));
        assert!(is_sync_debris("group.json.orig"));
        assert!(!is_sync_debris("group.json"));
    }
}

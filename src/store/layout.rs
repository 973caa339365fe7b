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

/// A meeting id's sort key: its date and its number on that day.
pub fn meeting_sort_key(id: &str) -> Option<(NaiveDate, u32)> {
    let date = NaiveDate::parse_from_str(id.get(..10)?, "%Y-%m-%d").ok()?;
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
    fn debris_names() {
        assert!(is_sync_debris("2026-11-22.sync-conflict-20261122-101010-ABCDEF.json"));
        assert!(is_sync_debris("group (Ada's conflicted copy 2026-11-22).json"));
        assert!(is_sync_debris("group.json.orig"));
        assert!(!is_sync_debris("group.json"));
    }
}

//! Who may write which path of the group folder, and what a path is about.
//!
//! One writer per file: the facilitator's machine (the one holding the lease) writes
//! `group.json`, `meetings/`, the parking lot, the lease and the sharing set-up
//! (`.gitignore`, `.gitattributes`); a member's machine writes `members/<id>/`. Nothing
//! else in the folder is anyone's to commit.

use crate::model::group::is_valid_id;

/// The parking lot, at the root of the group folder.
pub const PARKING: &str = "parking.json";
/// The facilitator lease.
pub const LEASE: &str = "lease.json";
pub const GROUP: &str = "group.json";
pub const GITIGNORE: &str = ".gitignore";
pub const GITATTRIBUTES: &str = ".gitattributes";

/// Whose a path is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    Facilitator,
    Member(String),
    /// Nobody's: hotseat never commits it.
    Nobody,
}

/// Who this machine writes for. A machine can be both: a facilitator who is also a member.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Role {
    /// This machine holds the facilitator lease.
    pub facilitator: bool,
    /// The member remembered on this machine for the folder.
    pub member: Option<String>,
}

impl Role {
    pub fn may_write(&self, path: &str) -> bool {
        match owner(path) {
            Owner::Facilitator => self.facilitator,
            Owner::Member(id) => self.member.as_deref() == Some(id.as_str()),
            Owner::Nobody => false,
        }
    }
}

/// Whose `path` (relative, `/`-separated, as git prints it) is.
pub fn owner(path: &str) -> Owner {
    match path {
        GROUP | PARKING | LEASE | GITIGNORE | GITATTRIBUTES => return Owner::Facilitator,
        _ => {}
    }
    if let Some(rest) = path.strip_prefix("meetings/")
        && !rest.is_empty()
        && !rest.contains('/')
    {
        return Owner::Facilitator;
    }
    if let Some(rest) = path.strip_prefix("members/")
        && let Some((id, file)) = rest.split_once('/')
        && is_valid_id(id)
        && !file.is_empty()
    {
        // What the facilitator entered for a member who does not run hotseat.
        if file.strip_prefix("entered/").is_some_and(|f| !f.is_empty()) {
            return Owner::Facilitator;
        }
        return Owner::Member(id.to_string());
    }
    Owner::Nobody
}

/// What a changed path is about, for the one-line summary and commit messages.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    Group,
    Meeting(String),
    Parking,
    Lease,
    /// `.gitignore`, `.gitattributes`.
    Setup,
    Member(String),
    Other(String),
}

pub fn item(path: &str) -> Item {
    match path {
        GROUP => return Item::Group,
        PARKING => return Item::Parking,
        LEASE => return Item::Lease,
        GITIGNORE | GITATTRIBUTES => return Item::Setup,
        _ => {}
    }
    if let Some(rest) = path.strip_prefix("meetings/")
        && let Some(id) = rest.strip_suffix(".json")
        && !id.contains('/')
    {
        return Item::Meeting(id.to_string());
    }
    match owner(path) {
        Owner::Member(id) => Item::Member(id),
        _ => Item::Other(path.to_string()),
    }
}

/// Items of `paths` with how many files each, in a stable order.
pub fn items(paths: &[String]) -> Vec<(Item, usize)> {
    let mut counts = std::collections::BTreeMap::new();
    for p in paths {
        *counts.entry(item(p)).or_insert(0) += 1;
    }
    counts.into_iter().collect()
}

/// The subject prefix of hotseat's commits: `facilitator` or the member id.
pub fn author_tag(subject: &str) -> Option<&str> {
    let (tag, _) = subject.split_once(": ")?;
    (tag == "facilitator" || is_valid_id(tag)).then_some(tag)
}

/// Whether a commit tagged `tag` may touch `path`.
pub fn tag_may_write(tag: &str, path: &str) -> bool {
    match owner(path) {
        Owner::Facilitator => tag == "facilitator",
        Owner::Member(id) => id == tag,
        Owner::Nobody => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners() {
        assert_eq!(owner("group.json"), Owner::Facilitator);
        assert_eq!(owner("meetings/2026-12-01.json"), Owner::Facilitator);
        assert_eq!(owner("meetings/x/y.json"), Owner::Nobody);
        assert_eq!(owner("members/ada/prep/2026-12-01.json"), Owner::Member("ada".into()));
        assert_eq!(owner("members/Ada/goals.json"), Owner::Nobody);
        assert_eq!(owner("members/ada"), Owner::Nobody);
        assert_eq!(owner("members/ada/entered/goals.json"), Owner::Facilitator);
        assert_eq!(owner("members/ada/entered/prep/2026-12-01.json"), Owner::Facilitator);
        assert_eq!(owner("notes.txt"), Owner::Nobody);
        let ada = Role { facilitator: false, member: Some("ada".into()) };
        assert!(ada.may_write("members/ada/progress.json"));
        assert!(!ada.may_write("members/ben/progress.json"));
        assert!(!ada.may_write("meetings/2026-12-01.json"));
        let both = Role { facilitator: true, member: Some("ada".into()) };
        assert!(both.may_write("lease.json") && both.may_write("members/ada/goals.json"));
    }

    #[test]
    fn items_and_tags() {
        assert_eq!(item("meetings/2026-12-01.json"), Item::Meeting("2026-12-01".into()));
        assert_eq!(item("members/ben/goals.json"), Item::Member("ben".into()));
        let paths = ["members/ada/a.json".to_string(), "members/ada/b.json".into(), "group.json".into()];
        assert_eq!(items(&paths), vec![(Item::Group, 1), (Item::Member("ada".into()), 2)]);
        assert_eq!(author_tag("ada: progress on 2 steps"), Some("ada"));
        assert_eq!(author_tag("Fix: typo"), None);
        assert!(tag_may_write("facilitator", "meetings/2026-12-01.json"));
        assert!(!tag_may_write("ada", "members/ben/goals.json"));
    }
}

//! What files looked like when last seen (modification time and length), so the loop can
//! tell that someone else changed them without reading them.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::Store;

/// One entry per file or folder looked at, in a fixed order.
pub type Stamp = Vec<(Option<SystemTime>, u64)>;

fn one(p: &Path) -> (Option<SystemTime>, u64) {
    match std::fs::symlink_metadata(p) {
        Ok(m) => (m.modified().ok(), m.len()),
        Err(_) => (None, 0),
    }
}

impl Store {
    /// The group file, the meetings folder and, if named, one meeting's file.
    pub fn meeting_stamp(&self, meeting: Option<&str>) -> Stamp {
        let mut paths: Vec<PathBuf> = vec![self.layout.group(), self.layout.meetings_dir()];
        paths.extend(meeting.map(|id| self.layout.meeting(id)));
        paths.iter().map(|p| one(p)).collect()
    }

    /// Every file and folder of the members' own folders, one level of folders deep.
    pub fn members_stamp<'a>(&self, members: impl IntoIterator<Item = &'a str>) -> Stamp {
        let mut out = Vec::new();
        for id in members {
            let dir = self.layout.member_dir(id);
            out.push(one(&dir));
            if let Ok(entries) = std::fs::read_dir(&dir) {
                let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
                paths.sort();
                out.extend(paths.iter().map(|p| one(p)));
            }
            out.push(one(&self.layout.prep_dir(id)));
        }
        out
    }
}

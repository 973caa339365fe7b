//! Incoming commits checked after every pull: a commit that touches a path its author's
//! machine may not write (another member's folder; group.json or meetings/ from a member)
//! or that adds a symbolic link is flagged. Git does not authenticate authors: the `who:`
//! tag of a commit message can be forged, so this is a flag, not a guarantee.

use super::git::nul_fields;
use super::paths::{author_tag, tag_may_write};
use super::repo::Repo;
use super::{Flag, FlagKind, SyncError};

/// Mode of a symbolic link in a git tree.
const SYMLINK_MODE: &str = "120000";

/// Flags for the commits in `from..to` (all of `to`'s history when `from` is `None`).
/// Root commits (the folder as first shared) are not flagged for ownership.
pub fn check(repo: &Repo, from: Option<&str>, to: &str) -> Result<Vec<Flag>, SyncError> {
    let range = match from {
        Some(f) => format!("{f}..{to}"),
        None => to.to_string(),
    };
    let fmt = "--format=%x1e%h%x1f%P%x1f%s";
    let out = repo.ok(&["log", "--no-renames", "-z", "--raw", "--diff-merges=first-parent", fmt, &range, "--"])?;
    let mut flags = Vec::new();
    for record in out.stdout.split(|b| *b == 0x1e).filter(|r| !r.is_empty()) {
        let (head, rest) = match record.iter().position(|b| *b == 0) {
            Some(i) => (&record[..i], &record[i + 1..]),
            None => (record, &[][..]),
        };
        let head = String::from_utf8_lossy(head);
        let mut parts = head.splitn(3, '\x1f');
        let (commit, parents, subject) =
            (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        let tag = author_tag(subject).map(str::to_string);
        let fields: Vec<String> = nul_fields(rest).collect();
        for pair in fields.chunks(2) {
            let [meta, path] = pair else { continue };
            let new_mode = meta.trim_start().trim_start_matches(':').split(' ').nth(1).unwrap_or("");
            let mut flag =
                |kind| flags.push(Flag { commit: commit.to_string(), tag: tag.clone(), path: path.clone(), kind });
            if new_mode == SYMLINK_MODE {
                flag(FlagKind::Symlink);
            } else if !parents.is_empty() && !tag.as_deref().is_some_and(|t| tag_may_write(t, path)) {
                flag(FlagKind::NotTheirs);
            }
        }
    }
    Ok(flags)
}

//! Private stays private: files that must never be shared, found among the tracked files
//! of a shared folder, for `hotseat check`.

use std::path::Path;
use std::time::Instant;

use super::git::{Git, nul_fields};
use super::repo::is_repo;
use crate::store::check::Problem;
use crate::store::fsio::{PREV_MARK, TEMP_MARK};
use crate::store::layout::is_sync_debris;
use crate::store::lock::LOCK_FILE;

/// Why a tracked path should never have been shared, if it should not.
pub fn machine_local(path: &str) -> Option<&'static str> {
    let name = path.rsplit('/').next().unwrap_or(path);
    if name == LOCK_FILE {
        Some("the lock of one machine's open meeting")
    } else if name.contains(TEMP_MARK) || name.contains(PREV_MARK) {
        Some("a temporary file of an interrupted save")
    } else if is_sync_debris(name) {
        Some("a conflict copy left by a sync tool")
    } else if path.split('/').any(|p| p == "private") || name.ends_with(".private.json") {
        Some("private notes")
    } else if path == "members.json" || path == "settings.json" {
        Some("this machine's own settings (who you are, how it syncs)")
    } else {
        None
    }
}

/// Problems for tracked files that should never be shared, and tracked symbolic links.
/// Nothing when the folder is not a git repository.
pub fn problems(root: &Path) -> Vec<Problem> {
    if !is_repo(root) {
        return Vec::new();
    }
    let git = Git::new(root, Instant::now() + super::TIMEOUT);
    let mut found = Vec::new();
    let problem = |path: &str, why: String| Problem { path: root.join(path), line: 1, col: 1, message: why };
    if let Ok(out) = git.run(&["ls-files", "-z", "--stage"])
        && out.ok
    {
        for entry in nul_fields(&out.stdout) {
            let Some((meta, path)) = entry.split_once('\t') else { continue };
            if meta.starts_with("120000") {
                found.push(problem(path, format!("{} is shared as a symbolic link; remove it with `git rm`", path)));
            } else if let Some(what) = machine_local(path) {
                found.push(problem(path, never_shared(path, what)));
            }
        }
    }
    if let Ok(out) = git.run(&["ls-files", "-z", "--cached", "--ignored", "--exclude-standard"])
        && out.ok
    {
        for path in nul_fields(&out.stdout) {
            if machine_local(&path).is_none() {
                found.push(problem(&path, never_shared(&path, "a file .gitignore keeps on this machine")));
            }
        }
    }
    found
}

fn never_shared(path: &str, what: &str) -> String {
    format!(
        "{what} is tracked by git and shared with the group; stop sharing it with `git rm --cached {path}` and sync"
    )
}

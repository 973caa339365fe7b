//! Sync tools' conflict copies (Syncthing, Dropbox, git's `.orig`) lying where the meeting
//! reads: found, named, never read and never deleted.

use std::path::Path;

use super::fsio;
use super::layout::is_sync_debris;

/// Sync-tool conflict copies where the meeting reads (never read, never deleted): the
/// group folder, meetings, and each member's folder. Years of prep files are left to
/// `hotseat check`, which looks everywhere.
pub fn debris(root: &Path) -> Vec<String> {
    debris_listed(root, &fsio::list(root), &fsio::list(&root.join("meetings")))
}

/// [`debris`], with the group folder and the meetings folder already listed (`root_names`,
/// `meeting_names`): only the members' folders are listed here.
pub fn debris_listed(root: &Path, root_names: &[String], meeting_names: &[String]) -> Vec<String> {
    let mut found: Vec<String> = root_names.iter().filter(|n| is_sync_debris(n)).cloned().collect();
    found.extend(meeting_names.iter().filter(|n| is_sync_debris(n)).map(|n| format!("meetings/{n}")));
    let mut dirs = Vec::new();
    if root_names.iter().any(|n| n == "members") {
        dirs.push((root.join("members"), 1));
    }
    while let Some((d, depth)) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if is_sync_debris(&name) {
                let p = e.path();
                found.push(p.strip_prefix(root).unwrap_or(&p).display().to_string());
            } else if depth < 2 {
                dirs.push((e.path(), depth + 1));
            }
        }
    }
    found.sort();
    found
}

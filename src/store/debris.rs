//! Sync tools' conflict copies (Syncthing, Dropbox, git's `.orig`) lying where the meeting
//! reads: found, named, never read and never deleted.

use std::path::Path;

use super::layout::is_sync_debris;

/// Sync-tool conflict copies where the meeting reads (never read, never deleted): the
/// group folder, meetings, and each member's folder. Years of prep files are left to
/// `hotseat check`, which looks everywhere.
pub fn debris(root: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut dirs = vec![(root.to_path_buf(), 0)];
    while let Some((d, depth)) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if is_sync_debris(&name) {
                let p = e.path();
                found.push(p.strip_prefix(root).unwrap_or(&p).display().to_string());
            } else if depth < 2 && (name == "meetings" || name == "members" || depth == 1 && d.ends_with("members")) {
                dirs.push((e.path(), depth + 1));
            }
        }
    }
    found.sort();
    found
}

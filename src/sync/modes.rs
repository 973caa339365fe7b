//! 0600 files and 0700 folders in the group folder: git keeps no modes but the
//! executable bit, so they are applied after every clone and pull.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::store::fsio::{DIR_MODE, FILE_MODE};

/// Apply the private modes to `paths` (relative) and the folders above them. Symbolic
/// links are left alone: never followed.
pub fn apply(root: &Path, paths: &[String]) {
    let mut done = std::collections::HashSet::new();
    for p in paths {
        let mut at = root.to_path_buf();
        let parts: Vec<&str> = p.split('/').collect();
        for (i, part) in parts.iter().enumerate() {
            at.push(part);
            let last = i + 1 == parts.len();
            if !last && !done.insert(at.clone()) {
                continue;
            }
            let Ok(m) = fs::symlink_metadata(&at) else { break };
            let mode = if m.is_dir() {
                DIR_MODE
            } else if m.is_file() {
                FILE_MODE
            } else {
                break;
            };
            if m.permissions().mode() & 0o777 != mode {
                let _ = fs::set_permissions(&at, fs::Permissions::from_mode(mode));
            }
        }
    }
}

/// Apply the private modes to everything under `root`, `.git` included.
pub fn apply_all(root: &Path) {
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let _ = fs::set_permissions(&dir, fs::Permissions::from_mode(DIR_MODE));
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(e.path()),
                Ok(t) if t.is_file() => {
                    let _ = fs::set_permissions(e.path(), fs::Permissions::from_mode(FILE_MODE));
                }
                _ => {}
            }
        }
    }
}

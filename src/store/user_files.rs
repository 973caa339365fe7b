//! Files and folders the user names on the command line, outside any group folder: a file
//! to import, a file to export to, the folder a demo goes into.

use std::path::{Path, PathBuf};

/// Why a path cannot take an export.
#[derive(Debug, PartialEq, Eq)]
pub enum Unwritable {
    IsFolder,
    NoFolder(PathBuf),
}

/// Whether `path` can be written as a file: not a folder, in a folder that exists.
pub fn export_target(path: &Path) -> Result<(), Unwritable> {
    if path.is_dir() {
        return Err(Unwritable::IsFolder);
    }
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if parent.is_dir() { Ok(()) } else { Err(Unwritable::NoFolder(parent.to_path_buf())) }
}

/// The bytes of a file to import.
pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    std::fs::read(path)
}

/// Whether `dir` is absent, or an empty folder: somewhere a new group can go without
/// overwriting anything.
pub fn is_free(dir: &Path) -> bool {
    match std::fs::symlink_metadata(dir) {
        Err(_) => true,
        Ok(m) if m.is_dir() => std::fs::read_dir(dir).map(|mut d| d.next().is_none()).unwrap_or(false),
        Ok(_) => false,
    }
}

/// Whether `dir` exists.
pub fn exists(dir: &Path) -> bool {
    dir.exists()
}

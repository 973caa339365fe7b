//! Errors from the group folder, each one sentence naming the file and, where it helps,
//! the line and column.

use std::fmt;
use std::path::{Path, PathBuf};

/// Why a file could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The file is not what it should be; `line` and `col` are 1-based.
    Invalid { path: PathBuf, line: usize, col: usize, message: String },
    /// The file was written by a newer hotseat.
    NewerVersion { path: PathBuf, found: u64, known: u32 },
    /// No group in the data folder yet.
    NoGroup { dir: PathBuf },
    /// An operating-system error while reading or writing.
    Io { path: PathBuf, action: &'static str, message: String },
    /// Someone else changed the file since we read it.
    ChangedOnDisk { path: PathBuf },
}

impl StoreError {
    pub fn invalid(path: &Path, line: usize, col: usize, message: impl Into<String>) -> StoreError {
        StoreError::Invalid { path: path.to_path_buf(), line, col, message: message.into() }
    }

    pub fn io(path: &Path, action: &'static str, err: &std::io::Error) -> StoreError {
        StoreError::Io { path: path.to_path_buf(), action, message: describe_io(err) }
    }

    /// The error for a one-line status: the reason first, then the file's last two
    /// path components.
    pub fn short(&self) -> String {
        let tail = |p: &Path| {
            let parts: Vec<_> = p.components().rev().take(2).collect();
            parts.iter().rev().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
        };
        match self {
            StoreError::Io { path, message, .. } => format!("{message} ({})", tail(path)),
            StoreError::ChangedOnDisk { path } => format!("{} was changed by someone else", tail(path)),
            other => other.to_string(),
        }
    }

    pub fn path(&self) -> Option<&Path> {
        match self {
            StoreError::Invalid { path, .. }
            | StoreError::NewerVersion { path, .. }
            | StoreError::Io { path, .. }
            | StoreError::ChangedOnDisk { path } => Some(path),
            StoreError::NoGroup { .. } => None,
        }
    }
}

/// The OS error in plain words, without Rust's "(os error N)" suffix.
pub fn describe_io(err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match err.kind() {
        K::NotFound => "it does not exist".to_string(),
        K::PermissionDenied => "permission denied".to_string(),
        K::StorageFull => "the disk is full".to_string(),
        K::AlreadyExists => "it already exists".to_string(),
        _ => {
            let s = err.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Invalid { path, line, col, message } => {
                write!(f, "{}:{line}:{col}: {message}", path.display())
            }
            StoreError::NewerVersion { path, found, known } => write!(
                f,
                "{}:1:1: written by a newer hotseat (format version {found}; this one reads up to {known}); update hotseat to open it — the file was left as it is",
                path.display()
            ),
            StoreError::NoGroup { dir } => write!(
                f,
                "there is no group in {} yet; run `hotseat init --name \"Your group\"` or try `hotseat demo`",
                dir.display()
            ),
            StoreError::Io { path, action, message } => {
                write!(f, "could not {action} {}: {message}", path.display())
            }
            StoreError::ChangedOnDisk { path } => write!(
                f,
                "{} was changed by someone else since hotseat read it; not overwriting it — quit and reopen to load the new version",
                path.display()
            ),
        }
    }
}

impl std::error::Error for StoreError {}

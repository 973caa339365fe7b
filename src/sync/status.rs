//! The state of sharing, for a header: when the folder last synced, how many changes wait.
//! Kept in `.git/hotseat-status.json` (inside git's own folder: never committed).

use std::path::Path;
use std::time::Instant;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::repo::{Repo, is_repo};
use super::{Options, run};
use crate::store::{decode, fsio};

const FILE: &str = "hotseat-status.json";

/// Plain data; `strings::status_label` words it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncStatus {
    /// The folder is a git repository with a remote.
    #[serde(skip)]
    pub shared: bool,
    /// The last sync that reached the remote.
    pub last_sync: Option<DateTime<FixedOffset>>,
    /// The last sync that failed (offline, refused…).
    pub last_failed: Option<DateTime<FixedOffset>>,
    /// Files this machine changed that have not reached the remote yet.
    #[serde(skip)]
    pub waiting: usize,
}

fn load(root: &Path) -> SyncStatus {
    let bytes = fsio::read(&root.join(".git").join(FILE)).unwrap_or_default();
    serde_json::from_slice(&bytes).unwrap_or_default()
}

/// Record the end of a sync.
pub fn record(repo: &Repo, now: DateTime<FixedOffset>, ok: bool) {
    let mut s = load(&repo.root);
    if ok {
        s.last_sync = Some(now);
    } else {
        s.last_failed = Some(now);
    }
    let _ = fsio::write_atomic(&repo.git_dir().join(FILE), &decode::encode(&s), None);
}

/// The sync state of the folder at `root` for a machine remembering `member`. Local only
/// (no network); a handful of quick git calls.
pub fn status(root: &Path, member: Option<&str>) -> SyncStatus {
    if !is_repo(root) {
        return SyncStatus::default();
    }
    let mut s = load(root);
    let Ok(repo) = Repo::open(root, Instant::now() + super::TIMEOUT) else { return s };
    s.shared = repo.remote_url().is_some();
    let opts = Options::new(chrono::Local::now().fixed_offset(), member.map(str::to_string));
    let role = run::role(&repo, &opts);
    let mut paths: Vec<String> = match repo.rev(&repo.upstream()) {
        Some(up) => repo.changed(&up, "HEAD").unwrap_or_default(),
        None => repo.all_paths("HEAD").unwrap_or_default(),
    };
    if let Ok(changes) = repo.status() {
        paths.extend(changes.into_iter().map(|c| c.path).filter(|p| role.may_write(p)));
    }
    paths.sort();
    paths.dedup();
    s.waiting = paths.len();
    s
}

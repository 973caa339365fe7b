//! Before a sync: refuse an unsafe repository, and clean up after a sync that was killed.
//!
//! What is recovered, and why it is safe:
//! - A sync records `<hotseat pid> <git pid>` in `.git/hotseat-sync` for each git call it
//!   runs. When the next sync finds that file with the hotseat process gone, the previous
//!   sync died. Its last git call may still be running (it runs in its own process group):
//!   we wait for that group to finish (5 s at most, else "busy").
//! - A rebase in progress is aborted only if `.git/hotseat-rebase` says hotseat started it
//!   and that hotseat is gone; `git rebase --abort` puts back the local commits and any
//!   stashed hand edits. A rebase the user started is refused, never touched.
//! - `.git/index.lock` is removed only when the previous sync died, its git is gone, and
//!   the lock was made during that sync (not older than its marker). Otherwise we wait 3 s
//!   for it to go and then say that another git command is working.
//! - Paths left unmerged by an interrupted `--autostash` are restored to the committed
//!   version; the hand edit stays in `git stash`.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use super::SyncError;
use super::repo::{REBASE_MARK, RUN_MARK, Repo};

/// What the previous sync left.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prior {
    /// A previous hotseat sync died mid-way.
    pub died: bool,
    /// When it last started a git call.
    pub since: Option<std::time::SystemTime>,
}

fn alive(pid: u32) -> bool {
    crate::store::fsio::process_alive(pid)
}

fn group_alive(pgid: u32) -> bool {
    // SAFETY: signal 0 only checks whether any process of the group exists.
    unsafe { libc::kill(-(pgid as libc::pid_t), 0) == 0 }
}

fn read_pids(path: &Path) -> Option<Vec<u32>> {
    let text = fs::read_to_string(path).ok()?;
    Some(text.split_whitespace().filter_map(|w| w.parse().ok()).collect())
}

/// Read what a previous sync left, before this sync runs any git (which would overwrite
/// the marker). Another sync still running makes this one refuse.
pub fn prior(root: &Path, deadline: Instant) -> Result<Prior, SyncError> {
    let mark = root.join(".git").join(RUN_MARK);
    let Some(pids) = read_pids(&mark) else { return Ok(Prior::default()) };
    let me = std::process::id();
    let since = fs::metadata(&mark).and_then(|m| m.modified()).ok();
    match pids.as_slice() {
        [hs, ..] if *hs == me => Ok(Prior::default()),
        [hs, ..] if alive(*hs) => Err(SyncError::Busy),
        [_, child, ..] => {
            let until = (Instant::now() + Duration::from_secs(5)).min(deadline);
            while group_alive(*child) {
                if Instant::now() >= until {
                    return Err(SyncError::Busy);
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Ok(Prior { died: true, since })
        }
        _ => Ok(Prior { died: true, since }),
    }
}

/// Refuse an unsafe state or recover from what a killed sync left. Returns whether
/// anything was recovered.
pub fn fix(repo: &Repo, prior: Prior) -> Result<bool, SyncError> {
    let gd = repo.git_dir();
    let mut recovered = false;
    let lock = gd.join("index.lock");
    if lock.exists() {
        let made_then = fs::metadata(&lock)
            .and_then(|m| m.modified())
            .is_ok_and(|t| prior.since.is_some_and(|s| t + Duration::from_secs(1) >= s));
        if prior.died && made_then {
            let _ = fs::remove_file(&lock);
            recovered = true;
        } else {
            let until = Instant::now() + Duration::from_secs(3);
            while lock.exists() {
                if Instant::now() >= until {
                    return Err(SyncError::Busy);
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }
    let rebasing = gd.join("rebase-merge").exists() || gd.join("rebase-apply").exists();
    let ours = read_pids(&gd.join(REBASE_MARK)).and_then(|p| p.first().copied());
    if rebasing {
        match ours {
            Some(pid) if !alive(pid) => {
                repo.ok(&["rebase", "--abort"])?;
                recovered = true;
            }
            _ => return Err(SyncError::RebaseInProgress),
        }
    }
    if ours.is_some() {
        let _ = fs::remove_file(gd.join(REBASE_MARK));
    }
    if ["MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD"].iter().any(|f| gd.join(f).exists()) {
        return Err(SyncError::MergeInProgress);
    }
    if prior.died && !restore_unmerged(repo)?.is_empty() {
        recovered = true;
    }
    Ok(recovered || prior.died)
}

/// Put paths left unmerged by `--autostash` back to the committed version (the hand edit
/// is kept in `git stash`). Returns the paths.
pub fn restore_unmerged(repo: &Repo) -> Result<Vec<String>, SyncError> {
    let mut restored = Vec::new();
    for c in repo.status()?.into_iter().filter(|c| c.unmerged()) {
        repo.ok(&["reset", "-q", "--", &c.path])?;
        if repo.show("HEAD", &c.path).is_some() {
            repo.ok(&["checkout", "-q", "HEAD", "--", &c.path])?;
        }
        restored.push(c.path);
    }
    Ok(restored)
}

/// Removes the run marker when the sync ends, however it ends (short of being killed).
pub struct Running<'a>(&'a Path);

impl<'a> Running<'a> {
    pub fn new(git_dir: &'a Path) -> Running<'a> {
        Running(git_dir)
    }
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        let _ = fs::remove_file(self.0.join(RUN_MARK));
    }
}

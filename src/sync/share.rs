//! Start sharing (the facilitator, in an existing group folder) and join (a member).

use std::path::Path;
use std::time::Instant;

use super::git::Git;
use super::lease::{self, LeaseState};
use super::paths::{GITATTRIBUTES, GITIGNORE, LEASE, Owner, owner};
use super::repo::{Repo, is_repo};
use super::{BRANCH, Options, Outcome, REMOTE, SyncError, modes, run, strings};
use crate::store::{Store, decode, fsio};

/// Make the group folder at `root` a git repository shared through `url` (if it is not
/// one yet), take the facilitator lease if nobody holds it, commit and push.
pub fn start(root: &Path, url: &str, opts: &Options) -> Result<Outcome, SyncError> {
    let deadline = Instant::now() + opts.timeout;
    if !Store::new(root).has_group() {
        return Err(SyncError::NoGroup);
    }
    let git = Git::new(root, deadline);
    if !is_repo(root) {
        let out = git.run(&["init", "-q", "-b", BRANCH]).map_err(|_| SyncError::GitMissing)?;
        if !out.ok {
            return Err(super::repo::git_error(&["init"], &out));
        }
    }
    let repo = Repo::open(root, deadline)?;
    repo.ok(&["config", "--local", "core.symlinks", "false"])?;
    match repo.remote_url() {
        Some(u) if u == url => {}
        Some(_) => {
            repo.ok(&["remote", "set-url", REMOTE, url])?;
        }
        None => {
            repo.ok(&["remote", "add", REMOTE, url])?;
        }
    }
    let branch = repo.branch.clone();
    repo.ok(&["config", "--local", &format!("branch.{branch}.remote"), REMOTE])?;
    repo.ok(&["config", "--local", &format!("branch.{branch}.merge"), &format!("refs/heads/{branch}")])?;
    write_if_missing(root, GITATTRIBUTES, strings::GITATTRIBUTES)?;
    write_if_missing(root, GITIGNORE, strings::GITIGNORE)?;
    let first = repo.rev("HEAD").is_none();
    if first || !matches!(lease::check(root, opts.now)?, LeaseState::Held(_)) {
        write_lease(&repo, root, opts)?;
        if !first {
            repo.commit(&[LEASE.to_string()], strings::LEASE_TAKEN)?;
        }
    }
    if first {
        // The whole folder was this machine's until now: share all of it but what is
        // ignored, and never a symbolic link.
        let paths: Vec<String> = repo
            .status()?
            .into_iter()
            .map(|c| c.path)
            .filter(|p| std::fs::symlink_metadata(root.join(p)).is_ok_and(|m| m.is_file()))
            .filter(|p| owner(p) != Owner::Nobody)
            .collect();
        repo.commit(&paths, strings::START_SHARING)?;
    }
    drop(repo);
    run::sync(root, opts)
}

fn write_if_missing(root: &Path, name: &str, text: &str) -> Result<(), SyncError> {
    let path = root.join(name);
    if std::fs::symlink_metadata(&path).is_err() {
        fsio::write_atomic(&path, text.as_bytes(), None)?;
    }
    Ok(())
}

fn write_lease(repo: &Repo, root: &Path, opts: &Options) -> Result<(), SyncError> {
    let l = lease::fresh(repo, opts.now);
    let path = root.join(LEASE);
    fsio::refuse_links(root, &path)?;
    fsio::write_atomic(&path, &decode::encode(&l), None)?;
    Ok(())
}

/// What `join` made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joined {
    pub group: String,
    pub member_name: String,
}

/// Clone the group at `url` into `dir` (absent or empty) for `member`, with symbolic links
/// checked out as plain files and private modes. An unknown member removes the clone.
/// Remembering the member on this machine is the caller's (it owns that setting).
pub fn join(url: &str, dir: &Path, member: &str, opts: &Options) -> Result<Joined, SyncError> {
    let deadline = Instant::now() + opts.timeout;
    let existed = dir.exists();
    if existed && std::fs::read_dir(dir).map(|mut d| d.next().is_some()).unwrap_or(true) {
        return Err(SyncError::NotEmpty(dir.to_path_buf()));
    }
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fsio::ensure_dir(parent)?;
    let target = dir.to_string_lossy().into_owned();
    let git = Git::new(parent, deadline);
    let cloned = git.run_network(&["clone", "-q", "-c", "core.symlinks=false", "--", url, &target]);
    let undo = || {
        if existed {
            if let Ok(entries) = std::fs::read_dir(dir) {
                for e in entries.flatten() {
                    let p = e.path();
                    let _ = if p.is_dir() { std::fs::remove_dir_all(&p) } else { std::fs::remove_file(&p) };
                }
            }
        } else {
            let _ = std::fs::remove_dir_all(dir);
        }
    };
    match cloned {
        Ok(o) if o.ok => {}
        Ok(o) => {
            undo();
            return Err(super::repo::network_error(&o.stderr));
        }
        Err(super::git::Failed::Missing) => return Err(SyncError::GitMissing),
        Err(super::git::Failed::Timeout) => {
            undo();
            return Err(SyncError::Timeout(opts.timeout.as_secs()));
        }
    }
    let group = match Store::new(dir).load_group() {
        Ok(g) => g,
        Err(e) => {
            undo();
            return Err(e.into());
        }
    };
    let Some(m) = group.member(member) else {
        let ids = group.members.iter().map(|m| m.id.clone()).collect();
        undo();
        return Err(SyncError::UnknownMember { id: member.to_string(), ids });
    };
    let joined = Joined { group: group.name.clone(), member_name: m.name.clone() };
    modes::apply_all(dir);
    if let Ok(repo) = Repo::open(dir, deadline) {
        lease::machine_id(&repo);
        super::status::record(&repo, opts.now, true);
    }
    Ok(joined)
}

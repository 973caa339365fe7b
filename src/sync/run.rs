//! `hotseat sync`: commit what this machine may write, fetch, rebase, push; retry when
//! someone pushed first; report what went out and what came in.

use std::path::Path;
use std::time::Instant;

use super::paths::{Owner, Role, owner};
use super::recover::{self, Running};
use super::repo::{Pushed, Repo};
use super::{LeftOut, Options, Outcome, RETRIES, SyncError, Why, incoming, lease, modes, status, strings};

/// Sync the group folder at `root` with its remote. Runs git only; prints nothing; safe
/// to call from a background thread. Gives up after `opts.timeout`.
pub fn sync(root: &Path, opts: &Options) -> Result<Outcome, SyncError> {
    let deadline = Instant::now() + opts.timeout;
    let prior = recover::prior(root, deadline)?;
    let repo = Repo::open_marked(root, deadline)?;
    let git_dir = repo.git_dir();
    let _running = Running::new(&git_dir);
    let mut outcome = Outcome { recovered: recover::fix(&repo, prior)?, ..Outcome::default() };
    if repo.remote_url().is_none() {
        return Err(SyncError::NoRemote);
    }
    let role = role(&repo, opts);
    outcome.left_out = commit_own(&repo, &role)?;
    let result = exchange(&repo, &mut outcome);
    status::record(&repo, opts.now, result.is_ok());
    result.map(|_| outcome)
}

/// Who this machine writes for (see the module documentation of [`super`]).
pub fn role(repo: &Repo, opts: &Options) -> Role {
    let machine = lease::machine_id(repo);
    let holder = repo.show("HEAD", super::paths::LEASE).and_then(|b| serde_json::from_slice::<super::Lease>(&b).ok());
    Role { facilitator: holder.is_some_and(|l| l.machine == machine), member: opts.member.clone() }
}

/// Commit the changed paths this machine may write, one commit per role; return the
/// changed paths left out.
pub fn commit_own(repo: &Repo, role: &Role) -> Result<Vec<LeftOut>, SyncError> {
    let (mut facilitator, mut member, mut left) = (Vec::new(), Vec::new(), Vec::new());
    for c in repo.status()? {
        if c.unmerged() {
            continue;
        }
        if !regular_or_gone(&repo.root, &c.path) {
            left.push(LeftOut { path: c.path, why: Why::NotRegular });
            continue;
        }
        if !role.may_write(&c.path) {
            left.push(LeftOut { why: Why::NotYours(owner(&c.path)), path: c.path });
            continue;
        }
        match owner(&c.path) {
            Owner::Facilitator => facilitator.push(c.path),
            _ => member.push(c.path),
        }
    }
    repo.commit(&facilitator, &strings::commit_facilitator(&facilitator))?;
    if let Some(me) = &role.member {
        let what = member_changes(repo, &member);
        repo.commit(&member, &strings::commit_member(me, &what))?;
    }
    Ok(left)
}

/// The path is a regular file with only real folders above it, or does not exist.
fn regular_or_gone(root: &Path, rel: &str) -> bool {
    let mut at = root.to_path_buf();
    let parts: Vec<&str> = rel.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(m) if i + 1 == parts.len() => return m.is_file(),
            Ok(m) if !m.is_dir() => return false,
            Ok(_) => {}
            Err(_) => return true,
        }
    }
    true
}

/// What changed in a member's folder, for the commit message.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct MemberChanges {
    /// Steps whose progress changed (`None`: progress.json changed but could not be read).
    pub progress: Option<Option<usize>>,
    pub goals: bool,
    pub preps: Vec<String>,
    pub partners: bool,
    pub checkins: bool,
    pub other: usize,
}

fn member_changes(repo: &Repo, paths: &[String]) -> MemberChanges {
    let mut w = MemberChanges::default();
    for p in paths {
        let file = p.splitn(3, '/').nth(2).unwrap_or("");
        match file {
            "progress.json" => w.progress = Some(progress_steps(repo, p)),
            "goals.json" => w.goals = true,
            "partners.json" => w.partners = true,
            "checkins.json" => w.checkins = true,
            f => match f.strip_prefix("prep/").and_then(|d| d.strip_suffix(".json")) {
                Some(date) => w.preps.push(date.to_string()),
                None => w.other += 1,
            },
        }
    }
    w
}

/// How many steps' progress entries differ between the committed and the new file.
fn progress_steps(repo: &Repo, path: &str) -> Option<usize> {
    let entries = |bytes: &[u8]| -> Option<Vec<serde_json::Value>> {
        let v: serde_json::Value = serde_json::from_slice(bytes).ok()?;
        v.get("entries")?.as_array().cloned()
    };
    let old = repo.show("HEAD", path).and_then(|b| entries(&b)).unwrap_or_default();
    let new = entries(&crate::store::fsio::read(&repo.root.join(path)).ok()?)?;
    let mut steps: Vec<&str> =
        new.iter().filter(|e| !old.contains(e)).filter_map(|e| e.get("step")?.as_str()).collect();
    steps.sort_unstable();
    steps.dedup();
    Some(steps.len())
}

/// Fetch, rebase, push; retry when someone pushed first.
fn exchange(repo: &Repo, outcome: &mut Outcome) -> Result<(), SyncError> {
    let start = repo.rev("HEAD");
    let mut attempt = 0;
    loop {
        repo.fetch()?;
        let upstream = repo.rev(&repo.upstream());
        if let Some(up) = &upstream
            && start.is_some()
            && !repo.is_ancestor(up, "HEAD")
        {
            repo.rebase()?;
            outcome.set_aside = recover::restore_unmerged(repo)?;
        }
        let head = repo.rev("HEAD");
        let to_send = match (&upstream, &head) {
            (_, None) => Vec::new(),
            (Some(up), Some(h)) if up == h => Vec::new(),
            (Some(up), Some(_)) => repo.changed(up, "HEAD")?,
            (None, Some(_)) => repo.all_paths("HEAD")?,
        };
        if head.is_some() && head != upstream {
            match repo.push()? {
                Pushed::Done => {}
                Pushed::Behind if attempt < RETRIES => {
                    attempt += 1;
                    continue;
                }
                Pushed::Behind => return Err(SyncError::StillRejected),
            }
        }
        outcome.sent = to_send;
        outcome.retries = attempt;
        if let Some(up) = &upstream {
            let base = start.as_deref().and_then(|s| merge_base(repo, s, up));
            outcome.received = match &base {
                Some(b) => repo.changed(b, up)?,
                None => Vec::new(),
            };
            outcome.flags = incoming::check(repo, base.as_deref(), up)?;
            modes::apply(&repo.root, &outcome.received);
        }
        return Ok(());
    }
}

fn merge_base(repo: &Repo, a: &str, b: &str) -> Option<String> {
    let out = repo.run(&["merge-base", a, b]).ok()?;
    out.ok.then(|| out.text())
}

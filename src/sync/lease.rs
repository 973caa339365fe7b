//! One facilitator at a time, across machines: `lease.json` in the repository names the
//! machine that may write the group and meeting files. It is taken by a commit pushed
//! without force: a rejected push, then a conflict on `lease.json`, means another machine
//! took it first. It expires after 12 hours; it can be handed over on purpose.
//!
//! A machine is one clone: its id is a random value kept in the clone's own git config
//! (`hotseat.machine`), never committed.

use std::path::Path;
use std::time::Instant;

use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};

use super::paths::LEASE;
use super::recover::{self, Running};
use super::repo::{Pushed, Repo};
use super::{Options, RETRIES, SyncError, run, strings};
use crate::store::{decode, fsio};

/// How long a lease lasts.
pub const HOURS: i64 = 12;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lease {
    pub version: u32,
    /// Who holds it: the person's git name, else the login.
    pub holder: String,
    /// The holder's machine name.
    pub host: String,
    pub since: DateTime<FixedOffset>,
    pub expires: DateTime<FixedOffset>,
    /// The holding clone's id.
    #[serde(default)]
    pub machine: String,
}

/// Who holds the lease, as this clone last synced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeaseState {
    /// This machine holds it (it may have expired: nobody else took it since).
    Mine(Lease),
    /// Another machine holds it and it has not expired.
    Held(Lease),
    /// Nobody holds it: no lease yet, or another machine's lease expired.
    Free(Option<Lease>),
}

/// This clone's machine id, made on first use.
pub fn machine_id(repo: &Repo) -> String {
    if let Ok(out) = repo.git.run(&["config", "--local", "--get", "hotseat.machine"])
        && out.ok
        && !out.text().is_empty()
    {
        return out.text();
    }
    let mut bytes = [0u8; 8];
    let random = std::fs::File::open("/dev/urandom").and_then(|mut f| std::io::Read::read_exact(&mut f, &mut bytes));
    if random.is_err() {
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        bytes = (t.as_nanos() as u64 ^ u64::from(std::process::id())).to_le_bytes();
    }
    let id: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let _ = repo.git.run(&["config", "--local", "hotseat.machine", &id]);
    id
}

fn committed(repo: &Repo) -> Option<Lease> {
    repo.show("HEAD", LEASE).and_then(|b| serde_json::from_slice(&b).ok())
}

fn state(repo: &Repo, now: DateTime<FixedOffset>) -> LeaseState {
    let me = machine_id(repo);
    match committed(repo) {
        Some(l) if l.machine == me => LeaseState::Mine(l),
        Some(l) if l.expires > now => LeaseState::Held(l),
        other => LeaseState::Free(other),
    }
}

/// Who holds the lease, as last synced (no network).
pub fn check(root: &Path, now: DateTime<FixedOffset>) -> Result<LeaseState, SyncError> {
    let repo = Repo::open(root, Instant::now() + super::TIMEOUT)?;
    Ok(state(&repo, now))
}

/// Take the lease if nobody else holds it (after syncing, so the answer is current).
pub fn take(root: &Path, opts: &Options) -> Result<Lease, SyncError> {
    claim(root, opts, false)
}

/// Take the lease even from another machine: the hand-over on purpose.
pub fn take_over(root: &Path, opts: &Options) -> Result<Lease, SyncError> {
    claim(root, opts, true)
}

/// Hand the lease back: it ends now, and any machine may take it.
pub fn release(root: &Path, opts: &Options) -> Result<(), SyncError> {
    run::sync(root, opts)?;
    let repo = Repo::open(root, Instant::now() + opts.timeout)?;
    let LeaseState::Mine(mut lease) = state(&repo, opts.now) else { return Ok(()) };
    lease.expires = opts.now;
    write_and_push(root, opts, &lease, strings::LEASE_RELEASED, true).map(|_| ())
}

/// Sync, then keep the lease for this machine while a program runs: take it when it is
/// free, renew it when less than half its time is left, leave it when another machine
/// holds it. What the sync did, and `Err(lease)` naming the other holder.
pub fn sync_and_keep(root: &Path, opts: &Options) -> Result<(super::Outcome, Result<(), Lease>), SyncError> {
    let outcome = run::sync(root, opts)?;
    let repo = Repo::open(root, Instant::now() + opts.timeout)?;
    match state(&repo, opts.now) {
        LeaseState::Held(l) => return Ok((outcome, Err(l))),
        LeaseState::Mine(l) if l.expires - opts.now > Duration::hours(HOURS / 2) => return Ok((outcome, Ok(()))),
        _ => {}
    }
    match write_and_push(root, opts, &fresh(&repo, opts.now), strings::LEASE_TAKEN, false) {
        Ok(()) => Ok((outcome, Ok(()))),
        Err(SyncError::LeaseHeld(l)) => Ok((outcome, Err(l))),
        Err(e) => Err(e),
    }
}

fn claim(root: &Path, opts: &Options, over: bool) -> Result<Lease, SyncError> {
    run::sync(root, opts)?;
    let repo = Repo::open(root, Instant::now() + opts.timeout)?;
    let held = match state(&repo, opts.now) {
        LeaseState::Held(l) => Some(l),
        _ => None,
    };
    if let (Some(l), false) = (&held, over) {
        return Err(SyncError::LeaseHeld(l.clone()));
    }
    let lease = fresh(&repo, opts.now);
    let message = if held.is_some() { strings::LEASE_TAKEN_OVER } else { strings::LEASE_TAKEN };
    write_and_push(root, opts, &lease, message, over)?;
    Ok(lease)
}

/// A lease for this machine from `now`.
pub fn fresh(repo: &Repo, now: DateTime<FixedOffset>) -> Lease {
    Lease {
        version: crate::model::FORMAT_VERSION,
        holder: holder_name(repo),
        host: crate::store::lock::hostname(),
        since: now,
        expires: now + Duration::hours(HOURS),
        machine: machine_id(repo),
    }
}

/// Commit `lease.json` alone and push it without force. A push rejected because another
/// lease came first undoes our lease commit and names theirs (unless `over`).
fn write_and_push(root: &Path, opts: &Options, lease: &Lease, message: &str, over: bool) -> Result<(), SyncError> {
    let deadline = Instant::now() + opts.timeout;
    let prior = recover::prior(root, deadline)?;
    let repo = Repo::open_marked(root, deadline)?;
    let git_dir = repo.git_dir();
    let _running = Running::new(&git_dir);
    recover::fix(&repo, prior)?;
    let path = root.join(LEASE);
    fsio::refuse_links(root, &path)?;
    fsio::write_atomic(&path, &decode::encode(lease), None)?;
    repo.commit(&[LEASE.to_string()], message)?;
    for _ in 0..=RETRIES {
        repo.fetch()?;
        let up = repo.upstream();
        if repo.rev(&up).is_some() && !repo.is_ancestor(&up, "HEAD") {
            // Taking over on purpose: our lease replaces theirs on top of their history.
            let prefer_mine: &[&str] = if over { &["-Xtheirs"] } else { &[] };
            match repo.rebase_with(prefer_mine) {
                Ok(()) => {}
                Err(SyncError::Conflict(_)) if !over => return undo(&repo, opts.now),
                Err(e) => return Err(e),
            }
        }
        if repo.push()? == Pushed::Done {
            return Ok(());
        }
    }
    Err(SyncError::StillRejected)
}

/// Drop our unpushed lease commit and report whoever holds the lease upstream.
fn undo(repo: &Repo, now: DateTime<FixedOffset>) -> Result<(), SyncError> {
    repo.ok(&["reset", "-q", "--keep", "HEAD~1"])?;
    let up = repo.upstream();
    let theirs: Option<Lease> = repo.show(&up, LEASE).and_then(|b| serde_json::from_slice(&b).ok());
    match theirs {
        Some(l) if l.expires > now => Err(SyncError::LeaseHeld(l)),
        _ => Err(SyncError::StillRejected),
    }
}

/// The person's name for the lease: git's `user.name`, else the login name.
fn holder_name(repo: &Repo) -> String {
    if let Ok(out) = repo.git.run(&["config", "--get", "user.name"])
        && out.ok
        && !out.text().is_empty()
    {
        return out.text();
    }
    std::env::var("USER").or_else(|_| std::env::var("LOGNAME")).unwrap_or_else(|_| "the facilitator".into())
}

//! Syncing quietly while a program runs: on a thread, never in a key press or a frame.
//! The programs start a round when they open, every few minutes, and when a meeting
//! closes; what it did comes back as a plain [`Report`] the loop hands to `update`.
//!
//! A machine can turn it off: `hotseat sync --auto off` sets `hotseat.autosync` in the
//! clone's own `.git/config` (never committed).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};

use super::lease::{self, Lease, LeaseState};
use super::repo::{Repo, is_repo};
use super::{Options, Outcome, SyncError, SyncStatus};

/// How often a program syncs while it stays open.
pub const EVERY: Duration = Duration::from_secs(5 * 60);

/// What one background round did.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub result: Result<Outcome, SyncError>,
    /// The facilitator's lease after the round: `Some(lease)` when another machine holds it.
    pub lost_lease: Option<Lease>,
    pub status: SyncStatus,
}

/// What a round does besides syncing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Round {
    /// Sync only (a member, a follower).
    Sync,
    /// Take or renew the facilitator lease, which syncs first.
    Facilitator,
}

/// Whether this folder is shared and this machine has not turned syncing off.
pub fn enabled(root: &Path) -> bool {
    if !is_repo(root) {
        return false;
    }
    let Ok(repo) = Repo::open(root, Instant::now() + Duration::from_secs(5)) else { return false };
    if repo.remote_url().is_none() {
        return false;
    }
    !matches!(repo.git.run(&["config", "--local", "--get", "hotseat.autosync"]), Ok(out) if out.ok && out.text() == "false")
}

/// Turn syncing while a program runs on or off for this clone.
pub fn set_enabled(root: &Path, on: bool) -> Result<(), SyncError> {
    let repo = Repo::open(root, Instant::now() + super::TIMEOUT)?;
    let value = if on { "true" } else { "false" };
    repo.ok(&["config", "--local", "hotseat.autosync", value])?;
    Ok(())
}

/// Who holds the lease as last synced, without the network: `Some(lease)` when another
/// machine holds it and it has not expired.
pub fn held_elsewhere(root: &Path, now: DateTime<FixedOffset>) -> Option<Lease> {
    match lease::check(root, now) {
        Ok(LeaseState::Held(l)) => Some(l),
        _ => None,
    }
}

/// The rounds of one program: at most one at a time.
pub struct Auto {
    root: PathBuf,
    member: Option<String>,
    running: Option<Receiver<Report>>,
    last_start: Option<Instant>,
}

impl Auto {
    /// The rounds for the folder at `root`, or `None` when it is not shared or syncing is
    /// off on this machine.
    pub fn new(root: &Path, member: Option<String>) -> Option<Auto> {
        enabled(root).then(|| Auto { root: root.to_path_buf(), member, running: None, last_start: None })
    }

    /// Start a round unless one is running; `wake` is called when it is done.
    pub fn start(&mut self, round: Round, now: DateTime<FixedOffset>, wake: impl Fn() + Send + 'static) {
        if self.running.is_some() {
            return;
        }
        let (tx, rx) = mpsc::channel();
        let (root, opts) = (self.root.clone(), Options::new(now, self.member.clone()));
        let spawned = thread::Builder::new().name("sync".into()).spawn(move || {
            let report = run_round(&root, &opts, round);
            let _ = tx.send(report);
            wake();
        });
        if spawned.is_ok() {
            self.running = Some(rx);
            self.last_start = Some(Instant::now());
        }
    }

    /// Whether it is time for the next round.
    pub fn due(&self) -> bool {
        self.running.is_none() && self.last_start.is_none_or(|t| t.elapsed() >= EVERY)
    }

    /// The report of the round that just finished, if any.
    pub fn finished(&mut self) -> Option<Report> {
        let report = self.running.as_ref()?.try_recv().ok()?;
        self.running = None;
        Some(report)
    }

    /// Whether a round is under way.
    pub fn running(&self) -> bool {
        self.running.is_some()
    }

    /// Wait for the running round, at most `limit` (the programs' last round, on quit).
    pub fn wait(&mut self, limit: Duration) -> Option<Report> {
        let report = self.running.as_ref()?.recv_timeout(limit).ok();
        self.running = None;
        report
    }
}

/// One round, synchronously: the programs' last round when they quit runs this.
pub fn run_round(root: &Path, opts: &Options, round: Round) -> Report {
    let (result, lost_lease) = match round {
        Round::Sync => (super::sync(root, opts), None),
        Round::Facilitator => match lease::sync_and_keep(root, opts) {
            Ok((outcome, kept)) => (Ok(outcome), kept.err()),
            Err(e) => (Err(e), None),
        },
    };
    let status = super::status(root, opts.member.as_deref());
    Report { result, lost_lease, status }
}

//! Sharing the group folder through git: start sharing, join, sync, the facilitator lease.
//!
//! Git is the engine (the user's own `git` binary, with their credentials and ssh set-up);
//! the layout makes conflicts impossible by design: each machine commits only the paths it
//! may write ([`paths`]). Everything here returns plain values; printing is in [`command`].
//!
//! **Who this machine is.** The facilitator when `lease.json` (as last synced) names this
//! clone's machine id, whether or not the lease has expired: expiry only lets *another*
//! machine take it. A member when a member is remembered for the folder on this machine
//! (`hotseat join`, `hotseat me --member`). Both at once is fine (a facilitator who is a
//! member). A machine that is neither only receives; its changes are named, not sent.

pub mod auto;
pub mod command;
pub mod git;
pub mod incoming;
pub mod lease;
mod modes;
pub mod paths;
pub mod private;
mod recover;
pub mod repo;
pub mod run;
pub mod share;
pub mod status;
pub mod strings;
pub mod untrusted;

use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use crate::store::StoreError;
pub use lease::{Lease, LeaseState};
pub use paths::{Item, Owner, Role};
pub use run::sync;
pub use status::{SyncStatus, status};

/// The whole sync gives up after this long.
pub const TIMEOUT: Duration = Duration::from_secs(30);
/// How many times a push rejected because someone pushed first is retried.
pub const RETRIES: u32 = 3;
/// The branch a new shared folder uses.
pub const BRANCH: &str = "main";
/// The remote's name.
pub const REMOTE: &str = "origin";

/// What a sync needs to know about the moment and the machine.
#[derive(Debug, Clone)]
pub struct Options {
    pub now: DateTime<FixedOffset>,
    /// The member remembered on this machine for the folder.
    pub member: Option<String>,
    /// The whole operation gives up after this long.
    pub timeout: Duration,
}

impl Options {
    pub fn new(now: DateTime<FixedOffset>, member: Option<String>) -> Options {
        Options { now, member, timeout: TIMEOUT }
    }
}

/// A changed path this machine did not commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    pub path: String,
    pub why: Why,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Someone else writes it.
    NotYours(Owner),
    /// A symbolic link or special file: never committed.
    NotRegular,
}

/// An incoming change that its author's machine may not write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    /// Short commit id.
    pub commit: String,
    /// The commit's `who:` tag, if it has one.
    pub tag: Option<String>,
    pub path: String,
    pub kind: FlagKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagKind {
    /// The path is not the author's to write.
    NotTheirs,
    /// A symbolic link, checked out here as a plain file.
    Symlink,
}

/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Paths sent (in this machine's commits that reached the remote).
    pub sent: Vec<String>,
    /// Paths received from the remote.
    pub received: Vec<String>,
    pub left_out: Vec<LeftOut>,
    pub flags: Vec<Flag>,
    /// Hand edits of others' files that clashed with an incoming change: restored to the
    /// incoming version, the edit kept in `git stash`.
    pub set_aside: Vec<String>,
    /// A previous sync was interrupted and this one cleaned up after it.
    pub recovered: bool,
    /// Pushes rejected because someone pushed first, then retried.
    pub retries: u32,
}

/// Why a sync, a join or a lease operation stopped. Each is one sentence ([`strings`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncError {
    GitMissing,
    NotARepo,
    NoGroup,
    NoRemote,
    Detached,
    RebaseInProgress,
    MergeInProgress,
    /// Another git command holds the index lock.
    Busy,
    Unreachable(String),
    Credentials(String),
    HostKey,
    Timeout(u64),
    /// The rebase met a conflict in this file; everything was put back.
    Conflict(String),
    /// The remote refused the push (a hook, a protected branch).
    Refused(String),
    StillRejected,
    LeaseHeld(Lease),
    Git {
        what: String,
        detail: String,
    },
    Store(StoreError),
    NotEmpty(std::path::PathBuf),
    UnknownMember {
        id: String,
        ids: Vec<String>,
    },
}

impl From<StoreError> for SyncError {
    fn from(e: StoreError) -> SyncError {
        SyncError::Store(e)
    }
}

impl std::fmt::Display for SyncError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&strings::error(self))
    }
}

impl std::error::Error for SyncError {}

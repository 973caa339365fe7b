//! Every sentence of sharing and syncing a user reads, and hotseat's commit messages.

use chrono::{DateTime, FixedOffset};

use super::paths::{Item, Owner, items};
use super::run::MemberChanges;
use super::status::SyncStatus;
use super::{Flag, FlagKind, Lease, LeftOut, Outcome, SyncError, Why};

pub const LEASE_TAKEN: &str = "facilitator: take the lease";
pub const LEASE_TAKEN_OVER: &str = "facilitator: take over the lease";
pub const LEASE_RELEASED: &str = "facilitator: hand over the lease";
pub const START_SHARING: &str = "facilitator: start sharing the group";

/// `.gitattributes` of a shared folder: text with LF line ends on every machine.
pub const GITATTRIBUTES: &str = "* text=auto eol=lf\n";

/// `.gitignore` of a shared folder: what is machine-local and never shared.
pub const GITIGNORE: &str = "\
# hotseat: files that stay on this machine and are never shared
.hotseat.lock
.*.tmp-*
.*.prev-*
*.sync-conflict-*
*conflicted copy*
*(Case Conflict*
*.orig
private/
*.private.json
/members.json
/settings.json
.DS_Store
";

const KEPT: &str = "nothing is lost: your changes are committed here and go out at the next `hotseat sync`";

pub fn error(e: &SyncError) -> String {
    match e {
        SyncError::GitMissing => "git is not installed; install it (for example `apt-get install git`) and try again".into(),
        SyncError::NotARepo => "this group folder is not shared yet; the facilitator starts sharing with `hotseat sync --remote URL`".into(),
        SyncError::NoGroup => "there is no group in this folder to share; run `hotseat init --name \"Your group\"` first".into(),
        SyncError::NoRemote => "this group folder has no remote to sync with; set one with `hotseat sync --remote URL`".into(),
        SyncError::Detached => "not syncing: the group folder's git repository is not on a branch (detached HEAD); run `git switch main` in it first".into(),
        SyncError::RebaseInProgress => "not syncing: a git rebase is in progress in the group folder; finish it or run `git rebase --abort` there first".into(),
        SyncError::MergeInProgress => "not syncing: a git merge is in progress in the group folder; finish it or run `git merge --abort` there first".into(),
        SyncError::Busy => "not syncing: another git command or sync is working in the group folder; try again in a minute".into(),
        SyncError::Unreachable(d) => format!("could not reach the group's remote ({}); {KEPT}", plain(d)),
        SyncError::Credentials(d) => format!("the group's remote refused the credentials ({}); {KEPT}", plain(d)),
        SyncError::HostKey => format!("the remote server's ssh host key is not known here; connect once with `ssh` to check and accept it; {KEPT}"),
        SyncError::Timeout(s) => format!("the sync gave up after {s} s without an answer from the remote; {KEPT}"),
        SyncError::Conflict(f) => format!("not syncing: {} was changed both here and on the remote (the same person on two machines?); everything was left as it was — keep one version of the file, then sync again", plain(f)),
        SyncError::Refused(d) => format!("the remote refused the push ({}); {KEPT}", plain(d)),
        SyncError::StillRejected => format!("others kept pushing while this machine tried {} times; {KEPT}", super::RETRIES + 1),
        SyncError::LeaseHeld(l) => format!("{} on {} holds the facilitator lease (since {}, until {}); take it over on purpose with `hotseat meeting --take-over`", plain(&l.holder), plain(&l.host), l.since.format("%Y-%m-%d %H:%M"), l.expires.format("%Y-%m-%d %H:%M")),
        SyncError::Git { what, detail } => format!("git {what} failed in the group folder: {}", plain(detail)),
        SyncError::Store(e) => e.to_string(),
        SyncError::NotEmpty(d) => format!("{} is not empty; join into a new or empty folder (pass --data-dir DIR)", d.display()),
        SyncError::UnknownMember { id, ids } => format!("there is no member \"{}\" in this group (members: {}); nothing was kept", plain(id), plain(&ids.join(", "))),
    }
}

fn plain(s: &str) -> String {
    crate::tui::widgets::printable(s.to_string())
}

fn item_label(item: &Item) -> String {
    match item {
        Item::Group => "group".into(),
        Item::Meeting(id) => format!("meeting {id}"),
        Item::Parking => "parking lot".into(),
        Item::Lease => "lease".into(),
        Item::Setup => "sharing set-up".into(),
        Item::Member(id) => id.clone(),
        Item::Other(p) => p.clone(),
    }
}

fn files(n: usize) -> String {
    crate::model::words::count(n, "file")
}

/// `facilitator: meeting 2026-12-01, group`.
pub fn commit_facilitator(paths: &[String]) -> String {
    let what: Vec<String> = items(paths).iter().map(|(i, _)| item_label(i)).collect();
    format!("facilitator: {}", what.join(", "))
}

/// `ada: progress on 2 steps, prep for 2026-12-01`.
pub fn commit_member(me: &str, w: &MemberChanges) -> String {
    let mut what = Vec::new();
    match w.progress {
        Some(Some(0)) | Some(None) => what.push("progress".to_string()),
        Some(Some(n)) => what.push(format!("progress on {}", crate::model::words::count(n, "step"))),
        None => {}
    }
    if w.goals {
        what.push("goals".into());
    }
    what.extend(w.preps.iter().map(|d| format!("prep for {d}")));
    if w.partners {
        what.push("Hot Team partners".into());
    }
    if w.checkins {
        what.push("check-ins".into());
    }
    if w.other > 0 {
        what.push(if w.other == 1 { "1 other file".into() } else { format!("{} other files", w.other) });
    }
    format!("{me}: {}", what.join(", "))
}

/// Items listed in the one line before the rest is counted.
const MAX_LISTED: usize = 8;

/// The one line: `sent: ada (2 files) · received: meeting 2026-12-01, ben`.
pub fn summary(o: &Outcome) -> String {
    let sent: Vec<String> = items(&o.sent).iter().map(|(i, n)| format!("{} ({})", item_label(i), files(*n))).collect();
    let received: Vec<String> = items(&o.received).iter().map(|(i, _)| item_label(i)).collect();
    let or_nothing = |mut v: Vec<String>| match v.len() {
        0 => "nothing".to_string(),
        n if n > MAX_LISTED => {
            v.truncate(MAX_LISTED - 1);
            format!("{} and {} more", v.join(", "), n - v.len())
        }
        _ => v.join(", "),
    };
    plain(&format!("sent: {} · received: {}", or_nothing(sent), or_nothing(received)))
}

fn owner_words(o: &Owner) -> String {
    match o {
        Owner::Facilitator => "only the facilitator's machine holding the lease writes it".into(),
        Owner::Member(id) => format!("only {id}'s machine writes it"),
        Owner::Nobody => "it is not part of the group's files".into(),
    }
}

/// One line per path left uncommitted.
pub fn left_out(l: &LeftOut) -> String {
    let why = match &l.why {
        Why::NotYours(o) => owner_words(o),
        Why::NotRegular => "a symbolic link or special file is never shared".into(),
    };
    plain(&format!("not sent: {} ({why})", l.path))
}

/// One line per flagged incoming change.
pub fn flag(f: &Flag) -> String {
    let who = f.tag.clone().unwrap_or_else(|| "a commit not made by hotseat".into());
    let text = match f.kind {
        FlagKind::NotTheirs => {
            format!("check: commit {} ({who}) changed {}, which is not {who}'s to write", f.commit, f.path)
        }
        FlagKind::Symlink => format!(
            "check: commit {} ({who}) added {} as a symbolic link; it is kept here as a plain file and never followed",
            f.commit, f.path
        ),
    };
    plain(&text)
}

pub fn set_aside(path: &str) -> String {
    plain(&format!(
        "kept aside: your edit of {path} clashed with an incoming change; the incoming version is in place and your edit is in `git stash list`"
    ))
}

pub const RECOVERED: &str = "recovered: a previous sync was interrupted; it was cleaned up and nothing was lost";

pub fn started(url: &str) -> String {
    plain(&format!("The group is shared with {url}; each member joins with: hotseat join {url} --member ID"))
}

pub fn joined(group: &str, member: &str, data_dir: Option<&str>) -> String {
    let dir = data_dir.map(|d| format!(" --data-dir {d}")).unwrap_or_default();
    plain(&format!("Joined \"{group}\" as {member}. Next: hotseat me{dir} (and hotseat sync{dir} to send and receive)"))
}

pub fn lease(l: &Lease) -> String {
    plain(&format!(
        "{} on {} holds the facilitator lease until {}",
        l.holder,
        l.host,
        l.expires.format("%Y-%m-%d %H:%M")
    ))
}

/// `synced 2 min ago`, `offline: 3 changes waiting`, for a header.
pub fn status_label(s: &SyncStatus, now: DateTime<FixedOffset>) -> String {
    if !s.shared {
        return "not shared".into();
    }
    let offline = s.last_failed.is_some_and(|f| s.last_sync.is_none_or(|ok| f > ok));
    if offline || s.waiting > 0 && s.last_sync.is_none() {
        let n = s.waiting;
        return format!("offline: {n} change{} waiting", if n == 1 { "" } else { "s" });
    }
    match s.last_sync {
        Some(t) => match (now - t).num_minutes() {
            m if m < 1 => "synced just now".into(),
            m if m < 120 => format!("synced {m} min ago"),
            m => format!("synced {} h ago", m / 60),
        },
        None => "not synced yet".into(),
    }
}

pub const SYNCING: &str = "Syncing with the group…";

pub fn not_synced(e: &SyncError) -> String {
    plain(&format!("Not synced: {}. Your changes are kept and go with the next sync.", error(e)))
}
pub const SYNC_LEFT_RUNNING: &str =
    "The sync did not finish in time; the changes are committed here and go with the next `hotseat sync`.";
pub const AUTO_ON: &str = "hotseat meeting and hotseat me now sync quietly on this machine while they run.";
pub const AUTO_OFF: &str =
    "hotseat meeting and hotseat me no longer sync on this machine; run `hotseat sync` when you want to.";

//! The git operations a sync is made of, each mapped to a [`SyncError`] in plain words.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::git::{Failed, Git, Out, first_line, nul_fields};
use super::{BRANCH, REMOTE, SyncError};

/// Written in `.git/` while hotseat runs a rebase: a rebase left behind by a killed sync is
/// hotseat's own, and the next sync may abort it.
pub const REBASE_MARK: &str = "hotseat-rebase";
/// Written in `.git/` while a sync runs: `<hotseat pid> <pid of the running git>`.
pub const RUN_MARK: &str = "hotseat-sync";
/// The list of paths handed to `git add`/`git commit`.
const PATHS_FILE: &str = "hotseat-paths";

/// One line of `git status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The two status letters, e.g. ` M`, `??`, `UU`.
    pub xy: [u8; 2],
    pub path: String,
}

impl Change {
    pub fn unmerged(&self) -> bool {
        matches!(&self.xy, b"UU" | b"AA" | b"DD" | b"AU" | b"UA" | b"DU" | b"UD")
    }
}

/// What a push came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pushed {
    Done,
    /// Someone pushed first: fetch, rebase, retry.
    Behind,
}

pub struct Repo {
    pub git: Git,
    pub root: PathBuf,
    pub branch: String,
}

/// Whether `root` holds its own git repository.
pub fn is_repo(root: &Path) -> bool {
    std::fs::symlink_metadata(root.join(".git")).is_ok_and(|m| m.is_dir())
}

impl Repo {
    /// The repository at `root`, on its current branch (refusing a detached HEAD).
    pub fn open(root: &Path, deadline: Instant) -> Result<Repo, SyncError> {
        Repo::open_with(root, Git::new(root, deadline))
    }

    /// [`Repo::open`] for a sync: each git call is recorded in the run marker (see
    /// `recover.rs`), which [`super::recover::Running`] removes at the end.
    pub fn open_marked(root: &Path, deadline: Instant) -> Result<Repo, SyncError> {
        Repo::open_with(root, Git::new(root, deadline).with_marker(root.join(".git").join(RUN_MARK)))
    }

    fn open_with(root: &Path, git: Git) -> Result<Repo, SyncError> {
        if !is_repo(root) {
            return Err(SyncError::NotARepo);
        }
        let mut repo = Repo { git, root: root.to_path_buf(), branch: BRANCH.to_string() };
        let head = repo.run(&["symbolic-ref", "-q", "--short", "HEAD"])?;
        if !head.ok {
            return Err(SyncError::Detached);
        }
        repo.branch = head.text();
        Ok(repo)
    }

    pub fn git_dir(&self) -> PathBuf {
        self.root.join(".git")
    }

    /// Run git; a call that could not run or finish is an error, a failing one is not.
    pub fn run(&self, args: &[&str]) -> Result<Out, SyncError> {
        self.git.run(args).map_err(|f| self.failed(f))
    }

    /// Run git and require success.
    pub fn ok(&self, args: &[&str]) -> Result<Out, SyncError> {
        let out = self.run(args)?;
        if out.ok { Ok(out) } else { Err(git_error(args, &out)) }
    }

    fn failed(&self, f: Failed) -> SyncError {
        match f {
            Failed::Missing => SyncError::GitMissing,
            Failed::Timeout => SyncError::Timeout(self.git.limit().as_secs()),
        }
    }

    /// The commit `rev` names, if any.
    pub fn rev(&self, rev: &str) -> Option<String> {
        let out = self.git.run(&["rev-parse", "-q", "--verify", &format!("{rev}^{{commit}}")]).ok()?;
        out.ok.then(|| out.text())
    }

    /// `refs/remotes/origin/<branch>`.
    pub fn upstream(&self) -> String {
        format!("refs/remotes/{REMOTE}/{}", self.branch)
    }

    pub fn remote_url(&self) -> Option<String> {
        let out = self.git.run(&["config", "--get", &format!("remote.{REMOTE}.url")]).ok()?;
        (out.ok && !out.text().is_empty()).then(|| out.text())
    }

    /// Every changed, deleted or untracked path (ignored files excluded).
    pub fn status(&self) -> Result<Vec<Change>, SyncError> {
        let out = self.ok(&["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"])?;
        Ok(nul_fields(&out.stdout)
            .filter(|f| f.len() > 3)
            .map(|f| Change { xy: [f.as_bytes()[0], f.as_bytes()[1]], path: f[3..].to_string() })
            .collect())
    }

    /// Commit exactly `paths` (additions, changes, deletions) with `message`. Returns
    /// whether a commit was made.
    pub fn commit(&self, paths: &[String], message: &str) -> Result<bool, SyncError> {
        if paths.is_empty() {
            return Ok(false);
        }
        let list = self.git_dir().join(PATHS_FILE);
        let body: Vec<u8> = paths.iter().flat_map(|p| p.bytes().chain([0])).collect();
        std::fs::write(&list, body).map_err(|e| SyncError::Store(crate::store::StoreError::io(&list, "write", &e)))?;
        let spec = format!("--pathspec-from-file=.git/{PATHS_FILE}");
        let add = self.ok(&["add", "-A", &spec, "--pathspec-file-nul"]);
        let out = add.and_then(|_| {
            self.git
                .run_committing(&["commit", "-q", "--no-verify", "-m", message, &spec, "--pathspec-file-nul"])
                .map_err(|f| self.failed(f))
        });
        let _ = std::fs::remove_file(&list);
        let out = out?;
        if out.ok {
            return Ok(true);
        }
        let text = format!("{}{}", out.stderr, String::from_utf8_lossy(&out.stdout));
        if text.contains("nothing to commit") || text.contains("no changes added") {
            return Ok(false);
        }
        Err(git_error(&["commit"], &out))
    }

    /// Fetch the remote branch.
    pub fn fetch(&self) -> Result<(), SyncError> {
        let out = self.git.run_network(&["fetch", "-q", "--no-tags", REMOTE]).map_err(|f| self.failed(f))?;
        if out.ok { Ok(()) } else { Err(network_error(&out.stderr)) }
    }

    /// Push the branch without force.
    pub fn push(&self) -> Result<Pushed, SyncError> {
        let spec = format!("refs/heads/{b}:refs/heads/{b}", b = self.branch);
        let out =
            self.git.run_network(&["push", "--porcelain", "--no-verify", REMOTE, &spec]).map_err(|f| self.failed(f))?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        if out.ok {
            return Ok(Pushed::Done);
        }
        if stdout.contains("[remote rejected]") {
            let why = stdout.lines().find(|l| l.contains("[remote rejected]")).unwrap_or_default();
            let reason = why.split("[remote rejected]").nth(1).unwrap_or("").trim();
            return Err(SyncError::Refused(reason.trim_matches(['(', ')']).to_string()));
        }
        if stdout.contains("[rejected]") || out.stderr.contains("[rejected]") {
            return Ok(Pushed::Behind);
        }
        Err(network_error(&out.stderr))
    }

    /// Rebase the local commits onto the remote branch. Other people's files this
    /// machine edited by hand are stashed and put back (`--autostash`). On a conflict the
    /// rebase is aborted, everything is as it was, and the error names the file.
    pub fn rebase(&self) -> Result<(), SyncError> {
        self.rebase_with(&[])
    }

    /// [`Repo::rebase`] with extra options (`-Xtheirs`: the local commits win conflicts).
    pub fn rebase_with(&self, extra: &[&str]) -> Result<(), SyncError> {
        let mark = self.git_dir().join(REBASE_MARK);
        let _ = std::fs::write(&mark, format!("{}\n", std::process::id()));
        let upstream = self.upstream();
        let mut args = vec!["rebase", "-q", "--autostash", "--no-verify"];
        args.extend_from_slice(extra);
        args.push(&upstream);
        let out = self.git.run_committing(&args);
        let result = match out {
            Ok(o) if o.ok => Ok(()),
            Ok(o) => {
                let file = self.conflicted().unwrap_or_else(|| first_line(&o.stderr));
                let _ = self.git.run(&["rebase", "--abort"]);
                Err(SyncError::Conflict(file))
            }
            Err(f) => {
                let _ = self.git.run(&["rebase", "--abort"]);
                Err(self.failed(f))
            }
        };
        let _ = std::fs::remove_file(&mark);
        result
    }

    fn conflicted(&self) -> Option<String> {
        let out = self.git.run(&["diff", "--name-only", "-z", "--diff-filter=U"]).ok()?;
        nul_fields(&out.stdout).next()
    }

    /// Paths that differ between two commits.
    pub fn changed(&self, from: &str, to: &str) -> Result<Vec<String>, SyncError> {
        let out = self.ok(&["diff", "--name-only", "-z", "--no-renames", from, to, "--"])?;
        Ok(nul_fields(&out.stdout).collect())
    }

    /// Every path in commit `rev`.
    pub fn all_paths(&self, rev: &str) -> Result<Vec<String>, SyncError> {
        let out = self.ok(&["ls-tree", "-r", "-z", "--name-only", rev])?;
        Ok(nul_fields(&out.stdout).collect())
    }

    /// Whether `a` is an ancestor of `b`.
    pub fn is_ancestor(&self, a: &str, b: &str) -> bool {
        self.git.run(&["merge-base", "--is-ancestor", a, b]).is_ok_and(|o| o.ok)
    }

    /// The content of `path` at `rev`, if it exists there.
    pub fn show(&self, rev: &str, path: &str) -> Option<Vec<u8>> {
        let out = self.git.run(&["show", &format!("{rev}:{path}")]).ok()?;
        out.ok.then_some(out.stdout)
    }
}

/// A failed local git call.
pub fn git_error(args: &[&str], out: &Out) -> SyncError {
    SyncError::Git { what: args.first().unwrap_or(&"").to_string(), detail: first_line(&out.stderr) }
}

/// A failed fetch or push, in the user's terms.
pub fn network_error(stderr: &str) -> SyncError {
    let detail = first_line(stderr);
    let has = |words: &[&str]| words.iter().any(|w| stderr.contains(w));
    if has(&["Host key verification failed", "REMOTE HOST IDENTIFICATION HAS CHANGED"]) {
        SyncError::HostKey
    } else if has(&[
        "Authentication failed",
        "Permission denied (",
        "could not read Username",
        "could not read Password",
        "terminal prompts disabled",
        "The requested URL returned error: 401",
        "The requested URL returned error: 403",
        "Invalid username or password",
    ]) {
        SyncError::Credentials(detail)
    } else {
        SyncError::Unreachable(detail)
    }
}

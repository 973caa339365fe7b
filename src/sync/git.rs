//! Running the `git` binary safely: never a prompt, never a hang.
//!
//! Every call gets stdin from `/dev/null`, prompts and askpass programs disabled, an ssh
//! command in batch mode with a connect timeout (unless the user configured their own),
//! `umask 077` (so git creates files 0600 and folders 0700), its own process group, and
//! a deadline: when it passes, the whole process group is killed.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What a finished git call gave back.
#[derive(Debug, Clone)]
pub struct Out {
    pub ok: bool,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Out {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).trim_end().to_string()
    }
}

/// Why a git call did not finish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failed {
    /// `git` could not be started (not installed).
    Missing,
    /// The deadline passed; the call was killed.
    Timeout,
}

/// The ssh command used when the user has none of their own.
const BATCH_SSH: &str = "ssh -o BatchMode=yes -o ConnectTimeout=10 -o ServerAliveInterval=5 -o ServerAliveCountMax=2";

/// Config passed to every call: shared data never becomes a symlink on this machine,
/// our commits never wait for a signing passphrase, slow http gives up.
const CONFIG: [&str; 6] = [
    "core.symlinks=false",
    "commit.gpgSign=false",
    "http.lowSpeedLimit=1000",
    "http.lowSpeedTime=10",
    "core.quotePath=false",
    "gc.autoDetach=false",
];

/// A git runner for one repository, with one deadline for all its calls.
#[derive(Debug)]
pub struct Git {
    dir: PathBuf,
    deadline: Instant,
    limit: Duration,
    /// `-c user.name=… -c user.email=…` when the user has no identity configured.
    identity: OnceLock<Vec<String>>,
    ssh: OnceLock<Option<String>>,
    /// Where the pid of the running call is written (see `recover.rs`).
    marker: Option<PathBuf>,
}

impl Git {
    pub fn new(dir: &Path, deadline: Instant) -> Git {
        let limit = deadline.saturating_duration_since(Instant::now()) + Duration::from_millis(500);
        Git { dir: dir.to_path_buf(), deadline, limit, identity: OnceLock::new(), ssh: OnceLock::new(), marker: None }
    }

    /// Record each call's process group in `marker`, so a later sync can tell whether a
    /// git started by a killed hotseat is still running.
    pub fn with_marker(mut self, marker: PathBuf) -> Git {
        self.marker = Some(marker);
        self
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// How long all calls together may take.
    pub fn limit(&self) -> Duration {
        self.limit
    }

    /// Seconds left before the deadline.
    pub fn left(&self) -> Duration {
        self.deadline.saturating_duration_since(Instant::now())
    }

    /// Run `git ARGS` in the repository.
    pub fn run(&self, args: &[&str]) -> Result<Out, Failed> {
        self.spawn(args, &[])
    }

    /// Run a git call that creates commits: with a fallback identity when none is set.
    pub fn run_committing(&self, args: &[&str]) -> Result<Out, Failed> {
        let id = self.identity.get_or_init(|| self.fallback_identity());
        let extra: Vec<&str> = id.iter().map(String::as_str).collect();
        self.spawn(args, &extra)
    }

    /// Run a call that talks to the remote: with the batch-mode ssh command.
    pub fn run_network(&self, args: &[&str]) -> Result<Out, Failed> {
        self.ssh.get_or_init(|| self.batch_ssh());
        self.spawn(args, &[])
    }

    fn batch_ssh(&self) -> Option<String> {
        let user_set =
            ["GIT_SSH_COMMAND", "GIT_SSH"].iter().any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()));
        if user_set {
            return None;
        }
        let configured = self.spawn(&["config", "--get", "core.sshCommand"], &[]).is_ok_and(|o| o.ok);
        (!configured).then(|| BATCH_SSH.to_string())
    }

    fn fallback_identity(&self) -> Vec<String> {
        let has = |env: &str, key: &str| {
            std::env::var_os(env).is_some_and(|v| !v.is_empty())
                || self.spawn(&["config", "--get", key], &[]).is_ok_and(|o| o.ok && !o.text().is_empty())
        };
        let mut extra = Vec::new();
        if !has("GIT_AUTHOR_NAME", "user.name") {
            extra.extend(["-c".to_string(), "user.name=hotseat".to_string()]);
        }
        if !has("GIT_AUTHOR_EMAIL", "user.email") && std::env::var_os("EMAIL").is_none() {
            extra.extend(["-c".to_string(), "user.email=hotseat@localhost".to_string()]);
        }
        extra
    }

    fn command(&self, args: &[&str], extra: &[&str]) -> Command {
        let mut c = Command::new("git");
        for kv in CONFIG {
            c.args(["-c", kv]);
        }
        c.args(extra).args(args).current_dir(&self.dir);
        c.env("GIT_TERMINAL_PROMPT", "0")
            // An empty GIT_ASKPASS stops git from asking any askpass program, including
            // core.askPass and SSH_ASKPASS; with terminal prompts off, git then fails.
            .env("GIT_ASKPASS", "")
            .env("SSH_ASKPASS", "")
            .env("SSH_ASKPASS_REQUIRE", "never")
            .env("GCM_INTERACTIVE", "never")
            .env("GIT_EDITOR", "true")
            .env("GIT_SEQUENCE_EDITOR", "true")
            .env("GIT_MERGE_AUTOEDIT", "no")
            .env("GIT_PAGER", "cat")
            .env("GIT_LITERAL_PATHSPECS", "1")
            .env("GIT_OPTIONAL_LOCKS", "0")
            .env("LC_ALL", "C")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE");
        if let Some(Some(ssh)) = self.ssh.get() {
            c.env("GIT_SSH_COMMAND", ssh);
        }
        c.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
        c.process_group(0);
        // SAFETY: umask is async-signal-safe and touches only the child's own state.
        unsafe {
            c.pre_exec(|| {
                libc::umask(0o077);
                Ok(())
            });
        }
        c
    }

    fn spawn(&self, args: &[&str], extra: &[&str]) -> Result<Out, Failed> {
        let left = self.left();
        if left.is_zero() {
            return Err(Failed::Timeout);
        }
        let child = self.command(args, extra).spawn().map_err(|_| Failed::Missing)?;
        let pid = child.id();
        if let Some(m) = &self.marker {
            let _ = std::fs::write(m, format!("{} {pid}\n", std::process::id()));
        }
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(child.wait_with_output());
        });
        let result = match rx.recv_timeout(left) {
            Ok(r) => r,
            Err(_) => {
                // SAFETY: signalling the process group the child leads; it has not been
                // reaped (the waiting thread still holds it), so the id is still ours.
                unsafe { libc::kill(-(pid as libc::pid_t), libc::SIGKILL) };
                let _ = rx.recv_timeout(Duration::from_secs(2));
                return Err(Failed::Timeout);
            }
        };
        let out = result.map_err(|_| Failed::Missing)?;
        Ok(Out {
            ok: out.status.success(),
            stdout: out.stdout,
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        })
    }
}

/// The first meaningful line of git's error output (without `fatal:`/`error:`).
pub fn first_line(stderr: &str) -> String {
    stderr
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("hint:"))
        .map(|l| l.trim_start_matches("fatal: ").trim_start_matches("error: ").to_string())
        .unwrap_or_default()
}

/// NUL-separated fields of `-z` output.
pub fn nul_fields(bytes: &[u8]) -> impl Iterator<Item = String> + '_ {
    bytes.split(|b| *b == 0).filter(|f| !f.is_empty()).map(|f| String::from_utf8_lossy(f).into_owned())
}

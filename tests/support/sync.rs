//! Machines sharing one group through a bare repository in a temp folder, each with its
//! own config folder (where the remembered member lives), git's user configuration
//! isolated from the machine running the tests.

use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Once;

pub const NAME: &str = "Test Runner";
pub const EMAIL: &str = "tests@example.invalid";

/// Git identity and config for everything this test process runs, the library's own git
/// calls included. Set once, before any process is spawned by a test.
pub fn isolate() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let dir = std::env::temp_dir().join(format!("hotseat-sync-tests-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let empty = dir.join("gitconfig");
        std::fs::write(&empty, "").expect("empty git config");
        // SAFETY: done once, before any test spawns a process or reads the environment.
        unsafe {
            std::env::set_var("GIT_CONFIG_GLOBAL", &empty);
            std::env::set_var("GIT_CONFIG_NOSYSTEM", "1");
            for (k, v) in [
                ("GIT_AUTHOR_NAME", NAME),
                ("GIT_AUTHOR_EMAIL", EMAIL),
                ("GIT_COMMITTER_NAME", NAME),
                ("GIT_COMMITTER_EMAIL", EMAIL),
            ] {
                std::env::set_var(k, v);
            }
            std::env::set_var("XDG_CONFIG_HOME", dir.join("library-config"));
            std::env::remove_var("HOTSEAT_DATA_DIR");
            std::env::remove_var("GIT_SSH_COMMAND");
        }
    });
}

/// A shared group: the temp folder, the bare remote.
pub struct Net {
    pub tmp: tempfile::TempDir,
    pub remote: PathBuf,
}

/// One machine: its group folder and its own config folder.
#[derive(Clone)]
pub struct Machine {
    pub dir: PathBuf,
    pub home: PathBuf,
}

impl Net {
    pub fn new() -> Net {
        isolate();
        let tmp = tempfile::tempdir().expect("temp dir");
        let remote = tmp.path().join("remote.git");
        git(tmp.path(), &["init", "-q", "--bare", "-b", "main", remote.to_str().expect("utf-8")]);
        Net { tmp, remote }
    }

    pub fn url(&self) -> String {
        self.remote.display().to_string()
    }

    pub fn machine(&self, name: &str) -> Machine {
        let home = self.tmp.path().join(format!("{name}-home"));
        std::fs::DirBuilder::new().recursive(true).mode(0o700).create(&home).expect("home");
        Machine { dir: self.tmp.path().join(name), home }
    }

    /// The facilitator's machine, with the demo group, sharing it.
    pub fn facilitator(&self, name: &str) -> Machine {
        let m = self.machine(name);
        install_demo(&m.dir);
        let out = m.hs(&["sync", "--remote", &self.url()]);
        assert!(out.status.success(), "start sharing: {}", stderr(&out));
        m
    }

    /// A member's machine, joined.
    pub fn member(&self, name: &str, id: &str) -> Machine {
        let m = self.machine(name);
        let out = m.hs(&["join", &self.url(), "--member", id]);
        assert!(out.status.success(), "join: {}", stderr(&out));
        m
    }
}

/// The bundled demo group, copied without fsync.
pub fn install_demo(root: &Path) {
    for (path, text) in hotseat::store::demo::FILES {
        let target = root.join(path);
        let dir = target.parent().expect("a folder");
        std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir).expect("mkdir");
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&target).expect("new");
        f.write_all(text.as_bytes()).expect("write");
    }
}

impl Machine {
    /// `hotseat ARGS --data-dir DIR` on this machine.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_hotseat"));
        c.args(args)
            .arg("--data-dir")
            .arg(&self.dir)
            .env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", self.home.join("config"))
            .env("XDG_DATA_HOME", self.home.join("data"))
            .env("HOTSEAT_PRIVATE_DIR", self.home.join("private"))
            .env("HOTSEAT_CACHE_DIR", self.home.join("cache"))
            .env_remove("NO_COLOR");
        c
    }

    pub fn hs(&self, args: &[&str]) -> Output {
        self.cmd(args).output().expect("hotseat runs")
    }

    /// `hotseat sync`, which must succeed; its standard output.
    pub fn sync(&self) -> String {
        let out = self.hs(&["sync"]);
        assert!(out.status.success(), "sync in {}: {}", self.dir.display(), stderr(&out));
        stdout(&out)
    }

    pub fn git(&self, args: &[&str]) -> String {
        git(&self.dir, args)
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).expect("readable")
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }

    /// Append a progress entry with a unique note to `members/<id>/progress.json`.
    pub fn add_progress(&self, id: &str, note: &str) {
        let rel = format!("members/{id}/progress.json");
        let mut v: serde_json::Value = std::fs::read(self.path(&rel))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_else(|| serde_json::json!({"version": 1, "entries": []}));
        v["entries"].as_array_mut().expect("entries").push(serde_json::json!({
            "step": "2026-11-17-1", "progress": "partial", "note": note, "at": "2026-11-20T10:00:00+01:00"
        }));
        self.write(&rel, &serde_json::to_string_pretty(&v).expect("json"));
    }

    /// Append a step with id `id` to a meeting file.
    pub fn add_step(&self, meeting: &str, id: &str) {
        let rel = format!("meetings/{meeting}.json");
        let mut v: serde_json::Value = serde_json::from_str(&self.read(&rel)).expect("meeting json");
        let steps = v["steps"].as_array_mut().expect("steps");
        let mut s = steps[0].clone();
        s["id"] = id.into();
        steps.push(s);
        self.write(&rel, &serde_json::to_string_pretty(&v).expect("json"));
    }

    /// Tracked files and their contents.
    pub fn tracked(&self) -> Vec<(String, String)> {
        let list = self.git(&["ls-files", "-z"]);
        let mut out: Vec<(String, String)> = list
            .split('\0')
            .filter(|p| !p.is_empty())
            .map(|p| (p.to_string(), std::fs::read_to_string(self.path(p)).unwrap_or_default()))
            .collect();
        out.sort();
        out
    }

    /// `git status --porcelain` (empty when clean).
    pub fn dirty(&self) -> String {
        self.git(&["status", "--porcelain", "--untracked-files=all"])
    }
}

/// `git ARGS` in `dir`, which must succeed; its standard output.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git").args(args).current_dir(dir).output().expect("git runs");
    assert!(out.status.success(), "git {args:?} in {}: {}", dir.display(), stderr(&out));
    stdout(&out)
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A refusal: exit 1 and one `hotseat: …` sentence on stderr.
pub fn refused(o: &Output) -> String {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(1), "should fail: {err}");
    assert!(err.starts_with("hotseat: ") && err.lines().count() == 1, "one sentence: {err:?}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

/// Every object of the repository at `dir`, printed (`git cat-file -p`), concatenated.
pub fn all_objects(dir: &Path) -> String {
    let list = git(dir, &["rev-list", "--all", "--objects"]);
    let mut text = String::new();
    for line in list.lines() {
        let id = line.split(' ').next().expect("object id");
        text.push_str(&git(dir, &["cat-file", "-p", id]));
        text.push_str(line);
        text.push('\n');
    }
    text
}

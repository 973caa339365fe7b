//! Running the real binary: one sentence on stderr for a refusal, stdout for the rest.

use std::path::{Path, PathBuf};
use std::process::Output;

use hotseat::store::Store;

/// The hotseat binary built for these tests.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_hotseat")
}

/// The facilitator's private folder for every hotseat these tests start (unless a test
/// names its own): never the real one of whoever runs the tests.
pub fn private_dir() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("temp dir")).path()
}

/// The derived-state cache for every hotseat these tests start (unless a test names its
/// own): never the real one.
pub fn cache_dir() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("temp dir")).path()
}

/// `hotseat ARGS` with a clean environment.
pub fn command(args: &[&str]) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::new(bin());
    c.args(args)
        .env_remove("HOTSEAT_DATA_DIR")
        .env_remove("NO_COLOR")
        .env("HOTSEAT_PRIVATE_DIR", private_dir())
        .env("HOTSEAT_CACHE_DIR", cache_dir());
    c
}

/// Run `hotseat ARGS` (see [`command`]) and collect what it wrote.
pub fn output(args: &[&str]) -> Output {
    command(args).output().expect("hotseat runs")
}

pub fn stdout_of(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr_of(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A refusal: exit 1, nothing on stdout, one line on stderr that says `hotseat: …`.
pub fn refused(args: &[&str]) -> String {
    let o = output(args);
    let err = stderr_of(&o);
    assert_eq!(o.status.code(), Some(1), "{args:?} should fail with 1:\n{err}");
    assert_eq!(stdout_of(&o), "", "{args:?} printed to stdout");
    assert!(err.starts_with("hotseat: ") && err.ends_with('\n'), "{args:?}: {err:?}");
    assert_eq!(err.lines().count(), 1, "{args:?}: one sentence: {err:?}");
    assert!(!err.contains("panicked") && !err.contains("backtrace") && !err.contains("Error {"), "{err}");
    err
}

/// A success with nothing on stderr; its stdout.
pub fn ok(args: &[&str]) -> String {
    let o = output(args);
    assert!(o.status.success(), "{args:?} failed: {}", stderr_of(&o));
    assert_eq!(stderr_of(&o), "", "{args:?} wrote to stderr");
    stdout_of(&o)
}

/// A path as a command-line argument.
pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// `hotseat` with `--data-dir`, an isolated home and config folder, UTC and no colour.
pub fn hs(data: &Path, home: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("hotseat").unwrap();
    c.env_remove("HOTSEAT_DATA_DIR")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("HOTSEAT_PRIVATE_DIR", home.join("private"))
        .env("HOTSEAT_CACHE_DIR", home.join("cache"))
        .env("TZ", "UTC")
        .env("NO_COLOR", "1")
        .arg("--data-dir")
        .arg(data);
    c
}

/// A temp folder with a demo group (made by `make`) in `group/` and an empty `home/`.
pub fn cli_folder(make: fn(&Path) -> Store) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("group");
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    make(&data);
    (tmp, data, home)
}

/// Run a command that must succeed; its stdout.
pub fn succeeds(cmd: &mut assert_cmd::Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

/// Run a command that must fail with exit 1, nothing on stdout, and one sentence on
/// stderr containing `msg`.
pub fn fails_with(cmd: &mut assert_cmd::Command, msg: &str) {
    let out = cmd.assert().failure().code(1).stdout("").get_output().stderr.clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains(msg), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one sentence: {err}");
    assert!(!err.contains("panicked"));
}

//! Sharing while the programs run: the facilitator's machine keeps the lease and syncs in
//! the background, a second facilitator machine opens read-only naming the first, and a
//! member whose remote is out of reach keeps working and is told on quitting.

mod support;

use std::time::Duration;

use support::pty::Pty;
use support::sync::{Machine, Net, git};

/// The environment a machine's programs run with (its own home and config folders).
fn env_of(m: &Machine) -> Vec<(String, String)> {
    let home = m.home.display().to_string();
    vec![
        ("HOME".into(), home.clone()),
        ("XDG_CONFIG_HOME".into(), format!("{home}/config")),
        ("XDG_DATA_HOME".into(), format!("{home}/data")),
        ("HOTSEAT_PRIVATE_DIR".into(), format!("{home}/private")),
        ("HOTSEAT_CACHE_DIR".into(), format!("{home}/cache")),
        ("HOTSEAT_SYNC_TIMEOUT".into(), "5".into()),
    ]
}

fn open(m: &Machine, program: &str) -> Pty {
    let env = env_of(m);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let dir = m.dir.to_str().expect("utf-8");
    let args: Vec<&str> = match program {
        "me" => vec!["me", "--data-dir", dir],
        _ => vec!["meeting", "--data-dir", dir],
    };
    Pty::spawn(&args, &env, 200, 30)
}

#[test]
fn the_facilitator_syncs_in_the_background_and_the_header_says_so() {
    let net = Net::new();
    let one = net.facilitator("one");
    let mut p = open(&one, "meeting");
    p.expect("Check-in");
    assert!(p.wait_for("synced just now", Duration::from_secs(15)), "no sync state in the header:\n{}", p.text());
    // The meeting started by opening it went to the remote with the round.
    let pushed = git(&net.remote, &["log", "--format=%s", "main"]);
    assert!(pushed.lines().any(|l| l.starts_with("facilitator:") && l.contains("meeting")), "{pushed}");
    p.send("q");
    p.expect("Quit?");
    p.send("y");
    assert_eq!(p.wait(Duration::from_secs(15)).code(), Some(0));
}

#[test]
fn a_second_facilitator_machine_opens_read_only_naming_the_first() {
    let net = Net::new();
    let one = net.facilitator("one");
    let two = net.machine("two");
    git(net.tmp.path(), &["clone", "-q", "-c", "core.symlinks=false", &net.url(), "two"]);
    let mut p = open(&two, "meeting");
    p.expect("READ-ONLY");
    p.expect("holds the facilitator lease");
    p.expect("--take-over");
    p.send("q");
    p.send("y");
    assert_eq!(p.wait(Duration::from_secs(15)).code(), Some(0));
    // Nothing of the second machine reached the remote.
    let pushed = git(&net.remote, &["log", "--format=%s", "main"]);
    assert_eq!(pushed.lines().filter(|l| l.starts_with("facilitator:")).count(), 1, "{pushed}");

    // Handed over on purpose: the roles swap.
    let out = two.cmd(&["meeting", "--take-over", "--yes"]).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("holds the facilitator lease"));
    one.sync();
    let mut p = open(&one, "meeting");
    p.expect("READ-ONLY");
    p.expect("holds the facilitator lease");
    p.send("q");
    p.send("y");
    assert_eq!(p.wait(Duration::from_secs(15)).code(), Some(0));
}

#[test]
fn take_over_asks_and_refuses_without_a_terminal_or_yes() {
    let net = Net::new();
    let _one = net.facilitator("one");
    let two = net.machine("two");
    git(net.tmp.path(), &["clone", "-q", "-c", "core.symlinks=false", &net.url(), "two"]);
    let before = std::fs::read_to_string(two.dir.join("lease.json")).expect("the first machine's lease");
    let pushed = git(&net.remote, &["rev-parse", "main"]);
    let out = two.cmd(&["meeting", "--take-over"]).stdin(std::process::Stdio::null()).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Take it over on this machine?") && err.contains("--yes"), "{err}");
    assert_eq!(std::fs::read_to_string(two.dir.join("lease.json")).expect("lease"), before, "nothing taken");
    assert_eq!(git(&net.remote, &["rev-parse", "main"]), pushed, "nothing pushed");
}

#[test]
fn a_member_offline_keeps_working_and_is_told_on_quitting() {
    let net = Net::new();
    let _one = net.facilitator("one");
    let ada = net.member("ada-laptop", "ada");
    // The remote goes out of reach.
    std::fs::rename(&net.remote, net.tmp.path().join("gone.git")).expect("rename");
    let mut p = open(&ada, "me");
    p.expect("my view");
    assert!(p.wait_for("offline", Duration::from_secs(15)), "no offline state in the header:\n{}", p.text());
    p.send("q");
    let status = p.wait(Duration::from_secs(20));
    assert_eq!(status.code(), Some(0));
    let out = String::from_utf8_lossy(&p.raw()).into_owned();
    assert!(out.contains("Not synced"), "quitting said nothing of the failed sync:\n{out}");
}

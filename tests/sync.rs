//! Sharing a group through git: a bare repository in a temp folder as the remote, the
//! facilitator's and members' machines as clones, everything offline.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use support::sync::*;

const MEETING: &str = "2030-01-01";

#[test]
fn start_join_and_sync_send_and_receive_by_member_and_meeting() {
    let net = Net::new();
    let f = net.facilitator("fac");
    assert_eq!(f.read(".gitattributes"), "* text=auto eol=lf\n");
    assert!(f.read(".gitignore").contains(".hotseat.lock"));
    let ada = net.member("ada", "ada");
    let mode = |p: &std::path::Path| {
        std::fs::metadata(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())).permissions().mode() & 0o777
    };
    assert_eq!(mode(&ada.path("group.json")), 0o600);
    assert_eq!(mode(&ada.path("members/ada")), 0o700);
    assert_eq!(mode(&ada.dir), 0o700);

    ada.add_progress("ada", "first");
    assert_eq!(ada.sync(), "sent: ada (1 file) · received: nothing\n");
    assert_eq!(ada.git(&["log", "-1", "--format=%s"]), "ada: progress on 1 step\n");

    f.add_step(MEETING, "new-1");
    assert_eq!(f.sync(), "sent: meeting 2030-01-01 (1 file) · received: ada\n");
    assert_eq!(f.git(&["log", "-1", "--format=%s"]), "facilitator: meeting 2030-01-01\n");
    assert_eq!(ada.sync(), "sent: nothing · received: meeting 2030-01-01\n");
    assert_eq!(mode(&ada.path(&format!("meetings/{MEETING}.json"))), 0o600);
    assert_eq!(ada.tracked(), f.tracked());
}

#[test]
fn join_with_an_unknown_member_lists_the_ids_and_keeps_nothing() {
    let net = Net::new();
    net.facilitator("fac");
    let m = net.machine("zed");
    let err = refused(&m.hs(&["join", &net.url(), "--member", "zed"]));
    assert!(err.contains("no member \"zed\"") && err.contains("ada, ben, chloe"), "{err}");
    assert!(!m.dir.exists(), "the half-made clone is removed");
}

#[derive(Debug, Clone)]
enum Op {
    /// Machine 0 is the facilitator, 1 is ada, 2 is ben.
    Change(usize),
    Sync(usize),
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec(prop_oneof![(0..3usize).prop_map(Op::Change), (0..3usize).prop_map(Op::Sync)], 4..10)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]
    #[test]
    fn clones_syncing_in_any_order_converge_and_lose_nothing(ops in ops()) {
        let net = Net::new();
        let m = [net.facilitator("fac"), net.member("ada", "ada"), net.member("ben", "ben")];
        let ids = ["", "ada", "ben"];
        let mut made = Vec::new();
        for (n, op) in ops.iter().enumerate() {
            match op {
                Op::Change(0) => {
                    m[0].add_step(MEETING, &format!("step-{n}"));
                    made.push(format!("step-{n}"));
                }
                Op::Change(i) => {
                    m[*i].add_progress(ids[*i], &format!("note-{n}"));
                    made.push(format!("note-{n}"));
                }
                Op::Sync(i) => {
                    let out = m[*i].sync();
                    prop_assert!(!out.contains("not sent") && !out.contains("check:"), "{}", out);
                }
            }
        }
        for _ in 0..2 {
            for x in &m {
                x.sync();
            }
        }
        let first = m[0].tracked();
        let all: String = first.iter().map(|(_, t)| t.as_str()).collect();
        for want in &made {
            prop_assert!(all.contains(&format!("\"{want}\"")), "{} was lost", want);
        }
        for x in &m {
            prop_assert_eq!(&x.tracked(), &first);
            prop_assert_eq!(x.dirty(), "");
            prop_assert_eq!(x.git(&["stash", "list"]), "");
            prop_assert!(!x.path(".git/rebase-merge").exists() && !x.path(".git/hotseat-sync").exists());
        }
    }
}

#[test]
fn a_stale_base_is_rebased_and_a_push_beaten_by_another_is_retried() {
    let net = Net::new();
    let f = net.facilitator("fac");
    let ada = net.member("ada", "ada");
    // Stale base: ada commits while the facilitator pushes.
    ada.add_progress("ada", "stale");
    f.add_step(MEETING, "meanwhile");
    f.sync();
    assert_eq!(ada.sync(), "sent: ada (1 file) · received: meeting 2030-01-01\n");

    // A push beaten by another: an ssh command (the user's own, so hotseat keeps it) that
    // serves the bare remote and lets the facilitator push just before ada's first push.
    assert!(f.sync().contains("received: ada"));
    f.add_step(MEETING, "racing");
    f.git(&["commit", "-qam", "facilitator: meeting 2030-01-01"]);
    let script = net.tmp.path().join("ssh.sh");
    let mark = net.tmp.path().join("raced");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nfor last; do :; done\ncase \"$last\" in git-receive-pack*) [ -e {m} ] || {{ touch {m}; git -C {f} push -q origin main; }};; esac\nexec sh -c \"$last\"\n",
            m = mark.display(),
            f = f.dir.display()
        ),
    )
    .expect("script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    ada.git(&["remote", "set-url", "origin", &format!("ssh://localhost{}", net.remote.display())]);
    ada.add_progress("ada", "beaten");
    let out = ada.cmd(&["sync"]).env("GIT_SSH_COMMAND", &script).output().expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(mark.exists(), "the facilitator pushed first");
    assert_eq!(stdout(&out), "sent: ada (1 file) · received: meeting 2030-01-01\n");
    assert!(f.sync().contains("received: ada"));
    assert_eq!(f.tracked(), ada.tracked());
}

#[test]
fn a_remote_that_refuses_every_push_loses_nothing() {
    let net = Net::new();
    let f = net.facilitator("fac");
    let ada = net.member("ada", "ada");
    let hook = net.remote.join("hooks/pre-receive");
    std::fs::write(&hook, "#!/bin/sh\necho 'pushes are closed today' >&2\nexit 1\n").expect("hook");
    std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    ada.add_progress("ada", "refused");
    let err = refused(&ada.hs(&["sync"]));
    assert!(err.contains("refused the push") && err.contains("nothing is lost"), "{err}");
    assert_eq!(ada.dirty(), "", "working tree and index clean");
    assert_eq!(ada.git(&["rev-list", "--count", "origin/main..main"]), "1\n", "committed locally");
    std::fs::remove_file(&hook).expect("remove the hook");
    assert_eq!(ada.sync(), "sent: ada (1 file) · received: nothing\n");
    assert!(f.sync().contains("received: ada"));
    assert!(f.read("members/ada/progress.json").contains("refused"));
}

#[test]
fn an_unreachable_remote_is_one_sentence_within_the_timeout() {
    let net = Net::new();
    let ada = {
        net.facilitator("fac");
        net.member("ada", "ada")
    };
    for (n, url) in
        ["/nowhere/at/all.git", "http://127.0.0.1:1/group.git", "ssh://127.0.0.1:1/group.git"].into_iter().enumerate()
    {
        ada.git(&["remote", "set-url", "origin", url]);
        ada.add_progress("ada", &format!("offline-{n}"));
        let t = Instant::now();
        let err = refused(&ada.cmd(&["sync"]).env("HOTSEAT_SYNC_TIMEOUT", "10").output().expect("runs"));
        assert!(t.elapsed() < Duration::from_secs(12), "{url}: {:?}", t.elapsed());
        assert!(err.contains("could not reach") && err.contains("nothing is lost"), "{url}: {err}");
    }
    // A remote that never answers: the sync is killed at its limit.
    ada.git(&["remote", "set-url", "origin", "ssh://example.invalid/group.git"]);
    let t = Instant::now();
    let out = ada.cmd(&["sync"]).env("GIT_SSH_COMMAND", "sleep 60;").env("HOTSEAT_SYNC_TIMEOUT", "2").output();
    let err = refused(&out.expect("runs"));
    assert!(t.elapsed() < Duration::from_secs(6), "{:?}", t.elapsed());
    assert!(err.contains("gave up after 2 s"), "{err}");
    // Nothing lost: all three changes are committed and go out once the remote is back.
    ada.git(&["remote", "set-url", "origin", &net.url()]);
    assert_eq!(ada.git(&["rev-list", "--count", "origin/main..main"]), "3\n");
    assert_eq!(ada.sync(), "sent: ada (1 file) · received: nothing\n");
}

#[test]
fn a_member_editing_meetings_by_hand_sends_only_their_own_files() {
    let net = Net::new();
    let f = net.facilitator("fac");
    let ada = net.member("ada", "ada");
    let meeting = format!("meetings/{MEETING}.json");
    let hand = ada.read(&meeting).replace("Send the investor update", "Send NOTHING");
    ada.write(&meeting, &hand);
    ada.add_progress("ada", "mine");
    let out = ada.sync();
    assert!(out.starts_with("sent: ada (1 file) · received: nothing\n"), "{out}");
    assert!(out.contains(&format!("not sent: {meeting} (only the facilitator's machine")), "{out}");
    f.sync();
    assert!(!f.read(&meeting).contains("Send NOTHING"));

    // The facilitator changes that meeting: ada's hand edit is kept aside, never merged.
    f.add_step(MEETING, "after-hand-edit");
    f.sync();
    let out = ada.sync();
    assert!(out.contains(&format!("kept aside: your edit of {meeting}")), "{out}");
    assert!(ada.read(&meeting).contains("after-hand-edit") && !ada.read(&meeting).contains("<<<<<<<"));
    assert_eq!(ada.dirty(), "");
    assert!(ada.git(&["stash", "show", "-p"]).contains("Send NOTHING"), "the edit is in the stash");
}

#[test]
fn unsafe_repository_states_are_refused_in_one_sentence() {
    let net = Net::new();
    let f = net.facilitator("fac");
    let ada = net.member("ada", "ada");
    ada.git(&["checkout", "-q", "--detach"]);
    assert!(refused(&ada.hs(&["sync"])).contains("detached HEAD"));
    ada.git(&["checkout", "-q", "main"]);
    std::fs::write(ada.path(".git/MERGE_HEAD"), ada.git(&["rev-parse", "HEAD"])).expect("merge head");
    assert!(refused(&ada.hs(&["sync"])).contains("merge is in progress"));
    std::fs::remove_file(ada.path(".git/MERGE_HEAD")).expect("rm");
    std::fs::create_dir(ada.path(".git/rebase-merge")).expect("a user's rebase");
    assert!(refused(&ada.hs(&["sync"])).contains("rebase is in progress"));
    std::fs::remove_dir(ada.path(".git/rebase-merge")).expect("rm");
    f.git(&["remote", "remove", "origin"]);
    assert!(refused(&f.hs(&["sync"])).contains("no remote"));
    let plain = net.machine("plain");
    install_demo(&plain.dir);
    assert!(refused(&plain.hs(&["sync"])).contains("not shared yet"));
}

#[test]
fn a_sync_killed_at_any_moment_is_recovered_by_the_next() {
    let net = Net::new();
    let f = net.facilitator("fac");
    let ada = net.member("ada", "ada");
    let mut rng = 0x2545_f491_u64;
    for round in 0..8 {
        // Something to rebase onto, and something to send.
        f.add_step(MEETING, &format!("kill-step-{round}"));
        f.sync();
        ada.add_progress("ada", &format!("kill-{round}"));
        let mut child = ada.cmd(&["sync"]).stdout(std::process::Stdio::null()).spawn().expect("spawn");
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        std::thread::sleep(Duration::from_millis(5 + rng % 60));
        let _ = child.kill();
        let _ = child.wait();
        let out = ada.sync();
        assert!(out.contains("sent:"), "round {round}: {out}");
        assert!(!ada.path(".git/rebase-merge").exists(), "round {round}");
    }
    f.sync();
    let progress = f.read("members/ada/progress.json");
    for round in 0..8 {
        assert!(progress.contains(&format!("kill-{round}")), "round {round} was lost");
    }
    assert_eq!(ada.tracked(), f.tracked());
    assert_eq!(ada.dirty(), "");
}

#[test]
fn one_facilitator_at_a_time_and_take_over_swaps_the_roles() {
    use hotseat::sync::{LeaseState, Options, SyncError, lease};
    let net = Net::new();
    let one = net.facilitator("one");
    let two = net.machine("two");
    git(net.tmp.path(), &["clone", "-q", "-c", "core.symlinks=false", &net.url(), "two"]);
    let now = chrono::Local::now().fixed_offset();
    let opts = Options::new(now, None);
    let LeaseState::Held(held) = lease::check(&two.dir, now).expect("lease") else { panic!("held by one") };
    assert_eq!(held.host, hotseat::store::lock::hostname());
    assert!(held.expires > now && held.since <= now);
    assert!(matches!(lease::check(&one.dir, now), Ok(LeaseState::Mine(_))));
    match lease::take(&two.dir, &opts) {
        Err(e @ SyncError::LeaseHeld(_)) => assert!(e.to_string().contains("holds the facilitator lease")),
        other => panic!("the second machine took a held lease: {other:?}"),
    }
    // While one holds it, two's meeting edits stay on two.
    let meeting = format!("meetings/{MEETING}.json");
    two.add_step(MEETING, "from-two");
    assert!(two.sync().contains(&format!("not sent: {meeting}")));

    lease::take_over(&two.dir, &opts).expect("taken over");
    assert!(matches!(lease::check(&two.dir, now), Ok(LeaseState::Mine(_))));
    assert!(two.sync().starts_with("sent: meeting 2030-01-01 (1 file)"));
    assert!(one.sync().contains("received: meeting 2030-01-01, lease"));
    assert!(matches!(lease::check(&one.dir, now), Ok(LeaseState::Held(_))));
    one.add_step(MEETING, "from-one");
    assert!(one.sync().contains(&format!("not sent: {meeting}")));
    assert!(!two.read(&meeting).contains("from-one"));
    // Handed back on purpose: one may take it again.
    lease::release(&two.dir, &opts).expect("released");
    one.git(&["checkout", "-q", "--", &meeting]);
    lease::take(&one.dir, &opts).expect("free again");
    assert!(matches!(lease::check(&two.dir, now), Ok(LeaseState::Mine(_))), "two has not synced yet");
    two.sync();
    assert!(matches!(lease::check(&two.dir, now), Ok(LeaseState::Held(_))));
}

#[test]
fn machine_local_files_and_the_remembered_member_reach_no_git_object() {
    let net = Net::new();
    let f = net.facilitator("fac");
    let ada = net.member("ada", "ada");
    let remembered = std::fs::read_to_string(ada.home.join("config/hotseat/members.json")).expect("remembered");
    assert!(remembered.contains("\"ada\""));
    let key = std::fs::canonicalize(&ada.dir).expect("canonical").display().to_string();
    for m in [&f, &ada] {
        m.write("private/notes.json", "SENTINEL-PRIVATE-FOLDER");
        m.write("members/ada/x.private.json", "SENTINEL-PRIVATE-FILE");
        m.write("members/ada/.progress.json.tmp-1-0", "SENTINEL-TEMP");
        m.write(".hotseat.lock", "SENTINEL-LOCK");
        m.write("members.json", &remembered);
    }
    ada.add_progress("ada", "public");
    for m in [&ada, &f, &ada] {
        m.sync();
    }
    for dir in [&f.dir, &ada.dir, &net.remote] {
        let objects = all_objects(dir);
        assert!(objects.contains("public"), "the scan sees the shared data");
        for secret in ["SENTINEL-", key.as_str(), " members.json\n", " private/notes.json\n"] {
            assert!(!objects.contains(secret), "{secret} is in a git object of {}", dir.display());
        }
    }
    // Forced in anyway, it is named by `hotseat check`.
    f.git(&["add", "-f", "private/notes.json"]);
    f.git(&["commit", "-qm", "oops"]);
    let out = f.hs(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("private notes is tracked by git"), "{}", stdout(&out));
}

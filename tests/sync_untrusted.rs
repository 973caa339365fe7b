//! Shared data is untrusted: what anyone who can push writes reaches neither past the group
//! folder nor into the terminal.

mod support;

use std::os::unix::fs::symlink;

use support::sync::*;

/// Bytes that would drive a terminal: ESC, BEL, and CSI as a C1 character.
fn assert_no_control(what: &str, bytes: &[u8]) {
    assert!(!bytes.contains(&0x1b) && !bytes.contains(&0x07), "{what}: {}", String::from_utf8_lossy(bytes));
    assert!(!bytes.windows(2).any(|w| w == [0xc2, 0x9b]), "{what}: C1 CSI");
}

#[test]
fn member_names_with_escape_sequences_reach_no_terminal_through_any_command() {
    let net = Net::new();
    let m = net.machine("group");
    install_demo(&m.dir);
    let mut g: serde_json::Value = serde_json::from_str(&m.read("group.json")).expect("group");
    for member in g["members"].as_array_mut().expect("members") {
        let name = format!("{} \x1b]0;pwned\x07\x1b[31mred\u{9b}0m", member["name"].as_str().expect("name"));
        member["name"] = name.into();
    }
    g["name"] = "Group \x1b]0;pwned\x07".into();
    m.write("group.json", &serde_json::to_string_pretty(&g).expect("json"));
    let commands: &[&[&str]] = &[
        &["member", "list"],
        &["actions"],
        &["actions", "--all", "--member", "ada"],
        &["actions", "--json"],
        &["partners"],
        &["me", "--member", "ada"],
        &["me", "--member", "ben"],
        &["checkin", "--member", "ben", "--note", "on it"],
        &["check"],
        &["export", "todo", "--member", "ada"],
        &["actions", "done", "2030-01-01-4", "--member", "ada"],
        &["checkin", "--member", "ada", "--note", "x", "--partner", "nobody"],
    ];
    let mut shown = String::new();
    for args in commands {
        let out = m.hs(args);
        assert!(!stderr(&out).contains("panicked"), "{args:?}");
        assert_no_control(&format!("{args:?} stdout"), &out.stdout);
        assert_no_control(&format!("{args:?} stderr"), &out.stderr);
        shown.push_str(&stdout(&out));
        shown.push_str(&stderr(&out));
    }
    // The names were printed, made harmless.
    assert!(shown.contains("Ada Okafor \u{FFFD}]0;pwned\u{FFFD}\u{FFFD}[31mred\u{FFFD}0m"), "{shown}");
}

#[test]
fn a_member_folder_that_is_a_symlink_is_never_written_through() {
    let net = Net::new();
    let m = net.machine("group");
    install_demo(&m.dir);
    let outside = net.tmp.path().join("outside");
    std::fs::create_dir(&outside).expect("outside");
    std::fs::rename(m.path("members/ada"), outside.join("ada")).expect("move");
    symlink(outside.join("ada"), m.path("members/ada")).expect("symlink");
    let out = m.hs(&["actions", "done", "2030-01-01-1", "--member", "ada"]);
    let err = refused(&out);
    assert!(err.contains("symbolic link"), "{err}");
    assert!(!outside.join("ada/progress.json").exists(), "nothing was written outside the group folder");
    let check = m.hs(&["check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(stdout(&check).contains("members/ada:1:1: a symbolic link"), "{}", stdout(&check));
}

#[test]
fn a_symlink_pushed_by_a_member_is_a_plain_file_everywhere_else_and_is_flagged() {
    let net = Net::new();
    let f = net.facilitator("fac");
    let ada = net.member("ada", "ada");
    let ben = net.member("ben", "ben");
    let secret = net.tmp.path().join("secret.json");
    std::fs::write(&secret, "{\"version\": 1, \"goals\": [], \"s\": \"SECRET-OUTSIDE\"}").expect("secret");
    // ben bypasses hotseat: a symlink in his folder, and a change to ada's folder.
    std::fs::remove_file(ben.path("members/ben/goals.json")).expect("rm");
    symlink(&secret, ben.path("members/ben/goals.json")).expect("symlink");
    ben.write("members/ada/goals.json", "{\"version\": 1, \"goals\": []}\n");
    ben.git(&["add", "-A"]);
    ben.git(&["commit", "-qm", "ben: goals"]);
    ben.git(&["push", "-q", "origin", "main"]);

    let out = ada.sync();
    assert!(out.contains("(ben) added members/ben/goals.json as a symbolic link"), "{out}");
    assert!(out.contains("(ben) changed members/ada/goals.json, which is not ben's to write"), "{out}");
    let meta = std::fs::symlink_metadata(ada.path("members/ben/goals.json")).expect("exists");
    assert!(meta.is_file(), "checked out as a plain file");
    assert!(!ada.read("members/ben/goals.json").contains("SECRET-OUTSIDE"));
    let check = ada.hs(&["check"]);
    assert!(stdout(&check).contains("shared as a symbolic link"), "{}", stdout(&check));
    let me = ada.hs(&["me", "--member", "ben"]);
    assert!(!stdout(&me).contains("SECRET-OUTSIDE") && !stderr(&me).contains("SECRET-OUTSIDE"));
    assert!(!f.sync().contains("SECRET-OUTSIDE"));
}

#[test]
fn sync_never_commits_a_symlink_of_its_own() {
    let net = Net::new();
    net.facilitator("fac");
    let ada = net.member("ada", "ada");
    symlink("/etc/hostname", ada.path("members/ada/link.json")).expect("symlink");
    let out = ada.sync();
    assert!(out.contains("not sent: members/ada/link.json (a symbolic link or special file is never shared)"), "{out}");
    assert_eq!(ada.git(&["ls-files", "members/ada/link.json"]), "");
}

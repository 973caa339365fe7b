//! Every command of the binary, with good and bad input: exit codes, one-sentence errors
//! on stderr, nothing written when something is refused. `actions` and `check` are in
//! cli_actions_check.rs.

mod support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;

use hotseat::store::Store;
use support::*;

// ----- demo -----

#[test]
fn demo_copies_the_group_into_a_new_folder() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path().join("demo");
    let before = chrono::Local::now().date_naive();
    let out = ok(&["demo", "--no-open", "--data-dir", path_str(&d)]);
    let after = chrono::Local::now().date_naive();
    assert!(out.contains(&format!("The demo group is in {}", d.display())), "{out}");
    assert!(out.contains("hotseat meeting --data-dir"), "{out}");
    assert_eq!(files_under(&d).len(), hotseat::store::demo::FILES.len());
    let checked = ok(&["check", "--data-dir", path_str(&d)]);
    assert_eq!(checked, format!("All {} files in {} are fine.\n", hotseat::store::demo::FILES.len(), d.display()));
    // The demo is moved to today: a meeting today has prep waiting.
    let prep = |day: chrono::NaiveDate| d.join(format!("members/ada/prep/{day}.json")).exists();
    assert!(prep(before) || prep(after));

    // An existing but empty folder is fine too; without a terminal it does not open.
    let e = tmp.path().join("empty");
    fs::create_dir(&e).expect("mkdir");
    let out = ok(&["demo", "--data-dir", path_str(&e)]);
    assert!(out.contains("(Not opening the meeting: this is not a terminal.)"), "{out}");
    assert!(e.join("group.json").exists());
}

#[test]
fn demo_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path().join("mine");
    fs::create_dir(&d).expect("mkdir");
    fs::write(d.join("thesis.txt"), "four years of work").expect("write");
    let err = refused(&["demo", "--no-open", "--data-dir", path_str(&d)]);
    assert!(err.contains("is not empty") && err.contains("nothing of yours is overwritten"), "{err}");
    assert_eq!(files_under(&d), [Path::new("thesis.txt")]);
    assert_eq!(fs::read_to_string(d.join("thesis.txt")).expect("read"), "four years of work");

    let f = tmp.path().join("a-file");
    fs::write(&f, "x").expect("write");
    refused(&["demo", "--no-open", "--data-dir", path_str(&f)]);
    assert_eq!(fs::read(&f).expect("read"), b"x");
}

// ----- init and members -----

#[test]
fn init_creates_a_group_once() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path().join("g");
    let out = ok(&[
        "init",
        "--name",
        "Tuesday Circle",
        "--cadence",
        "weekly",
        "--next",
        "2030-02-05",
        "--data-dir",
        path_str(&d),
    ]);
    assert!(out.contains("Created the group \"Tuesday Circle\""), "{out}");
    let g = Store::new(&d).load_group().expect("group");
    assert_eq!((g.name.as_str(), g.meeting_minutes), ("Tuesday Circle", 120));
    assert_eq!(g.cadence, hotseat::model::Cadence::Weekly);
    assert_eq!(g.next_meeting, Some(date(2030, 2, 5)));
    assert!(g.members.is_empty());

    let before = fs::read(d.join("group.json")).expect("read");
    let err = refused(&["init", "--name", "Another", "--data-dir", path_str(&d)]);
    assert!(err.contains("already holds the group \"Tuesday Circle\"; nothing was changed"), "{err}");
    assert_eq!(fs::read(d.join("group.json")).expect("read"), before);
}

#[test]
fn init_refuses_bad_input_and_writes_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path().join("g");
    let dd = path_str(&d);
    let cases: &[(&[&str], &str)] = &[
        (&["--name", "X", "--cadence", "yearly"], "--cadence must be weekly, biweekly or monthly, not \"yearly\""),
        (&["--name", "X", "--next", "2030-02-30"], "--next must be a date like 2026-12-06, not \"2030-02-30\""),
        (&["--name", "X", "--next", "tomorrow"], "--next must be a date"),
        (&["--name", "X", "--minutes", "5"], "--minutes must be between 10 and 600, not 5"),
        (&["--name", "   "], "the group name is empty"),
        (&["--name", "Bell\u{7}Group"], "the group name contains control characters"),
        (&["--name", "Line\nbreak"], "control characters"),
    ];
    for (extra, want) in cases {
        let mut args = vec!["init"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--data-dir", dd]);
        let err = refused(&args);
        assert!(err.contains(want), "{extra:?}: {err}");
        assert!(!d.join("group.json").exists(), "{extra:?} wrote a group");
    }
}

#[test]
fn member_add_gives_safe_unique_ids() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path().join("g");
    let dd = path_str(&d);
    let err = refused(&["member", "add", "Ada Lovelace", "--data-dir", dd]);
    assert!(err.contains("there is no group in") && err.contains("hotseat init"), "{err}");

    ok(&["init", "--name", "Circle", "--data-dir", dd]);
    assert_eq!(
        ok(&["member", "add", "Ada Lovelace", "--role", "Analyst", "--data-dir", dd]),
        "Added Ada Lovelace as `ada`.\n"
    );
    assert_eq!(ok(&["member", "add", "Ada Byron", "--data-dir", dd]), "Added Ada Byron as `ada-2`.\n");
    assert_eq!(ok(&["member", "add", "../../etc/passwd", "--data-dir", dd]), "Added ../../etc/passwd as `etc`.\n");
    assert_eq!(ok(&["member", "add", "🙂 Zoë Ng", "--data-dir", dd]), "Added 🙂 Zoë Ng as `zoe`.\n");
    assert_eq!(ok(&["member", "add", "Grace Hopper", "--id", "gh", "--data-dir", dd]), "Added Grace Hopper as `gh`.\n");

    let before = fs::read(d.join("group.json")).expect("read");
    let cases: &[(&[&str], &str)] = &[
        (&["Someone", "--id", "ada"], "the id \"ada\" is already Ada Lovelace's"),
        (&["Someone", "--id", "Bad/Id"], "\"Bad/Id\" is not a valid member id"),
        (&["Someone", "--id", ".."], "is not a valid member id"),
        (&["Someone", "--id", ""], "is not a valid member id"),
        (&["Eve\u{7}"], "the member's name contains control characters"),
        (&["Eve\u{1b}[31m"], "control characters"),
        (&["  "], "the member's name is empty"),
        (&["Eve", "--role", "Boss\tLady"], "the role contains control characters"),
    ];
    for (extra, want) in cases {
        let mut args = vec!["member", "add"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--data-dir", dd]);
        let err = refused(&args);
        assert!(err.contains(want), "{extra:?}: {err}");
        assert_eq!(fs::read(d.join("group.json")).expect("read"), before, "{extra:?} changed the group");
    }

    let list = ok(&["member", "list", "--data-dir", dd]);
    assert_eq!(
        list,
        "ada    Ada Lovelace · Analyst\nada-2  Ada Byron\netc    ../../etc/passwd\nzoe    🙂 Zoë Ng\ngh     Grace Hopper\n"
    );
    assert_eq!(ok(&["check", "--data-dir", dd]), format!("The 1 file in {dd} is fine.\n"));
}

#[test]
fn member_list_of_an_empty_group_says_what_to_do() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dd = path_str(tmp.path());
    ok(&["init", "--name", "Circle", "--data-dir", dd]);
    assert!(ok(&["member", "list", "--data-dir", dd]).contains("hotseat member add"));
}

#[test]
fn the_data_folder_comes_from_the_flag_then_the_environment() {
    let tmp = tempfile::tempdir().expect("tmp");
    let env_dir = tmp.path().join("from-env");
    let flag_dir = tmp.path().join("from-flag");
    let o = command(&["init", "--name", "Env"]).env("HOTSEAT_DATA_DIR", &env_dir).output().expect("runs");
    assert!(o.status.success(), "{}", stderr_of(&o));
    assert!(env_dir.join("group.json").exists());
    let o = command(&["init", "--name", "Flag", "--data-dir", path_str(&flag_dir)])
        .env("HOTSEAT_DATA_DIR", &env_dir)
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", stderr_of(&o));
    assert!(flag_dir.join("group.json").exists(), "the flag wins");
}

// ----- meeting and the home screen -----

#[test]
fn meeting_says_what_to_run_first() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path().join("g");
    let dd = path_str(&d);
    let err = refused(&["meeting", "--data-dir", dd]);
    assert!(err.contains("there is no group in") && err.contains("hotseat init --name"), "{err}");

    ok(&["init", "--name", "Circle", "--data-dir", dd]);
    let err = refused(&["meeting", "--data-dir", dd]);
    assert!(err.contains("the group has no members yet") && err.contains("hotseat member add"), "{err}");

    ok(&["member", "add", "Ada Lovelace", "--data-dir", dd]);
    let err = refused(&["meeting", "--data-dir", dd]);
    assert!(err.contains("the meeting needs a terminal"), "{err}");
    assert!(!d.join("meetings").exists(), "no meeting was started without a terminal");
    let err = refused(&["--data-dir", dd]);
    assert!(err.contains("the home screen needs a terminal"), "{err}");
}

// ----- private files under umask 000 -----

#[test]
fn commands_write_private_files_under_umask_000() {
    let tmp = tempfile::tempdir().expect("tmp");
    let run0 = |args: &[&str]| {
        let mut c = std::process::Command::new(bin());
        c.args(args).env_remove("HOTSEAT_DATA_DIR");
        // SAFETY: umask is async-signal-safe; it runs in the child between fork and exec.
        unsafe {
            c.pre_exec(|| {
                libc::umask(0);
                Ok(())
            });
        }
        let o = c.output().expect("runs");
        assert!(o.status.success(), "{args:?}: {}", stderr_of(&o));
    };
    let demo = tmp.path().join("a/b/demo");
    let group = tmp.path().join("c/group");
    run0(&["demo", "--no-open", "--data-dir", path_str(&demo)]);
    run0(&["init", "--name", "Circle", "--data-dir", path_str(&group)]);
    run0(&["member", "add", "Ada Lovelace", "--data-dir", path_str(&group)]);
    let mut checked = 0;
    for root in [tmp.path().join("a"), tmp.path().join("c")] {
        for f in files_under(&root) {
            let mode = fs::metadata(root.join(&f)).expect("meta").permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", f.display());
            let mut dir = root.join(&f);
            while dir.pop() && dir.starts_with(&root) {
                let mode = fs::metadata(&dir).expect("meta").permissions().mode() & 0o777;
                assert_eq!(mode, 0o700, "{}", dir.display());
            }
            checked += 1;
        }
    }
    assert_eq!(checked, hotseat::store::demo::FILES.len() + 1);
    assert_eq!(
        ok(&["check", "--data-dir", path_str(&demo)]),
        format!("All {} files in {} are fine.\n", hotseat::store::demo::FILES.len(), demo.display())
    );
}

//! Every command of the binary, with good and bad input: exit codes, one-sentence errors
//! on stderr, nothing written when something is refused.

mod support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;

use hotseat::model::{ActionStep, Meeting};
use hotseat::store::Store;
use hotseat::store::snapshot::{Context, Strictness};
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
        (&["--name", "X", "--minutes", "5"], "--minutes must be between 30 and 600, not 5"),
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
    assert_eq!(ok(&["check", "--data-dir", dd]), format!("All 1 files in {dd} are fine.\n"));
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

// ----- actions -----

const PROGRESS: [&str; 5] = ["open", "done", "partial", "not_done", "dropped"];

fn json(args: &[&str]) -> Vec<serde_json::Value> {
    let out = ok(args);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    v.as_array().expect("a JSON array").clone()
}

fn field<'a>(v: &'a serde_json::Value, k: &str) -> &'a str {
    v[k].as_str().unwrap_or_else(|| panic!("{k} is a string in {v}"))
}

#[test]
fn actions_lists_open_steps_for_people_and_scripts() {
    let demo = Demo::new();
    let dd = path_str(&demo.root);
    let text = ok(&["actions", "--data-dir", dd]);
    let mut lines = text.lines();
    let header = lines.next().expect("a header");
    assert!(header.starts_with("ID") && header.contains("OWNER") && header.contains("DUE") && header.ends_with("STEP"));
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 7, "{text}");
    assert!(rows.iter().any(|r| r.starts_with("2030-01-01-2  ") && r.contains("ada") && r.contains("2030-01-15")));
    assert!(!text.contains("2030-01-01-3"), "Ben reported that one done");

    let steps = json(&["actions", "--json", "--data-dir", dd]);
    assert_eq!(steps.len(), 7);
    let members: Vec<String> =
        Store::new(&demo.root).load_group().expect("group").members.into_iter().map(|m| m.id).collect();
    for st in &steps {
        assert!(!field(st, "id").is_empty());
        assert!(members.contains(&field(st, "owner").to_string()), "{st}");
        assert!(!field(st, "text").is_empty());
        assert!(st["due"].is_null() || chrono::NaiveDate::parse_from_str(field(st, "due"), "%Y-%m-%d").is_ok(), "{st}");
        assert!(PROGRESS.contains(&field(st, "progress")), "{st}");
        assert!(!["done", "dropped"].contains(&field(st, "progress")), "only open steps: {st}");
    }
    let farid = steps.iter().find(|s| field(s, "id") == "2029-12-18-4").expect("Farid's step");
    assert_eq!(
        (field(farid, "owner"), field(farid, "progress"), field(farid, "due")),
        ("farid", "not_done", "2030-01-01")
    );
    let dev = steps.iter().find(|s| field(s, "id") == "2030-01-01-5").expect("Dev's step");
    assert_eq!(field(dev, "progress"), "partial", "the member's own report counts");

    let ada = json(&["actions", "--json", "--member", "ada", "--data-dir", dd]);
    assert_eq!(ada.iter().map(|s| field(s, "id")).collect::<Vec<_>>(), ["2030-01-01-1", "2030-01-01-2"]);

    let all = json(&["actions", "--json", "--all", "--data-dir", dd]);
    assert_eq!(all.len(), 10, "every step of both meetings");
    let done = all.iter().find(|s| field(s, "id") == "2030-01-01-3").expect("Ben's step");
    assert_eq!(field(done, "progress"), "done");
    assert!(all.iter().any(|s| field(s, "id") == "2029-12-18-1" && field(s, "progress") == "done"));
    let ada_all = ok(&["actions", "--all", "--member", "ada", "--data-dir", dd]);
    assert!(ada_all.contains("2029-12-18-1") && !ada_all.contains("ben"), "{ada_all}");

    let err = refused(&["actions", "--member", "zed", "--data-dir", dd]);
    assert!(
        err.contains("there is no member \"zed\" in this group (members: ada, ben, chloe, dev, elena, farid)"),
        "{err}"
    );
}

#[test]
fn actions_of_a_new_group() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dd = path_str(tmp.path());
    ok(&["init", "--name", "Circle", "--data-dir", dd]);
    assert_eq!(ok(&["actions", "--data-dir", dd]), "No open action steps.\n");
    assert_eq!(ok(&["actions", "--all", "--data-dir", dd]), "No action steps yet.\n");
    assert_eq!(ok(&["actions", "--json", "--data-dir", dd]), "[]\n");
    let err = refused(&["actions", "--member", "ada", "--data-dir", dd]);
    assert!(err.contains("(members: none yet)"), "{err}");
}

/// A group whose open meeting holds `n` steps: far more output than a pipe buffers.
fn big_group(n: usize) -> Demo {
    let demo = Demo::new();
    let store = demo.store();
    let ctx = Context::load(&store, Strictness::Strict).expect("loads");
    let mut m: Meeting = ctx.start_meeting(at(18, 0, 0));
    for i in 0..n {
        m.steps.push(ActionStep {
            id: format!("{}-{}", m.id, i + 1),
            owner: ["ada", "ben", "chloe"][i % 3].to_string(),
            text: format!("Step number {i} with a reasonably long description to fill the pipe"),
            measurable_result: "something you can count".into(),
            due: Some(date(2030, 1, 29)),
            goal: None,
            meeting: m.id.clone(),
            created_at: at(18, 0, 0),
            history: Vec::new(),
        });
    }
    store.save_meeting(&m).expect("saved");
    demo
}

/// `hotseat ARGS | head -1`, in a shell, as a person would type it.
fn piped_to_head(args: &[&str]) -> (String, String, String) {
    let o = std::process::Command::new("bash")
        .arg("-c")
        .arg("\"$@\" | head -1; echo \"${PIPESTATUS[0]}\" >&2")
        .arg("bash")
        .arg(bin())
        .args(args)
        .output()
        .expect("bash runs");
    let err = stderr_of(&o);
    let (msgs, code) = err
        .trim_end()
        .rsplit_once('\n')
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .unwrap_or((String::new(), err.trim().to_string()));
    (stdout_of(&o), msgs, code)
}

#[test]
fn output_cut_short_by_head_is_not_an_error() {
    let demo = big_group(4000);
    let dd = path_str(&demo.root);
    for args in [
        vec!["actions", "--data-dir", dd],
        vec!["actions", "--json", "--data-dir", dd],
        vec!["actions", "--all", "--data-dir", dd],
        vec!["actions", "--all", "--json", "--data-dir", dd],
    ] {
        let (out, err, code) = piped_to_head(&args);
        assert_eq!(out.lines().count(), 1, "{args:?}");
        assert_eq!(err, "", "{args:?} printed an error");
        assert_eq!(code, "0", "{args:?} exit status");
    }
    // The whole output really is larger than a pipe holds.
    assert!(ok(&["actions", "--data-dir", dd]).len() > 256 * 1024);
}

#[test]
fn check_cut_short_by_head_is_not_an_error() {
    let demo = Demo::new();
    // Thousands of problems: conflict copies a sync tool left behind.
    for i in 0..2000 {
        fs::write(demo.path(&format!("meetings/2030-01-01.sync-conflict-2030{i:04}-ABCDEF.json")), "{}")
            .expect("write");
    }
    let dd = path_str(&demo.root);
    let (out, err, code) = piped_to_head(&["check", "--data-dir", dd]);
    assert_eq!(out.lines().count(), 1);
    assert_eq!(err, format!("hotseat: 2000 problems found in {dd}"), "no panic, the verdict stands");
    assert_eq!(code, "1");
    assert!(ok_len(&["check", "--data-dir", dd]) > 256 * 1024, "more than a pipe holds");
}

fn ok_len(args: &[&str]) -> usize {
    output(args).stdout.len()
}

// ----- check -----

#[test]
fn check_reports_a_broken_member_file_and_changes_nothing() {
    let demo = Demo::new();
    let dd = path_str(&demo.root);
    assert_eq!(
        ok(&["check", "--data-dir", dd]),
        format!("All {} files in {dd} are fine.\n", hotseat::store::demo::FILES.len())
    );

    let path = demo.path("members/chloe/goals.json");
    let mut text = fs::read_to_string(&path).expect("read");
    text = text.replacen("\"title\":", "\"title\"", 1);
    fs::write(&path, &text).expect("write");
    let before = files_under(&demo.root)
        .into_iter()
        .map(|f| (f.clone(), fs::read(demo.root.join(f)).expect("read")))
        .collect::<Vec<_>>();

    let o = output(&["check", "--data-dir", dd]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout_of(&o);
    let want = format!("{}:6:15: not valid JSON: expected `:`", path.display());
    assert!(out.starts_with(&want), "{out}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert_eq!(stderr_of(&o), format!("hotseat: 1 problem found in {dd}\n"));

    let err = refused(&["actions", "--data-dir", dd]);
    assert!(err.contains(&want), "{err}");
    let err = refused(&["actions", "--json", "--member", "ada", "--data-dir", dd]);
    assert!(err.contains(&want), "a report needs every file: {err}");

    let after = files_under(&demo.root)
        .into_iter()
        .map(|f| (f.clone(), fs::read(demo.root.join(f)).expect("read")))
        .collect::<Vec<_>>();
    assert_eq!(before, after, "nothing in the folder changed");
}

#[test]
fn check_reports_what_parses_but_makes_no_sense() {
    let demo = Demo::new();
    let dd = path_str(&demo.root);
    let path = demo.path("meetings/2030-01-01.json");
    let text = fs::read_to_string(&path).expect("read");
    // The fourth step belongs to someone who is not a member; a rating is out of range.
    let text =
        text.replacen("\"owner\": \"chloe\"", "\"owner\": \"zed\"", 1).replacen("\"score\": 9", "\"score\": 11", 1);
    fs::write(&path, &text).expect("write");
    fs::write(demo.path("members/ada/goals.json.orig"), "leftover").expect("write");
    fs::set_permissions(demo.path("group.json"), fs::Permissions::from_mode(0o644)).expect("chmod");

    let o = output(&["check", "--data-dir", dd]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout_of(&o);
    let p = path.display().to_string();
    assert!(out.contains(&format!("{p}:120:16: steps[3].owner: \"zed\" is not a member of the group")), "{out}");
    let rating = out.lines().find(|l| l.contains("ratings[")).expect("the rating is reported");
    assert!(
        rating.starts_with(&format!("{p}:")) && rating.ends_with("].score: a rating is 1 to 10, not 11"),
        "{rating}"
    );
    assert!(out.contains("goals.json.orig:1:1: a conflict copy left by a sync tool"), "{out}");
    assert!(out.contains("group.json:1:1: this file can be read by other users of this machine (mode 644)"), "{out}");
    assert!(demo.path("members/ada/goals.json.orig").exists(), "debris is never deleted");
    assert_eq!(stderr_of(&o), format!("hotseat: 4 problems found in {dd}\n"));
}

#[test]
fn check_of_a_folder_that_does_not_exist() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path().join("nope");
    let err = refused(&["check", "--data-dir", path_str(&d)]);
    assert!(err.contains("does not exist"), "{err}");
    assert!(!d.exists(), "check creates nothing");
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

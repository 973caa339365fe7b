//! `hotseat actions` and `hotseat check`, with good and bad input: what they list for
//! people and scripts, output cut short by `head`, and broken files reported without
//! changing them. The other commands are in cli.rs.

mod support;

use std::fs;
use std::os::unix::fs::PermissionsExt;

use hotseat::model::{ActionStep, Meeting};
use hotseat::store::Store;
use hotseat::store::snapshot::{Context, Strictness};
use support::*;

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

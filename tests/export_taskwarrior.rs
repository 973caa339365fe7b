//! `hotseat export taskwarrior` and `hotseat import taskwarrior`, including a round trip
//! through the real Taskwarrior (`task`), with its own TASKRC and TASKDATA.

mod support;

use std::path::Path;
use std::process::Command;

use support::*;

fn setup() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    cli_folder(install_demo)
}

#[test]
fn exports_plain_tasks_without_user_defined_attributes() {
    let (_t, data, home) = setup();
    let out = succeeds(hs(&data, &home).args(["export", "taskwarrior", "--member", "ada"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let tasks = v.as_array().unwrap();
    assert_eq!(tasks.len(), 2);
    let t = &tasks[0];
    assert_eq!(t["description"], "Send the investor update to the 5 warmest leads");
    assert_eq!(t["status"], "pending");
    assert_eq!(t["project"], "northside-leaders");
    assert_eq!(t["due"], "20300112T000000Z", "local midnight (TZ=UTC) in Taskwarrior's format");
    assert_eq!(t["entry"], "20300101T194800Z");
    assert_eq!(t["tags"], serde_json::json!(["hotseat"]));
    assert_eq!(t["annotations"][0]["description"], "hs:2030-01-01-1");
    let keys: Vec<&str> = t.as_object().unwrap().keys().map(String::as_str).collect();
    for k in &keys {
        assert!(
            ["uuid", "description", "status", "entry", "due", "project", "tags", "annotations"].contains(k),
            "unexpected attribute {k}"
        );
    }
    // The same step of the same group always gets the same uuid; another step another.
    let again: serde_json::Value =
        serde_json::from_str(&succeeds(hs(&data, &home).args(["export", "taskwarrior", "--member", "ada"]))).unwrap();
    assert_eq!(again[0]["uuid"], t["uuid"]);
    assert_ne!(tasks[1]["uuid"], t["uuid"]);
}

#[test]
fn import_reads_completed_and_deleted_tasks_that_carry_our_id() {
    let (t, data, home) = setup();
    let file = t.path().join("export.json");
    std::fs::write(
        &file,
        r#"[
{"description":"Send","status":"completed","end":"20300110T120000Z","annotations":[{"entry":"20300101T000000Z","description":"hs:2030-01-01-1"}]},
{"description":"Hand over","status":"deleted","annotations":[{"description":"hs:2030-01-01-2"}]},
{"description":"Not ours","status":"completed"},
{"description":"Pending","status":"pending","annotations":[{"description":"hs:2030-01-01-3"}]}
]"#,
    )
    .unwrap();
    let out = succeeds(hs(&data, &home).args(["import", "taskwarrior", "--member", "ada"]).arg(&file));
    assert!(out.contains("2030-01-01-1  done") && out.contains("2030-01-01-2  dropped"), "{out}");
    let p = std::fs::read_to_string(data.join("members/ada/progress.json")).unwrap();
    assert!(p.contains("completed in Taskwarrior on 2030-01-10") && p.contains("deleted in Taskwarrior"), "{p}");
    // The older one-object-per-line format reads too; nothing new this time.
    let lines = t.path().join("lines.json");
    std::fs::write(&lines, "{\"status\":\"completed\",\"annotations\":[{\"description\":\"hs:2030-01-01-1\"}]}\n")
        .unwrap();
    assert!(
        succeeds(hs(&data, &home).args(["import", "taskwarrior", "--member", "ada"]).arg(&lines))
            .contains("Nothing new")
    );
}

#[test]
fn bad_input_is_one_sentence_and_writes_nothing() {
    let (t, data, home) = setup();
    let before = tree(&data);
    fails_with(hs(&data, &home).args(["export", "taskwarrior", "--member", "nobody"]), "there is no member \"nobody\"");
    let broken = t.path().join("broken.json");
    std::fs::write(&broken, "[\n  {\"status\": \"completed\",\n   \"annotations\": [}\n]\n").unwrap();
    fails_with(
        hs(&data, &home).args(["import", "taskwarrior", "--member", "ada"]).arg(&broken),
        "broken.json:3:20: not `task export` output",
    );
    let empty = t.path().join("empty.json");
    std::fs::write(&empty, "").unwrap();
    fails_with(hs(&data, &home).args(["import", "taskwarrior", "--member", "ada"]).arg(&empty), "the file is empty");
    let wrong = t.path().join("wrong.json");
    std::fs::write(&wrong, "[{\"status\": 3}]").unwrap();
    fails_with(hs(&data, &home).args(["import", "taskwarrior", "--member", "ada"]).arg(&wrong), "task 1: invalid type");
    let theirs = t.path().join("theirs.json");
    std::fs::write(
        &theirs,
        r#"[{"status":"completed","annotations":[{"description":"hs:2030-01-01-1"}]},
{"status":"completed","annotations":[{"description":"hs:2030-01-01-3"}]}]"#,
    )
    .unwrap();
    fails_with(
        hs(&data, &home).args(["import", "taskwarrior", "--member", "ada"]).arg(&theirs),
        "task 2: hs:2030-01-01-3 is not one of Ada Okafor's action steps",
    );
    assert_eq!(changed(&before, &tree(&data)), Vec::<String>::new());
}

/// Taskwarrior, if installed. Under CI it must be.
fn task_cli() -> bool {
    let found = Command::new("sh").arg("-c").arg("command -v task").output().is_ok_and(|o| o.status.success());
    if !found {
        assert!(std::env::var_os("CI").is_none(), "CI must install taskwarrior (see .ci/run)");
        eprintln!("Taskwarrior not installed; skipping the interop test (apt-get install taskwarrior)");
    }
    found
}

fn task(dir: &Path, args: &[&str]) -> String {
    let rc = dir.join("taskrc");
    if !rc.exists() {
        std::fs::write(&rc, "").unwrap();
    }
    let out = Command::new("task")
        .env("HOME", dir)
        .env("TASKRC", &rc)
        .env("TASKDATA", dir.join("data"))
        .env("TZ", "UTC")
        .args(["rc.confirmation=off", "rc.verbose=nothing", "rc.color=off", "rc.hooks=off", "rc.news.version=2.6.0"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "task {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn round_trip_through_real_taskwarrior() {
    if !task_cli() {
        return;
    }
    let (t, data, home) = setup();
    let tw = t.path().join("tw");
    std::fs::create_dir_all(tw.join("data")).unwrap();
    let file = t.path().join("ada.json");
    hs(&data, &home).args(["export", "taskwarrior", "--member", "ada", "--out"]).arg(&file).assert().success();
    task(&tw, &["import", file.to_str().unwrap()]);
    // Taskwarrior has both, with project, tag, due date and our annotation.
    let listed = task(&tw, &["project:northside-leaders", "+hotseat", "status:pending", "count"]);
    assert_eq!(listed.trim(), "2");
    let due = task(&tw, &["due:2030-01-12", "export"]);
    assert!(due.contains("Send the investor update") && due.contains("hs:2030-01-01-1"), "{due}");
    // Importing the same export again updates the same tasks: still two.
    task(&tw, &["import", file.to_str().unwrap()]);
    assert_eq!(task(&tw, &["status:pending", "count"]).trim(), "2");
    // Complete one, delete the other, and read `task export` back.
    task(&tw, &["description:Send", "done"]);
    task(&tw, &["description:Hand", "delete"]);
    let export = t.path().join("export.json");
    std::fs::write(&export, task(&tw, &["export"])).unwrap();
    let out = succeeds(hs(&data, &home).args(["import", "taskwarrior", "--member", "ada"]).arg(&export));
    assert!(out.contains("2030-01-01-1  done") && out.contains("2030-01-01-2  dropped"), "{out}");
    assert_eq!(succeeds(hs(&data, &home).args(["actions", "--member", "ada", "--json"])).trim(), "[]");
}

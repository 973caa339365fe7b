//! The group, managed from the tool (issue 9): member remove, rename and set, a second
//! member of the same name, and `group set`; refusals are one sentence, exit 1.

mod support;

use std::path::{Path, PathBuf};

use support::*;

fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    cli_folder(install_demo_today)
}

fn group_json(data: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(data.join("group.json")).unwrap()).unwrap()
}

fn member<'a>(g: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    g["members"].as_array().unwrap().iter().find(|m| m["id"] == id).unwrap_or_else(|| panic!("no {id}: {g}"))
}

fn owners(data: &Path, home: &Path) -> Vec<String> {
    let out = succeeds(hs(data, home).args(["actions", "--all", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v.as_array().unwrap().iter().map(|s| s["owner"].as_str().unwrap().to_string()).collect()
}

#[test]
fn remove_archives_the_member_and_keeps_their_steps() {
    let (_t, data, home) = setup();
    let before = owners(&data, &home).iter().filter(|o| *o == "ben").count();
    assert!(before > 0);
    let out = succeeds(hs(&data, &home).args(["member", "remove", "ben"]));
    assert!(out.contains("Archived Ben Hartley"), "{out}");
    assert_eq!(owners(&data, &home).iter().filter(|o| *o == "ben").count(), before);
    let list = succeeds(hs(&data, &home).args(["member", "list"]));
    assert!(!list.contains("ben") && list.contains("ada"), "{list}");
    let all = succeeds(hs(&data, &home).args(["member", "list", "--all"]));
    assert!(all.contains("Ben Hartley") && all.contains("(archived)"), "{all}");
    assert!(succeeds(hs(&data, &home).arg("check")).contains("are fine"));
    // A new meeting's attendance leaves them out; old meetings still name them.
    use hotseat::store::snapshot::{Context, Strictness};
    let ctx = Context::load(&hotseat::store::Store::new(&data), Strictness::Strict).unwrap();
    let m = ctx.start_meeting(chrono::Local::now().fixed_offset());
    assert!(m.attendance.iter().all(|a| a.member != "ben") && m.attendance.iter().any(|a| a.member == "ada"));
    assert_eq!(ctx.group.name_of("ben"), "Ben Hartley");
    fails_with(hs(&data, &home).args(["member", "remove", "ben"]), "is archived");
    fails_with(hs(&data, &home).args(["member", "remove", "zed"]), "there is no member \"zed\"");
    fails_with(hs(&data, &home).args(["member", "rename", "zed", "Z"]), "members: ada, chloe");
}

#[test]
fn a_second_member_of_the_same_name_needs_an_id() {
    let (_t, data, home) = setup();
    let before = std::fs::read(data.join("group.json")).unwrap();
    fails_with(
        hs(&data, &home).args(["member", "add", "Ada Okafor"]),
        "there is already a member named \"Ada Okafor\" (ada); add them with --id ada2",
    );
    assert_eq!(std::fs::read(data.join("group.json")).unwrap(), before);
    let out = succeeds(hs(&data, &home).args(["member", "add", "Ada Okafor", "--id", "ada2"]));
    assert!(out.contains("`ada2`"), "{out}");
    fails_with(hs(&data, &home).args(["member", "add", "Someone", "--id", "ada"]), "already");
}

#[test]
fn rename_and_set_change_group_json() {
    let (_t, data, home) = setup();
    succeeds(hs(&data, &home).args(["member", "rename", "ada", "Ada Okafor-Lee"]));
    succeeds(hs(&data, &home).args(["member", "set", "ben", "--role", "CTO", "--department", "Eng"]));
    succeeds(hs(&data, &home).args(["member", "set", "ben", "--reports-to", "ada"]));
    let g = group_json(&data);
    assert_eq!(member(&g, "ada")["name"], "Ada Okafor-Lee");
    assert_eq!(member(&g, "ben")["role"], "CTO");
    assert_eq!(member(&g, "ben")["department"], "Eng");
    assert_eq!(member(&g, "ben")["reports_to"], "ada");
    fails_with(hs(&data, &home).args(["member", "set", "ben", "--reports-to", "zed"]), "no member \"zed\"");
    fails_with(hs(&data, &home).args(["member", "set", "zed", "--role", "X"]), "no member \"zed\"");
    fails_with(hs(&data, &home).args(["member", "set", "ben"]), "say what to set");
    assert_eq!(member(&group_json(&data), "ben")["reports_to"], "ada");
    assert!(succeeds(hs(&data, &home).arg("check")).contains("are fine"));
}

#[test]
fn group_set_changes_the_group_and_refuses_a_past_date() {
    let (_t, data, home) = setup();
    let out = succeeds(hs(&data, &home).args(["group", "set", "--name", "Southside", "--minutes", "90"]));
    assert!(out.contains("Southside") && out.contains("90 min"), "{out}");
    let g = group_json(&data);
    assert_eq!(g["name"], "Southside");
    assert_eq!(g["meeting_minutes"], 90);
    succeeds(hs(&data, &home).args(["group", "set", "--cadence", "monthly", "--pledge", "What is said here stays"]));
    let g = group_json(&data);
    assert_eq!(g["cadence"], "monthly");
    assert_eq!(g["pledge"], "What is said here stays");
    let before = std::fs::read(data.join("group.json")).unwrap();
    fails_with(hs(&data, &home).args(["group", "set", "--next", "2001-01-01"]), "in the past");
    fails_with(hs(&data, &home).args(["group", "set", "--minutes", "5"]), "--minutes");
    fails_with(hs(&data, &home).args(["group", "set", "--cadence", "daily"]), "--cadence");
    fails_with(hs(&data, &home).args(["group", "set"]), "say what to set");
    assert_eq!(std::fs::read(data.join("group.json")).unwrap(), before);
    succeeds(hs(&data, &home).args(["group", "set", "--next", "2999-01-01"]));
    assert_eq!(group_json(&data)["next_meeting"], "2999-01-01");
}

#[test]
fn init_refuses_a_past_next_date() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("g");
    fails_with(hs(&data, tmp.path()).args(["init", "--name", "G", "--next", "2001-01-01"]), "in the past");
    assert!(!data.join("group.json").exists());
}

#[test]
fn a_group_held_by_another_process_is_not_changed() {
    let (_t, data, home) = setup();
    let now = chrono::Local::now().fixed_offset();
    let hotseat::store::lock::Acquired::Mine(_lock) = hotseat::store::lock::acquire(&data, now).unwrap() else {
        panic!("the test takes the lock")
    };
    let before = std::fs::read(data.join("group.json")).unwrap();
    fails_with(hs(&data, &home).args(["member", "remove", "ben"]), "not removing the member now");
    fails_with(hs(&data, &home).args(["member", "rename", "ben", "Benjamin"]), "not renaming the member now");
    fails_with(hs(&data, &home).args(["member", "set", "ben", "--role", "X"]), "not changing the member now");
    fails_with(hs(&data, &home).args(["group", "set", "--name", "X"]), "not changing the group now");
    assert_eq!(std::fs::read(data.join("group.json")).unwrap(), before);
}

#[test]
fn check_flags_an_unknown_reports_to() {
    let (_t, data, home) = setup();
    let text = std::fs::read_to_string(data.join("group.json")).unwrap();
    let text =
        text.replacen("\"name\": \"Ben Hartley\",", "\"name\": \"Ben Hartley\",\n      \"reports_to\": \"zed\",", 1);
    std::fs::write(data.join("group.json"), text).unwrap();
    let out = hs(&data, &home).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"zed\" is not a member of the group"));
}

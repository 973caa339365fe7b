//! The member commands from the command line: what they print, what they write, and
//! one sentence with a non-zero exit for bad input, with nothing written.

mod support;

use std::os::unix::fs::PermissionsExt;

use support::*;

fn setup() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    cli_folder(install_demo_today)
}

#[test]
fn me_prints_my_view_and_remembers_who_i_am_outside_the_group_folder() {
    let (_t, data, home) = setup();
    let before = tree(&data);
    let out = hs(&data, &home).args(["me", "--member", "ada"]).assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("Ada Okafor · my view"), "{out}");
    assert!(out.contains("Send the investor update"), "{out}");
    assert!(!out.contains("dormant enterprise"), "Ben's step must not show: {out}");
    assert_eq!(tree(&data), before, "the group folder is untouched");
    let cfg = home.join(".config/hotseat/members.json");
    let text = std::fs::read_to_string(&cfg).unwrap();
    assert!(text.contains("\"ada\""), "{text}");
    assert_eq!(std::fs::metadata(&cfg).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(std::fs::metadata(cfg.parent().unwrap()).unwrap().permissions().mode() & 0o777, 0o700);
    // Plain `hotseat me` now knows.
    assert!(succeeds(hs(&data, &home).arg("me")).contains("Ada Okafor · my view"));
    // Another group folder does not.
    let other = data.parent().unwrap().join("other");
    install_demo_today(&other);
    fails_with(hs(&other, &home).arg("me"), "which member are you?");
}

#[test]
fn me_refuses_an_unknown_member_and_remembers_nothing() {
    let (_t, data, home) = setup();
    fails_with(hs(&data, &home).args(["me", "--member", "zed"]), "there is no member \"zed\" in this group");
    assert!(!home.join(".config/hotseat/members.json").exists());
}

#[test]
fn actions_done_and_progress_write_only_the_owners_progress() {
    let (_t, data, home) = setup();
    let ada = data.join("members/ada/progress.json");
    assert!(!ada.exists());
    let step = {
        let out = hs(&data, &home).args(["actions", "--member", "ada", "--json"]).output().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        for key in ["id", "owner", "text", "due", "progress"] {
            assert!(v[0].get(key).is_some(), "--json keeps {key}");
        }
        v[0]["id"].as_str().unwrap().to_string()
    };
    assert!(
        succeeds(hs(&data, &home).args(["actions", "done", &step, "--note", "All five sent", "--member", "ada"]))
            .contains("report-back")
    );
    let text = std::fs::read_to_string(&ada).unwrap();
    assert!(text.contains("All five sent") && text.contains("\"done\""), "{text}");
    assert_eq!(std::fs::metadata(&ada).unwrap().permissions().mode() & 0o777, 0o600);
    // `actions --json` now shows it done, so it is no longer open.
    let out = hs(&data, &home).args(["actions", "--member", "ada", "--json", "--all"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = v.as_array().unwrap().iter().find(|r| r["id"] == step.as_str()).unwrap();
    assert_eq!(row["progress"], "done");
    hs(&data, &home).args(["actions", "progress", &step, "partial", "--note", "one bounced"]).assert().success();
    assert!(std::fs::read_to_string(&ada).unwrap().contains("\"partial\""));
}

#[test]
fn actions_done_bad_inputs_write_nothing() {
    let (_t, data, home) = setup();
    let before = tree(&data);
    fails_with(hs(&data, &home).args(["actions", "done", "1999-01-01-9"]), "there is no action step \"1999-01-01-9\"");
    let bens = {
        let out = hs(&data, &home).args(["actions", "--member", "ben", "--json", "--all"]).output().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v[0]["id"].as_str().unwrap().to_string()
    };
    fails_with(
        hs(&data, &home).args(["actions", "done", &bens, "--member", "ada"]),
        "a member reports only on their own steps",
    );
    fails_with(hs(&data, &home).args(["actions", "done", &bens, "--member", "zed"]), "there is no member \"zed\"");
    fails_with(hs(&data, &home).args(["actions", "progress", &bens, "finished"]), "\"finished\" is not a progress");
    fails_with(hs(&data, &home).args(["actions", "progress", &bens, "open"]), "is not a progress");
    fails_with(hs(&data, &home).args(["actions", "done", &bens, "--note", "a\u{7}b"]), "control characters");
    // Remembered as ada: ada cannot mark Ben's step.
    hs(&data, &home).args(["me", "--member", "ada"]).assert().success();
    fails_with(hs(&data, &home).args(["actions", "done", &bens]), "not ada's");
    assert_eq!(tree(&data), before);
    // A broken progress file is reported and left as it is.
    let p = data.join("members/ben/progress.json");
    std::fs::write(&p, "{\"version\": 1,\n \"entries\": [}\n").unwrap();
    let bytes = std::fs::read(&p).unwrap();
    fails_with(hs(&data, &home).args(["actions", "done", &bens, "--member", "ben"]), "progress.json:2:");
    assert_eq!(std::fs::read(&p).unwrap(), bytes);
}

#[test]
fn checkin_appends_to_the_weekly_log() {
    let (_t, data, home) = setup();
    assert!(
        succeeds(hs(&data, &home).args([
            "checkin",
            "--member",
            "ben",
            "--note",
            "Sam ran the review",
            "--on-track",
            "yes"
        ]))
        .contains("Checked in with Elena Sousa for delegation")
    );
    let text = std::fs::read_to_string(data.join("members/ben/checkins.json")).unwrap();
    assert!(text.contains("Sam ran the review") && text.contains("\"on_track\": true"), "{text}");
    // By partner name too.
    hs(&data, &home).args(["checkin", "--member", "ben", "--partner", "Elena", "--note", "again"]).assert().success();
}

#[test]
fn checkin_bad_inputs_write_nothing() {
    let (_t, data, home) = setup();
    let before = tree(&data);
    fails_with(hs(&data, &home).args(["checkin", "--member", "zed", "--note", "x"]), "there is no member \"zed\"");
    fails_with(
        hs(&data, &home).args(["checkin", "--member", "ben", "--note", "x", "--on-track", "maybe"]),
        "--on-track must be yes or no",
    );
    fails_with(hs(&data, &home).args(["checkin", "--member", "ben", "--note", "  "]), "the check-in note is empty");
    fails_with(
        hs(&data, &home).args(["checkin", "--member", "ben", "--partner", "ada", "--note", "x"]),
        "no running Hot Team partnership with \"ada\"",
    );
    fails_with(
        hs(&data, &home).args(["checkin", "--member", "ada", "--note", "x"]),
        "you have no Hot Team partnership yet",
    );
    fails_with(hs(&data, &home).args(["checkin", "--note", "x"]), "which member are you?");
    assert_eq!(tree(&data), before);
}

#[test]
fn partners_lists_partnerships_and_offers_and_add_and_offer_write_my_file() {
    let (_t, data, home) = setup();
    let out = hs(&data, &home).arg("partners").assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("Ben Hartley ↔ Elena Sousa"), "{out}");
    assert!(out.contains("⚑ 2 missed"), "{out}");
    assert!(out.contains("Ben Hartley — available as a Hot Team partner for: negotiation, cold calling"), "{out}");
    assert!(!out.contains("renewal"), "check-in notes stay private: {out}");
    assert!(!out.contains("coach five closers"), "slip words stay with the partner: {out}");

    hs(&data, &home)
        .args([
            "partners",
            "add",
            "--member",
            "ada",
            "--partner",
            "Sam Lee",
            "--skill",
            "public speaking",
            "--day",
            "mon",
        ])
        .assert()
        .success();
    hs(&data, &home).args(["partners", "offer", "--member", "ada", "pitch decks", "fundraising"]).assert().success();
    let text = std::fs::read_to_string(data.join("members/ada/partners.json")).unwrap();
    assert!(
        text.contains("\"outside\": \"Sam Lee\"") && text.contains("\"monday\"") && text.contains("pitch decks"),
        "{text}"
    );
    hs(&data, &home).arg("check").assert().success();

    let before = tree(&data);
    fails_with(
        hs(&data, &home).args(["partners", "add", "--member", "ada", "--partner", "ada", "--skill", "x"]),
        "your own Hot Team partner",
    );
    fails_with(
        hs(&data, &home).args([
            "partners",
            "add",
            "--member",
            "ada",
            "--partner",
            "ben",
            "--skill",
            "x",
            "--day",
            "someday",
        ]),
        "--day must be a day of the week",
    );
    fails_with(
        hs(&data, &home).args(["partners", "add", "--member", "ada", "--partner", "ben", "--skill", " "]),
        "--skill is empty",
    );
    fails_with(
        hs(&data, &home).args(["partners", "offer", "--member", "nobody", "x"]),
        "there is no member \"nobody\"",
    );
    assert_eq!(tree(&data), before);
}

#[test]
fn check_validates_the_hot_team_files() {
    let (_t, data, home) = setup();
    let partners = data.join("members/ben/partners.json");
    let text = std::fs::read_to_string(&partners).unwrap();
    std::fs::write(&partners, text.replace("\"member\": \"elena\"", "\"member\": \"zoe\"")).unwrap();
    let checkins = data.join("members/dev/checkins.json");
    let text = std::fs::read_to_string(&checkins).unwrap();
    std::fs::write(&checkins, text.replacen("\"partnership\": \"p1\"", "\"partnership\": \"p9\"", 1)).unwrap();
    let out = hs(&data, &home).arg("check").assert().failure().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("members/ben/partners.json:9:18") && out.contains("\"zoe\" is not a member of the group"),
        "{out}"
    );
    assert!(out.contains("members/dev/checkins.json:5:22") && out.contains("\"p9\" is not a partnership"), "{out}");
    std::fs::write(&partners, "{\"version\": 1, \"partnerships\": [{\"id\": \"p1\"}]}").unwrap();
    let out = hs(&data, &home).arg("check").assert().failure().get_output().stdout.clone();
    assert!(String::from_utf8(out).unwrap().contains("partners.json:1:"));
}

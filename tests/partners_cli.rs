//! `hotseat partners suggest` and the question before a partnership with someone in the
//! same department or reporting line, from the command line.

mod support;

use support::*;

fn setup() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    cli_folder(install_demo_today)
}

#[test]
fn suggest_lists_who_offers_a_skill_other_departments_first() {
    let (_t, data, home) = setup();
    // Without a member: everyone who offers it, in the group's order, case aside.
    let out = succeeds(hs(&data, &home).args(["partners", "suggest", "--skill", "NEGOTIATION"]));
    assert!(out.starts_with("Who offers NEGOTIATION as a Hot Team partner\n"), "{out}");
    let ben = out.find("Ben Hartley").expect("ben offers it in partners.json and group.json");
    let elena = out.find("Elena Sousa").expect("elena offers it in group.json");
    assert!(ben < elena, "{out}");
    assert!(out.contains("Sales") && out.contains("delegation, negotiation"), "{out}");
    // Elena asks, in Sales like Ben: Ben comes last, marked.
    succeeds(hs(&data, &home).args(["member", "set", "elena", "--department", "sales"]));
    let out = succeeds(hs(&data, &home).args(["partners", "suggest", "--skill", "cold calling", "--member", "ada"]));
    assert!(out.contains("for Ada Okafor: other departments first") && out.contains("Ben Hartley"), "{out}");
    succeeds(hs(&data, &home).args(["partners", "offer", "--member", "chloe", "negotiation"]));
    let out = succeeds(hs(&data, &home).args(["partners", "suggest", "--skill", "negotiation", "--member", "elena"]));
    let chloe = out.find("Chloé Martin").unwrap();
    let ben = out.find("Ben Hartley").unwrap();
    assert!(chloe < ben, "another department first: {out}");
    assert!(out.contains("(your department)"), "{out}");
    assert!(out.lines().skip(1).all(|l| !l.contains("Elena Sousa")), "not the one asking: {out}");
    // Nobody: a sentence, success.
    let out = succeeds(hs(&data, &home).args(["partners", "suggest", "--skill", "juggling"]));
    assert!(out.contains("Nobody in the group offers \"juggling\" yet"), "{out}");
}

#[test]
fn suggest_json_and_bad_input() {
    let (_t, data, home) = setup();
    let out =
        succeeds(hs(&data, &home).args(["partners", "suggest", "--skill", "negotiation", "--member", "ada", "--json"]));
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.iter().map(|r| r["member"].as_str().unwrap()).collect::<Vec<_>>(), ["ben", "elena"]);
    assert_eq!(rows[0]["department"], "Sales");
    assert_eq!(rows[0]["offers"], serde_json::json!(["negotiation", "cold calling"]));
    assert_eq!((rows[0]["same_department"].as_bool(), rows[0]["same_line"].as_bool()), (Some(false), Some(false)));
    let none = succeeds(hs(&data, &home).args(["partners", "suggest", "--skill", "juggling", "--json"]));
    assert_eq!(none.trim(), "[]");

    let before = tree(&data);
    fails_with(
        hs(&data, &home).args(["partners", "suggest", "--skill", "negotiation", "--member", "zed"]),
        "there is no member \"zed\" in this group",
    );
    fails_with(hs(&data, &home).args(["partners", "suggest", "--skill", "  "]), "--skill is empty");
    hs(&data, &home).args(["partners", "suggest"]).assert().failure().code(2);
    assert_eq!(tree(&data), before, "suggest writes nothing");
}

#[test]
fn a_partner_in_my_department_or_line_is_refused_without_a_terminal_unless_yes() {
    let (_t, data, home) = setup();
    succeeds(hs(&data, &home).args(["member", "set", "chloe", "--department", "SALES"]));
    succeeds(hs(&data, &home).args(["member", "set", "dev", "--reports-to", "ada"]));
    let before = tree(&data);
    let add = |partner: &str| {
        let mut c = hs(&data, &home);
        c.args(["partners", "add", "--member", "ben", "--partner", partner, "--skill", "pricing"]).write_stdin("");
        c
    };
    let err =
        String::from_utf8(add("chloe").assert().failure().code(1).stdout("").get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("Chloé Martin works close to you: you are both in Sales")
            && err.contains("Start the partnership anyway?")
            && err.contains("add --yes"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "one sentence: {err}");
    fails_with(
        hs(&data, &home)
            .args(["partners", "add", "--member", "dev", "--partner", "ada", "--skill", "hiring"])
            .write_stdin(""),
        "Ada Okafor works close to you: you report to them;",
    );
    assert_eq!(tree(&data), before, "nothing written");

    let out = succeeds(add("chloe").arg("--yes"));
    assert!(out.contains("pricing with Chloé Martin"), "{out}");
    let text = std::fs::read_to_string(data.join("members/ben/partners.json")).unwrap();
    assert!(text.contains("\"member\": \"chloe\""), "{text}");
    // Another department and line: no question, no --yes needed.
    succeeds(&mut add("farid"));
}

#[test]
fn on_a_terminal_the_question_is_asked_and_only_y_starts_the_partnership() {
    use std::time::Duration;
    use support::pty::Pty;
    let (_t, data, home) = setup();
    succeeds(hs(&data, &home).args(["member", "set", "chloe", "--department", "Sales"]));
    let d = path_str(&data);
    let home = path_str(&home);
    let args = ["partners", "add", "--member", "ben", "--partner", "chloe", "--skill", "pricing", "--data-dir", d];
    for (answer, started) in [("n", false), ("y", true)] {
        let mut p = Pty::spawn(&args, &[("HOME", home)], 120, 10);
        assert!(p.wait_for("[y/N]", Duration::from_secs(10)), "{}", p.text());
        assert!(p.text().contains("you are both in Sales"), "{}", p.text());
        p.send(&format!("{answer}\r"));
        assert!(p.wait(Duration::from_secs(10)).success());
        let text = std::fs::read_to_string(data.join("members/ben/partners.json")).unwrap();
        assert_eq!(text.contains("\"member\": \"chloe\""), started, "{answer}: {text}");
        if !started {
            assert!(p.text().contains("No partnership was started."), "{}", p.text());
        }
    }
}

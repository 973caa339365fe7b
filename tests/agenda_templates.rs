//! Agenda templates: `init --template`, `templates`, `group set --template`, `check` on
//! a hand-edited agenda, and the meeting's phase bar for each template.

mod support;

use hotseat::facilitator::Action;
use support::*;

/// The labels of a template's phases as `hotseat templates` lists them.
fn listed_labels(listing: &str, template: &str) -> Vec<String> {
    let mut lines = listing.lines().skip_while(|l| !l.starts_with(&format!("{template} · ")));
    let phases = lines.nth(1).expect("a Phases line");
    let phases = phases.trim().strip_prefix("Phases:").expect("Phases:").trim();
    phases.split(" · ").map(|p| p.rsplitn(3, ' ').nth(2).expect("label N min").to_string()).collect()
}

fn init(dir: &std::path::Path, template: &str) {
    ok(&["--data-dir", path_str(dir), "init", "--name", "Circle", "--template", template]);
    ok(&["--data-dir", path_str(dir), "member", "add", "Ada Lovelace"]);
    ok(&["--data-dir", path_str(dir), "member", "add", "Ben Okafor"]);
}

#[test]
fn each_template_makes_a_group_whose_listing_and_phase_bar_match() {
    let listing = ok(&["templates"]);
    for t in ["mastermind", "forum", "mentor", "hot-team"] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("g");
        init(&dir, t);
        let labels = listed_labels(&listing, t);
        assert_eq!(labels.len(), 5, "{t}: {labels:?}");
        let mut app = load(&hotseat::store::Store::new(&dir));
        act(&mut app, Action::Start, at(18, 0, 0));
        let screen = text_of(&draw(&app, 80, 24, at(18, 0, 0)));
        let bar = screen.lines().nth(1).unwrap();
        let shown: Vec<String> = bar.split('›').map(|s| s.trim().to_string()).collect();
        assert_eq!(shown, labels, "{t}: the phase bar {bar:?}");
        insta::assert_snapshot!(format!("phase_bar_{t}"), bar.trim_end());
        if t == "mastermind" {
            assert_eq!(labels.join(" · "), "Check-in · Report-back · Prep review · Hot seats · Wrap-up");
        }
    }
}

#[test]
fn an_unknown_template_names_the_templates() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("g");
    let err = refused(&["--data-dir", path_str(&dir), "init", "--name", "X", "--template", "nope"]);
    for t in ["mastermind", "forum", "mentor", "hot-team"] {
        assert!(err.contains(t), "{err}");
    }
    assert!(!dir.join("group.json").exists());
    init(&dir, "mastermind");
    let err = refused(&["--data-dir", path_str(&dir), "group", "set", "--template", "nope"]);
    assert!(err.contains("hot-team"), "{err}");
}

#[test]
fn group_set_changes_the_agenda_and_check_reports_a_bad_edit_with_its_place() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("g");
    init(&dir, "mastermind");
    let out = ok(&["--data-dir", path_str(&dir), "group", "set", "--template", "forum"]);
    assert!(out.contains("forum"), "{out}");
    let group = std::fs::read_to_string(dir.join("group.json")).unwrap();
    assert!(group.contains("\"template\": \"forum\"") && group.contains("Clarifying questions"), "{group}");
    ok(&["--data-dir", path_str(&dir), "check"]);

    let edited = group.replacen("\"share\": 20", "\"share\": 25", 1);
    std::fs::write(dir.join("group.json"), &edited).unwrap();
    let o = output(&["--data-dir", path_str(&dir), "check"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout_of(&o);
    let line = edited.lines().position(|l| l.contains("\"protocol\"")).unwrap() + 1;
    assert!(out.contains(&format!("group.json:{line}:")), "{out}");
    assert!(out.contains("add up to 105"), "{out}");
}

#[test]
fn a_group_without_an_agenda_runs_mastermind() {
    let demo = Demo::new();
    let group = std::fs::read_to_string(demo.path("group.json")).unwrap();
    assert!(!group.contains("\"agenda\""));
    let mut app = load(&demo.store());
    act(&mut app, Action::Start, at(18, 0, 0));
    let screen = text_of(&draw(&app, 80, 24, at(18, 0, 0)));
    assert!(screen.contains(" Check-in  › Report-back › Prep review › Hot seats › Wrap-up"), "{screen}");
}

#[test]
fn turns_are_planned_in_the_templates_own_timeboxes() {
    // hot-team: a 15-minute meeting; the plan keeps 1 min for "Plan" and 2 for the
    // commitment, not mastermind's 5 and 10.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("g");
    init(&dir, "hot-team");
    let mut app = load(&hotseat::store::Store::new(&dir));
    act(&mut app, Action::Start, at(18, 0, 0));
    next(&mut app, at(18, 1, 0));
    next(&mut app, at(18, 2, 0));
    let m = app.meeting.as_ref().unwrap();
    assert_eq!(m.phase, hotseat::model::Phase::PrepReview);
    assert_eq!(m.turn_minutes, 5, "(13 min left − 1 − 2) / 2 partners");
    let screen = text_of(&draw(&app, 80, 24, at(18, 2, 0)));
    assert!(screen.contains("2 turns = 10 min, wrap-up 2 min, ends ~18:14"), "{screen}");
}

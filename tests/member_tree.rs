//! One writer per file: every member action, from the member's view or the command
//! line, changes files only in that member's own folder. The whole group folder (paths,
//! bytes, modification times) is snapshotted before and after each action.

mod support;

use hotseat::member::{MemberAction as A, Screen};
use ratatui::crossterm::event::KeyCode;
use support::*;

fn only_mine(label: &str, me: &str, changes: &[String]) {
    assert!(!changes.is_empty(), "{label}: the action should have written something");
    let mine = format!("members/{me}/");
    for c in changes {
        assert!(c.starts_with(&mine), "{label}: {c} changed, outside {mine}");
        assert!(!c.contains(".tmp-"), "{label}: a temporary file was left: {c}");
    }
}

#[test]
fn each_action_in_the_member_view_changes_only_that_members_folder() {
    let dir = tempfile::tempdir().unwrap();
    let store = install_demo(dir.path());
    let now = evening_before();
    let mut app = load_member(&store, "ada", now);
    let steps: Vec<(&str, Vec<A>, &str)> = vec![
        ("mark done", vec![A::Show(Screen::Steps), A::Mark(hotseat::model::Progress::Done)], "sent"),
        ("add a goal", vec![A::Show(Screen::Goals), A::Add], "Hire a COO"),
        ("goals reviewed", vec![A::Show(Screen::Prep), A::ToggleVision], ""),
        ("add a partnership", vec![A::Show(Screen::Partners), A::Add], "Sam Lee"),
        ("weekly check-in", vec![A::Show(Screen::Partners), A::CheckIn], "first week"),
        ("offers", vec![A::Show(Screen::Partners), A::Offers], "pitching"),
    ];
    for (label, actions, typed) in steps {
        let before = tree(dir.path());
        for a in actions {
            let effects = act(&mut app, a, now);
            hotseat::member::program::run_effects(&mut app, &store, effects, now);
        }
        type_keys(&mut app, typed, now, Some(&store));
        if label == "add a partnership" {
            press(&mut app, key(KeyCode::Tab), now, Some(&store));
            type_keys(&mut app, "fundraising", now, Some(&store));
        }
        if label != "goals reviewed" {
            press(&mut app, key(KeyCode::Enter), now, Some(&store));
        }
        assert!(!app.ui.unsaved && !hotseat::member::MemberApp::is_editing(&app), "{label}: {:?}", app.ui.status);
        only_mine(label, "ada", &changed(&before, &tree(dir.path())));
    }
    // Questions, in the multi-line editor.
    let before = tree(dir.path());
    act(&mut app, A::Show(Screen::Prep), now);
    app.ui.cursors.prep = 3;
    act(&mut app, A::Edit, now);
    press(&mut app, key(KeyCode::Enter), now, Some(&store));
    type_keys(&mut app, "Who should lead the round?", now, Some(&store));
    press(&mut app, ctrl('s'), now, Some(&store));
    only_mine("questions", "ada", &changed(&before, &tree(dir.path())));
    // What the view wrote reads back, and the folder checks clean.
    let again = load_member(&store, "ada", now);
    assert_eq!(again.goals.goals.last().unwrap().title, "Hire a COO");
    assert!(again.prep.questions.iter().any(|q| q == "Who should lead the round?"));
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    let problems = hotseat::store::check::check(dir.path()).problems;
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn each_member_command_changes_only_that_members_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("group");
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    install_demo_today(&data);
    let step = {
        let out = hs(&data, &home).args(["actions", "--member", "ada", "--json"]).output().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v[0]["id"].as_str().unwrap().to_string()
    };
    // Files to import, made from exports.
    let todo = tmp.path().join("todo.txt");
    let out = hs(&data, &home).args(["export", "todo", "--member", "elena"]).output().unwrap();
    let line = String::from_utf8(out.stdout).unwrap().lines().next().unwrap().to_string();
    std::fs::write(&todo, format!("x 2030-01-01 {line}\n")).unwrap();
    let tw = tmp.path().join("tw.json");
    let out = hs(&data, &home).args(["export", "taskwarrior", "--member", "dev"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap().replacen("\"pending\"", "\"completed\"", 1);
    std::fs::write(&tw, text).unwrap();

    let runs: Vec<(&str, Vec<String>)> = vec![
        ("ada", vec!["actions".into(), "done".into(), step.clone(), "--note".into(), "sent".into()]),
        ("ada", vec!["actions".into(), "progress".into(), step.clone(), "partial".into()]),
        ("ben", vec!["checkin".into(), "--member".into(), "ben".into(), "--note".into(), "ok".into()]),
        (
            "chloe",
            vec![
                "partners".into(),
                "add".into(),
                "--member".into(),
                "chloe".into(),
                "--partner".into(),
                "dev".into(),
                "--skill".into(),
                "hiring".into(),
            ],
        ),
        ("chloe", vec!["partners".into(), "offer".into(), "--member".into(), "chloe".into(), "interviews".into()]),
        ("elena", vec!["import".into(), "todo".into(), "--member".into(), "elena".into(), todo.display().to_string()]),
        ("dev", vec!["import".into(), "taskwarrior".into(), "--member".into(), "dev".into(), tw.display().to_string()]),
    ];
    for (me, args) in runs {
        let before = tree(&data);
        hs(&data, &home).args(&args).assert().success();
        only_mine(&args.join(" "), me, &changed(&before, &tree(&data)));
    }
    // Reading commands change nothing at all.
    let before = tree(&data);
    for args in [vec!["me", "--member", "ada"], vec!["partners"], vec!["export", "todo", "--member", "ada"]] {
        hs(&data, &home).args(&args).assert().success();
    }
    let out = tmp.path().join("ada.json");
    hs(&data, &home).args(["export", "taskwarrior", "--member", "ada", "--out"]).arg(&out).assert().success();
    assert_eq!(changed(&before, &tree(&data)), Vec::<String>::new());
}

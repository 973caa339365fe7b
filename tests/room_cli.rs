//! The meeting's life from the command line: `hotseat meeting --reopen` after a close by
//! mistake, `--discard` of a meeting opened by mistake (asks; refuses without a terminal
//! unless `--yes`; never when something was captured).

mod support;

use std::path::Path;

use hotseat::model::{ActionStep, Status};
use hotseat::store::Store;
use hotseat::store::snapshot::{Context, Strictness};
use support::*;

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// Today's meeting, opened (and closed when `close`) by hand, with one step in it.
fn todays_meeting(store: &Store, close: bool, step: bool) -> String {
    let ctx = Context::load(store, Strictness::Strict).unwrap();
    let mut m = ctx.start_meeting(now());
    if step {
        m.steps.push(ActionStep {
            id: format!("{}-1", m.id),
            owner: "ada".into(),
            text: "Call the bank".into(),
            measurable_result: String::new(),
            due: Some(m.date + chrono::Duration::days(14)),
            goal: None,
            meeting: m.id.clone(),
            created_at: now(),
            history: Vec::new(),
        });
    }
    if close {
        m.status = Status::Closed;
        m.closed_at = Some(now());
        m.open_after = Some(ctx.open_after(&m));
    }
    store.save_meeting(&m).unwrap();
    m.id
}

fn data(root: &Path) -> &str {
    root.to_str().unwrap()
}

#[test]
fn reopen_brings_back_todays_closed_meeting_with_everything_in_it() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    let store = install_demo_today(&root);
    let id = todays_meeting(&store, true, true);
    let out = ok(&["meeting", "--reopen", "--data-dir", data(&root)]);
    assert!(out.contains(&format!("Reopened the meeting of {id}")), "{out}");
    let m = Store::new(&root).load_meeting(&id).unwrap();
    assert!(m.is_open() && m.closed_at.is_none() && m.open_after.is_none());
    assert_eq!(m.steps.len(), 1, "everything intact");
    let err = refused(&["meeting", "--reopen", "--data-dir", data(&root)]);
    assert!(err.contains("still open"), "{err}");
}

#[test]
fn reopen_refuses_a_meeting_closed_another_day_and_when_none_closed() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    install_demo(&root);
    let err = refused(&["meeting", "--reopen", "--data-dir", data(&root)]);
    assert!(err.contains("only a meeting closed today"), "{err}");
}

#[test]
fn discard_removes_an_empty_meeting_only_when_told_and_keeps_captured_work() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    let store = install_demo_today(&root);
    let err = refused(&["meeting", "--discard", "--data-dir", data(&root)]);
    assert!(err.contains("no meeting is open"), "{err}");

    let id = todays_meeting(&store, false, false);
    let file = root.join("meetings").join(format!("{id}.json"));
    // Without a terminal it asks nothing: it refuses unless --yes.
    let err = refused(&["meeting", "--discard", "--data-dir", data(&root)]);
    assert!(err.contains("--yes"), "{err}");
    assert!(file.exists());
    let out = ok(&["meeting", "--discard", "--yes", "--data-dir", data(&root)]);
    assert!(out.contains(&format!("Discarded the meeting of {id}")), "{out}");
    assert!(!file.exists());

    let id = todays_meeting(&Store::new(&root), false, true);
    let err = refused(&["meeting", "--discard", "--yes", "--data-dir", data(&root)]);
    assert!(err.contains("holds captured work"), "{err}");
    assert!(root.join("meetings").join(format!("{id}.json")).exists());
    let o = output(&["meeting", "--discard", "--reopen", "--data-dir", data(&root)]);
    assert!(!o.status.success() && stderr_of(&o).contains("cannot be used with"), "{}", stderr_of(&o));
}

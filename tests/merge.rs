//! A file the facilitator writes changed on disk since it was read (a sync brought
//! another copy): hotseat merges instead of overwriting blindly.

mod support;

use std::path::Path;

use chrono::{DateTime, FixedOffset, TimeZone};
use hotseat::facilitator::Facilitator;
use hotseat::facilitator::{Action, App, StatusKind};
use hotseat::model::{ActionStep, FACILITATOR};
use hotseat::store::Store;
use hotseat::store::snapshot::{Context, Strictness};
use support::files::plant_legacy_notes;

fn at(min: i64) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600).unwrap().with_ymd_and_hms(2026, 11, 22, 19, 0, 0).unwrap()
        + chrono::Duration::minutes(min)
}

fn start(root: &Path, store: &Store) -> App {
    hotseat::store::demo::install(root, at(0).date_naive()).unwrap();
    App::new(Context::load(store, Strictness::Lenient).unwrap())
}

fn capture(f: &mut Facilitator, text: &str, now: DateTime<FixedOffset>) {
    f.dispatch(Action::AddStep, now);
    for c in text.chars() {
        f.dispatch(Action::TypeLine(tui_input::InputRequest::InsertChar(c)), now);
    }
    f.dispatch(Action::Submit, now);
}

#[test]
fn a_meeting_changed_elsewhere_is_merged_not_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    let store = Store::new(&root);
    let app = start(&root, &store);
    let mut f = Facilitator::new(app, &store);
    f.dispatch(Action::Start, at(0));
    for _ in 0..3 {
        f.dispatch(Action::Advance, at(1));
    }
    capture(&mut f, "Ours: call the lead investor", at(2));

    // Another copy of the same meeting arrives with a step and a note of its own.
    let id = f.app.meeting.as_ref().unwrap().id.clone();
    let path = store.layout.meeting(&id);
    let mut theirs: hotseat::model::Meeting = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let mut extra: ActionStep = theirs.steps[0].clone();
    extra.text = "Theirs: send the deck".into();
    theirs.steps[0] = extra;
    std::fs::write(&path, hotseat::store::decode::encode(&theirs)).unwrap();
    // As an older hotseat on the other machine would have written it: with a private note.
    plant_legacy_notes(&store, &id, &[("ada", FACILITATOR, "written on the other machine")]);

    capture(&mut f, "Ours again: book the board call", at(3));
    let status = f.app.ui.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Warning, "{}", status.text);
    assert!(status.text.contains("merged"), "{}", status.text);
    let on_disk = store.load_meeting(&id).unwrap();
    let texts: Vec<&str> = on_disk.steps.iter().map(|s| s.text.as_str()).collect();
    for t in ["Ours: call the lead investor", "Theirs: send the deck", "Ours again: book the board call"] {
        assert!(texts.contains(&t), "{t} missing from {texts:?}");
    }
    let ids: std::collections::HashSet<&str> = on_disk.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), on_disk.steps.len(), "step ids stay unique");
    // The note is kept, in memory (and the facilitator's own folder), never in the shared file.
    let mine = f.app.meeting.as_ref().unwrap();
    assert!(mine.private_notes.iter().any(|n| n.text.contains("other machine")));
    assert!(on_disk.private_notes.is_empty(), "the shared meeting file holds no private note");
    assert!(!std::fs::read_to_string(&path).unwrap().contains("other machine"));
    assert!(!f.app.ui.unsaved);
}

#[test]
fn a_group_changed_elsewhere_keeps_its_new_member_and_our_next_date() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    let store = Store::new(&root);
    let app = start(&root, &store);
    let mut f = Facilitator::new(app, &store);
    f.dispatch(Action::Start, at(0));
    for _ in 0..9 {
        f.dispatch(Action::Advance, at(5));
    }
    // A member was added on another machine while the meeting ran.
    let mut g = Store::new(&root).load_group().unwrap();
    g.members.push(hotseat::model::Member {
        id: "grace".into(),
        name: "Grace Hopper".into(),
        role: String::new(),
        department: String::new(),
        offers: Vec::new(),
        reports_to: None,
    });
    std::fs::write(store.layout.group(), hotseat::store::decode::encode(&g)).unwrap();
    while f.app.in_meeting() {
        f.dispatch(Action::Advance, at(100));
        // Closing asks: `y`.
        f.dispatch(Action::Confirm, at(100));
    }
    let g = Store::new(&root).load_group().unwrap();
    assert!(g.member("grace").is_some(), "the member added elsewhere was kept");
    assert_eq!(g.next_meeting, f.app.meeting.as_ref().unwrap().next_meeting);
    assert!(!f.app.ui.unsaved);
}

#[test]
fn a_members_update_synced_mid_meeting_is_picked_up() {
    use hotseat::model::{MemberProgress, Progress, ProgressFile};
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("g");
    let store = Store::new(&root);
    let app = start(&root, &store);
    let mut f = Facilitator::new(app, &store);
    f.dispatch(Action::Start, at(0));
    f.dispatch(Action::Advance, at(1));
    let step = hotseat::facilitator::queries::report_items(&f.app).into_iter().find(|s| s.owner == "chloe").unwrap();
    assert_eq!(hotseat::facilitator::queries::progress_now(f.app.meeting.as_ref().unwrap(), &step), Progress::Open);

    // The loop's first tick, after the first frame, notes the members' files as loaded.
    hotseat::tui::run::on_clock(&mut f, at(1), None).unwrap();
    // Chloé marks her step done on her laptop; the sync brings her progress file.
    let file = ProgressFile {
        version: 1,
        entries: vec![MemberProgress {
            step: step.id.clone(),
            progress: Progress::Done,
            note: "Five interviews".into(),
            at: at(1),
        }],
    };
    std::fs::write(store.layout.progress("chloe"), hotseat::store::decode::encode(&file)).unwrap();
    hotseat::tui::run::on_clock(&mut f, at(2), None).unwrap();

    let step = hotseat::facilitator::queries::report_items(&f.app).into_iter().find(|s| s.id == step.id).unwrap();
    let m = f.app.meeting.as_ref().unwrap();
    assert_eq!(
        hotseat::facilitator::queries::reported(m, &step),
        (Progress::Done, hotseat::facilitator::queries::Reported::ByMember)
    );
    assert_eq!(m.phase, hotseat::model::Phase::ReportBack, "the meeting itself is untouched");
}

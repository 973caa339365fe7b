//! Confidentiality: a member's view, summary and exports never hold another member's
//! steps, prep, goals, progress notes, check-ins or private notes, nor the facilitator's
//! private notes about anyone. Sentinel strings are planted in all of those; the member's
//! own step and own note are planted too, and must show, so the test can see what it
//! looks for.

mod support;

use hotseat::member::state::PrepField;
use hotseat::member::{MemberAction as A, MemberApp, Screen};
use hotseat::model::{ActionStep, Checkin, MemberProgress, Progress};
use hotseat::store::Store;
use support::*;

const SECRET: &str = "SENTINEL";

fn plant(store: &Store) {
    let t = moment("2030-01-01T20:00:00+00:00");
    let mut m = store.load_meeting("2030-01-01").unwrap();
    let step = |id: &str, owner: &str, text: &str| ActionStep {
        id: id.into(),
        owner: owner.into(),
        text: text.into(),
        measurable_result: format!("{text}-RESULT"),
        due: Some(day("2030-01-10")),
        goal: None,
        meeting: "2030-01-01".into(),
        created_at: t,
        history: Vec::new(),
    };
    let bens = step("2030-01-01-90", "ben", "SENTINEL-BEN-STEP");
    let mine = step("2030-01-01-91", "ada", "ADA-OWN-STEP");
    m.steps.push(bens.clone());
    m.steps.push(mine.clone());
    m.open_after.get_or_insert_with(Vec::new).extend([bens, mine]);
    m.reviews.push(hotseat::model::Review {
        step: "2029-12-18-3".into(),
        progress: Progress::Partial,
        note: "ELENA-OWN-REVIEW".into(),
        at: t,
    });
    store.save_meeting(&m).unwrap();
    // Notes an older hotseat left in the shared meeting file: never read into the view.
    plant_legacy_notes(
        store,
        &m.id,
        &[
            ("ada", "facilitator", "SENTINEL-FACILITATOR-ABOUT-ADA"),
            ("ben", "facilitator", "SENTINEL-FACILITATOR-ABOUT-BEN"),
            ("ben", "ben", "SENTINEL-BEN-SELF-NOTE"),
            ("ada", "ben", "SENTINEL-BEN-ABOUT-ADA"),
            ("ada", "ada", "SENTINEL-ADA-LEGACY-NOTE"),
        ],
    );

    let mut prep = store.load_prep("ben", day(ANCHOR)).unwrap().unwrap();
    prep.walk_away = "SENTINEL-BEN-PREP".into();
    prep.questions.push("SENTINEL-BEN-QUESTION".into());
    store.save_prep("ben", &prep).unwrap();
    let mut goals = store.load_goals("ben").unwrap();
    goals.goals[0].slip_words = "SENTINEL-BEN-GOAL".into();
    store.save_goals("ben", &goals).unwrap();
    let mut progress = store.load_progress("ben").unwrap();
    progress.entries.push(MemberProgress {
        step: "2030-01-01-90".into(),
        progress: Progress::Partial,
        note: "SENTINEL-BEN-PROGRESS".into(),
        at: t,
    });
    store.save_progress("ben", &progress).unwrap();
    let mut log = store.load_checkins("ben").unwrap();
    log.checkins.push(Checkin {
        partnership: "p1".into(),
        on: day("2030-01-02"),
        at: t,
        note: "SENTINEL-BEN-CHECKIN".into(),
        on_track: Some(false),
    });
    store.save_checkins("ben", &log).unwrap();
}

/// Every screen, with the cursor on every row, and every overlay, at two sizes.
fn every_screen(app: &MemberApp) -> String {
    let now = evening_before();
    let mut out = String::new();
    for screen in Screen::ALL {
        let mut a = app.clone();
        hotseat::member::update(&mut a, A::Show(screen), now);
        for row in 0..8 {
            a.ui.cursors = hotseat::member::state::Cursors {
                steps: row,
                goals: row,
                prep: row % PrepField::ALL.len(),
                partners: row,
            };
            out.push_str(&member_shown(&a, now));
            out.push_str(&member_shown_at(&a, now, 200, 60));
            for overlay in [A::Help, A::Mark(Progress::Done), A::Add, A::Edit, A::CheckIn, A::Offers] {
                let mut b = a.clone();
                hotseat::member::update(&mut b, overlay, now);
                out.push_str(&member_shown_at(&b, now, 200, 60));
            }
        }
    }
    out
}

#[test]
fn the_member_view_holds_nothing_of_anyone_else() {
    let dir = tempfile::tempdir().unwrap();
    let store = install_demo(dir.path());
    plant(&store);
    let app = load_member(&store, "ada", evening_before());
    // Not on screen, and not even in memory.
    let shown = every_screen(&app);
    assert!(shown.contains("ADA-OWN-STEP"), "the control step must show");
    assert!(!shown.contains("ELENA-OWN-REVIEW"), "a review of Elena's step is Elena's");
    assert!(!shown.contains(SECRET), "{}", shown.lines().find(|l| l.contains(SECRET)).unwrap());
    let memory = format!("{app:?}");
    assert!(memory.contains("ADA-OWN-STEP"));
    assert!(!memory.contains(SECRET), "another member's text was loaded into the member's view");
}

#[test]
fn the_partner_sees_neither_check_in_notes_nor_steps_of_the_member_who_chose_them() {
    let dir = tempfile::tempdir().unwrap();
    let store = install_demo(dir.path());
    plant(&store);
    // Elena is Ben's partner: she sees the partnership, not Ben's private things.
    let app = load_member(&store, "elena", evening_before());
    let shown = every_screen(&app);
    assert!(shown.contains("Ben Hartley has you as Hot Team partner"));
    assert!(shown.contains("ELENA-OWN-REVIEW"), "her own step's review shows");
    assert!(!shown.contains(SECRET), "{}", shown.lines().find(|l| l.contains(SECRET)).unwrap_or(""));
}

#[test]
fn summary_and_exports_hold_nothing_of_anyone_else() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("group");
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let store = install_demo(&data);
    plant(&store);
    let mut all = String::new();
    for args in [
        vec!["me", "--member", "ada"],
        vec!["export", "todo", "--member", "ada"],
        vec!["export", "taskwarrior", "--member", "ada"],
        vec!["partners"],
    ] {
        let out = hs(&data, &home).args(&args).assert().success().get_output().clone();
        all.push_str(&String::from_utf8(out.stdout).unwrap());
        all.push_str(&String::from_utf8(out.stderr).unwrap());
    }
    assert!(all.contains("ADA-OWN-STEP"), "{all}");
    assert!(!all.contains("ELENA-OWN-REVIEW"));
    assert!(!all.contains(SECRET), "{}", all.lines().find(|l| l.contains(SECRET)).unwrap());
}

//! Property tests of the facilitator's app. Random keys, pastes, resizes (1×1 to
//! 300×100) and clock ticks fed through `keymap::lookup` → `update` → `ui::view` never
//! panic and keep the app's invariants. The file round trips are in round_trip.rs, the
//! member's view in member_props.rs.
//!
//! Case counts are kept moderate so the suite stays quick on two cores; set
//! `PROPTEST_CASES` to run more.

mod support;

use chrono::{DateTime, Duration, FixedOffset};
use hotseat::facilitator::keymap::lookup;
use hotseat::facilitator::{Action, App, Effect, Overlay, queries, update};
use hotseat::model::{Meeting, Phase, Turn};
use hotseat::store::decode::{decode, encode};
use hotseat::store::{Store, check};
use proptest::prelude::*;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
use support::arb::*;
use support::*;

const SEQUENCE_CASES: u32 = 48;

// ----- random input against the app -----

#[derive(Debug, Clone)]
enum Input {
    Key(Event),
    /// A few keys that mean something together (capture a step, remove one, a note).
    Keys(Vec<Event>),
    Paste(String),
    Resize(u16, u16),
    /// Let this many milliseconds pass, then the clock ticks.
    Wait(i64),
}

fn chord() -> impl Strategy<Value = Vec<Event>> {
    let typed = |t: String| t.chars().map(|c| key(KeyCode::Char(c))).collect::<Vec<_>>();
    prop_oneof![
        text().prop_map(move |t| {
            let mut v = vec![key(KeyCode::Char('a'))];
            v.extend(typed(t));
            v.push(key(KeyCode::Enter));
            v
        }),
        Just(vec![key(KeyCode::Char('x')), key(KeyCode::Char('y'))]),
        text().prop_map(|t| vec![key(KeyCode::Char('n')), Event::Paste(t), key(KeyCode::Esc)]),
        Just(vec![key(KeyCode::Char(']')); 3]),
        Just(vec![key(KeyCode::Char('q')), key(KeyCode::Char('n'))]),
    ]
}

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        20 => (key_code(), modifiers()).prop_map(|(c, m)| Input::Key(Event::Key(KeyEvent::new(c, m)))),
        4 => chord().prop_map(Input::Keys),
        2 => text().prop_map(Input::Paste),
        2 => prop_oneof![
            (1u16..=300, 1u16..=100),
            (55u16..=85, 17u16..=26),
            Just((1, 1)),
            Just((300, 100)),
            Just((60, 20)),
        ]
        .prop_map(|(w, h)| Input::Resize(w, h)),
        3 => prop_oneof![0i64..2_000, 0i64..400_000, Just(3_600_000)].prop_map(Input::Wait),
    ]
}

fn check_invariants(app: &App, now: DateTime<FixedOffset>) -> Result<(), TestCaseError> {
    let Some(m) = &app.meeting else { return Ok(()) };
    let running: Vec<&Turn> = m.turns.iter().filter(|t| t.is_running()).collect();
    prop_assert!(running.len() <= 1, "{} turns running", running.len());
    if let Some(t) = running.first() {
        prop_assert_eq!(m.hot_seat.as_deref(), Some(t.member.as_str()), "a running turn is the hot seat's");
        prop_assert_eq!(m.phase, Phase::HotSeats);
    }
    match &m.hot_seat {
        Some(h) => {
            prop_assert_eq!(m.phase, Phase::HotSeats, "hot seat outside the hot seats");
            prop_assert!(m.order.contains(h), "hot seat {} not in order {:?}", h, m.order);
            prop_assert!(m.turn(h).is_some(), "hot seat without a turn");
        }
        None => prop_assert!(m.phase != Phase::HotSeats || !m.is_open(), "hot seats with nobody in the seat"),
    }
    let mut order = m.order.clone();
    order.sort();
    order.dedup();
    prop_assert_eq!(order.len(), m.order.len(), "a member twice in the order");
    for id in &m.order {
        prop_assert!(m.attendance.iter().any(|a| &a.member == id), "{} is in the order but not the meeting", id);
    }
    prop_assert!(m.turns.iter().all(|t| t.planned_secs >= 60), "a turn shorter than a minute");
    prop_assert!(m.ratings.iter().all(|r| (1..=10).contains(&r.score)));
    let mut ids: Vec<&str> = m.steps.iter().map(|s| s.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    prop_assert_eq!(ids.len(), m.steps.len(), "two steps with one id");
    prop_assert!(m.steps.iter().all(|s| !s.text.trim().is_empty()), "a step without text");
    if m.is_open() {
        prop_assert!(m.closed_at.is_none() && m.open_after.is_none());
    } else {
        prop_assert!(m.closed_at.is_some() && m.open_after.is_some() && running.is_empty() && m.hot_seat.is_none());
        prop_assert!(m.next_meeting.is_some_and(|d| d > m.date));
    }
    // Cursors stay in their lists.
    if m.is_open() {
        let c = &app.ui.cursors;
        let (cur, len) = match m.phase {
            Phase::CheckIn => (c.check_in, m.attendance.len()),
            Phase::ReportBack => (c.report, queries::report_items(app).len()),
            Phase::PrepReview => (c.prep, queries::prep_rows(m).len()),
            Phase::HotSeats => (c.hot, m.hot_seat.as_deref().map(|h| queries::steps_of(m, h).count()).unwrap_or(0)),
            Phase::WrapUp => (c.wrap, queries::wrap_rows(m).len()),
        };
        prop_assert!(cur < len.max(1), "cursor {} outside a list of {} in {:?}", cur, len, m.phase);
    }
    match &app.ui.overlay {
        Overlay::StepForm(f) => {
            for i in [&f.text, &f.result, &f.due] {
                prop_assert!(i.cursor() <= i.value().chars().count(), "input cursor past the end");
            }
            let goals = app.ctx.goals_of(&f.owner).len();
            prop_assert!(f.goal.is_none_or(|g| g < goals), "goal index out of range");
        }
        Overlay::Line(l) => prop_assert!(l.input.cursor() <= l.input.value().chars().count()),
        Overlay::Note(n) => {
            let cur = n.text.cursor();
            let lines = n.text.lines();
            prop_assert!(
                cur.0 < lines.len() && cur.1 <= lines[cur.0].chars().count(),
                "note cursor {:?}",
                (cur.0, cur.1)
            );
        }
        _ => {}
    }
    // Saveable: the file would read back as the same meeting, less its private notes,
    // which the shared file never holds.
    let bytes = encode(m);
    let back: Meeting =
        decode(std::path::Path::new("m.json"), &bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let shared = Meeting { private_notes: Vec::new(), ..m.clone() };
    prop_assert_eq!(&back, &shared);
    let _ = now;
    Ok(())
}

/// The demo group as loaded on the meeting day, read from disk once.
fn demo_app() -> App {
    static CTX: std::sync::OnceLock<hotseat::store::snapshot::Context> = std::sync::OnceLock::new();
    let ctx = CTX.get_or_init(|| {
        let demo = Demo::new();
        hotseat::store::snapshot::Context::load(&demo.store(), hotseat::store::snapshot::Strictness::Lenient)
            .expect("the demo loads")
    });
    App::new(ctx.clone())
}

proptest! {
    #![proptest_config(config(SEQUENCE_CASES))]

    #[test]
    fn random_input_never_panics_and_keeps_the_invariants(
        names in proptest::collection::vec(name(), 6),
        group_name in name(),
        head_start in proptest::option::of(0usize..9),
        inputs in proptest::collection::vec(input(), 1..120),
    ) {
        let mut app = demo_app();
        for (m, n) in app.ctx.group.members.iter_mut().zip(&names) {
            m.name = n.clone();
        }
        app.ctx.group.name = group_name;
        let mut now = at(18, 0, 0);
        if let Some(k) = head_start {
            update(&mut app, Action::Start, now);
            for _ in 0..k {
                now += Duration::seconds(61);
                update(&mut app, Action::Advance, now);
            }
        }
        let (mut w, mut h) = (80u16, 24u16);
        let mut quit = false;
        for inp in inputs {
            let action = match inp {
                Input::Key(ev) => lookup(&app, &ev),
                Input::Keys(evs) => {
                    for ev in &evs[..evs.len() - 1] {
                        if let Some(a) = lookup(&app, ev) {
                            let fx = update(&mut app, a, now);
                            quit |= fx.contains(&Effect::Quit);
                        }
                        check_invariants(&app, now)?;
                        if quit {
                            break;
                        }
                    }
                    if quit { None } else { evs.last().and_then(|ev| lookup(&app, ev)) }
                }
                Input::Paste(s) => lookup(&app, &Event::Paste(s)),
                Input::Resize(nw, nh) => {
                    (w, h) = (nw, nh);
                    lookup(&app, &Event::Resize(nw, nh))
                }
                Input::Wait(ms) => {
                    now += Duration::milliseconds(ms);
                    Some(Action::Tick)
                }
            };
            if let Some(a) = action {
                let fx = update(&mut app, a, now);
                prop_assert!(fx.iter().filter(|e| **e == Effect::Bell).count() <= 1);
                if fx.contains(&Effect::Quit) {
                    quit = true;
                }
            }
            draw(&app, w, h, now);
            check_invariants(&app, now)?;
            if quit {
                break;
            }
        }
        // The meeting and the group as they stand are written and pass `hotseat check`.
        if let Some(m) = &app.meeting {
            let demo = Demo::quick();
            let root = demo.root.clone();
            let store = Store::new(&root);
            store.load_group().map_err(|e| TestCaseError::fail(e.to_string()))?;
            store.save_group(&app.ctx.group).map_err(|e| TestCaseError::fail(e.to_string()))?;
            store.save_meeting(m).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let report = check::check(&root);
            let problems: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
            prop_assert!(problems.is_empty(), "{:?}", problems);
        }
    }
}

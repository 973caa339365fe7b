//! Property tests. Random keys, pastes, resizes (1×1 to 300×100) and clock ticks fed
//! through `keymap::lookup` → `update` → `ui::view` never panic and keep the app's
//! invariants; every file type survives `load(save(x)) == x` with identical bytes.
//!
//! Case counts are kept moderate so the suite stays quick on two cores; set
//! `PROPTEST_CASES` to run more.

mod common;

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};
use common::*;
use hotseat::facilitator::keymap::lookup;
use hotseat::facilitator::{Action, App, Effect, Overlay, queries, update};
use hotseat::model::{
    ActionStep, Attendance, Cadence, FORMAT_VERSION, Goal, GoalsFile, Group, Meeting, Member, MemberProgress, Phase,
    Prep, Presence, PrivateNote, Progress, ProgressEntry, ProgressFile, Rating, Reporter, Review, Status, Turn,
};
use hotseat::store::decode::{decode, encode};
use hotseat::store::{Store, check};
use proptest::prelude::*;
use proptest::test_runner::Config;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

const SEQUENCE_CASES: u32 = 48;
const ROUND_TRIP_CASES: u32 = 64;

fn config(cases: u32) -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(cases),
        ..Config::default()
    }
}

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

/// Names that are hard to lay out: wide, combining, emoji, very long, right-to-left.
const HARD_NAMES: &[&str] = &[
    "李小龍 Bruce Lee",
    "👩🏽‍💻 Ada",
    "Zoë 🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂",
    "محمد عبد الله",
    "e\u{301}\u{301}\u{301} Combining",
    "🇫🇷🇩🇪🇯🇵",
    "ｆｕｌｌｗｉｄｔｈ ＮＡＭＥ",
    "\u{200b}zero\u{200b}width",
    "Anne-Marie Gwendolyn Ottoline Bartholomew-Featherstonehaugh of the Long Names",
];

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(HARD_NAMES).prop_map(str::to_string),
        1 => "[a-zA-Z\u{4e00}-\u{4e20}\u{1f600}-\u{1f64f} ]{0,30}[a-zA-Z\u{4e00}-\u{4e20}\u{1f600}-\u{1f64f}]",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,30}",
        "\\PC{0,30}",
        proptest::sample::select(HARD_NAMES).prop_map(str::to_string),
        "[a-z\n\t\r]{0,20}",
        proptest::collection::vec(any::<char>(), 0..12).prop_map(String::from_iter),
    ]
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        8 => proptest::sample::select(
            "][ +-=aexndphlqyY?bjkJK0123456789zc/".chars().collect::<Vec<_>>()
        )
        .prop_map(KeyCode::Char),
        2 => any::<char>().prop_map(KeyCode::Char),
        1 => proptest::sample::select(vec!['界', '🙂', 'é', '\u{301}', '\u{200b}']).prop_map(KeyCode::Char),
        4 => proptest::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::F(1),
        ]),
    ]
}

fn modifiers() -> impl Strategy<Value = KeyModifiers> {
    prop_oneof![
        12 => Just(KeyModifiers::NONE),
        2 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::ALT),
    ]
}

fn press(c: KeyCode) -> Event {
    Event::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn chord() -> impl Strategy<Value = Vec<Event>> {
    let typed = |t: String| t.chars().map(|c| press(KeyCode::Char(c))).collect::<Vec<_>>();
    prop_oneof![
        text().prop_map(move |t| {
            let mut v = vec![press(KeyCode::Char('a'))];
            v.extend(typed(t));
            v.push(press(KeyCode::Enter));
            v
        }),
        Just(vec![press(KeyCode::Char('x')), press(KeyCode::Char('y'))]),
        text().prop_map(|t| vec![press(KeyCode::Char('n')), Event::Paste(t), press(KeyCode::Esc)]),
        Just(vec![press(KeyCode::Char(']')); 3]),
        Just(vec![press(KeyCode::Char('q')), press(KeyCode::Char('n'))]),
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
    // Saveable: the file would read back as the same meeting.
    let bytes = encode(m);
    let back: Meeting =
        decode(std::path::Path::new("m.json"), &bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back, m);
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

// ----- round trips through the store -----

fn when() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (0i64..4_102_444_800, prop_oneof![Just(0u32), 0u32..1_000_000_000], -14 * 60..=14 * 60i32).prop_map(
        |(secs, nanos, offset_min)| {
            let tz = FixedOffset::east_opt(offset_min * 60).expect("offset within a day");
            tz.timestamp_opt(secs, nanos).single().expect("valid instant")
        },
    )
}

fn day() -> impl Strategy<Value = NaiveDate> {
    (0u64..80_000).prop_map(|d| NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch") + chrono::Days::new(d))
}

fn member_id() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9-]{0,20}"
}

fn progress() -> impl Strategy<Value = Progress> {
    proptest::sample::select(vec![
        Progress::Open,
        Progress::Done,
        Progress::Partial,
        Progress::NotDone,
        Progress::Dropped,
    ])
}

fn entry() -> impl Strategy<Value = ProgressEntry> {
    (progress(), text(), when(), any::<bool>(), proptest::option::of(text())).prop_map(
        |(progress, note, at, by, meeting)| ProgressEntry {
            progress,
            note,
            at,
            by: if by { Reporter::Member } else { Reporter::Facilitator },
            meeting,
        },
    )
}

fn step() -> impl Strategy<Value = ActionStep> {
    (
        text(),
        member_id(),
        text(),
        text(),
        proptest::option::of(day()),
        proptest::option::of(text()),
        text(),
        when(),
        proptest::collection::vec(entry(), 0..3),
    )
        .prop_map(|(id, owner, text, measurable_result, due, goal, meeting, created_at, history)| ActionStep {
            id,
            owner,
            text,
            measurable_result,
            due,
            goal,
            meeting,
            created_at,
            history,
        })
}

fn turn() -> impl Strategy<Value = Turn> {
    (
        member_id(),
        any::<u32>(),
        any::<u64>(),
        proptest::option::of(when()),
        proptest::option::of(when()),
        proptest::option::of(when()),
        any::<bool>(),
    )
        .prop_map(|(member, planned_secs, used_ms, running_since, started_at, ended_at, bell_rung)| Turn {
            member,
            planned_secs,
            used_ms,
            running_since,
            started_at,
            ended_at,
            bell_rung,
        })
}

fn meeting_id() -> impl Strategy<Value = (String, NaiveDate)> {
    (day(), proptest::option::of(2u32..40))
        .prop_map(|(d, n)| (n.map(|n| format!("{d}-{n}")).unwrap_or_else(|| d.to_string()), d))
}

fn phase() -> impl Strategy<Value = Phase> {
    proptest::sample::select(Phase::ALL.to_vec())
}

fn presence() -> impl Strategy<Value = Presence> {
    proptest::sample::select(vec![Presence::Present, Presence::Late, Presence::Absent])
}

fn meeting() -> impl Strategy<Value = Meeting> {
    let head = (
        meeting_id(),
        any::<bool>(),
        phase(),
        when(),
        proptest::option::of(when()),
        any::<u32>(),
        text(),
        proptest::option::of(when()),
        proptest::collection::vec((member_id(), presence()), 0..5),
        any::<u32>(),
        proptest::collection::vec(member_id(), 0..4),
    );
    let tail = (
        proptest::collection::vec(turn(), 0..3),
        proptest::option::of(member_id()),
        proptest::collection::vec(step(), 0..3),
        proptest::collection::vec((text(), progress(), text(), when()), 0..3),
        proptest::collection::vec((member_id(), text(), text(), when()), 0..3),
        proptest::collection::vec((member_id(), any::<u8>()), 0..3),
        proptest::option::of(day()),
        proptest::option::of(proptest::collection::vec(step(), 0..3)),
    );
    (head, tail).prop_map(|(h, t)| {
        let ((id, date), closed, phase, started_at, closed_at, length_minutes, pledge, ack, att, turn_minutes, order) =
            h;
        let (turns, hot_seat, steps, reviews, notes, ratings, next_meeting, open_after) = t;
        Meeting {
            version: FORMAT_VERSION,
            id,
            date,
            status: if closed { Status::Closed } else { Status::Open },
            phase,
            started_at,
            closed_at,
            length_minutes,
            pledge,
            pledge_acknowledged_at: ack,
            attendance: att.into_iter().map(|(member, presence)| Attendance { member, presence }).collect(),
            turn_minutes,
            order,
            turns,
            hot_seat,
            steps,
            reviews: reviews
                .into_iter()
                .map(|(step, progress, note, at)| Review { step, progress, note, at })
                .collect(),
            private_notes: notes
                .into_iter()
                .map(|(member, author, text, updated_at)| PrivateNote { member, author, text, updated_at })
                .collect(),
            ratings: ratings.into_iter().map(|(member, score)| Rating { member, score }).collect(),
            next_meeting,
            open_after,
        }
    })
}

fn group() -> impl Strategy<Value = Group> {
    let member = (text(), text(), text(), proptest::collection::vec(text(), 0..3));
    (
        text(),
        proptest::sample::select(vec![Cadence::Weekly, Cadence::Biweekly, Cadence::Monthly]),
        any::<u32>(),
        proptest::option::of(day()),
        text(),
        proptest::collection::btree_map(member_id(), member, 0..6),
    )
        .prop_map(
            |(name, cadence, meeting_minutes, next_meeting, pledge, members): (_, _, _, _, _, BTreeMap<_, _>)| Group {
                version: FORMAT_VERSION,
                name,
                cadence,
                meeting_minutes,
                next_meeting,
                pledge,
                members: members
                    .into_iter()
                    .map(|(id, (name, role, department, offers))| Member { id, name, role, department, offers })
                    .collect(),
            },
        )
}

fn goals() -> impl Strategy<Value = GoalsFile> {
    proptest::collection::vec((text(), text(), text(), proptest::option::of(day()), text(), text()), 0..4).prop_map(
        |gs| GoalsFile {
            version: FORMAT_VERSION,
            goals: gs
                .into_iter()
                .map(|(id, title, measurable_result, deadline, why, slip_words)| Goal {
                    id,
                    title,
                    measurable_result,
                    deadline,
                    why,
                    slip_words,
                })
                .collect(),
        },
    )
}

fn prep() -> impl Strategy<Value = Prep> {
    (
        day(),
        any::<bool>(),
        text(),
        proptest::collection::vec(text(), 0..4),
        text(),
        text(),
        proptest::option::of(when()),
    )
        .prop_map(|(meeting, vision_reviewed, action_plan, questions, walk_away, accomplished, updated_at)| Prep {
            version: FORMAT_VERSION,
            meeting,
            vision_reviewed,
            action_plan,
            questions,
            walk_away,
            accomplished,
            updated_at,
        })
}

fn progress_file() -> impl Strategy<Value = ProgressFile> {
    proptest::collection::vec((text(), progress(), text(), when()), 0..4).prop_map(|es| ProgressFile {
        version: FORMAT_VERSION,
        entries: es.into_iter().map(|(step, progress, note, at)| MemberProgress { step, progress, note, at }).collect(),
    })
}

/// Save with one store, load with a fresh one, save that again with a third: the value
/// comes back equal and the bytes do not move.
fn round_trip<T: PartialEq + std::fmt::Debug>(
    value: &T,
    save: impl Fn(&Store, &T) -> hotseat::store::Result<()>,
    load: impl Fn(&Store) -> hotseat::store::Result<T>,
    path: impl Fn(&Store) -> std::path::PathBuf,
) -> Result<(), TestCaseError> {
    let tmp = tempfile::tempdir().expect("tmp");
    let a = Store::new(tmp.path().join("a"));
    save(&a, value).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let first = std::fs::read(path(&a)).expect("written");
    let back = load(&Store::new(tmp.path().join("a"))).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back, value);
    let b = Store::new(tmp.path().join("b"));
    save(&b, &back).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(std::fs::read(path(&b)).expect("written"), first);
    Ok(())
}

proptest! {
    #![proptest_config(config(ROUND_TRIP_CASES))]

    #[test]
    fn meetings_round_trip(m in meeting()) {
        let id = m.id.clone();
        round_trip(&m, |s, v| s.save_meeting(v), |s| s.load_meeting(&id), |s| s.layout.meeting(&id))?;
    }

    #[test]
    fn groups_round_trip(g in group()) {
        round_trip(&g, |s, v| s.save_group(v), |s| s.load_group(), |s| s.layout.group())?;
    }

    #[test]
    fn goals_round_trip(g in goals(), who in member_id()) {
        round_trip(&g, |s, v| s.save_goals(&who, v), |s| s.load_goals(&who), |s| s.layout.goals(&who))?;
    }

    #[test]
    fn preps_round_trip(p in prep(), who in member_id()) {
        let d = p.meeting;
        round_trip(
            &p,
            |s, v| s.save_prep(&who, v),
            |s| s.current_prep(&who, None).map(|p| p.expect("the prep is found")),
            |s| s.layout.prep(&who, d),
        )?;
    }

    #[test]
    fn member_progress_round_trips(p in progress_file(), who in member_id()) {
        round_trip(&p, |s, v| s.save_progress(&who, v), |s| s.load_progress(&who), |s| s.layout.progress(&who))?;
    }
}

//! Property tests: every file type survives `load(save(x)) == x` with identical bytes.
//!
//! Case counts are kept moderate so the suite stays quick on two cores; set
//! `PROPTEST_CASES` to run more.

mod support;

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use hotseat::model::{
    ActionStep, Attendance, Cadence, FORMAT_VERSION, Goal, GoalsFile, Group, Meeting, Member, MemberProgress, Phase,
    Prep, Presence, PrivateNote, Progress, ProgressEntry, ProgressFile, Rating, Reporter, Review, Status, Turn,
};
use hotseat::store::Store;
use proptest::prelude::*;
use support::arb::*;

const ROUND_TRIP_CASES: u32 = 64;

fn when() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (0i64..4_102_444_800, prop_oneof![Just(0u32), 0u32..1_000_000_000], -14 * 60..=14 * 60i32).prop_map(
        |(secs, nanos, offset_min)| {
            let tz = FixedOffset::east_opt(offset_min * 60).expect("offset within a day");
            tz.timestamp_opt(secs, nanos).single().expect("valid instant")
        },
    )
}

fn any_day() -> impl Strategy<Value = NaiveDate> {
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
        proptest::option::of(any_day()),
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
            step_starts: Vec::new(),
            prep_secs: 0,
            extended_secs: 0,
            step_bells: 0,
        })
}

fn meeting_id() -> impl Strategy<Value = (String, NaiveDate)> {
    (any_day(), proptest::option::of(2u32..40))
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
        proptest::option::of(any_day()),
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
            turn_secs: Default::default(),
            plan_end: None,
            postponed: Vec::new(),
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
            term_record: Default::default(),
        }
    })
}

fn group() -> impl Strategy<Value = Group> {
    let member = (text(), text(), text(), proptest::collection::vec(text(), 0..3));
    (
        text(),
        proptest::sample::select(vec![Cadence::Weekly, Cadence::Biweekly, Cadence::Monthly]),
        any::<u32>(),
        proptest::option::of(any_day()),
        text(),
        proptest::collection::btree_map(member_id(), member, 0..6),
    )
        .prop_map(
            |(name, cadence, meeting_minutes, next_meeting, pledge, members): (_, _, _, _, _, BTreeMap<_, _>)| Group {
                version: FORMAT_VERSION,
                id: String::new(),
                name,
                cadence,
                meeting_minutes,
                next_meeting,
                pledge,
                members: members
                    .into_iter()
                    .map(|(id, (name, role, department, offers))| Member {
                        id,
                        name,
                        role,
                        department,
                        offers,
                        reports_to: None,
                    })
                    .collect(),
                agenda: None,
                term: None,
            },
        )
}

fn goals() -> impl Strategy<Value = GoalsFile> {
    proptest::collection::vec((text(), text(), text(), proptest::option::of(any_day()), text(), text()), 0..4).prop_map(
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
            entered_by: None,
        },
    )
}

fn prep() -> impl Strategy<Value = Prep> {
    (
        any_day(),
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
            entered_by: None,
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
        // Private notes never go into the shared file: what round-trips is the rest.
        let shared = Meeting { private_notes: Vec::new(), ..m.clone() };
        round_trip(&shared, |s, v| s.save_meeting(v), |s| s.load_meeting(&id), |s| s.layout.meeting(&id))?;
        let tmp = tempfile::tempdir().expect("tmp");
        let store = Store::new(tmp.path().join("n"));
        store.save_meeting(&m).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let on_disk = std::fs::read_to_string(store.layout.meeting(&id)).expect("written");
        prop_assert!(!on_disk.contains("private_notes"), "a private note reached the shared file");
        prop_assert_eq!(store.load_meeting(&id).map_err(|e| TestCaseError::fail(e.to_string()))?, shared);
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

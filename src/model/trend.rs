//! Trends: completion of action steps per meeting (group and per member) and the average
//! rating, meeting after meeting.
//!
//! Completion is counted exactly as the report-back counted it in the room: the steps
//! open after the previous meeting whose owner was here, each with its progress as
//! reported in that meeting (or by the member before it closed), through
//! [`super::completion::completion`] — done 1, partial ½, dropped left out,
//! not done or unreported 0. Nothing here reads files: the store hands in the
//! [`MeetingFacts`] of the meetings asked for (and of the one before them).

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::meeting::{Attendance, Meeting, Rating, Review, Status};
use super::member_files::MemberProgress;
use super::progress::{Completion, Reporter};
use super::step::ActionStep;

/// What a trend needs of one meeting file: no steps, turns or notes (serde skips them
/// without building them).
#[derive(Debug, Clone, Deserialize)]
pub struct MeetingFacts {
    pub id: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub closed_at: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    pub attendance: Vec<Attendance>,
    #[serde(default)]
    pub reviews: Vec<Review>,
    #[serde(default)]
    pub ratings: Vec<Rating>,
    #[serde(default)]
    pub open_after: Option<Vec<ActionStep>>,
}

/// One meeting on a trend line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    /// The meeting id (its date, `-2` for a second one on a day).
    pub meeting: String,
    pub date: NaiveDate,
    /// Completion in whole percent, 0–100; `None` when nothing was reported back.
    pub completion: Option<u32>,
    /// The average rating (1–10), one decimal; `None` when nobody rated.
    pub rating: Option<f64>,
    pub done: usize,
    pub partial: usize,
    /// Steps that counted (all but dropped).
    pub counted: usize,
}

/// The group's line and each member's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trend {
    pub group: Vec<Point>,
    pub members: BTreeMap<String, Vec<Point>>,
}

impl Trend {
    /// The points of `member` (empty when unknown).
    pub fn of(&self, member: &str) -> &[Point] {
        self.members.get(member).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The last `n` completions of `member` (meetings where they had steps to report on).
    pub fn recent(&self, member: &str, n: usize) -> Vec<u32> {
        let v: Vec<u32> = self.of(member).iter().filter_map(|p| p.completion).collect();
        v[v.len().saturating_sub(n)..].to_vec()
    }
}

fn point(m: &MeetingFacts, c: &Completion, rating: Option<f64>) -> Point {
    Point {
        meeting: m.id.clone(),
        date: m.date,
        completion: c.percent(),
        rating,
        done: c.done,
        partial: c.partial,
        counted: c.counted(),
    }
}

pub fn average(scores: impl Iterator<Item = u8>) -> Option<f64> {
    let (n, sum) = scores.fold((0u32, 0u32), |(n, s), x| (n + 1, s + x as u32));
    (n > 0).then(|| (sum as f64 / n as f64 * 10.0).round() / 10.0)
}

/// The trend over `meetings` (oldest first; open ones are passed over), starting from the
/// steps open after the meeting before them (`base`), with the members' own reports.
pub fn compute(
    base: Vec<ActionStep>,
    meetings: Vec<MeetingFacts>,
    member_reports: &BTreeMap<String, Vec<MemberProgress>>,
) -> Trend {
    // A member speaks only for their own steps, as in the ledger.
    let by_step = by_step(member_reports);
    let mut trend = Trend::default();
    let mut base = base;
    for mut m in meetings.into_iter().filter(|m| m.status == Status::Closed) {
        let (shell, items) = report_back(&base, &m, &by_step);
        let (per, all) = super::completion::completion(&shell, &items);
        trend.group.push(point(&m, &all, average(m.ratings.iter().map(|r| r.score))));
        for (member, c) in &per {
            trend.members.entry(member.clone()).or_default().push(point(
                &m,
                c,
                average(shell.rating(member).into_iter()),
            ));
        }
        base = match m.open_after.take() {
            Some(open) => open,
            // A file from before snapshots: what stayed open of the report-back.
            None => items.into_iter().filter(|s| s.is_open()).collect(),
        };
    }
    trend
}

/// The members' own reports by step, each with its author.
pub type ReportsByStep<'a> = HashMap<&'a str, Vec<(&'a str, &'a MemberProgress)>>;

/// Index the members' reports by step.
pub fn by_step(member_reports: &BTreeMap<String, Vec<MemberProgress>>) -> ReportsByStep<'_> {
    let mut by_step: ReportsByStep = HashMap::new();
    for (member, entries) in member_reports {
        for e in entries {
            by_step.entry(e.step.as_str()).or_default().push((member.as_str(), e));
        }
    }
    by_step
}

/// What meeting `m`'s report-back went through: the steps open before it (`base`) whose
/// owner was here, with the owner's own reports made before it closed and the meeting's
/// reviews applied; and the meeting as [`super::completion::completion`] reads it.
pub fn report_back(base: &[ActionStep], m: &MeetingFacts, by_step: &ReportsByStep) -> (Meeting, Vec<ActionStep>) {
    let shell = shell(m);
    let until = m.closed_at;
    let mut reviews: HashMap<&str, Vec<&Review>> = HashMap::new();
    for r in &m.reviews {
        reviews.entry(r.step.as_str()).or_default().push(r);
    }
    let items: Vec<ActionStep> = base
        .iter()
        .filter(|s| shell.presence(&s.owner).is_here())
        .map(|s| {
            // Only the newest report decides the progress (history is in time order and
            // `record` keeps it so): the older ones need not be copied.
            let mut s = ActionStep { history: s.history.last().cloned().into_iter().collect(), ..s.clone_head() };
            for (member, e) in by_step.get(s.id.as_str()).into_iter().flatten() {
                if *member == s.owner && until.is_none_or(|t| e.at <= t) {
                    s.record(e.entry_by(Reporter::Member, None));
                }
            }
            for r in reviews.get(s.id.as_str()).into_iter().flatten() {
                s.record(shell.review_entry(r));
            }
            s
        })
        .collect();
    (shell, items)
}

trait CloneHead {
    fn clone_head(&self) -> ActionStep;
}

impl CloneHead for ActionStep {
    /// A copy without the history.
    fn clone_head(&self) -> ActionStep {
        ActionStep {
            id: self.id.clone(),
            owner: self.owner.clone(),
            text: self.text.clone(),
            measurable_result: self.measurable_result.clone(),
            due: self.due,
            goal: self.goal.clone(),
            meeting: self.meeting.clone(),
            created_at: self.created_at,
            history: Vec::new(),
        }
    }
}

impl From<&Meeting> for MeetingFacts {
    fn from(m: &Meeting) -> MeetingFacts {
        MeetingFacts {
            id: m.id.clone(),
            date: m.date,
            status: m.status,
            closed_at: m.closed_at,
            attendance: m.attendance.clone(),
            reviews: m.reviews.clone(),
            ratings: m.ratings.clone(),
            open_after: m.open_after.clone(),
        }
    }
}

/// A meeting with only what the report-back's counting looks at.
fn shell(m: &MeetingFacts) -> Meeting {
    let at = m.closed_at.unwrap_or_else(|| m.date.and_hms_opt(0, 0, 0).expect("midnight").and_utc().fixed_offset());
    let mut shell = Meeting::begin(m.id.clone(), m.date, at, 0, String::new(), m.attendance.clone());
    shell.status = m.status;
    shell.reviews = m.reviews.clone();
    shell.ratings = m.ratings.clone();
    shell
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Presence, Progress};

    fn at(day: u32) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(&format!("2030-01-{day:02}T20:00:00+00:00")).unwrap()
    }

    fn step(id: &str, owner: &str) -> ActionStep {
        ActionStep {
            id: id.into(),
            owner: owner.into(),
            text: "t".into(),
            measurable_result: String::new(),
            due: None,
            goal: None,
            meeting: "2030-01-01".into(),
            created_at: at(1),
            history: Vec::new(),
        }
    }

    fn meeting(id: &str, day: u32, reviews: Vec<(&str, Progress)>) -> MeetingFacts {
        MeetingFacts {
            id: id.into(),
            date: at(day).date_naive(),
            status: Status::Closed,
            closed_at: Some(at(day)),
            attendance: ["ada", "ben"]
                .iter()
                .map(|m| Attendance { member: m.to_string(), presence: Presence::Present })
                .collect(),
            reviews: reviews
                .into_iter()
                .map(|(s, p)| Review { step: s.into(), progress: p, note: String::new(), at: at(day) })
                .collect(),
            ratings: vec![Rating { member: "ada".into(), score: 8 }, Rating { member: "ben".into(), score: 7 }],
            open_after: None,
        }
    }

    #[test]
    fn counts_as_the_report_back_does() {
        let base = vec![step("s1", "ada"), step("s2", "ada"), step("s3", "ben"), step("s4", "ben")];
        let m = meeting(
            "2030-01-15",
            15,
            vec![("s1", Progress::Done), ("s2", Progress::Partial), ("s3", Progress::Dropped)],
        );
        let t = compute(base, vec![m], &BTreeMap::new());
        // ada: 1 + ½ of 2 = 75 %; ben: s3 dropped, s4 unreported = 0 %; group 1.5 of 3 = 50 %.
        assert_eq!(t.group[0].completion, Some(50));
        assert_eq!(t.group[0].rating, Some(7.5));
        assert_eq!(t.of("ada")[0].completion, Some(75));
        assert_eq!(t.of("ben")[0].completion, Some(0));
        assert_eq!(t.recent("ada", 4), vec![75]);
    }

    #[test]
    fn a_members_own_report_counts_once_confirmed_and_base_carries_on() {
        let base = vec![step("s1", "ada"), step("s3", "ben")];
        let mut reports = BTreeMap::new();
        reports.insert(
            "ada".to_string(),
            vec![MemberProgress { step: "s1".into(), progress: Progress::Done, note: String::new(), at: at(10) }],
        );
        // A report by someone who does not own the step is ignored.
        reports.insert(
            "ben".to_string(),
            vec![MemberProgress { step: "s1".into(), progress: Progress::NotDone, note: String::new(), at: at(11) }],
        );
        let first = meeting("2030-01-15", 15, vec![]);
        let second = meeting("2030-01-29", 29, vec![("s3", Progress::Done)]);
        let t = compute(base.clone(), vec![first.clone(), second.clone()], &reports);
        // Ada's own "done" was never confirmed in the room: it does not count.
        assert_eq!(t.group[0].completion, Some(0));
        let confirmed = meeting("2030-01-15", 15, vec![("s1", Progress::Done)]);
        let t = compute(base, vec![confirmed, second], &reports);
        assert_eq!(t.group[0].completion, Some(50), "confirmed, it counts");
        // After the first meeting (no snapshot) only ben's step stayed open.
        assert_eq!(t.group[1].counted, 1);
        assert_eq!(t.group[1].completion, Some(100));
    }
}

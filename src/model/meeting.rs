//! One meeting: `meetings/<id>.json`, written only by the facilitator.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::progress::{ProgressEntry, Reporter, StepReport};
use super::step::ActionStep;

/// The five phases, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    #[default]
    CheckIn,
    ReportBack,
    PrepReview,
    HotSeats,
    WrapUp,
}

impl Phase {
    pub const ALL: [Phase; 5] = [Phase::CheckIn, Phase::ReportBack, Phase::PrepReview, Phase::HotSeats, Phase::WrapUp];

    pub fn label(self) -> &'static str {
        super::words::phase_label(self)
    }

    pub fn next(self) -> Option<Phase> {
        let i = Phase::ALL.iter().position(|p| *p == self)?;
        Phase::ALL.get(i + 1).copied()
    }

    pub fn prev(self) -> Option<Phase> {
        let i = Phase::ALL.iter().position(|p| *p == self)?;
        i.checked_sub(1).map(|i| Phase::ALL[i])
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Open,
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    #[default]
    Present,
    Late,
    Absent,
}

impl Presence {
    pub fn is_here(self) -> bool {
        !matches!(self, Presence::Absent)
    }
    pub fn cycle(self) -> Presence {
        match self {
            Presence::Present => Presence::Late,
            Presence::Late => Presence::Absent,
            Presence::Absent => Presence::Present,
        }
    }
    pub fn cycle_back(self) -> Presence {
        match self {
            Presence::Present => Presence::Absent,
            Presence::Late => Presence::Present,
            Presence::Absent => Presence::Late,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Presence::Present => "present",
            Presence::Late => "late",
            Presence::Absent => "absent",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    pub member: String,
    pub presence: Presence,
}

/// One member's turn in the hot seat, with its timer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    pub member: String,
    /// Planned length including minutes added with `+`.
    pub planned_secs: u32,
    /// Time used while the timer was running, banked at each pause.
    #[serde(default)]
    pub used_ms: u64,
    /// Set while the timer runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running_since: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<DateTime<FixedOffset>>,
    /// The bell rings once, when the countdown first reaches zero.
    #[serde(default)]
    pub bell_rung: bool,
    /// The hot-seat protocol: when each step reached so far began, in ms of the turn's
    /// time used (`model::agenda`). Empty: the first step, from the start.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub step_starts: Vec<u64>,
    /// The turn's length as the prep review planned it, in seconds, when the meeting's
    /// re-planning changed it (`model::plan`); 0 when unchanged.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub prep_secs: u32,
    /// Seconds the facilitator added (`+`) or took away (`-`) during the turn, net. A turn
    /// lengthened this way keeps what it was given: ending it early gives nothing back.
    #[serde(default, skip_serializing_if = "is_zero_i32")]
    pub extended_secs: i32,
    /// How many protocol steps have rung the bell as their time ran out (when the agenda
    /// asks for a bell at each step).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub step_bells: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn is_zero_i32(n: &i32) -> bool {
    *n == 0
}

impl Turn {
    pub fn new(member: &str, planned_secs: u32) -> Turn {
        Turn {
            member: member.to_string(),
            planned_secs,
            used_ms: 0,
            running_since: None,
            started_at: None,
            ended_at: None,
            bell_rung: false,
            step_starts: Vec::new(),
            prep_secs: 0,
            extended_secs: 0,
            step_bells: 0,
        }
    }

    /// The minutes this turn holds back from the turns to come: a turn the facilitator
    /// lengthened and then ended early keeps its unused time (the turns to come were
    /// shortened when it was lengthened); any other turn gives it back.
    pub fn held_ms(&self) -> i64 {
        match self.ended_at {
            Some(end) if self.extended_secs > 0 => self.left_ms_at(end).max(0),
            _ => 0,
        }
    }

    /// Milliseconds used as of `now`.
    pub fn used_ms_at(&self, now: DateTime<FixedOffset>) -> u64 {
        let running = self.running_since.map(|since| (now - since).num_milliseconds().max(0) as u64).unwrap_or(0);
        self.used_ms + running
    }

    /// Milliseconds left as of `now`; negative in overtime.
    pub fn left_ms_at(&self, now: DateTime<FixedOffset>) -> i64 {
        self.planned_secs as i64 * 1000 - self.used_ms_at(now) as i64
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    pub fn start(&mut self, now: DateTime<FixedOffset>) {
        if self.started_at.is_none() {
            self.started_at = Some(now);
        }
        self.ended_at = None;
        if self.running_since.is_none() {
            self.running_since = Some(now);
        }
    }

    pub fn pause(&mut self, now: DateTime<FixedOffset>) {
        self.used_ms = self.used_ms_at(now);
        self.running_since = None;
    }

    pub fn end(&mut self, now: DateTime<FixedOffset>) {
        self.pause(now);
        self.ended_at = Some(now);
    }
}

/// A progress report made in this meeting's report-back.
pub type Review = StepReport;

/// A private note about one member, never shown unless asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivateNote {
    /// Who the note is about.
    pub member: String,
    /// Who wrote it: "facilitator" or a member id.
    pub author: String,
    pub text: String,
    #[serde(deserialize_with = "crate::model::time::de")]
    pub updated_at: DateTime<FixedOffset>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub member: String,
    pub score: u8,
}

/// `meetings/<id>.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub version: u32,
    /// The file stem: the date, with `-2`, `-3`… for a second meeting on one day.
    pub id: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub phase: Phase,
    pub started_at: DateTime<FixedOffset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<DateTime<FixedOffset>>,
    pub length_minutes: u32,
    /// The pledge as read at this meeting.
    #[serde(default)]
    pub pledge: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pledge_acknowledged_at: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    pub attendance: Vec<Attendance>,
    /// Minutes per hot-seat turn (0 until the prep review sets it).
    #[serde(default)]
    pub turn_minutes: u32,
    /// Hot-seat order (member ids).
    #[serde(default)]
    pub order: Vec<String>,
    #[serde(default)]
    pub turns: Vec<Turn>,
    /// Turn lengths the prep review set per member, in seconds (others: `turn_minutes`).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub turn_secs: std::collections::BTreeMap<String, u32>,
    /// When the hot seats were planned to end, fixed as they began (`model::plan`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_end: Option<DateTime<FixedOffset>>,
    /// Members whose turn moves to the next meeting, where they go first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub postponed: Vec<String>,
    /// Whose turn it is in the hot seat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hot_seat: Option<String>,
    /// Action steps captured in this meeting.
    #[serde(default)]
    pub steps: Vec<ActionStep>,
    /// Progress recorded in this meeting's report-back.
    #[serde(default)]
    pub reviews: Vec<Review>,
    /// Private notes, in memory only: they are kept in the facilitator's own folder
    /// (`store::private`), never written to the shared meeting file. A file from an older
    /// version may still hold some; they are read, and moved out at the next start.
    #[serde(default, skip_serializing)]
    pub private_notes: Vec<PrivateNote>,
    #[serde(default)]
    pub ratings: Vec<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_meeting: Option<NaiveDate>,
    /// Written when the meeting closes: every step still open after it, with its whole
    /// history. The next meeting's report-back reads only this, not all of history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_after: Option<Vec<ActionStep>>,
    /// What the term's checkpoint and review recorded in this meeting (issue 11).
    #[serde(default, skip_serializing_if = "super::term::TermRecord::is_empty")]
    pub term_record: super::term::TermRecord,
}

impl Meeting {
    /// A meeting just begun: open, in the check-in, nothing recorded yet.
    pub fn begin(
        id: String,
        date: NaiveDate,
        started_at: DateTime<FixedOffset>,
        length_minutes: u32,
        pledge: String,
        attendance: Vec<Attendance>,
    ) -> Meeting {
        Meeting {
            version: super::FORMAT_VERSION,
            id,
            date,
            status: Status::Open,
            phase: Phase::CheckIn,
            started_at,
            closed_at: None,
            length_minutes,
            pledge,
            pledge_acknowledged_at: None,
            attendance,
            turn_minutes: 0,
            order: Vec::new(),
            turns: Vec::new(),
            turn_secs: Default::default(),
            plan_end: None,
            postponed: Vec::new(),
            hot_seat: None,
            steps: Vec::new(),
            reviews: Vec::new(),
            private_notes: Vec::new(),
            ratings: Vec::new(),
            next_meeting: None,
            open_after: None,
            term_record: Default::default(),
        }
    }

    pub fn is_open(&self) -> bool {
        self.status == Status::Open
    }

    pub fn presence(&self, member: &str) -> Presence {
        self.attendance.iter().find(|a| a.member == member).map(|a| a.presence).unwrap_or(Presence::Absent)
    }

    /// Members present or late, in attendance order.
    pub fn here(&self) -> impl Iterator<Item = &str> {
        self.attendance.iter().filter(|a| a.presence.is_here()).map(|a| a.member.as_str())
    }

    pub fn scheduled_end(&self) -> DateTime<FixedOffset> {
        self.started_at + Duration::minutes(self.length_minutes as i64)
    }

    pub fn turn(&self, member: &str) -> Option<&Turn> {
        self.turns.iter().find(|t| t.member == member)
    }

    pub fn turn_mut(&mut self, member: &str) -> Option<&mut Turn> {
        self.turns.iter_mut().find(|t| t.member == member)
    }

    pub fn current_turn(&self) -> Option<&Turn> {
        self.hot_seat.as_deref().and_then(|m| self.turn(m))
    }

    pub fn review(&self, step: &str) -> Option<&Review> {
        self.reviews.iter().find(|r| r.step == step)
    }

    pub fn private_note(&self, member: &str, author: &str) -> Option<&PrivateNote> {
        self.private_notes.iter().find(|n| n.member == member && n.author == author)
    }

    pub fn rating(&self, member: &str) -> Option<u8> {
        self.ratings.iter().find(|r| r.member == member).map(|r| r.score)
    }

    /// A progress entry for each review, as it goes into a step's history.
    pub fn review_entry(&self, r: &Review) -> ProgressEntry {
        r.entry_by(Reporter::Facilitator, Some(self.id.clone()))
    }

    /// The next free step id in this meeting: `<meeting id>-<n>`.
    pub fn next_step_id(&self) -> String {
        let n = self.steps.iter().filter_map(|s| s.id.rsplit('-').next()?.parse::<u32>().ok()).max().unwrap_or(0);
        format!("{}-{}", self.id, n + 1)
    }
}

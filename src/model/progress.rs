//! Progress on an action step: the five states and the history of reports.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// Where an action step stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    /// Nobody has reported on it yet.
    #[default]
    Open,
    Done,
    Partial,
    NotDone,
    Dropped,
}

impl Progress {
    /// An open step still needs work: it is reported back on at the next meeting.
    pub fn is_open(self) -> bool {
        !matches!(self, Progress::Done | Progress::Dropped)
    }

    /// The word used on screen and in the CLI (`not_done` reads "not done").
    pub fn label(self) -> &'static str {
        match self {
            Progress::Open => "open",
            Progress::Done => "done",
            Progress::Partial => "partial",
            Progress::NotDone => "not done",
            Progress::Dropped => "dropped",
        }
    }

    /// The JSON / command-line spelling.
    pub fn key(self) -> &'static str {
        match self {
            Progress::Open => "open",
            Progress::Done => "done",
            Progress::Partial => "partial",
            Progress::NotDone => "not_done",
            Progress::Dropped => "dropped",
        }
    }

    /// Parse the command-line spelling (also accepts "not-done" and "not done").
    pub fn parse(s: &str) -> Option<Progress> {
        match s.trim().to_ascii_lowercase().replace(['-', ' '], "_").as_str() {
            "open" => Some(Progress::Open),
            "done" => Some(Progress::Done),
            "partial" => Some(Progress::Partial),
            "not_done" => Some(Progress::NotDone),
            "dropped" => Some(Progress::Dropped),
            _ => None,
        }
    }
}

/// Who reported a piece of progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Reporter {
    /// Recorded by the facilitator in a meeting's report-back.
    #[default]
    Facilitator,
    /// Recorded by the member themselves between meetings.
    Member,
}

/// One progress report on one step as a file keeps it: in a meeting's report-back (the
/// facilitator's [`Review`](super::Review)) or in a member's own `progress.json`
/// ([`MemberProgress`](super::MemberProgress)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepReport {
    pub step: String,
    pub progress: Progress,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(deserialize_with = "crate::model::time::de")]
    pub at: DateTime<FixedOffset>,
}

impl StepReport {
    /// The entry for the step's history: reported `by` whom, in which meeting.
    pub fn entry_by(&self, by: Reporter, meeting: Option<String>) -> ProgressEntry {
        ProgressEntry { progress: self.progress, note: self.note.clone(), at: self.at, by, meeting }
    }
}

/// One report of progress on one step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressEntry {
    pub progress: Progress,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(deserialize_with = "crate::model::time::de")]
    pub at: DateTime<FixedOffset>,
    #[serde(default)]
    pub by: Reporter,
    /// The meeting in which the facilitator recorded it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
}

/// Completion of a set of steps: done counts 1, partial ½, dropped steps are left out.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Completion {
    pub done: usize,
    pub partial: usize,
    pub not_done: usize,
    pub unreported: usize,
    pub dropped: usize,
    /// Of `unreported`: steps the member reported themselves, not yet confirmed in the
    /// room. They count once the facilitator confirms them.
    pub to_confirm: usize,
}

impl Completion {
    pub fn add(&mut self, p: Progress) {
        match p {
            Progress::Done => self.done += 1,
            Progress::Partial => self.partial += 1,
            Progress::NotDone => self.not_done += 1,
            Progress::Open => self.unreported += 1,
            Progress::Dropped => self.dropped += 1,
        }
    }

    /// Steps that count towards completion (all but dropped).
    pub fn counted(&self) -> usize {
        self.done + self.partial + self.not_done + self.unreported
    }

    /// Completion in whole percent, or `None` when there is nothing to count.
    pub fn percent(&self) -> Option<u32> {
        let n = self.counted();
        if n == 0 {
            return None;
        }
        let score = self.done as f64 + self.partial as f64 * 0.5;
        Some((score * 100.0 / n as f64).round() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completion_counts_partial_as_half_and_leaves_out_dropped() {
        let mut c = Completion::default();
        for p in [Progress::Done, Progress::Partial, Progress::NotDone, Progress::Dropped] {
            c.add(p);
        }
        assert_eq!(c.counted(), 3);
        assert_eq!(c.percent(), Some(50));
        assert_eq!(Completion::default().percent(), None);
    }

    #[test]
    fn parse_accepts_the_spellings_people_type() {
        assert_eq!(Progress::parse("not-done"), Some(Progress::NotDone));
        assert_eq!(Progress::parse("Not done"), Some(Progress::NotDone));
        assert_eq!(Progress::parse("DONE"), Some(Progress::Done));
        assert_eq!(Progress::parse("finished"), None);
    }
}

//! Action steps: what a member commits to do by the next meeting.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::progress::{Progress, ProgressEntry};

/// One action step: owner, what, measurable result, due date, and its progress history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionStep {
    pub id: String,
    /// The member id of the owner.
    pub owner: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub measurable_result: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// The goal (of the owner) this step serves, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// The id of the meeting it came from.
    pub meeting: String,
    #[serde(deserialize_with = "crate::model::time::de")]
    pub created_at: DateTime<FixedOffset>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<ProgressEntry>,
}

impl ActionStep {
    /// The latest reported progress (history is kept in time order).
    pub fn progress(&self) -> Progress {
        self.history.last().map(|e| e.progress).unwrap_or_default()
    }

    pub fn last_entry(&self) -> Option<&ProgressEntry> {
        self.history.last()
    }

    pub fn is_open(&self) -> bool {
        self.progress().is_open()
    }

    /// Add a report, keeping history in time order and never recording the same report
    /// twice.
    pub fn record(&mut self, entry: ProgressEntry) {
        if self.history.contains(&entry) {
            return;
        }
        let at = self.history.partition_point(|e| e.at <= entry.at);
        self.history.insert(at, entry);
    }

    /// What the wrap-up flags: a step without a measurable result or due date is vague.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.measurable_result.trim().is_empty() {
            out.push(super::words::FLAG_NO_RESULT);
        }
        if self.due.is_none() {
            out.push(super::words::FLAG_NO_DUE);
        }
        out
    }
}

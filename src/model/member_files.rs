//! What lives in a member's own folder: goals, prep for a meeting, progress reported
//! between meetings. Only that member writes these files.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::FORMAT_VERSION;
use super::progress::StepReport;

/// One goal, with the words the member wants to hear when they slip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub measurable_result: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
    /// Why it matters.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
    /// What to tell me when I slip.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub slip_words: String,
}

/// `members/<id>/goals.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalsFile {
    pub version: u32,
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// Who typed these in when not the member: "facilitator" for what the facilitator
    /// entered for a member who does not run hotseat (`members/<id>/entered/`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entered_by: Option<String>,
}

impl Default for GoalsFile {
    fn default() -> Self {
        GoalsFile { version: FORMAT_VERSION, goals: Vec::new(), entered_by: None }
    }
}

/// `members/<id>/prep/<meeting date>.json`: a member's preparation for one meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prep {
    pub version: u32,
    /// The date of the meeting this prep is for.
    pub meeting: NaiveDate,
    /// Vision and goals reviewed.
    #[serde(default)]
    pub vision_reviewed: bool,
    /// Refreshed action plan.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub action_plan: String,
    /// Questions for the group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<String>,
    /// What I want to walk away with.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub walk_away: String,
    /// What I accomplished since last time.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub accomplished: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<FixedOffset>>,
    /// Who typed this in when not the member (see [`GoalsFile::entered_by`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entered_by: Option<String>,
}

/// The value of `entered_by` for what the facilitator typed in.
pub const ENTERED_BY_FACILITATOR: &str = "facilitator";

impl Prep {
    pub fn empty(meeting: NaiveDate) -> Prep {
        Prep {
            version: FORMAT_VERSION,
            meeting,
            vision_reviewed: false,
            action_plan: String::new(),
            questions: Vec::new(),
            walk_away: String::new(),
            accomplished: String::new(),
            updated_at: None,
            entered_by: None,
        }
    }

    /// Ready for the hot seat: has reviewed their goals and brings a question or a
    /// walk-away.
    pub fn is_prepared(&self) -> bool {
        self.vision_reviewed && (!self.questions.is_empty() || !self.walk_away.trim().is_empty())
    }
}

/// One progress report a member made on one of their steps, between meetings.
pub type MemberProgress = StepReport;

/// `members/<id>/progress.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressFile {
    pub version: u32,
    #[serde(default)]
    pub entries: Vec<MemberProgress>,
}

impl Default for ProgressFile {
    fn default() -> Self {
        ProgressFile { version: FORMAT_VERSION, entries: Vec::new() }
    }
}

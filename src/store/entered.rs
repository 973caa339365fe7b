//! What the facilitator types in for a member who does not run hotseat: their prep and
//! goals, kept in `members/<id>/entered/` and marked `entered_by: "facilitator"`. One
//! writer per file still holds: the facilitator's machine writes only there, the member
//! only their own files, and the member's own files win when both exist.

use chrono::NaiveDate;

use super::{Result, Store};
use crate::model::{GoalsFile, Prep};

impl Store {
    /// What the facilitator entered as the member's prep for the meeting on `date`.
    pub fn load_entered_prep(&self, member: &str, date: NaiveDate) -> Result<Option<Prep>> {
        let path = self.layout.entered_prep(member, date);
        if !path.exists() {
            return Ok(None);
        }
        self.read(&path).map(Some)
    }

    pub fn save_entered_prep(&self, member: &str, prep: &Prep) -> Result<()> {
        self.write(&self.layout.entered_prep(member, prep.meeting), prep)
    }

    pub fn save_entered_goals(&self, member: &str, goals: &GoalsFile) -> Result<()> {
        self.write(&self.layout.entered_goals(member), goals)
    }
}

//! Terms: a group (or a mentoring pair) meets in terms of some months (six by default),
//! with a checkpoint halfway and a review at the end where each member decides to renew,
//! move on or keep a looser contact.
//!
//! `group.json` holds the current term (`term`, optional: older files have none and get
//! one derived from their first meeting); a meeting file holds what its checkpoint and
//! term review recorded (`term_record`, optional). Older readers ignore both.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::group::{Cadence, Member};

/// Months in a term unless the group says otherwise.
pub const DEFAULT_TERM_MONTHS: u32 = 6;

fn default_months() -> u32 {
    DEFAULT_TERM_MONTHS
}

/// The group's current term, in `group.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub start: NaiveDate,
    #[serde(default = "default_months")]
    pub months: u32,
    /// Each member's one specific request for this term: what they want from the group.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub requests: BTreeMap<String, String>,
    /// Members who chose to move on at an earlier term review (archived: no longer in
    /// `members`, kept so that old meetings still name them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moved_on: Vec<Member>,
}

impl Term {
    pub fn new(start: NaiveDate, months: u32) -> Term {
        Term { start, months: months.max(1), requests: BTreeMap::new(), moved_on: Vec::new() }
    }

    /// The last day of the term.
    pub fn end(&self) -> NaiveDate {
        let after = self.start.checked_add_months(Months::new(self.months.max(1))).unwrap_or(self.start);
        after.pred_opt().unwrap_or(after).max(self.start)
    }

    /// Halfway through the term.
    pub fn checkpoint(&self) -> NaiveDate {
        let half = (self.end() - self.start).num_days() / 2;
        self.start + chrono::Days::new(half.max(0) as u64)
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        d >= self.start && d <= self.end()
    }

    /// The term after this one: the same length, starting the day after it ends.
    pub fn next(&self) -> Term {
        Term::new(self.end().succ_opt().unwrap_or(self.end()), self.months)
    }

    /// The member's request for this term, if recorded.
    pub fn request(&self, member: &str) -> Option<&str> {
        self.requests.get(member).map(String::as_str).filter(|s| !s.trim().is_empty())
    }
}

/// The term in force for a group that has none recorded: terms of the default length back
/// to back from `anchor` (its first meeting, else its next, else today), the one holding
/// `today`.
pub fn derived(anchor: NaiveDate, today: NaiveDate) -> Term {
    let mut t = Term::new(anchor, DEFAULT_TERM_MONTHS);
    // At most a few hundred steps for any real history; bounded all the same.
    for _ in 0..10_000 {
        if today <= t.end() {
            break;
        }
        t = t.next();
    }
    t
}

/// The group's current term: the one it records, else [`derived`] from its first meeting
/// (else its next, else today). The flag says whether it was derived.
pub fn of_group(group: &super::Group, first_meeting: Option<NaiveDate>, today: NaiveDate) -> (Term, bool) {
    match &group.term {
        Some(t) => (t.clone(), false),
        None => (derived(first_meeting.or(group.next_meeting).unwrap_or(today), today), true),
    }
}

/// Meeting dates from `from` on, every `cadence`, up to and including `until`.
pub fn planned_dates(cadence: Cadence, from: NaiveDate, until: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut d = from;
    while d <= until && out.len() < 10_000 {
        out.push(d);
        let next = cadence.next_after(d);
        if next <= d {
            break;
        }
        d = next;
    }
    out
}

/// Whether a meeting on `date` is the last one of `term`: the next one by the cadence
/// falls after the term's end.
pub fn is_last_meeting(term: &Term, cadence: Cadence, date: NaiveDate) -> bool {
    term.contains(date) && cadence.next_after(date) > term.end()
}

/// Whether a meeting on `date`, after a previous one on `previous`, is the first on or
/// after the term's checkpoint.
pub fn is_checkpoint_meeting(term: &Term, date: NaiveDate, previous: Option<NaiveDate>) -> bool {
    let cp = term.checkpoint();
    term.contains(date) && date >= cp && previous.is_none_or(|p| p < cp)
}

/// Whether a goal is on track, as recorded at the checkpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    OnTrack,
    NeedsAdjusting,
}

impl GoalStatus {
    pub fn label(self) -> &'static str {
        match self {
            GoalStatus::OnTrack => "on track",
            GoalStatus::NeedsAdjusting => "needs adjusting",
        }
    }
}

/// One goal's standing at the checkpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalCheck {
    pub member: String,
    pub goal: String,
    pub status: GoalStatus,
}

/// What a member chose at the term review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Renew,
    MoveOn,
    LooserContact,
}

impl Decision {
    pub const ALL: [Decision; 3] = [Decision::Renew, Decision::MoveOn, Decision::LooserContact];

    pub fn label(self) -> &'static str {
        match self {
            Decision::Renew => "renew",
            Decision::MoveOn => "move on",
            Decision::LooserContact => "looser contact",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberDecision {
    pub member: String,
    pub decision: Decision,
}

/// `term_record` in a meeting file: what its checkpoint and term review recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermRecord {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checkpoint: Vec<GoalCheck>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<MemberDecision>,
}

impl TermRecord {
    pub fn is_empty(&self) -> bool {
        self.checkpoint.is_empty() && self.decisions.is_empty()
    }

    pub fn goal_status(&self, member: &str, goal: &str) -> Option<GoalStatus> {
        self.checkpoint.iter().find(|c| c.member == member && c.goal == goal).map(|c| c.status)
    }

    pub fn set_goal_status(&mut self, member: &str, goal: &str, status: Option<GoalStatus>) {
        self.checkpoint.retain(|c| !(c.member == member && c.goal == goal));
        if let Some(status) = status {
            self.checkpoint.push(GoalCheck { member: member.to_string(), goal: goal.to_string(), status });
        }
    }

    pub fn decision(&self, member: &str) -> Option<Decision> {
        self.decisions.iter().find(|d| d.member == member).map(|d| d.decision)
    }

    pub fn set_decision(&mut self, member: &str, decision: Option<Decision>) {
        self.decisions.retain(|d| d.member != member);
        if let Some(decision) = decision {
            self.decisions.push(MemberDecision { member: member.to_string(), decision });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_six_month_term_ends_the_day_before_six_months_on_and_turns_halfway() {
        let t = Term::new(d("2030-01-15"), 6);
        assert_eq!(t.end(), d("2030-07-14"));
        assert_eq!(t.checkpoint(), d("2030-04-15"));
        assert_eq!(t.next().start, d("2030-07-15"));
        assert!(t.contains(d("2030-07-14")) && !t.contains(d("2030-07-15")));
    }

    #[test]
    fn a_derived_term_is_the_one_holding_today() {
        let t = derived(d("2016-01-05"), d("2026-11-17"));
        assert!(t.contains(d("2026-11-17")), "{t:?}");
        assert_eq!(t.months, DEFAULT_TERM_MONTHS);
        let early = derived(d("2030-01-15"), d("2029-12-01"));
        assert_eq!(early.start, d("2030-01-15"));
    }

    #[test]
    fn checkpoint_and_last_meetings() {
        let t = Term::new(d("2030-01-01"), 6);
        let dates = planned_dates(Cadence::Monthly, t.start, t.end());
        assert_eq!(dates.len(), 6);
        assert!(is_last_meeting(&t, Cadence::Monthly, d("2030-06-01")));
        assert!(!is_last_meeting(&t, Cadence::Monthly, d("2030-05-01")));
        assert!(is_checkpoint_meeting(&t, d("2030-04-01"), Some(d("2030-03-01"))));
        assert!(!is_checkpoint_meeting(&t, d("2030-05-01"), Some(d("2030-04-01"))));
    }

    #[test]
    fn the_record_keeps_one_answer_each() {
        let mut r = TermRecord::default();
        r.set_decision("ada", Some(Decision::Renew));
        r.set_decision("ada", Some(Decision::MoveOn));
        assert_eq!(r.decisions.len(), 1);
        assert_eq!(r.decision("ada"), Some(Decision::MoveOn));
        r.set_goal_status("ada", "g1", Some(GoalStatus::OnTrack));
        r.set_goal_status("ada", "g1", None);
        assert!(r.checkpoint.is_empty());
        r.set_decision("ada", None);
        assert!(r.is_empty());
    }
}

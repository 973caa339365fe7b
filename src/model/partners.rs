//! Hot Team partners: two-person partnerships, one per skill a member wants to improve,
//! with a weekly check-in. A member owns their side: `members/<id>/partners.json` (their
//! partnerships and the skills they offer) and `members/<id>/checkins.json` (their weekly
//! log). Only that member writes these files.

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::FORMAT_VERSION;

/// Who the partner is: another member of the group, or someone outside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Partner {
    /// A member id of the same group.
    Member(String),
    /// Someone outside the group, by the name the member gave.
    Outside(String),
}

impl Partner {
    /// The member id, for a partner in the group.
    pub fn member_id(&self) -> Option<&str> {
        match self {
            Partner::Member(id) => Some(id),
            Partner::Outside(_) => None,
        }
    }
}

/// One partnership, as its member owns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partnership {
    /// `p1`, `p2`… unique in the member's file.
    pub id: String,
    pub partner: Partner,
    /// The skill or goal the partnership is for.
    pub skill: String,
    /// One of the member's goals, if the partnership serves one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// The weekly check-in day.
    #[serde(with = "weekday_serde")]
    pub day: Weekday,
    /// What the partner should say when the member falls off the horse.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub slip_words: String,
    /// The first day of the partnership: weeks before it are never missed.
    pub since: NaiveDate,
    /// The partnership ended on this day (weeks after it are not counted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<NaiveDate>,
}

/// `members/<id>/partners.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnersFile {
    pub version: u32,
    /// Skills this member offers as a Hot Team partner for others.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offers: Vec<String>,
    #[serde(default)]
    pub partnerships: Vec<Partnership>,
}

impl Default for PartnersFile {
    fn default() -> Self {
        PartnersFile { version: FORMAT_VERSION, offers: Vec::new(), partnerships: Vec::new() }
    }
}

impl PartnersFile {
    pub fn get(&self, id: &str) -> Option<&Partnership> {
        self.partnerships.iter().find(|p| p.id == id)
    }

    /// A fresh partnership id.
    pub fn next_id(&self) -> String {
        let n = self.partnerships.iter().filter_map(|p| p.id.strip_prefix('p')?.parse::<u32>().ok()).max();
        format!("p{}", n.unwrap_or(0) + 1)
    }

    /// Partnerships still running.
    pub fn active(&self) -> impl Iterator<Item = &Partnership> {
        self.partnerships.iter().filter(|p| p.ended.is_none())
    }
}

/// One weekly check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkin {
    /// The partnership id in the member's `partners.json`.
    pub partnership: String,
    /// The day it was made (local date).
    pub on: NaiveDate,
    pub at: DateTime<FixedOffset>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Whether the member says they are on track; `None` when not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_track: Option<bool>,
}

/// `members/<id>/checkins.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckinsFile {
    pub version: u32,
    #[serde(default)]
    pub checkins: Vec<Checkin>,
}

impl Default for CheckinsFile {
    fn default() -> Self {
        CheckinsFile { version: FORMAT_VERSION, checkins: Vec::new() }
    }
}

/// Monday of the week (Monday to Sunday) that holds `d`.
pub fn week_start(d: NaiveDate) -> NaiveDate {
    d - Days::new(d.weekday().num_days_from_monday() as u64)
}

/// The check-in day of the week that starts on `monday`.
pub fn day_in_week(monday: NaiveDate, day: Weekday) -> NaiveDate {
    monday + Days::new(day.num_days_from_monday() as u64)
}

/// Where this week's check-in of one partnership stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekState {
    /// Checked in this week.
    Done,
    /// Not yet, and the check-in day is still ahead (or today).
    Due(NaiveDate),
    /// The check-in day has passed this week with no check-in yet.
    Late(NaiveDate),
    /// The partnership has ended, or has not started counting yet.
    NotCounted,
}

/// The weeks of a partnership that count: Monday-to-Sunday weeks whose check-in day falls
/// on or after `since` (and on or before `ended`), up to the week holding `today`.
fn counted_weeks(p: &Partnership, today: NaiveDate) -> impl Iterator<Item = NaiveDate> + '_ {
    let first = {
        let w = week_start(p.since);
        if day_in_week(w, p.day) >= p.since { w } else { w + Days::new(7) }
    };
    let last = week_start(today);
    std::iter::successors(Some(first), |w| Some(*w + Days::new(7)))
        .take_while(move |w| *w <= last)
        .filter(move |w| p.ended.is_none_or(|e| day_in_week(*w, p.day) <= e))
}

fn checked_in(checkins: &[Checkin], partnership: &str, monday: NaiveDate) -> bool {
    checkins.iter().any(|c| c.partnership == partnership && week_start(c.on) == monday)
}

/// Weeks (their Mondays) that ended before `today`'s week with no check-in. "No excuses
/// accepted": a week is missed when it is over and nothing was reported.
pub fn missed_weeks(p: &Partnership, checkins: &[Checkin], today: NaiveDate) -> Vec<NaiveDate> {
    let this_week = week_start(today);
    counted_weeks(p, today).filter(|w| *w < this_week && !checked_in(checkins, &p.id, *w)).collect()
}

/// This week's state of one partnership.
pub fn week_state(p: &Partnership, checkins: &[Checkin], today: NaiveDate) -> WeekState {
    let this_week = week_start(today);
    if !counted_weeks(p, today).any(|w| w == this_week) {
        return WeekState::NotCounted;
    }
    if checked_in(checkins, &p.id, this_week) {
        return WeekState::Done;
    }
    let day = day_in_week(this_week, p.day);
    if day < today { WeekState::Late(day) } else { WeekState::Due(day) }
}

/// Missed weeks over all of a member's running partnerships.
pub fn missed_total(partners: &PartnersFile, checkins: &[Checkin], today: NaiveDate) -> usize {
    partners.active().map(|p| missed_weeks(p, checkins, today).len()).sum()
}

/// Parse a weekday as people type it: `fri`, `Friday`, `FR`.
pub fn parse_weekday(s: &str) -> Option<Weekday> {
    let t = s.trim().to_ascii_lowercase();
    if t.len() < 2 {
        return None;
    }
    const NAMES: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    NAMES.iter().find(|(name, _)| name.starts_with(&t)).map(|(_, d)| *d)
}

/// `friday`, as stored in the file.
pub fn weekday_key(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

mod weekday_serde {
    use chrono::Weekday;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Weekday, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(super::weekday_key(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Weekday, D::Error> {
        let s = String::deserialize(d)?;
        super::parse_weekday(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("\"{s}\" is not a day of the week (e.g. \"friday\")")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn partnership(since: &str, day: Weekday) -> Partnership {
        Partnership {
            id: "p1".into(),
            partner: Partner::Outside("Sam".into()),
            skill: "delegation".into(),
            goal: None,
            day,
            slip_words: String::new(),
            since: date(since),
            ended: None,
        }
    }

    fn checkin(on: &str) -> Checkin {
        Checkin {
            partnership: "p1".into(),
            on: date(on),
            at: DateTime::parse_from_rfc3339(&format!("{on}T12:00:00+00:00")).unwrap(),
            note: String::new(),
            on_track: Some(true),
        }
    }

    #[test]
    fn weeks_are_missed_only_once_they_are_over() {
        // 2026-11-02 is a Monday. Partnership from Tue 3 Nov, check-in on Fridays.
        let p = partnership("2026-11-03", Weekday::Fri);
        let log = vec![checkin("2026-11-06"), checkin("2026-11-21")];
        // Today: Sun 22 Nov. Weeks of 2, 9, 16 Nov are over; 9 Nov has no check-in.
        assert_eq!(missed_weeks(&p, &log, date("2026-11-22")), vec![date("2026-11-09")]);
        assert_eq!(week_state(&p, &log, date("2026-11-22")), WeekState::Done);
        // Mon 23 Nov: a new week, nothing yet, due Friday.
        assert_eq!(week_state(&p, &log, date("2026-11-23")), WeekState::Due(date("2026-11-27")));
        assert_eq!(week_state(&p, &log, date("2026-11-28")), WeekState::Late(date("2026-11-27")));
        assert_eq!(missed_weeks(&p, &log, date("2026-11-30")), vec![date("2026-11-09"), date("2026-11-23")]);
    }

    #[test]
    fn a_week_whose_day_came_before_the_start_is_not_counted() {
        // Starts Saturday 7 Nov with Friday check-ins: the first counted week is 9 Nov.
        let p = partnership("2026-11-07", Weekday::Fri);
        assert_eq!(week_state(&p, &[], date("2026-11-08")), WeekState::NotCounted);
        assert_eq!(missed_weeks(&p, &[], date("2026-11-16")), vec![date("2026-11-09")]);
        let mut ended = p.clone();
        ended.ended = Some(date("2026-11-10"));
        assert!(missed_weeks(&ended, &[], date("2026-12-30")).is_empty());
    }

    #[test]
    fn weekdays_parse_as_typed() {
        assert_eq!(parse_weekday("fri"), Some(Weekday::Fri));
        assert_eq!(parse_weekday("Thursday"), Some(Weekday::Thu));
        assert_eq!(parse_weekday("t"), None);
        assert_eq!(parse_weekday("tu"), Some(Weekday::Tue));
        assert_eq!(parse_weekday("funday"), None);
    }
}

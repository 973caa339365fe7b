//! The parking lot: items raised in a meeting to come back to later, kept in
//! `parking.json` at the root of the group folder (written by the facilitator only).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::FORMAT_VERSION;

/// How soon an item needs the group: A first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub enum Urgency {
    A,
    #[default]
    B,
    C,
}

impl Urgency {
    pub const ALL: [Urgency; 3] = [Urgency::A, Urgency::B, Urgency::C];

    pub fn parse(s: &str) -> Option<Urgency> {
        match s.trim() {
            "A" | "a" => Some(Urgency::A),
            "B" | "b" => Some(Urgency::B),
            "C" | "c" => Some(Urgency::C),
            _ => None,
        }
    }

    pub fn letter(self) -> &'static str {
        match self {
            Urgency::A => "A",
            Urgency::B => "B",
            Urgency::C => "C",
        }
    }

    pub fn next(self) -> Urgency {
        match self {
            Urgency::A => Urgency::B,
            Urgency::B => Urgency::C,
            Urgency::C => Urgency::A,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ParkStatus {
    #[default]
    Open,
    Done,
    Dropped,
}

impl ParkStatus {
    pub fn label(self) -> &'static str {
        match self {
            ParkStatus::Open => "open",
            ParkStatus::Done => "done",
            ParkStatus::Dropped => "dropped",
        }
    }
}

/// One parked item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParkedItem {
    /// `p1`, `p2`…
    pub id: String,
    pub text: String,
    pub urgency: Urgency,
    /// Whom it concerns (member id), if anyone.
    #[serde(default)]
    pub member: Option<String>,
    #[serde(deserialize_with = "crate::model::time::de")]
    pub created: DateTime<FixedOffset>,
    #[serde(default)]
    pub status: ParkStatus,
    /// The meeting it was parked in, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<DateTime<FixedOffset>>,
}

/// `parking.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParkingLot {
    pub version: u32,
    #[serde(default)]
    pub items: Vec<ParkedItem>,
}

impl Default for ParkingLot {
    fn default() -> Self {
        ParkingLot { version: FORMAT_VERSION, items: Vec::new() }
    }
}

impl ParkingLot {
    /// Park an item; returns its id.
    pub fn park(
        &mut self,
        text: &str,
        urgency: Urgency,
        member: Option<String>,
        meeting: Option<String>,
        now: DateTime<FixedOffset>,
    ) -> String {
        let n = self.items.iter().filter_map(|i| i.id.strip_prefix('p')?.parse::<u32>().ok()).max().unwrap_or(0);
        let id = format!("p{}", n + 1);
        self.items.push(ParkedItem {
            id: id.clone(),
            text: text.trim().to_string(),
            urgency,
            member,
            created: now,
            status: ParkStatus::Open,
            meeting,
            resolved: None,
        });
        id
    }

    pub fn item_mut(&mut self, id: &str) -> Option<&mut ParkedItem> {
        self.items.iter_mut().find(|i| i.id == id)
    }

    /// Close an item as done or dropped.
    pub fn resolve(&mut self, id: &str, status: ParkStatus, now: DateTime<FixedOffset>) -> Option<&ParkedItem> {
        let item = self.item_mut(id)?;
        item.status = status;
        item.resolved = Some(now);
        Some(item)
    }

    /// Open items, most urgent first, then oldest.
    pub fn open_by_urgency(&self) -> Vec<&ParkedItem> {
        let mut open: Vec<&ParkedItem> = self.items.iter().filter(|i| i.status == ParkStatus::Open).collect();
        open.sort_by_key(|i| (i.urgency, i.created));
        open
    }

    /// Items parked on `day`.
    pub fn parked_on(&self, day: NaiveDate) -> Vec<&ParkedItem> {
        self.items.iter().filter(|i| i.created.date_naive() == day).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn park_resolve_and_sort() {
        let t = |h| FixedOffset::east_opt(0).unwrap().with_ymd_and_hms(2030, 1, 15, h, 0, 0).unwrap();
        let mut lot = ParkingLot::default();
        assert_eq!(lot.park("Offsite venue", Urgency::C, None, None, t(18)), "p1");
        assert_eq!(lot.park("Pricing", Urgency::A, Some("ada".into()), None, t(19)), "p2");
        assert_eq!(lot.open_by_urgency().iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["p2", "p1"]);
        lot.resolve("p2", ParkStatus::Done, t(20)).unwrap();
        assert_eq!(lot.open_by_urgency().len(), 1);
        assert_eq!(lot.park("Next", Urgency::B, None, None, t(20)), "p3");
        assert_eq!(lot.parked_on(t(20).date_naive()).len(), 3);
    }
}

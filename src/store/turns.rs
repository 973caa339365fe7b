//! The group's history as the rotation ledger needs it: of each meeting file only its
//! date, status, attendance and turns. hotseat writes those before the action steps, so
//! each file is read only as far as its `steps`, however long its history.

use std::io::BufReader;

use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::{Result, Store, fsio};
use crate::model::rotation::{MeetingTurns, SeatTurn};
use crate::model::{Attendance, Status};

#[derive(Deserialize)]
struct TurnHead {
    member: String,
    planned_secs: u32,
    #[serde(default)]
    used_ms: u64,
    #[serde(default)]
    started_at: Option<chrono::DateTime<chrono::FixedOffset>>,
}

/// Fills `MeetingTurns` from a meeting file's map, stopping at `steps` once the turns
/// are in; `done` says the part wanted was read whole.
struct Head<'a> {
    out: &'a mut MeetingTurns,
    done: &'a mut bool,
}

impl<'de> DeserializeSeed<'de> for Head<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Head<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a meeting")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let mut turns = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "id" => self.out.id = map.next_value()?,
                "date" => self.out.date = map.next_value()?,
                "status" => self.out.closed = map.next_value::<Status>()? == Status::Closed,
                "attendance" => self.out.attendance = map.next_value::<Vec<Attendance>>()?,
                "turns" => {
                    turns = true;
                    self.out.turns = map
                        .next_value::<Vec<TurnHead>>()?
                        .into_iter()
                        .map(|t| SeatTurn {
                            member: t.member,
                            planned_secs: t.planned_secs,
                            used_ms: t.used_ms,
                            started_at: t.started_at,
                        })
                        .collect()
                }
                "steps" | "reviews" if turns => {
                    *self.done = true;
                    return Ok(());
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        *self.done = true;
        Ok(())
    }
}

impl Store {
    /// Who of `members` has waited how long for a hot seat, and the minutes turns really
    /// use: the meetings read from the newest back, only as far as they must be.
    pub fn seats(&self, members: &[String]) -> Result<crate::model::rotation::Seats> {
        let mut back = crate::model::rotation::SeatsBack::new(members);
        for id in self.meeting_ids()?.iter().rev() {
            if back.done() {
                break;
            }
            back.add(&self.meeting_head(id)?);
        }
        Ok(back.finish())
    }

    /// Date, status, attendance and turns of every meeting, oldest first.
    pub fn meeting_turns(&self) -> Result<Vec<MeetingTurns>> {
        self.meeting_ids()?.iter().map(|id| self.meeting_head(id)).collect()
    }

    /// Date, status, attendance and turns of one meeting, its file read only so far.
    fn meeting_head(&self, id: &str) -> Result<MeetingTurns> {
        let path = self.layout.meeting(id);
        fsio::refuse_links(self.root(), &path)?;
        let mut head = MeetingTurns::default();
        let mut done = false;
        let read = std::fs::File::open(&path).map(|f| {
            let mut de = serde_json::Deserializer::from_reader(BufReader::new(f));
            let _ = Head { out: &mut head, done: &mut done }.deserialize(&mut de);
        });
        if read.is_err() || !done {
            // The precise complaint, with the file's line and column.
            self.load_meeting(id)?;
        }
        Ok(head)
    }
}

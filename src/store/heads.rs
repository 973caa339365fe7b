//! What a session reads of the meeting files before its first frame: the open meeting,
//! and of the newest closed one only its date and its snapshot of the steps left open.

use chrono::NaiveDate;
use serde::Deserialize;

use super::{Store, StoreError};
use crate::model::ledger;
use crate::model::{ActionStep, Meeting, Status};

/// Of an older meeting only what the next one needs, not its steps, reviews or notes;
/// its snapshot of open steps read (`S = Vec<ActionStep>`) or only noticed (`IgnoredAny`).
#[derive(Deserialize)]
pub(super) struct MeetingHead<S> {
    pub id: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub status: Status,
    #[serde(default = "none")]
    pub open_after: Option<S>,
    /// Members whose turn this meeting moved to the next one.
    #[serde(default)]
    pub postponed: Vec<String>,
}

fn none<S>() -> Option<S> {
    None
}

/// Where the steps open after the previous meeting come from.
#[derive(Debug, Default)]
pub(super) enum Base {
    #[default]
    None,
    Steps(Vec<ActionStep>),
    /// The `open_after` of this meeting file, read with the reports.
    Snapshot(std::path::PathBuf),
}

/// The open meeting, if any, and the newest closed one (with the bytes of its file),
/// reading the files newest first, each once.
#[allow(clippy::type_complexity)]
pub(super) fn newest_meetings<S: serde::de::DeserializeOwned>(
    store: &Store,
    ids: &[String],
) -> Result<(Option<Meeting>, Option<(MeetingHead<S>, Vec<u8>)>), StoreError> {
    let mut open_meeting = None;
    for id in ids.iter().rev() {
        let path = store.layout.meeting(id);
        // Read once: the open meeting is decoded in full from the same bytes.
        let (head, bytes) = store.read_with_bytes::<MeetingHead<S>>(&path)?;
        if head.id != *id {
            // The precise complaint about a file that names another meeting.
            store.meeting_from(id, &path, &bytes)?;
        }
        if head.status == Status::Open && open_meeting.is_none() {
            open_meeting = Some(store.meeting_from(id, &path, &bytes)?);
            continue;
        }
        if head.status == Status::Closed {
            return Ok((open_meeting, Some((head, bytes))));
        }
    }
    Ok((open_meeting, None))
}

/// Older or hand-made files without a snapshot: replay all closed meetings.
pub(super) fn replay_closed(store: &Store, ids: &[String]) -> Result<Vec<ActionStep>, StoreError> {
    let mut all = Vec::new();
    for id in ids {
        let mm = store.load_meeting(id)?;
        if mm.status == Status::Closed {
            all.push(mm);
        }
    }
    Ok(ledger::replay(&all).open().cloned().collect())
}

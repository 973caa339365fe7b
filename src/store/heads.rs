//! What a session reads of the meeting files before its first frame: the open meeting,
//! and of the newest closed one only its date and its snapshot of the steps left open.

use chrono::NaiveDate;
use serde::Deserialize;
use serde::de::IgnoredAny;

use super::head_cache::{Head, Heads};
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

/// For a full-screen start: the open meeting, if any, and what it needs of the newest
/// closed one ([`Head`]). The newest file is decoded once, in full (it is usually the open
/// meeting); a closed meeting's head comes from the cache while its file is unchanged, and
/// is skimmed (and kept) otherwise. A closed meeting damaged beyond its head is passed over
/// here as before: only a command-line load decodes it in full.
pub(super) fn newest_meetings_kept(
    store: &Store,
    ids: &[String],
) -> Result<(Option<Meeting>, Option<Head>), StoreError> {
    let mut heads = Heads::open(store);
    let mut open_meeting = None;
    let mut previous = None;
    for (n, id) in ids.iter().rev().enumerate() {
        let stamp = heads.stamp(id);
        if let Some(head) = stamp.as_ref().and_then(|s| heads.get(id, s)) {
            previous = Some(head);
            break;
        }
        let path = store.layout.meeting(id);
        let bytes = store.read_bytes(&path)?;
        let head = if n == 0 {
            // The newest, most often the open meeting: decoded in full at once.
            match store.meeting_from(id, &path, &bytes).inspect(|_| store.remember(&path, &bytes)) {
                Ok(m) if m.status == Status::Open => {
                    open_meeting = Some(m);
                    continue;
                }
                Ok(m) => Head::of(&m),
                // A closed meeting damaged beyond its head is passed over, an open one not.
                Err(e) => match skim(store, id, &path, &bytes)? {
                    h if h.status == Status::Closed => h,
                    _ => return Err(e),
                },
            }
        } else {
            skim(store, id, &path, &bytes)?
        };
        if head.status == Status::Open && open_meeting.is_none() {
            open_meeting = Some(store.meeting_from(id, &path, &bytes)?);
            continue;
        }
        if head.status == Status::Closed {
            if let Some(s) = stamp {
                heads.put(s, &head);
            }
            previous = Some(head);
            break;
        }
    }
    heads.save();
    Ok((open_meeting, previous))
}

/// The head of meeting `id` from the bytes of its file.
fn skim(store: &Store, id: &str, path: &std::path::Path, bytes: &[u8]) -> Result<Head, StoreError> {
    let head: MeetingHead<IgnoredAny> = super::decode::decode(path, bytes)?;
    if head.id != id {
        // The precise complaint about a file that names another meeting.
        store.meeting_from(id, path, bytes)?;
    }
    store.remember(path, bytes);
    Ok(head.into())
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

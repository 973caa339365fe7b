//! The front of a member's steps, cached for the member view's first frame: every open
//! step and the newest closed ones, as a full load gives them (every meeting and the
//! member's own reports applied), with how many closed steps there are in all.
//!
//! It is trusted only while the meetings folder lists the same meeting files and each of
//! them, and the member's `progress.json`, has the stamp it had when the front was
//! derived (stamped before reading; written only when all of them are settled, see
//! [`Stamp::settled`]). Like every cache file it is never the source of truth: the view
//! reads the whole of the member's steps and reports right after the first frame and
//! replaces the front with them.

use std::time::SystemTime;

use super::binary::{Reader, Writer};
use super::cache::{Cache, Stamp};
use super::{Store, StoreError};
use crate::model::ActionStep;
use crate::model::partition::LastClosed;

/// Changes whenever the layout of the file changes.
const MAGIC: &[u8] = b"hotseat member front 1\n";

fn file_name(me: &str) -> String {
    format!("member-{me}-front.bin")
}

/// What a member's steps are derived from: each meeting file and the member's
/// `progress.json`, by stamp (`None`: not there, or not readable).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontKey {
    meetings: Vec<(String, Option<Stamp>)>,
    progress: Option<Stamp>,
}

impl FrontKey {
    /// The stamps now: one listing of the meetings folder, one `fstatat` per file.
    pub fn now(store: &Store, me: &str) -> Result<FrontKey, StoreError> {
        let ids = store.meeting_ids()?;
        let dir = std::fs::File::open(store.layout.meetings_dir()).ok();
        let meetings = ids
            .into_iter()
            .map(|id| {
                let stamp = dir.as_ref().and_then(|d| Stamp::in_dir(d, &format!("{id}.json")));
                (id, stamp)
            })
            .collect();
        Ok(FrontKey { meetings, progress: Stamp::of(&store.layout.progress(me)) })
    }

    /// Every meeting file is there and settled, and so is `progress.json` if there is one.
    fn settled(&self, now: SystemTime) -> bool {
        self.meetings.iter().all(|(_, s)| s.is_some_and(|s| s.settled(now)))
            && self.progress.is_none_or(|s| s.settled(now))
    }

    fn write(&self, w: &mut Writer) {
        w.len(self.meetings.len());
        for (id, stamp) in &self.meetings {
            w.str(id);
            write_opt_stamp(w, stamp.as_ref());
        }
        write_opt_stamp(w, self.progress.as_ref());
    }

    fn read(r: &mut Reader) -> Option<FrontKey> {
        let n = r.len(20)?;
        let mut meetings = Vec::with_capacity(n);
        for _ in 0..n {
            meetings.push((r.str()?, read_opt_stamp(r)?));
        }
        Some(FrontKey { meetings, progress: read_opt_stamp(r)? })
    }
}

fn write_opt_stamp(w: &mut Writer, s: Option<&Stamp>) {
    w.u8(s.is_some() as u8);
    if let Some(s) = s {
        s.write(w);
    }
}

fn read_opt_stamp(r: &mut Reader) -> Option<Option<Stamp>> {
    match r.u8()? {
        0 => Some(None),
        1 => Some(Some(Stamp::read(r)?)),
        _ => None,
    }
}

/// The first screen's share of a member's steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Front {
    pub last_closed: Option<LastClosed>,
    /// Every open step and the newest closed ones (at most `head` of them).
    pub steps: Vec<ActionStep>,
    /// Closed steps in all, the ones in `steps` included.
    pub closed: usize,
}

impl Front {
    /// The front of `steps` (a member's steps as a full load gives them): every open step
    /// and the `head` newest closed ones, in the order the steps screen shows closed ones
    /// (newest meeting first, then step id, descending).
    pub fn of(steps: &[ActionStep], last_closed: Option<LastClosed>, head: usize) -> Front {
        let mut open: Vec<ActionStep> = steps.iter().filter(|s| s.is_open()).cloned().collect();
        let mut closed: Vec<&ActionStep> = steps.iter().filter(|s| !s.is_open()).collect();
        let total = closed.len();
        closed.sort_by(|a, b| b.meeting.cmp(&a.meeting).then(b.id.cmp(&a.id)));
        open.extend(closed.into_iter().take(head).cloned());
        Front { last_closed, steps: open, closed: total }
    }

    /// Holds the `head` newest closed steps (or all of them).
    pub fn holds_head(&self, head: usize) -> bool {
        self.closed - self.hidden_closed() >= head.min(self.closed)
    }

    /// Closed steps not in `steps`.
    pub fn hidden_closed(&self) -> usize {
        self.closed - self.steps.iter().filter(|s| !s.is_open()).count()
    }
}

/// The cached front of `me`'s steps, if it was derived from the files `key` stamps.
pub fn read(cache: &Cache, me: &str, key: &FrontKey) -> Option<Front> {
    let bytes = cache.read(&file_name(me))?;
    let (cached_key, front) = decode(&bytes, me)?;
    (cached_key == *key).then_some(front)
}

/// Keep `front` for the next start, when every file `key` stamps is settled.
pub fn write(cache: &Cache, me: &str, key: &FrontKey, front: &Front) {
    if key.settled(SystemTime::now()) {
        cache.write(&file_name(me), &encode(me, key, front));
    }
}

fn encode(me: &str, key: &FrontKey, front: &Front) -> Vec<u8> {
    let mut w = Writer::default();
    w.bytes.extend_from_slice(MAGIC);
    w.str(me);
    key.write(&mut w);
    w.last_closed(front.last_closed);
    w.u64(front.closed as u64);
    w.steps(front.steps.iter());
    w.bytes
}

fn decode(bytes: &[u8], me: &str) -> Option<(FrontKey, Front)> {
    let mut r = Reader { bytes: bytes.strip_prefix(MAGIC)? };
    if r.str()? != me {
        return None;
    }
    let key = FrontKey::read(&mut r)?;
    let last_closed = r.last_closed()?;
    let closed = usize::try_from(r.u64()?).ok()?;
    let steps = r.steps()?;
    let front = Front { last_closed, steps, closed };
    let consistent = front.steps.iter().filter(|s| !s.is_open()).count() <= closed;
    (r.bytes.is_empty() && consistent).then_some((key, front))
}

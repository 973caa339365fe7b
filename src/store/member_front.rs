//! The front of a member's steps, cached for the member view's first frame: every open
//! step and the newest closed ones, as a full load gives them (every meeting and the
//! member's own reports applied), with how many closed steps there are in all.
//!
//! It is trusted while the meetings folder has the stamp it had when the front was derived
//! (a meeting file added, removed or renamed changes it, and every save of a meeting is a
//! rename), the newest meeting files and the member's `progress.json` have theirs (a file
//! rewritten in place, even with its time set back, changes its stamp), all stamped before
//! reading and written only when settled (see [`Stamp::settled`]). That is about a dozen
//! system calls instead of one per meeting file; a meeting older than the newest few
//! rewritten in place by hand is not looked at for the first frame. Like every cache file
//! it is never the source of truth: the view reads the whole of the member's steps right
//! after the first frame, before any key — checking the stamp of every meeting file then —
//! and replaces the front with them.

use std::time::SystemTime;

use super::Store;
use super::binary::{Reader, Writer};
use super::cache::{Cache, Stamp};
use crate::model::ActionStep;
use crate::model::partition::LastClosed;

/// Changes whenever the layout of the file changes.
const MAGIC: &[u8] = b"hotseat member front 2\n";

fn file_name(me: &str) -> String {
    format!("member-{me}-front.bin")
}

/// The newest meeting files stamped one by one.
const NEWEST: usize = 8;

/// What a member's front is derived from, by stamp (`None`: not there, or not readable):
/// the meetings folder, the newest meeting files, and the member's `progress.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontKey {
    folder: Option<Stamp>,
    newest: Vec<(String, Option<Stamp>)>,
    progress: Option<Stamp>,
}

impl FrontKey {
    /// The stamps now, of the meetings `ids` as just listed (stamp the folder before
    /// listing it, with [`FrontKey::folder`]).
    pub fn now(store: &Store, me: &str, folder: Option<Stamp>, ids: &[String]) -> FrontKey {
        let first = ids.len().saturating_sub(NEWEST);
        FrontKey {
            folder,
            newest: stamps(store, ids[first..].iter().cloned()),
            progress: Stamp::of(&store.layout.progress(me)),
        }
    }

    /// The stamp of the meetings folder now.
    pub fn folder(store: &Store) -> Option<Stamp> {
        Stamp::of_folder(&store.layout.meetings_dir())
    }

    /// Every file this key stamps has the same stamp now.
    fn holds(&self, store: &Store, me: &str) -> bool {
        self.folder.is_some()
            && FrontKey::folder(store) == self.folder
            && Stamp::of(&store.layout.progress(me)) == self.progress
            && stamps(store, self.newest.iter().map(|(id, _)| id.clone())) == self.newest
    }

    /// The folder, the newest files and `progress.json` (if there is one) are settled.
    fn settled(&self, now: SystemTime) -> bool {
        self.folder.is_some_and(|s| s.settled(now))
            && self.newest.iter().all(|(_, s)| s.is_some_and(|s| s.settled(now)))
            && self.progress.is_none_or(|s| s.settled(now))
    }

    fn write(&self, w: &mut Writer) {
        write_opt_stamp(w, self.folder.as_ref());
        w.len(self.newest.len());
        for (id, stamp) in &self.newest {
            w.str(id);
            write_opt_stamp(w, stamp.as_ref());
        }
        write_opt_stamp(w, self.progress.as_ref());
    }

    fn read(r: &mut Reader) -> Option<FrontKey> {
        let folder = read_opt_stamp(r)?;
        let n = r.len(20)?;
        let mut newest = Vec::with_capacity(n);
        for _ in 0..n {
            newest.push((r.str()?, read_opt_stamp(r)?));
        }
        Some(FrontKey { folder, newest, progress: read_opt_stamp(r)? })
    }
}

/// The stamps of the meeting files `ids`, through one open meetings folder.
fn stamps(store: &Store, ids: impl Iterator<Item = String>) -> Vec<(String, Option<Stamp>)> {
    let dir = std::fs::File::open(store.layout.meetings_dir()).ok();
    ids.map(|id| {
        let stamp = dir.as_ref().and_then(|d| Stamp::in_dir(d, &format!("{id}.json")));
        (id, stamp)
    })
    .collect()
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

/// The cached front of `me`'s steps, if the files it was derived from are unchanged.
pub fn read(cache: &Cache, store: &Store, me: &str) -> Option<Front> {
    let bytes = cache.read(&file_name(me))?;
    let (key, front) = decode(&bytes, me)?;
    key.holds(store, me).then_some(front)
}

/// Keep `front` for the next start, when every file `key` stamps is settled and the
/// cache does not hold it already.
pub fn write(cache: &Cache, me: &str, key: &FrontKey, front: &Front) {
    let bytes = encode(me, key, front);
    if key.settled(SystemTime::now()) && cache.read(&file_name(me)).is_none_or(|kept| kept != bytes) {
        cache.write(&file_name(me), &bytes);
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

//! What a full-screen start needs of the newest closed meeting — its date, whether it
//! holds a snapshot of the steps left open, whom it postponed — kept in the cache (see
//! [`super::cache`]) by the stamp of its file, so that a start does not read and skim a
//! closed meeting of a few hundred kilobytes to learn three things. A closed meeting's
//! file seldom changes; when it does, its stamp does, and it is read again.

use std::fs::File;
use std::time::SystemTime;

use chrono::NaiveDate;

use super::Store;
use super::binary::{Reader, Writer};
use super::cache::{Cache, Stamp};
use super::heads::MeetingHead;
use crate::model::{Meeting, Status};

/// Changes whenever the layout of the file changes.
const MAGIC: &[u8] = b"hotseat meeting heads 1\n";
const NAME: &str = "heads.bin";
/// The newest few are all a start looks at.
const KEEP: usize = 8;

/// Of a meeting file, what a full-screen start needs when it is not the open meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub id: String,
    pub date: NaiveDate,
    pub status: Status,
    /// The file holds `open_after`, the steps left open when it closed.
    pub snapshot: bool,
    pub postponed: Vec<String>,
}

impl Head {
    pub fn of(m: &Meeting) -> Head {
        Head {
            id: m.id.clone(),
            date: m.date,
            status: m.status,
            snapshot: m.open_after.is_some(),
            postponed: m.postponed.clone(),
        }
    }
}

impl<S> From<MeetingHead<S>> for Head {
    fn from(h: MeetingHead<S>) -> Head {
        Head { id: h.id, date: h.date, status: h.status, snapshot: h.open_after.is_some(), postponed: h.postponed }
    }
}

/// The closed meetings' heads kept, and the meetings folder to stamp files in.
pub struct Heads<'s> {
    cache: Option<&'s Cache>,
    kept: Vec<(Stamp, Head)>,
    added: bool,
    dir: Option<File>,
    now: SystemTime,
}

impl<'s> Heads<'s> {
    pub fn open(store: &'s Store) -> Heads<'s> {
        let cache = store.cache();
        let kept = cache.and_then(|c| c.read(NAME)).and_then(|b| read(&b)).unwrap_or_default();
        let dir = File::open(store.layout.meetings_dir()).ok();
        Heads { cache, kept, added: false, dir, now: SystemTime::now() }
    }

    /// The stamp of meeting `id`'s file as it is now (never through a link).
    pub fn stamp(&self, id: &str) -> Option<Stamp> {
        Stamp::in_dir_no_follow(self.dir.as_ref()?, &format!("{id}.json"))
    }

    /// The head kept for meeting `id` while its file is stamped `stamp`.
    pub fn get(&self, id: &str, stamp: &Stamp) -> Option<Head> {
        self.kept.iter().find(|(s, h)| h.id == id && s == stamp).map(|(_, h)| h.clone())
    }

    /// Keep the head of a closed meeting whose file has settled.
    pub fn put(&mut self, stamp: Stamp, head: &Head) {
        if head.status != Status::Closed || !stamp.settled(self.now) || self.get(&head.id, &stamp).is_some() {
            return;
        }
        self.kept.retain(|(_, h)| h.id != head.id);
        self.kept.insert(0, (stamp, head.clone()));
        self.kept.sort_by(|a, b| b.1.id.cmp(&a.1.id));
        self.kept.truncate(KEEP);
        self.added = true;
    }

    /// Write what was added (a failure is ignored: the next start reads the file again).
    pub fn save(self) {
        if let (true, Some(cache)) = (self.added, self.cache) {
            cache.write(NAME, &write(&self.kept));
        }
    }
}

fn write(kept: &[(Stamp, Head)]) -> Vec<u8> {
    let mut w = Writer::default();
    w.bytes.extend_from_slice(MAGIC);
    w.len(kept.len());
    for (stamp, h) in kept {
        stamp.write(&mut w);
        w.str(&h.id);
        w.date(h.date);
        w.u8(h.snapshot as u8);
        w.strs(&h.postponed);
    }
    w.bytes
}

fn read(bytes: &[u8]) -> Option<Vec<(Stamp, Head)>> {
    let mut r = Reader { bytes: bytes.strip_prefix(MAGIC)? };
    let n = r.len(8)?;
    let mut kept = Vec::with_capacity(n);
    for _ in 0..n {
        let stamp = Stamp::read(&mut r)?;
        let id = r.str()?;
        let date = r.date()?;
        let snapshot = match r.u8()? {
            0 => false,
            1 => true,
            _ => return None,
        };
        let postponed = r.strs()?;
        kept.push((stamp, Head { id, date, status: Status::Closed, snapshot, postponed }));
    }
    r.bytes.is_empty().then_some(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_garbage() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("m.json");
        std::fs::write(&f, b"{}").unwrap();
        let stamp = Stamp::of(&f).unwrap();
        let head = Head {
            id: "2026-11-10".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 10).unwrap(),
            status: Status::Closed,
            snapshot: true,
            postponed: vec!["ada".into(), "ben".into()],
        };
        let bytes = write(&[(stamp, head.clone())]);
        assert_eq!(read(&bytes), Some(vec![(stamp, head)]));
        for cut in 0..bytes.len() {
            assert_eq!(read(&bytes[..cut]), None, "cut at {cut}");
        }
        assert_eq!(read(b"garbage"), None);
    }
}

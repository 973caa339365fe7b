//! Reading the group's history one meeting at a time, and one member's share of it
//! through the cache.
//!
//! A member's share ([`MemberShare`]) is kept in the cache for the longest run of
//! oldest-first meetings that are closed and settled (see [`Stamp::settled`]), with the
//! stamp of each. A start lists the meetings folder once, checks those stamps, and reads
//! only the meeting files after them (normally the open meeting, or the one closed since
//! the last start). When a file of that run changed, was added or removed, the share is
//! folded again from the first meeting, reading each file in full as before (so a
//! damaged file is reported the same way) and holding one meeting at a time.

use std::collections::HashSet;
use std::time::SystemTime;

use super::binary::{Reader, Writer};
use super::cache::{Cache, Stamp};
use super::{Store, StoreError};
use crate::model::compact::CompactLedger;
use crate::model::ledger::{Ledger, changes};
use crate::model::partition::MemberShare;
use crate::model::{ActionStep, Meeting, Status};

/// Changes whenever the layout of a member's cache file changes.
const MAGIC: &[u8] = b"hotseat member share 2\n";

fn file_name(me: &str) -> String {
    format!("member-{me}.bin")
}

impl Store {
    /// Fold every meeting from `ids` into `f`, oldest first, reading each in full (errors
    /// as [`Store::load_meeting`] gives them) and holding only one at a time.
    pub fn for_each_meeting(&self, ids: &[String], mut f: impl FnMut(Meeting)) -> Result<(), StoreError> {
        for id in ids {
            f(self.load_meeting(id)?);
        }
        Ok(())
    }
}

/// Every step of the meetings `ids`, as [`ledger::replay`](crate::model::ledger::replay)
/// gives them, reading one meeting at a time and holding the steps packed.
pub fn replay_compact(store: &Store, ids: &[String]) -> Result<CompactLedger, StoreError> {
    let mut l = CompactLedger::default();
    store.for_each_meeting(ids, |m| l.add_meeting(m))?;
    Ok(l)
}

/// One step as [`ledger::replay`](crate::model::ledger::replay) of every meeting gives
/// it (no member reports), following only that step.
pub fn find_step(store: &Store, id: &str) -> Result<Option<ActionStep>, StoreError> {
    let mut l = Ledger::default();
    store.for_each_meeting(&store.meeting_ids()?, |m| {
        let (upserts, reviews) = changes(m);
        upserts.filter(|s| s.id == id).for_each(|s| l.upsert(s));
        for (step, entry) in reviews.into_iter().filter(|(step, _)| step == id) {
            if let Some(s) = l.get_mut(&step) {
                s.record(entry);
            }
        }
    })?;
    Ok(l.get(id).cloned())
}

/// The meetings a cached share was folded from, with their stamps.
type Covered = Vec<(String, Stamp)>;

/// `me`'s share of the whole history: every meeting folded in, from the group's cache
/// as far as it is still true.
pub fn member_share(store: &Store, me: &str) -> Result<MemberShare, StoreError> {
    member_share_in(store, me, store.cache())
}

/// [`member_share`] with the cache in `cache` (or none).
pub fn member_share_in(store: &Store, me: &str, cache: Option<&Cache>) -> Result<MemberShare, StoreError> {
    let ids = store.meeting_ids()?;
    let cached = cache.and_then(|c| c.read(&file_name(me))).and_then(|b| decode(&b, me));
    let (mut covered, mut share) = match cached {
        Some((covered, share)) if still_true(store, &covered, &ids) => (covered, share),
        _ => (Vec::new(), MemberShare::new(me, HashSet::new())),
    };
    fold_rest(store, &ids, &mut covered, &mut share, cache)?;
    // A step that passed to this member from another one: follow such steps from the
    // start. (Only a hand-edited file does this; the second fold cannot miss any.)
    if let Some(watch) = share.needs_watch() {
        covered.clear();
        share = MemberShare::new(me, watch);
        fold_rest(store, &ids, &mut covered, &mut share, cache)?;
    }
    Ok(share)
}

/// The cached meetings are the first ones in the folder, each unchanged.
fn still_true(store: &Store, covered: &Covered, ids: &[String]) -> bool {
    let Ok(dir) = std::fs::File::open(store.layout.meetings_dir()) else { return false };
    covered.len() <= ids.len()
        && covered
            .iter()
            .zip(ids)
            .all(|((id, stamp), now)| id == now && Stamp::in_dir(&dir, &format!("{id}.json")).as_ref() == Some(stamp))
}

/// Fold the meetings after `covered`; extend `covered` (and the cache) while they are
/// closed and settled.
fn fold_rest(
    store: &Store,
    ids: &[String],
    covered: &mut Covered,
    share: &mut MemberShare,
    cache: Option<&Cache>,
) -> Result<(), StoreError> {
    let now = SystemTime::now();
    let (mut extending, mut extended) = (true, false);
    for id in &ids[covered.len()..] {
        // Stamped before reading: a change while it is read shows at the next start.
        let stamp = Stamp::of(&store.layout.meeting(id));
        let m = store.load_meeting(id)?;
        match stamp {
            Some(stamp) if extending && m.status == Status::Closed && stamp.settled(now) => {
                covered.push((id.clone(), stamp));
                extended = true;
            }
            _ => {
                if extending && extended {
                    save(cache, covered, share);
                }
                extending = false;
            }
        }
        share.add_meeting(m);
    }
    if extending && extended {
        save(cache, covered, share);
    }
    Ok(())
}

fn save(cache: Option<&Cache>, covered: &Covered, share: &MemberShare) {
    if let Some(c) = cache
        && share.needs_watch().is_none()
    {
        c.write(&file_name(&share.me), &encode(covered, share));
    }
}

fn encode(covered: &Covered, share: &MemberShare) -> Vec<u8> {
    let mut w = Writer::default();
    w.bytes.extend_from_slice(MAGIC);
    w.str(&share.me);
    w.len(covered.len());
    for (id, stamp) in covered {
        w.str(id);
        stamp.write(&mut w);
    }
    w.last_closed(share.last_closed);
    w.steps(share.steps.steps().iter());
    let foreign = share.foreign();
    w.len(foreign.len());
    for h in foreign {
        w.u64(h);
    }
    w.bytes
}

fn decode(bytes: &[u8], me: &str) -> Option<(Covered, MemberShare)> {
    let mut r = Reader { bytes: bytes.strip_prefix(MAGIC)? };
    if r.str()? != me {
        return None;
    }
    let mut covered = Vec::with_capacity(r.len(60)?);
    for _ in 0..covered.capacity() {
        covered.push((r.str()?, Stamp::read(&mut r)?));
    }
    let mut share = MemberShare::new(me, HashSet::new());
    share.last_closed = r.last_closed()?;
    share.steps = Ledger::from_steps(r.steps()?);
    let n = r.len(8)?;
    share.foreign_sorted = (0..n).map(|_| r.u64()).collect::<Option<_>>()?;
    (r.bytes.is_empty() && share.foreign_sorted.is_sorted()).then_some((covered, share))
}

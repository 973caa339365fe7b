//! The steps open now, with the members' own progress reports applied, kept between
//! starts in the cache (see [`super::cache`]), so that the home screen's first frame does
//! not read every member's years of reports: they are read once it is out.
//!
//! The cache file starts with what the steps were derived from: the previous meeting's
//! file (its snapshot of the steps left open), the meeting it follows, and each member's
//! `progress.json`, with the [`Stamp`] of each (or its absence). It is used only while
//! every one of them is unchanged, and written only from a load that read them all
//! without a problem, when they all changed long enough ago for a change to show. The
//! members' own files (goals, prep, partners, check-ins) are not part of it: the first
//! frame shows none of them, and the job after it reads them and says if one cannot be
//! read, as the meeting screen does.

use std::collections::HashMap;
use std::path::Path;
use std::time::SystemTime;

use super::Store;
use super::binary::{Reader, Writer};
use super::cache::Stamp;
use super::heads::Base;
use super::reports::{Reports, ReportsJob};

/// Changes whenever the layout of the file changes.
const MAGIC: &[u8] = b"hotseat open steps 3\n";
const NAME: &str = "open-steps.bin";

/// What the open steps come from, as the cache file begins with it.
pub(super) struct Key {
    bytes: Vec<u8>,
    /// Every file changed long enough ago that a later change will show in its stamp.
    settled: bool,
}

/// The key of what `job` would read, stamped now (before anything is read); `None` when
/// the steps do not come from one snapshot (old files: every meeting is replayed).
pub(super) fn key(store: &Store, job: &ReportsJob) -> Option<Key> {
    let Base::Snapshot(path) = &job.base else { return None };
    let now = SystemTime::now();
    let mut settled = true;
    let mut w = Writer::default();
    w.bytes.extend_from_slice(MAGIC);
    let mut stamp = |w: &mut Writer, p: &Path| match Stamp::of(p) {
        Some(s) => {
            settled &= s.settled(now);
            w.u8(1);
            s.write(w);
        }
        None => w.u8(0),
    };
    w.str(&store.layout.relative(path).to_string_lossy());
    stamp(&mut w, path);
    match job.previous {
        Some((date, n)) => {
            w.u8(1);
            w.date(date);
            w.u32(n);
        }
        None => w.u8(0),
    }
    w.len(job.members.len());
    for m in &job.members {
        w.str(m);
        stamp(&mut w, &store.layout.progress(m));
    }
    Some(Key { bytes: w.bytes, settled })
}

/// The open steps kept for `key`, if the cache holds them: [`Reports`] with the steps
/// open after the previous meeting and the reports on later steps, but not the members'
/// reports themselves (the job reads those after the first frame).
pub(super) fn cached(store: &Store, key: &Key) -> Option<Reports> {
    let bytes = store.cache()?.read(NAME)?;
    let mut r = Reader { bytes: bytes.strip_prefix(key.bytes.as_slice())? };
    let n = r.len(40)?;
    let prev_open = (0..n).map(|_| r.step()).collect::<Option<Vec<_>>>()?;
    let n = r.len(8)?;
    let mut by_step = HashMap::with_capacity(n);
    for _ in 0..n {
        let step = r.str()?;
        let k = r.len(30)?;
        let reports = (0..k).map(|_| Some((r.str()?, r.report()?))).collect::<Option<Vec<_>>>()?;
        by_step.insert(step, reports);
    }
    r.bytes.is_empty().then(|| Reports { prev_open, by_step, ..Reports::default() })
}

/// Keep what a full load found under `key`, when it found no problem and every file it
/// came from has settled. A failure to write is ignored.
pub(super) fn keep(store: &Store, key: &Key, reports: &Reports) {
    if !key.settled || !reports.warnings.is_empty() {
        return;
    }
    let Some(cache) = store.cache() else { return };
    let mut w = Writer { bytes: key.bytes.clone() };
    w.len(reports.prev_open.len());
    for s in &reports.prev_open {
        w.step(s);
    }
    w.len(reports.by_step.len());
    for (step, list) in &reports.by_step {
        w.str(step);
        w.len(list.len());
        for (member, report) in list {
            w.str(member);
            w.report(report);
        }
    }
    cache.write(NAME, &w.bytes);
}

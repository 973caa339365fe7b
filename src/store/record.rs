//! Reading the group's record for terms and trends: only the meeting files of the span
//! asked for (and the one closed meeting before it, for the steps open then), of each only
//! what a trend needs ([`MeetingFacts`]), and the members' own progress reports.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::layout::meeting_sort_key;
use super::{Store, StoreError};
use crate::model::term::{self, Term};
use crate::model::trend::{self, MeetingFacts, Trend};
use crate::model::{Group, MemberProgress, Status};

/// The group's current term: the one in `group.json`, else one derived from its first
/// meeting (else its next, else today). The flag says whether it was derived.
pub fn current_term(store: &Store, group: &Group, today: NaiveDate) -> Result<(Term, bool), StoreError> {
    if group.term.is_some() {
        return Ok(term::of_group(group, None, today));
    }
    let first = store.meeting_ids()?.first().and_then(|id| meeting_sort_key(id)).map(|(d, _)| d);
    Ok(term::of_group(group, first, today))
}

/// The trend from `from` on, with the members' reports already read: for the meeting
/// screen (the report-back's sparklines, the checkpoint and the term review), read after
/// the first frame with the reports.
pub fn trend_from(
    store: &Store,
    from: NaiveDate,
    reports: &BTreeMap<String, Vec<MemberProgress>>,
) -> Result<Trend, StoreError> {
    let ids = store.meeting_ids()?;
    let (chosen, first) = ids_between(&ids, Some((from, NaiveDate::MAX)));
    let mut base = Vec::new();
    for id in ids[..first.unwrap_or(0)].iter().rev() {
        let m: MeetingFacts = store.read(&store.layout.meeting(id))?;
        if m.status == Status::Closed {
            base = m.open_after.unwrap_or_default();
            break;
        }
    }
    let meetings = read_facts(store, &chosen)?;
    Ok(trend::compute(base, meetings, reports))
}

/// Ids of the meetings dated within `from..=until` (all when `None`), oldest first.
fn ids_between(ids: &[String], span: Option<(NaiveDate, NaiveDate)>) -> (Vec<String>, Option<usize>) {
    let Some((from, until)) = span else { return (ids.to_vec(), None) };
    let date = |id: &String| meeting_sort_key(id).map(|(d, _)| d);
    let first = ids.iter().position(|id| date(id).is_some_and(|d| d >= from)).unwrap_or(ids.len());
    let chosen: Vec<String> = ids[first..].iter().filter(|id| date(id).is_some_and(|d| d <= until)).cloned().collect();
    (chosen, Some(first))
}

/// The closed meetings dated within `span` (all when `None`), oldest first, read lean.
pub fn meetings_between(store: &Store, span: Option<(NaiveDate, NaiveDate)>) -> Result<Vec<MeetingFacts>, StoreError> {
    let ids = store.meeting_ids()?;
    let (chosen, _) = ids_between(&ids, span);
    read_facts(store, &chosen)
}

fn read_facts(store: &Store, ids: &[String]) -> Result<Vec<MeetingFacts>, StoreError> {
    // A long history (`--all-time`) is read on two threads: each file on its own.
    let read_one = |id: &String| -> Result<MeetingFacts, StoreError> {
        let path = store.layout.meeting(id);
        super::fsio::refuse_links(store.root(), &path)?;
        let bytes = super::fsio::read(&path)?;
        super::decode::decode::<MeetingFacts>(&path, &bytes)
    };
    let facts: Vec<Result<MeetingFacts, StoreError>> = if ids.len() < 32 {
        ids.iter().map(read_one).collect()
    } else {
        let (a, b) = ids.split_at(ids.len() / 2);
        let layout = &store.layout;
        let root = store.root();
        let read_plain = move |id: &String| -> Result<MeetingFacts, StoreError> {
            let path = layout.meeting(id);
            super::fsio::refuse_links(root, &path)?;
            let bytes = super::fsio::read(&path)?;
            super::decode::decode::<MeetingFacts>(&path, &bytes)
        };
        std::thread::scope(|s| {
            let second = s.spawn(|| b.iter().map(read_plain).collect::<Vec<_>>());
            let mut first: Vec<_> = a.iter().map(read_plain).collect();
            first.extend(second.join().unwrap_or_default());
            first
        })
    };
    let mut out = Vec::with_capacity(ids.len());
    for (id, m) in ids.iter().zip(facts) {
        let m = m?;
        if m.id != *id {
            // The precise complaint about a file that names another meeting.
            store.load_meeting(id)?;
        }
        out.push(m);
    }
    Ok(out)
}

/// The trend over `span` (the whole history when `None`).
pub fn load_trend(store: &Store, group: &Group, span: Option<(NaiveDate, NaiveDate)>) -> Result<Trend, StoreError> {
    let ids = store.meeting_ids()?;
    let (chosen, first) = ids_between(&ids, span);
    // The steps open when the span begins: the snapshot of the newest closed meeting
    // before it.
    let mut base = Vec::new();
    for id in ids[..first.unwrap_or(0)].iter().rev() {
        let m: MeetingFacts = store.read(&store.layout.meeting(id))?;
        if m.status == Status::Closed {
            base = match m.open_after {
                Some(open) => open,
                // An old file without a snapshot: replay what came before (rare).
                None => replay_open(store, &ids[..first.unwrap_or(0)])?,
            };
            break;
        }
    }
    let meetings = read_facts(store, &chosen)?;
    let reports = member_reports(store, group)?;
    Ok(trend::compute(base, meetings, &reports))
}

/// Steps open after the newest closed meeting among `ids`, replaying them whole.
fn replay_open(store: &Store, ids: &[String]) -> Result<Vec<crate::model::ActionStep>, StoreError> {
    let mut all = Vec::new();
    for id in ids {
        let m = store.load_meeting(id)?;
        if m.status == Status::Closed {
            all.push(m);
        }
    }
    Ok(crate::model::ledger::replay(&all).open().cloned().collect())
}

/// Every member's own progress reports.
pub fn member_reports(store: &Store, group: &Group) -> Result<BTreeMap<String, Vec<MemberProgress>>, StoreError> {
    let mut out = BTreeMap::new();
    for m in &group.members {
        out.insert(m.id.clone(), store.load_progress(&m.id)?.entries);
    }
    Ok(out)
}

/// Where a term stands.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TermStatus {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub checkpoint: NaiveDate,
    pub months: u32,
    pub cadence: crate::model::Cadence,
    /// Closed meetings dated within the term.
    pub meetings_held: usize,
    /// Meetings still to come in the term: from the next meeting, every cadence, to the end.
    pub meetings_planned: usize,
    pub next_meeting: Option<NaiveDate>,
    pub days_left: i64,
    /// The term is not in `group.json` but derived from the group's first meeting.
    pub derived: bool,
    pub requests: BTreeMap<String, String>,
}

/// The term's dates and counts as of `today`.
pub fn term_status(store: &Store, group: &Group, today: NaiveDate) -> Result<(Term, TermStatus), StoreError> {
    let (term, derived) = current_term(store, group, today)?;
    let ids = store.meeting_ids()?;
    let (chosen, _) = ids_between(&ids, Some((term.start, term.end())));
    // Only the status of each is needed.
    #[derive(serde::Deserialize)]
    struct Head {
        #[serde(default)]
        status: Status,
    }
    let mut held = 0;
    let mut last_held: Option<NaiveDate> = None;
    for id in &chosen {
        let h: Head = store.read(&store.layout.meeting(id))?;
        if h.status == Status::Closed {
            held += 1;
            last_held = meeting_sort_key(id).map(|(d, _)| d).max(last_held);
        }
    }
    // The next meeting: the group's, else one cadence after the last held, never before
    // today.
    let next = group
        .next_meeting
        .filter(|d| last_held.is_none_or(|l| *d > l))
        .or_else(|| last_held.map(|l| group.cadence.next_after(l)))
        .map(|d| d.max(today))
        .or(Some(today.max(term.start)));
    let planned = next.map(|n| term::planned_dates(group.cadence, n.max(term.start), term.end()).len()).unwrap_or(0);
    let status = TermStatus {
        start: term.start,
        end: term.end(),
        checkpoint: term.checkpoint(),
        months: term.months,
        cadence: group.cadence,
        meetings_held: held,
        meetings_planned: planned,
        next_meeting: next.filter(|d| *d <= term.end()),
        days_left: (term.end() - today).num_days().max(0),
        derived,
        requests: term.requests.clone(),
    };
    Ok((term, status))
}

//! A small binary encoding for the derived-state cache: length-prefixed strings and
//! little-endian numbers, read back without parsing text. Never used for the group's
//! own files, which stay JSON. A reader that meets anything unexpected gives `None`, and
//! the cache is then rebuilt from the group folder.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use crate::model::partition::LastClosed;
use crate::model::{ActionStep, MemberProgress, Progress, ProgressEntry, Reporter};

#[derive(Default)]
pub struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    pub fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }
    pub fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    pub fn i64(&mut self, v: i64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    pub fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }
    pub fn str(&mut self, s: &str) {
        self.len(s.len());
        self.bytes.extend_from_slice(s.as_bytes());
    }
    pub fn opt_str(&mut self, s: Option<&str>) {
        self.u8(s.is_some() as u8);
        if let Some(s) = s {
            self.str(s);
        }
    }
    pub fn date(&mut self, d: NaiveDate) {
        self.i64(d.num_days_from_ce() as i64);
    }
    pub fn opt_date(&mut self, d: Option<NaiveDate>) {
        self.u8(d.is_some() as u8);
        if let Some(d) = d {
            self.date(d);
        }
    }
    pub fn time(&mut self, t: DateTime<FixedOffset>) {
        self.i64(t.timestamp());
        self.u32(t.timestamp_subsec_nanos());
        self.i64(t.offset().local_minus_utc() as i64);
    }
    pub fn step(&mut self, s: &ActionStep) {
        self.str(&s.id);
        self.str(&s.owner);
        self.str(&s.text);
        self.str(&s.measurable_result);
        self.opt_date(s.due);
        self.opt_str(s.goal.as_deref());
        self.str(&s.meeting);
        self.time(s.created_at);
        self.len(s.history.len());
        for e in &s.history {
            self.u8(e.progress as u8);
            self.str(&e.note);
            self.time(e.at);
            self.u8(e.by as u8);
            self.opt_str(e.meeting.as_deref());
        }
    }
    /// Strings, counted.
    pub fn strs(&mut self, strs: &[String]) {
        self.len(strs.len());
        for s in strs {
            self.str(s);
        }
    }
    /// Steps, counted.
    pub fn steps<'s>(&mut self, steps: impl ExactSizeIterator<Item = &'s ActionStep>) {
        self.len(steps.len());
        for s in steps {
            self.step(s);
        }
    }
    /// The newest closed meeting a member's share was taken after, if any.
    pub fn last_closed(&mut self, l: Option<LastClosed>) {
        self.u8(l.is_some() as u8);
        if let Some(l) = l {
            self.date(l.date);
            self.opt_date(l.next_meeting);
        }
    }
    /// One of a member's own progress reports.
    pub fn report(&mut self, r: &MemberProgress) {
        self.str(&r.step);
        self.u8(r.progress as u8);
        self.str(&r.note);
        self.time(r.at);
    }
}

pub struct Reader<'a> {
    pub bytes: &'a [u8],
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        if self.bytes.len() < n {
            return None;
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(head)
    }
    pub fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    pub fn u32(&mut self) -> Option<u32> {
        self.take(4).map(|b| u32::from_le_bytes(b.try_into().expect("4 bytes")))
    }
    pub fn u64(&mut self) -> Option<u64> {
        self.take(8).map(|b| u64::from_le_bytes(b.try_into().expect("8 bytes")))
    }
    pub fn i64(&mut self) -> Option<i64> {
        self.u64().map(|v| v as i64)
    }
    /// A count of items, each at least `min` bytes long: more than the rest could hold
    /// is damage (and would ask for too much memory).
    pub fn len(&mut self, min: usize) -> Option<usize> {
        let n = self.u32()? as usize;
        (n.saturating_mul(min.max(1)) <= self.bytes.len()).then_some(n)
    }
    pub fn str(&mut self) -> Option<String> {
        let n = self.len(1)?;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }
    pub fn opt_str(&mut self) -> Option<Option<String>> {
        match self.u8()? {
            0 => Some(None),
            1 => self.str().map(Some),
            _ => None,
        }
    }
    pub fn date(&mut self) -> Option<NaiveDate> {
        NaiveDate::from_num_days_from_ce_opt(i32::try_from(self.i64()?).ok()?)
    }
    pub fn opt_date(&mut self) -> Option<Option<NaiveDate>> {
        match self.u8()? {
            0 => Some(None),
            1 => self.date().map(Some),
            _ => None,
        }
    }
    pub fn time(&mut self) -> Option<DateTime<FixedOffset>> {
        let (secs, nanos, offset) = (self.i64()?, self.u32()?, self.i64()?);
        let offset = FixedOffset::east_opt(i32::try_from(offset).ok()?)?;
        Some(DateTime::from_timestamp(secs, nanos)?.with_timezone(&offset))
    }
    pub fn step(&mut self) -> Option<ActionStep> {
        let (id, owner, text, measurable_result) = (self.str()?, self.str()?, self.str()?, self.str()?);
        let (due, goal, meeting, created_at) = (self.opt_date()?, self.opt_str()?, self.str()?, self.time()?);
        let n = self.len(30)?;
        let mut history = Vec::with_capacity(n);
        for _ in 0..n {
            let progress = progress(self.u8()?)?;
            let (note, at) = (self.str()?, self.time()?);
            let by = match self.u8()? {
                0 => Reporter::Facilitator,
                1 => Reporter::Member,
                _ => return None,
            };
            history.push(ProgressEntry { progress, note, at, by, meeting: self.opt_str()? });
        }
        Some(ActionStep { id, owner, text, measurable_result, due, goal, meeting, created_at, history })
    }
    /// Strings, as [`Writer::strs`] wrote them.
    pub fn strs(&mut self) -> Option<Vec<String>> {
        let n = self.len(1)?;
        (0..n).map(|_| self.str()).collect()
    }
    /// Steps, as [`Writer::steps`] wrote them.
    pub fn steps(&mut self) -> Option<Vec<ActionStep>> {
        let n = self.len(40)?;
        let mut steps = Vec::with_capacity(n);
        for _ in 0..n {
            steps.push(self.step()?);
        }
        Some(steps)
    }
    pub fn last_closed(&mut self) -> Option<Option<LastClosed>> {
        match self.u8()? {
            0 => Some(None),
            1 => Some(Some(LastClosed { date: self.date()?, next_meeting: self.opt_date()? })),
            _ => None,
        }
    }
    pub fn report(&mut self) -> Option<MemberProgress> {
        let (step, progress) = (self.str()?, progress(self.u8()?)?);
        Some(MemberProgress { step, progress, note: self.str()?, at: self.time()? })
    }
}

fn progress(v: u8) -> Option<Progress> {
    [Progress::Open, Progress::Done, Progress::Partial, Progress::NotDone, Progress::Dropped].get(v as usize).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_comes_back_as_it_went_in_and_damage_is_refused() {
        let off = FixedOffset::east_opt(3600).unwrap();
        let at = DateTime::parse_from_rfc3339("2026-11-17T19:42:48.123+01:00").unwrap().with_timezone(&off);
        let entry = |progress, by, meeting: Option<&str>| ProgressEntry {
            progress,
            note: "é ✓".into(),
            at,
            by,
            meeting: meeting.map(str::to_string),
        };
        let step = ActionStep {
            id: "2026-11-17-3".into(),
            owner: "ada".into(),
            text: "Call 12 customers".into(),
            measurable_result: String::new(),
            due: NaiveDate::from_ymd_opt(2026, 11, 24),
            goal: Some("g1".into()),
            meeting: "2026-11-17".into(),
            created_at: at,
            history: vec![
                entry(Progress::Partial, Reporter::Facilitator, Some("2026-11-17")),
                entry(Progress::Dropped, Reporter::Member, None),
            ],
        };
        let mut w = Writer::default();
        w.step(&step);
        let back = Reader { bytes: &w.bytes }.step().unwrap();
        assert_eq!(back, step);
        assert_eq!(back.created_at.offset(), step.created_at.offset());
        for cut in 0..w.bytes.len() {
            assert!(Reader { bytes: &w.bytes[..cut] }.step().is_none(), "cut at {cut}");
        }
    }
}

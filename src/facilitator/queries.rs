//! Lists and figures computed from the state, shared by `update` and the screens.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};

use super::state::App;
use crate::model::{ActionStep, Meeting, Phase, Presence};

pub use crate::model::plan::Timebox;

/// The minutes the group's agenda keeps for the prep review and the wrap-up.
pub fn timebox(app: &App) -> Timebox {
    Timebox::of(app.ctx.group.agenda())
}

/// The steps the report-back goes through: open after the previous meeting, owned by a
/// member who is here, with this meeting's reports applied. Grouped by member in
/// attendance order, then by due date.
pub fn report_items(app: &App) -> Vec<ActionStep> {
    let Some(m) = &app.meeting else { return Vec::new() };
    // What `ctx.current_ledger(Some(m))` holds for these steps, without building it: the
    // members' reports are in `prev_open` already; add this meeting's reviews.
    let mut reviews: std::collections::HashMap<&str, Vec<&crate::model::Review>> = Default::default();
    for r in &m.reviews {
        reviews.entry(r.step.as_str()).or_default().push(r);
    }
    let mut items: Vec<ActionStep> = app
        .ctx
        .prev_open()
        .iter()
        .filter(|s| m.presence(&s.owner).is_here())
        .map(|s| {
            let mut s = s.clone();
            for r in reviews.get(s.id.as_str()).into_iter().flatten() {
                s.record(m.review_entry(r));
            }
            s
        })
        .collect();
    let rank = |owner: &str| m.attendance.iter().position(|a| a.member == owner).unwrap_or(usize::MAX);
    items.sort_by(|a, b| (rank(&a.owner), a.due, &a.meeting, &a.id).cmp(&(rank(&b.owner), b.due, &b.meeting, &b.id)));
    items
}

pub use crate::model::completion::{Reported, completion, progress_now, reported};

/// Rows of the prep review: the hot-seat order, then absent members.
pub fn prep_rows(m: &Meeting) -> Vec<String> {
    let mut rows = m.order.clone();
    for a in &m.attendance {
        if !rows.contains(&a.member) {
            rows.push(a.member.clone());
        }
    }
    rows
}

/// A row of the wrap-up: a member, or one of their new steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WrapRow {
    Member(String),
    Step(String, String),
}

impl WrapRow {
    pub fn member(&self) -> &str {
        match self {
            WrapRow::Member(m) | WrapRow::Step(m, _) => m,
        }
    }
}

/// Members who are here (hot-seat order first), each followed by the steps captured for
/// them in this meeting. Absent members with steps are listed too.
pub fn wrap_rows(m: &Meeting) -> Vec<WrapRow> {
    let mut members: Vec<&str> = m.order.iter().map(String::as_str).collect();
    for a in &m.attendance {
        let has_steps = m.steps.iter().any(|s| s.owner == a.member);
        if !members.contains(&a.member.as_str()) && (a.presence.is_here() || has_steps) {
            members.push(&a.member);
        }
    }
    for s in &m.steps {
        if !members.contains(&s.owner.as_str()) {
            members.push(&s.owner);
        }
    }
    let mut rows = Vec::new();
    for member in members {
        rows.push(WrapRow::Member(member.to_string()));
        for s in m.steps.iter().filter(|s| s.owner == member) {
            rows.push(WrapRow::Step(member.to_string(), s.id.clone()));
        }
    }
    rows
}

/// The steps captured for `member` in this meeting.
pub fn steps_of<'a>(m: &'a Meeting, member: &'a str) -> impl Iterator<Item = &'a ActionStep> + 'a {
    m.steps.iter().filter(move |s| s.owner == member)
}

/// The member the selection points at on the current screen, for `a` and friends.
pub fn focused_member(app: &App) -> Option<String> {
    let m = app.meeting.as_ref()?;
    let c = &app.ui.cursors;
    match m.phase {
        Phase::CheckIn => m.attendance.get(clamp(c.check_in, m.attendance.len())).map(|a| a.member.clone()),
        Phase::ReportBack => {
            let items = report_items(app);
            items
                .get(clamp(c.report, items.len()))
                .map(|s| s.owner.clone())
                .or_else(|| m.here().next().map(str::to_string))
        }
        Phase::PrepReview => {
            let rows = prep_rows(m);
            rows.get(clamp(c.prep, rows.len())).cloned()
        }
        Phase::HotSeats => m.hot_seat.clone(),
        Phase::WrapUp => {
            let rows = wrap_rows(m);
            rows.get(clamp(c.wrap, rows.len())).map(|r| r.member().to_string())
        }
    }
}

pub use crate::tui::cursor::clamp;

/// The date a new step is due by default: the next meeting.
pub fn default_due(app: &App) -> NaiveDate {
    let m = app.meeting.as_ref();
    m.and_then(|m| m.next_meeting).unwrap_or_else(|| {
        let from = m.map(|m| m.date).or(app.ctx.group.next_meeting).unwrap_or_default();
        app.ctx.group.cadence.next_after(from)
    })
}

/// Minutes per turn that fit what is left of the meeting, split evenly among those here.
pub fn default_turn_minutes(m: &Meeting, tb: Timebox, now: DateTime<FixedOffset>) -> u32 {
    let here = m.here().filter(|id| !m.postponed.iter().any(|p| p == id)).count() as i64;
    if here == 0 {
        return 0;
    }
    let left = (m.scheduled_end() - now).num_minutes() - tb.wrap_up - tb.prep_review;
    (left / here).clamp(3, 60) as u32
}

/// Seconds the hot-seat turns still take: what is left of those begun, the others as
/// planned (in the hot seats, as re-planned to end on time: `model::plan`).
pub fn turns_left_secs(m: &Meeting, tb: Timebox, now: DateTime<FixedOffset>) -> i64 {
    let ahead =
        if m.phase == Phase::HotSeats { crate::model::plan::ahead_at(m, now, tb.wrap_up).0 } else { Vec::new() };
    let turn_secs = |member: &str| -> i64 {
        match m.turn(member) {
            Some(t) if t.ended_at.is_some() => 0,
            Some(t) => (t.left_ms_at(now) / 1000).max(0),
            None => match ahead.iter().find(|(id, _)| id == member) {
                Some((_, min)) => *min as i64 * 60,
                None => crate::model::plan::planned_minutes(m, member) as i64 * 60,
            },
        }
    };
    m.order.iter().map(|id| turn_secs(id)).sum::<i64>()
}

/// When the meeting will end if every remaining turn takes its planned time.
pub fn projected_end(m: &Meeting, tb: Timebox, now: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let mut secs: i64 = 0;
    if m.phase <= Phase::HotSeats {
        secs += turns_left_secs(m, tb, now);
        if m.phase < Phase::PrepReview {
            secs += tb.prep_review * 60;
        }
    }
    secs += tb.wrap_up * 60;
    if m.phase == Phase::WrapUp {
        // The wrap-up itself: assume it takes its time from when it began, at the latest now.
        secs = tb.wrap_up * 60;
    }
    now + Duration::seconds(secs)
}

/// Whose turn comes after the current one.
pub fn next_in_order(m: &Meeting) -> Option<&str> {
    let cur = m.hot_seat.as_deref()?;
    let i = m.order.iter().position(|x| x == cur)?;
    m.order.get(i + 1).map(String::as_str)
}

pub fn presence_of(m: &Meeting, member: &str) -> Presence {
    m.presence(member)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Progress, Review};
    use crate::store::Store;
    use crate::store::snapshot::{Context, Strictness};
    use chrono::TimeZone;

    #[test]
    fn report_items_are_the_ledgers_steps_without_building_the_ledger() {
        let dir = tempfile::tempdir().unwrap();
        let today = NaiveDate::from_ymd_opt(2030, 1, 15).unwrap();
        crate::store::demo::install(dir.path(), today).unwrap();
        let ctx = Context::load(&Store::new(dir.path()), Strictness::Strict).unwrap();
        let now = FixedOffset::east_opt(0).unwrap().with_ymd_and_hms(2030, 1, 15, 19, 10, 0).unwrap();
        let mut m = ctx.start_meeting(now);
        m.phase = Phase::ReportBack;
        m.attendance[1].presence = Presence::Absent;
        let ids: Vec<String> = ctx.prev_open().iter().map(|s| s.id.clone()).collect();
        for (i, id) in ids.iter().enumerate().take(3) {
            let progress = [Progress::Done, Progress::NotDone, Progress::Partial][i];
            m.reviews.push(Review { step: id.clone(), progress, note: format!("note {i}"), at: now });
        }
        let app = App { ctx, meeting: Some(m), ui: Default::default(), seats: None };
        let m = app.meeting.as_ref().unwrap();
        let ledger = app.ctx.current_ledger(Some(m));
        let mut want: Vec<ActionStep> = app
            .ctx
            .prev_open()
            .iter()
            .filter(|s| m.presence(&s.owner).is_here())
            .filter_map(|s| ledger.get(&s.id).cloned())
            .collect();
        let rank = |owner: &str| m.attendance.iter().position(|a| a.member == owner).unwrap_or(usize::MAX);
        want.sort_by(|a, b| {
            (rank(&a.owner), a.due, &a.meeting, &a.id).cmp(&(rank(&b.owner), b.due, &b.meeting, &b.id))
        });
        let got = report_items(&app);
        assert!(!got.is_empty() && got.len() < app.ctx.prev_open().len(), "an absent member's steps are left out");
        assert_eq!(got, want);
        assert!(got.iter().any(|s| reported(m, s).1 == Reported::Here));
    }
}

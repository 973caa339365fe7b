//! How the report-back counts: where a step's progress comes from (recorded here, reported
//! by the member, only an earlier meeting's) and completion per member and for the group
//! (done 1, partial ½, dropped left out). A member's own report counts once the
//! facilitator confirms it in the room; until then it is counted apart (`to_confirm`).
//! The meeting screen and the trends count alike.

use super::{ActionStep, Completion, Meeting, Progress, Reporter};

/// Where a step's progress in the report-back comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reported {
    /// Recorded in this meeting.
    Here,
    /// Reported by the member between meetings, not yet confirmed in the room.
    ByMember,
    /// Only an earlier meeting's report: not reported this time yet.
    Earlier,
    /// Never reported.
    Never,
}

/// A report-back item's progress and where it comes from.
pub fn reported(m: &Meeting, s: &ActionStep) -> (Progress, Reported) {
    match s.last_entry() {
        None => (Progress::Open, Reported::Never),
        Some(e) if e.by == Reporter::Member => (e.progress, Reported::ByMember),
        Some(e) if e.meeting.as_deref() == Some(m.id.as_str()) => (e.progress, Reported::Here),
        Some(e) => (e.progress, Reported::Earlier),
    }
}

/// The progress that counts this time: reported here or by the member, else none yet.
pub fn progress_now(m: &Meeting, s: &ActionStep) -> Progress {
    match reported(m, s) {
        (p, Reported::Here | Reported::ByMember) => p,
        _ => Progress::Open,
    }
}

/// Completion of the report-back, per member (attendance order) and for the group.
pub fn completion(m: &Meeting, items: &[ActionStep]) -> (Vec<(String, Completion)>, Completion) {
    let mut per: Vec<(String, Completion)> = Vec::new();
    let mut all = Completion::default();
    for a in m.attendance.iter().filter(|a| a.presence.is_here()) {
        let mut c = Completion::default();
        for s in items.iter().filter(|s| s.owner == a.member) {
            let (p, from) = reported(m, s);
            let counted = if from == Reported::Here { p } else { Progress::Open };
            for c in [&mut c, &mut all] {
                c.add(counted);
                c.to_confirm += usize::from(from == Reported::ByMember);
            }
        }
        if c.counted() + c.dropped > 0 {
            per.push((a.member.clone(), c));
        }
    }
    (per, all)
}

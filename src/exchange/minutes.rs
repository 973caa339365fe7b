//! The minutes of a meeting as Markdown, for email and wikis: group, date, attendance,
//! the pledge, the report-back's results and completion, the hot-seat order with minutes
//! planned and used, every action step by member, parked items, the average rating and
//! the next meeting. Built from the shared meeting file only: private notes are never in
//! it (they live in the facilitator's own folder, which nothing here reads).

use std::fmt::Write as _;

use crate::model::trend::average;
use crate::model::{ActionStep, Completion, Group, Meeting};

/// A parked item for the minutes (from the parking lot, where the group has one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parked {
    pub text: String,
    pub urgency: String,
    pub member: String,
}

/// Everything the minutes show.
pub struct Input<'a> {
    pub group: &'a Group,
    pub meeting: &'a Meeting,
    /// The report-back's steps, with their progress as recorded in this meeting.
    pub report: &'a [ActionStep],
    /// Completion per member (attendance order) and for the group, as the report-back
    /// counted it.
    pub per: &'a [(String, Completion)],
    pub all: Completion,
    pub parked: &'a [Parked],
}

/// One line of text for Markdown: line breaks flattened, the characters that would start
/// markup escaped.
pub fn md(s: &str) -> String {
    let flat = super::one_line(s);
    let mut out = String::with_capacity(flat.len());
    for c in flat.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn pct(p: Option<u32>) -> String {
    p.map(|p| format!("{p} %")).unwrap_or_else(|| "–".to_string())
}

fn mins(ms: u64) -> String {
    let secs = ms / 1000;
    if secs.is_multiple_of(60) { format!("{} min", secs / 60) } else { format!("{} min {:02} s", secs / 60, secs % 60) }
}

/// The minutes of `input.meeting`.
pub fn render(input: &Input) -> String {
    let Input { group, meeting: m, report, per, all, parked } = input;
    let name = |id: &str| md(group.name_of(id));
    let mut o = String::new();
    let _ = writeln!(o, "# {} — minutes of {} {}", md(&group.name), crate::model::group::weekday_name(m.date), m.date);
    let _ = writeln!(o);
    let time = match m.closed_at {
        Some(c) => format!("{}–{}", m.started_at.format("%H:%M"), c.format("%H:%M")),
        None => format!("from {} (still open)", m.started_at.format("%H:%M")),
    };
    let _ = writeln!(o, "- **Date:** {}, {time} ({} minutes planned)", m.date, m.length_minutes);
    let here: Vec<String> = m
        .attendance
        .iter()
        .filter(|a| a.presence.is_here())
        .map(|a| match a.presence {
            crate::model::Presence::Late => format!("{} (late)", name(&a.member)),
            _ => name(&a.member),
        })
        .collect();
    let absent: Vec<String> = m.attendance.iter().filter(|a| !a.presence.is_here()).map(|a| name(&a.member)).collect();
    let _ = writeln!(o, "- **Present:** {}", if here.is_empty() { "nobody".to_string() } else { here.join(", ") });
    if !absent.is_empty() {
        let _ = writeln!(o, "- **Absent:** {}", absent.join(", "));
    }
    let pledge = match m.pledge_acknowledged_at {
        Some(t) => format!("affirmed at {}", t.format("%H:%M")),
        None => "not recorded".to_string(),
    };
    let _ = writeln!(o, "- **Confidentiality pledge:** {pledge}");

    let _ = writeln!(o, "\n## Report-back\n");
    if report.is_empty() {
        let _ = writeln!(o, "No open action steps to report on.");
    } else {
        let _ = writeln!(o, "Group completion: **{}** ({} steps counted).\n", pct(all.percent()), all.counted());
        let _ = writeln!(o, "| Member | Done | Partial | Not done | Dropped | Completion |");
        let _ = writeln!(o, "|---|---:|---:|---:|---:|---:|");
        for (id, c) in per.iter() {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} |",
                name(id),
                c.done,
                c.partial,
                c.not_done + c.unreported,
                c.dropped,
                pct(c.percent())
            );
        }
        let _ = writeln!(o);
        for s in report.iter() {
            let p = crate::facilitator::queries::progress_now(m, s);
            let note = s.last_entry().filter(|e| e.progress == p).map(|e| e.note.as_str()).unwrap_or("");
            let note = if note.trim().is_empty() { String::new() } else { format!(" — “{}”", md(note)) };
            let _ = writeln!(o, "- {}: {} — **{}**{note}", name(&s.owner), md(&s.text), p.label());
        }
    }

    let _ = writeln!(o, "\n## Hot seats\n");
    if m.order.is_empty() {
        let _ = writeln!(o, "No hot seats were held.");
    } else {
        let _ = writeln!(o, "| # | Member | Planned | Used |");
        let _ = writeln!(o, "|---:|---|---:|---:|");
        for (i, id) in m.order.iter().enumerate() {
            let (planned, used) = match m.turn(id) {
                Some(t) => (mins(t.planned_secs as u64 * 1000), mins(t.used_ms)),
                None => (mins(m.turn_minutes as u64 * 60_000), "not held".to_string()),
            };
            let _ = writeln!(o, "| {} | {} | {planned} | {used} |", i + 1, name(id));
        }
    }

    let _ = writeln!(o, "\n## Action steps\n");
    if m.steps.is_empty() {
        let _ = writeln!(o, "No action steps were captured.");
    }
    let mut owners: Vec<&str> = Vec::new();
    for s in &m.steps {
        if !owners.contains(&s.owner.as_str()) {
            owners.push(&s.owner);
        }
    }
    for owner in owners {
        let _ = writeln!(o, "### {}\n", name(owner));
        for s in m.steps.iter().filter(|s| s.owner == owner) {
            let result = if s.measurable_result.trim().is_empty() {
                "no measurable result".to_string()
            } else {
                md(&s.measurable_result)
            };
            let due = s.due.map(|d| format!("due {d}")).unwrap_or_else(|| "no due date".to_string());
            let _ = writeln!(o, "- {} — *{result}* — {due} (`{}`)", md(&s.text), s.id);
        }
        let _ = writeln!(o);
    }

    // The parking lot belongs to the agenda work (issue 10); its items appear here when
    // the group has one (see `cli::record::parked_items`).
    if !parked.is_empty() {
        let _ = writeln!(o, "## Parking lot\n");
        for p in parked.iter() {
            let who = if p.member.is_empty() { String::new() } else { format!(" ({})", name(&p.member)) };
            let urgency = if p.urgency.is_empty() { String::new() } else { format!("[{}] ", md(&p.urgency)) };
            let _ = writeln!(o, "- {urgency}{}{who}", md(&p.text));
        }
        let _ = writeln!(o);
    }

    let _ = writeln!(o, "## Close\n");
    match average(m.ratings.iter().map(|r| r.score)) {
        Some(avg) => {
            let _ = writeln!(o, "- **Average rating:** {avg:.1} / 10 ({} ratings)", m.ratings.len());
        }
        None => {
            let _ = writeln!(o, "- **Average rating:** none given");
        }
    }
    match m.next_meeting.or(group.next_meeting) {
        Some(d) => {
            let _ = writeln!(o, "- **Next meeting:** {} {d}", crate::model::group::weekday_name(d));
        }
        None => {
            let _ = writeln!(o, "- **Next meeting:** not set");
        }
    }
    o
}

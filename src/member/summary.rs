//! `hotseat me` when the output is not a terminal: the same view as plain text, for a
//! quick look or a script. Only the member's own things, like the screens.

use std::fmt::Write;

use chrono::{DateTime, FixedOffset};

use super::queries;
use super::state::MemberApp;
use crate::member::strings as s;
use crate::model::partners::{WeekState, missed_weeks, week_state};

pub fn summary(app: &MemberApp, now: DateTime<FixedOffset>) -> String {
    let today = now.date_naive();
    let mut out = String::new();
    let _ = writeln!(out, "{}", s::header(&app.group.name, app.my_name()).trim());
    let _ = writeln!(out);
    let open = queries::open_steps(app).count();
    let _ = writeln!(out, "{}", s::steps_title(open, app.steps.len() - open));
    let mut last = None;
    for i in queries::step_order(app, today) {
        let st = &app.steps[i];
        let g = queries::group_of(st, today);
        if last != Some(g) {
            let n = app.steps.iter().filter(|x| queries::group_of(x, today) == g).count();
            let _ = writeln!(out, "  {}", s::group_title(g, n));
            last = Some(g);
        }
        let due = st.due.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
        let mark = st.progress().label();
        let _ = writeln!(out, "    {}  {due}  {:<8}  {}", st.id, mark, st.text);
    }
    if app.steps.is_empty() {
        let _ = writeln!(out, "  {}", s::NO_STEPS);
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", s::goals_title(app.goals.goals.len()));
    for g in &app.goals.goals {
        let by = g.deadline.map(|d| format!(" (by {d})")).unwrap_or_default();
        let _ = writeln!(out, "  {}{by}", g.title);
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", s::prep_title(&app.next_meeting.to_string()));
    let _ = writeln!(out, "  {}", if app.prep.is_prepared() { s::PREPARED } else { s::NOT_PREPARED });
    let _ = writeln!(out);
    let log = &app.checkins.checkins;
    let missed: usize = app.partners.active().map(|p| missed_weeks(p, log, today).len()).sum();
    let _ = writeln!(out, "{}", s::partners_title(app.partners.partnerships.len(), missed));
    for p in &app.partners.partnerships {
        let state = match (p.ended, week_state(p, log, today)) {
            (Some(_), _) => s::ENDED.to_string(),
            (None, WeekState::Done) => s::WEEK_DONE.to_string(),
            (None, WeekState::Due(d)) => s::week_due(&d.to_string()),
            (None, WeekState::Late(d)) => s::week_late(&d.to_string()),
            (None, WeekState::NotCounted) => s::STARTS_NEXT_WEEK.to_string(),
        };
        let n = if p.ended.is_some() { 0 } else { missed_weeks(p, log, today).len() };
        let flag = if n > 0 { format!("  {}", s::missed(n)) } else { String::new() };
        let _ = writeln!(out, "  {} · {} · {state}{flag}", app.partner_name(&p.partner), p.skill);
    }
    out
}

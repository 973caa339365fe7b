//! Closing the meeting, the one step that asks: `]` in the wrap-up opens a question
//! naming what is still missing (ratings, steps to sharpen, the pledge); `y` closes. And
//! after a close, another meeting starts only when asked, from a fresh reading of the
//! group (the context loaded before the close predates it).

use chrono::{DateTime, FixedOffset};

use super::action::Effect;
use super::state::{App, Overlay};
use crate::facilitator::strings::close as s;
use crate::store::snapshot::Context;

/// What the meeting still lacks, one line each, for the close question.
pub fn missing(app: &App) -> Vec<String> {
    let Some(m) = app.meeting.as_ref() else { return Vec::new() };
    let mut out = Vec::new();
    let unrated: Vec<&str> = m.here().filter(|id| m.rating(id).is_none()).map(|id| app.ctx.group.name_of(id)).collect();
    if !unrated.is_empty() {
        out.push(s::unrated(&unrated));
    }
    let flagged = m.steps.iter().filter(|st| !st.missing().is_empty()).count();
    if flagged > 0 {
        out.push(s::flagged(flagged));
    }
    if m.pledge_acknowledged_at.is_none() {
        out.push(s::NO_PLEDGE.to_string());
    }
    out
}

/// `]` in the wrap-up: ask before closing.
pub fn ask(app: &mut App) -> Vec<Effect> {
    app.ui.overlay = Overlay::ConfirmClose;
    Vec::new()
}

/// The question's text: what is missing, then what closing does.
pub fn question(app: &App) -> String {
    let missing = missing(app);
    let mut lines = Vec::new();
    if missing.is_empty() {
        lines.push(s::NOTHING_MISSING.to_string());
    } else {
        lines.push(s::STILL_MISSING.to_string());
        lines.extend(missing.iter().map(|l| format!("• {l}")));
    }
    lines.push(s::WHAT_CLOSING_DOES.to_string());
    lines.join("\n")
}

/// The key on a closed meeting's summary: read the group afresh, then start the next.
pub fn ask_new(app: &mut App) -> Vec<Effect> {
    match &app.meeting {
        Some(m) if !m.is_open() && !app.ui.read_only => vec![Effect::ReadForNewMeeting],
        _ => Vec::new(),
    }
}

/// The group as read after the close: start the next meeting from it.
pub fn start_fresh(app: &mut App, ctx: Context, now: DateTime<FixedOffset>) -> Vec<Effect> {
    if app.meeting.as_ref().is_none_or(|m| m.is_open()) {
        return Vec::new();
    }
    app.ctx = ctx;
    app.meeting = None;
    super::phases::start_or_resume(app, now)
}

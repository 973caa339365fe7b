//! What the report-back records: each step marked done, partly done, not done or
//! dropped, with a note on its progress.

use chrono::{DateTime, FixedOffset};
use tui_input::Input;

use super::action::Effect;
use super::queries::{self, clamp};
use super::state::{App, LineInput, LinePurpose, Overlay};
use crate::facilitator::strings as s;
use crate::model::{ActionStep, Progress, Reporter, Review};

/// The reported step the selection points at, with its row and the number of rows.
fn selected(app: &App) -> Option<(ActionStep, usize, usize)> {
    let items = queries::report_items(app);
    let i = clamp(app.ui.cursors.report, items.len());
    let n = items.len();
    items.into_iter().nth(i).map(|step| (step, i, n))
}

/// The note already written on a step in this meeting, else one the member wrote since
/// (`keep` says which of theirs comes along). A note said in an earlier meeting stays with
/// that meeting: it is never copied forward as today's.
fn note_of(app: &App, step: &ActionStep, keep: impl Fn(Progress) -> bool) -> String {
    let m = app.meeting.as_ref().expect("in a meeting");
    let members_own = |e: &&crate::model::ProgressEntry| e.by == Reporter::Member && keep(e.progress);
    m.review(&step.id)
        .map(|r| r.note.clone())
        .or_else(|| step.last_entry().filter(members_own).map(|e| e.note.clone()))
        .unwrap_or_default()
}

/// Enter in the report-back: a note on the selected step's progress.
pub fn open_review_note(app: &mut App) -> Vec<Effect> {
    let Some((step, _, _)) = selected(app) else {
        app.info(s::NO_STEP_SELECTED);
        return Vec::new();
    };
    let note = note_of(app, &step, |_| true);
    app.ui.overlay =
        Overlay::Line(LineInput { purpose: LinePurpose::ReviewNote(step.id), input: Input::new(note), error: None });
    Vec::new()
}

/// `d`, `p`, `n`, `x` in the report-back.
pub fn mark(app: &mut App, progress: Progress, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let Some((step, i, n)) = selected(app) else {
        app.info(s::NOTHING_TO_REPORT);
        return Vec::new();
    };
    // Keep a note already written; a member's own note comes along when confirmed.
    let note = note_of(app, &step, |p| p == progress);
    let m = app.meeting.as_mut().expect("in a meeting");
    let review = Review { step: step.id.clone(), progress, note, at: now };
    match m.reviews.iter_mut().find(|r| r.step == step.id) {
        Some(r) => *r = review,
        None => m.reviews.push(review),
    }
    if progress != Progress::NotDone && i + 1 < n {
        app.ui.cursors.report = i + 1;
    }
    vec![Effect::SaveMeeting]
}

/// The note typed for `step` in the report-back.
pub fn save_review_note(app: &mut App, step: String, note: String, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let items = queries::report_items(app);
    let progress = items.iter().find(|s| s.id == step).map(|s| s.progress()).unwrap_or_default();
    let Some(m) = app.meeting.as_mut() else { return Vec::new() };
    match m.reviews.iter_mut().find(|r| r.step == step) {
        Some(r) => r.note = note,
        None => m.reviews.push(Review { step, progress, note, at: now }),
    }
    vec![Effect::SaveMeeting]
}

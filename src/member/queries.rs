//! Lists computed from the member's state, shared by `update` and the screens.

use chrono::{Days, NaiveDate};

use super::state::{MemberApp, PrepField, Screen};
use crate::model::ActionStep;

/// The groups of the steps screen, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepGroup {
    Overdue,
    ThisWeek,
    Later,
    Closed,
}

/// Which group a step falls in on `today`: open steps by due date (overdue, due in the
/// next seven days, later or undated), then done and dropped ones.
pub fn group_of(s: &ActionStep, today: NaiveDate) -> StepGroup {
    if !s.is_open() {
        return StepGroup::Closed;
    }
    match s.due {
        Some(d) if d < today => StepGroup::Overdue,
        Some(d) if d < today + Days::new(7) => StepGroup::ThisWeek,
        _ => StepGroup::Later,
    }
}

/// My steps in the order shown: open first (overdue, this week, later; each by due
/// date), then closed ones, newest first. Indexes into `app.steps`.
pub fn step_order(app: &MemberApp, today: NaiveDate) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..app.steps.len()).collect();
    let rank = |g: StepGroup| g as u8;
    // Each step's group once, not at every comparison (years of steps are thousands).
    let groups: Vec<StepGroup> = app.steps.iter().map(|s| group_of(s, today)).collect();
    idx.sort_by(|&a, &b| {
        let (sa, sb) = (&app.steps[a], &app.steps[b]);
        let (ga, gb) = (groups[a], groups[b]);
        let key_a = (rank(ga), if ga == StepGroup::Closed { None } else { Some(sa.due.unwrap_or(NaiveDate::MAX)) });
        let key_b = (rank(gb), if gb == StepGroup::Closed { None } else { Some(sb.due.unwrap_or(NaiveDate::MAX)) });
        key_a.cmp(&key_b).then_with(|| {
            if ga == StepGroup::Closed {
                sb.meeting.cmp(&sa.meeting).then(sb.id.cmp(&sa.id))
            } else {
                sa.id.cmp(&sb.id)
            }
        })
    });
    idx
}

/// The selected step, if any.
pub fn selected_step(app: &MemberApp, today: NaiveDate) -> Option<&ActionStep> {
    let order = step_order(app, today);
    order.get(clamp(app.ui.cursors.steps, order.len())).map(|&i| &app.steps[i])
}

/// How many rows the current screen has, for the cursor.
pub fn rows(app: &MemberApp) -> usize {
    match app.ui.screen {
        Screen::Steps => app.steps.len() + app.hidden_closed,
        Screen::Goals => app.goals.goals.len(),
        Screen::Prep => PrepField::ALL.len(),
        Screen::Partners => app.partners.partnerships.len(),
    }
}

pub use crate::tui::cursor::clamp;

/// My open steps.
pub fn open_steps(app: &MemberApp) -> impl Iterator<Item = &ActionStep> {
    app.steps.iter().filter(|s| s.is_open())
}

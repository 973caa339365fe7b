//! The term in the meeting (issue 11): the first meeting on or after the term's
//! checkpoint adds a checkpoint step to the wrap-up (each member's goals with their
//! completion so far, on track or needs adjusting, recorded per goal); the last meeting
//! of the term adds the term review (per member: goals, what they accomplished,
//! completion over the term, and a decision: renew, move on or looser contact).
//!
//! Both are a view inside the wrap-up (`t` opens and closes it; it opens by itself when
//! the wrap-up begins and nothing is recorded yet). What is recorded goes into the
//! meeting's `term_record`.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::action::{Action, Effect};
use super::state::{App, StatusKind};
use crate::model::term::{self, Decision, GoalStatus, Term};
use crate::model::{Group, Phase};
use crate::store::layout::meeting_sort_key;

/// Help text of `t`.
pub const KEY_HELP: &str = "open or close the checkpoint / term review (at the meetings that have one)";
pub const NOTHING_DUE: &str = "No checkpoint or term review at this meeting.";
pub const READ_ONLY: &str = "Read-only: the checkpoint and term review are the facilitator's to record.";

/// Which step the wrap-up adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Checkpoint,
    Review,
}

impl Step {
    pub fn title(self) -> &'static str {
        match self {
            Step::Checkpoint => "Checkpoint",
            Step::Review => "Term review",
        }
    }
}

/// The open view: its selected row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct View {
    pub cursor: usize,
}

/// Where the trend the meeting screen reads begins: the current term's start, or the
/// eighth-newest meeting if that is earlier (so that sparklines have a few points
/// early in a term).
pub fn trend_from(group: &Group, meeting_ids: &[String], today: NaiveDate) -> Option<NaiveDate> {
    let date = |id: &String| meeting_sort_key(id).map(|(d, _)| d);
    let first = meeting_ids.first().and_then(date);
    let (t, _) = term::of_group(group, first, today);
    let eighth = meeting_ids.iter().rev().nth(8).and_then(date);
    Some(eighth.map_or(t.start, |e| e.min(t.start)))
}

/// The group's current term as of the meeting on screen.
pub fn current(app: &App) -> Term {
    let date = app.meeting.as_ref().map(|m| m.date).or(app.ctx.group.next_meeting).unwrap_or_default();
    let first = app.ctx.meeting_ids.first().and_then(|id| meeting_sort_key(id)).map(|(d, _)| d);
    term::of_group(&app.ctx.group, first, date).0
}

/// The step this meeting's wrap-up adds, if any. The review wins when both fall on one
/// meeting (a short term).
pub fn due(app: &App) -> Option<Step> {
    let m = app.meeting.as_ref()?;
    let t = current(app);
    if term::is_last_meeting(&t, app.ctx.group.cadence, m.date) {
        return Some(Step::Review);
    }
    let previous = app.ctx.previous.as_ref().map(|p| p.date).filter(|d| *d < m.date);
    term::is_checkpoint_meeting(&t, m.date, previous).then_some(Step::Checkpoint)
}

/// A row of the checkpoint: a member's goal (`None`: the member has no goals).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalRow {
    pub member: String,
    pub goal: Option<String>,
}

/// Members the step is about: those here, in attendance order.
pub fn members(app: &App) -> Vec<String> {
    app.meeting.as_ref().map(|m| m.here().map(str::to_string).collect()).unwrap_or_default()
}

pub fn checkpoint_rows(app: &App) -> Vec<GoalRow> {
    let mut rows = Vec::new();
    for member in members(app) {
        let goals = app.ctx.goals_of(&member);
        if goals.is_empty() {
            rows.push(GoalRow { member, goal: None });
            continue;
        }
        for g in goals {
            rows.push(GoalRow { member: member.clone(), goal: Some(g.id.clone()) });
        }
    }
    rows
}

fn row_count(app: &App, step: Step) -> usize {
    match step {
        Step::Checkpoint => checkpoint_rows(app).len(),
        Step::Review => members(app).len(),
    }
}

/// The points of `member` within the current term (group's when `None`).
pub fn term_points(app: &App, member: Option<&str>) -> Vec<crate::model::trend::Point> {
    let t = current(app);
    let trend = app.ctx.recent_trend();
    let points = match member {
        Some(m) => trend.of(m),
        None => &trend.group,
    };
    points.iter().filter(|p| t.contains(p.date)).cloned().collect()
}

/// When the wrap-up begins: open the step if there is one and nothing is recorded yet.
pub fn on_enter_wrap_up(app: &mut App) {
    let recorded = app.meeting.as_ref().is_some_and(|m| !m.term_record.is_empty());
    if !recorded && due(app).is_some() {
        app.ui.term = Some(View::default());
    }
}

/// Keys of the wrap-up while the step is open, and `t`. `None`: not ours.
pub fn intercept(app: &mut App, action: &Action, _now: DateTime<FixedOffset>) -> Option<Vec<Effect>> {
    let in_wrap = app.in_meeting() && app.meeting.as_ref().is_some_and(|m| m.phase == Phase::WrapUp);
    if !in_wrap {
        app.ui.term = None;
        return None;
    }
    if *action == Action::TermStep {
        match (app.ui.term, due(app)) {
            (Some(_), _) => app.ui.term = None,
            (None, Some(_)) => app.ui.term = Some(View::default()),
            (None, None) => app.info(NOTHING_DUE),
        }
        return Some(Vec::new());
    }
    let view = app.ui.term?;
    let step = due(app)?;
    let len = row_count(app, step);
    match action {
        Action::SelectPrev | Action::SelectNext => {
            let mut c = view.cursor;
            crate::tui::cursor::step(&mut c, if *action == Action::SelectPrev { -1 } else { 1 }, len);
            app.ui.term = Some(View { cursor: c });
            Some(Vec::new())
        }
        Action::Cancel => {
            app.ui.term = None;
            Some(Vec::new())
        }
        Action::RaiseRating | Action::LowerRating | Action::EditStep => {
            if app.ui.read_only {
                app.set_status(StatusKind::Warning, READ_ONLY);
                return Some(Vec::new());
            }
            let forward = *action != Action::LowerRating;
            Some(cycle(app, step, crate::tui::cursor::clamp(view.cursor, len), forward))
        }
        // Keys that act on the wrap-up's own rows wait until the step is closed.
        Action::Rate(_) | Action::DeleteStep => Some(Vec::new()),
        _ => None,
    }
}

fn next_of<T: Copy + PartialEq>(all: &[T], cur: Option<T>, forward: bool) -> Option<T> {
    let i = cur.and_then(|c| all.iter().position(|x| *x == c));
    match (i, forward) {
        (None, true) => all.first().copied(),
        (None, false) => all.last().copied(),
        (Some(i), true) => all.get(i + 1).copied(),
        (Some(0), false) => None,
        (Some(i), false) => all.get(i - 1).copied(),
    }
}

/// Move the selected row's answer on (or back): none → first → … → last → none.
fn cycle(app: &mut App, step: Step, row: usize, forward: bool) -> Vec<Effect> {
    match step {
        Step::Checkpoint => {
            let Some(GoalRow { member, goal: Some(goal) }) = checkpoint_rows(app).get(row).cloned() else {
                return Vec::new();
            };
            let m = app.meeting.as_mut().expect("in a meeting");
            let cur = m.term_record.goal_status(&member, &goal);
            let all = [GoalStatus::OnTrack, GoalStatus::NeedsAdjusting];
            m.term_record.set_goal_status(&member, &goal, next_of(&all, cur, forward));
        }
        Step::Review => {
            let Some(member) = members(app).get(row).cloned() else { return Vec::new() };
            let m = app.meeting.as_mut().expect("in a meeting");
            let cur = m.term_record.decision(&member);
            m.term_record.set_decision(&member, next_of(&Decision::ALL, cur, forward));
        }
    }
    vec![Effect::SaveMeeting]
}

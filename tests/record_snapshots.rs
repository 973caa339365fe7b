//! The term in the meeting (issue 11) at 80×24: the checkpoint and the term review inside
//! the wrap-up, the report-back's sparklines, and the completion chart; and what they
//! record in the meeting file.

mod support;

use chrono::{DateTime, FixedOffset};
use hotseat::facilitator::{Action, App, Effect};
use hotseat::model::term::{Decision, GoalStatus, Term};
use hotseat::store::Store;
use hotseat::store::snapshot::Context;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use support::*;

type Time = DateTime<FixedOffset>;

fn t(h: u32, m: u32) -> Time {
    at(h, m, 0)
}

/// The demo (meeting on 2030-01-15) with a term that makes that meeting its checkpoint
/// meeting or its last, loaded as the meeting screen loads it (the reports and the
/// trend after the first frame).
fn demo_with_term(start: &str) -> (Demo, App) {
    let demo = Demo::on(day(ANCHOR));
    let store = demo.store();
    let mut g = store.load_group().unwrap();
    g.term = Some(Term::new(day(start), 6));
    g.term.as_mut().unwrap().requests.insert("ada".into(), "Two warm introductions to Series A leads".into());
    store.save_group(&g).unwrap();
    (demo, app_of(&store))
}

fn app_of(store: &Store) -> App {
    let (mut ctx, job) = Context::load_first_frame(store).unwrap();
    ctx.set_reports(job.run(store));
    App::new(ctx)
}

/// Start the meeting and press `]` until the wrap-up.
fn to_wrap_up(app: &mut App) {
    act(app, Action::Start, t(18, 0));
    for i in 0..20 {
        if app.meeting.as_ref().is_some_and(|m| m.phase == hotseat::model::Phase::WrapUp) {
            return;
        }
        next(app, t(18, 5 + i));
    }
    panic!("never reached the wrap-up");
}

#[test]
fn checkpoint_in_the_wrap_up() {
    // 2029-10-15 + 6 months: the checkpoint falls on 2030-01-13, after the meeting of
    // 2030-01-01: the meeting of 2030-01-15 is the first on or after it.
    let (demo, mut app) = demo_with_term("2029-10-15");
    to_wrap_up(&mut app);
    assert!(app.ui.term.is_some(), "the checkpoint opens by itself");
    insta::assert_debug_snapshot!("checkpoint", screen(&app, 80, 24, t(19, 50)));

    // → marks the first goal on track, twice → needs adjusting; saved with the meeting.
    assert_eq!(act(&mut app, Action::RaiseRating, t(19, 51)), vec![Effect::SaveMeeting]);
    act(&mut app, Action::SelectNext, t(19, 51));
    act(&mut app, Action::RaiseRating, t(19, 51));
    act(&mut app, Action::RaiseRating, t(19, 51));
    let m = app.meeting.as_ref().unwrap();
    let goals = app.ctx.goals_of("ada");
    assert_eq!(m.term_record.goal_status("ada", &goals[0].id), Some(GoalStatus::OnTrack));
    assert_eq!(m.term_record.goal_status("ada", &goals[1].id), Some(GoalStatus::NeedsAdjusting));
    demo.store().save_meeting(m).unwrap();
    let back = demo.store().load_meeting(&m.id).unwrap();
    assert_eq!(back.term_record, m.term_record);

    // `t` closes it: the wrap-up's own rows again, with the step named in the title.
    act(&mut app, Action::TermStep, t(19, 52));
    assert!(app.ui.term.is_none());
    let text = text_of(&draw(&app, 80, 24, t(19, 52)));
    assert!(text.contains("Checkpoint: t"), "{text}");
}

#[test]
fn term_review_in_the_wrap_up() {
    // 2029-07-20 + 6 months ends on 2030-01-19: the meeting of 2030-01-15 is the last.
    let (demo, mut app) = demo_with_term("2029-07-20");
    to_wrap_up(&mut app);
    assert!(app.ui.term.is_some(), "the term review opens by itself");
    act(&mut app, Action::RaiseRating, t(19, 50));
    insta::assert_debug_snapshot!("term_review", screen(&app, 80, 24, t(19, 50)));
    act(&mut app, Action::SelectNext, t(19, 51));
    act(&mut app, Action::RaiseRating, t(19, 51));
    act(&mut app, Action::RaiseRating, t(19, 51));
    let m = app.meeting.as_ref().unwrap();
    assert_eq!(m.term_record.decision("ada"), Some(Decision::Renew));
    assert_eq!(m.term_record.decision("ben"), Some(Decision::MoveOn));
    demo.store().save_meeting(m).unwrap();

    // A rating key waits while the review is open; Esc closes it.
    act(&mut app, Action::Rate(3), t(19, 52));
    assert!(app.meeting.as_ref().unwrap().ratings.iter().all(|r| r.score != 3));
    act(&mut app, Action::Cancel, t(19, 52));
    assert!(app.ui.term.is_none());
}

#[test]
fn an_ordinary_meeting_has_neither() {
    let demo = Demo::on(day(ANCHOR));
    let mut app = app_of(&demo.store());
    to_wrap_up(&mut app);
    assert!(app.ui.term.is_none());
    act(&mut app, Action::TermStep, t(19, 50));
    assert!(app.ui.term.is_none());
    assert!(app.ui.status.as_ref().is_some_and(|s| s.text.contains("No checkpoint")));
}

#[test]
fn report_back_shows_recent_completion() {
    let demo = Demo::on(day(ANCHOR));
    let mut app = app_of(&demo.store());
    act(&mut app, Action::Start, t(18, 0));
    next(&mut app, t(18, 2));
    let text = text_of(&draw(&app, 80, 24, t(18, 3)));
    let line = text.lines().find(|l| l.contains("│Ada      ") && l.contains('%')).unwrap_or("");
    assert!(line.contains('█'), "Ada's last report-back was 100 %: {text}");
}

#[test]
fn completion_chart() {
    let (_demo, app) = demo_with_term("2029-07-20");
    let mut points = app.ctx.recent_trend().group.clone();
    // A longer line than the demo has: the same meetings again, a month on each time.
    let mut more = Vec::new();
    for (i, c) in [55u32, 62, 70, 68, 81, 92, 88].iter().enumerate() {
        let mut p = points.last().unwrap().clone();
        p.date = p.date + chrono::Days::new(14 * (i as u64 + 1));
        p.meeting = p.date.to_string();
        p.completion = Some(*c);
        p.rating = Some(7.0 + i as f64 * 0.3);
        more.push(p);
    }
    points.extend(more);
    let mut buf = Buffer::empty(Rect::new(0, 0, 80, 24));
    hotseat::tui::trend_chart::TrendChart {
        title: " Northside Leaders · completion per meeting ".into(),
        points: &points,
        theme: hotseat::tui::theme::Theme { color: false },
    }
    .render(buf.area, &mut buf);
    insta::assert_snapshot!("chart", text_of(&buf));
}

#[test]
fn the_request_shows_in_the_members_prep() {
    let (demo, _) = demo_with_term("2029-10-15");
    let mut me = load_member(&demo.store(), "ada", evening_before());
    me.ui.screen = hotseat::member::state::Screen::Prep;
    let shown = member_shown_at(&me, evening_before(), 160, 24);
    assert!(shown.contains("Your request this term: Two warm introductions to Series A leads"), "{shown}");
}

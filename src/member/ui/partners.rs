//! My Hot Team partnerships and weekly check-ins (missed weeks flagged), partners who
//! chose me, and who offers which skill.

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::ListItem;
use ratatui::widgets::Widget;

use crate::member::queries::clamp;
use crate::member::state::MemberApp;
use crate::member::strings as s;
use crate::model::Partnership;
use crate::model::partners::{WeekState, missed_weeks, week_state};
use crate::tui::format;
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, panel, span};
use crate::tui::widgets_fit::TextBox;

/// The partners screen, drawn into the body of the frame.
pub struct Partners<'a> {
    pub app: &'a MemberApp,
    pub now: DateTime<FixedOffset>,
    pub theme: Theme,
}

impl Widget for Partners<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Partners { app, now, theme } = self;
        let today = now.date_naive();
        let ps = &app.partners.partnerships;
        let list_h = (ps.len() as u16 + 2).clamp(3, 7);
        let [list_area, detail, group] =
            Layout::vertical([Constraint::Length(list_h), Constraint::Fill(1), Constraint::Length(6)]).areas(area);
        let log = &app.checkins.checkins;
        let missed: usize = app.partners.active().map(|p| missed_weeks(p, log, today).len()).sum();
        let title = s::partners_title(ps.len(), missed);
        let title_style = if missed > 0 { theme.alert() } else { theme.title() };
        if ps.is_empty() {
            Widget::render(
                TextBox {
                    lines: vec![Line::from(span(s::NO_PARTNERSHIPS_PRESS_A, theme.dim()))],
                    block: panel(title, theme).title_style(title_style),
                    scroll: 0,
                    key: None,
                    theme,
                },
                list_area,
                buf,
            );
        } else {
            let w = list_area.width.saturating_sub(4) as usize;
            let items: Vec<ListItem> = ps.iter().map(|p| row(app, p, today, w, theme)).collect();
            let block = panel(fit(&title, list_area.width.saturating_sub(4) as usize), theme).title_style(title_style);
            let selected = clamp(app.ui.cursors.partners, ps.len());
            crate::tui::widgets_fit::list_box(items, block, selected, list_area, buf, theme);
        }
        let selected = ps.get(clamp(app.ui.cursors.partners, ps.len()));
        Widget::render(detail_panel(app, selected, today, theme), detail, buf);
        Widget::render(group_panel(app, theme), group, buf);
    }
}

fn state_label(p: &Partnership, app: &MemberApp, today: NaiveDate) -> (String, bool) {
    if p.ended.is_some() {
        return (s::ENDED.to_string(), false);
    }
    match week_state(p, &app.checkins.checkins, today) {
        WeekState::Done => (s::WEEK_DONE.to_string(), false),
        WeekState::Due(d) => (s::week_due(&format::date(d, today)), false),
        WeekState::Late(d) => (s::week_late(&format::date(d, today)), true),
        WeekState::NotCounted => (s::STARTS_NEXT_WEEK.to_string(), false),
    }
}

fn row<'a>(app: &MemberApp, p: &Partnership, today: NaiveDate, w: usize, theme: Theme) -> ListItem<'a> {
    let missed = if p.ended.is_some() { 0 } else { missed_weeks(p, &app.checkins.checkins, today).len() };
    let (state, late) = state_label(p, app, today);
    let flag = if missed > 0 { s::missed(missed) } else { String::new() };
    let right_w = 22 + 11;
    let left_w = w.saturating_sub(right_w);
    let left = format!("{} · {}", app.partner_name(&p.partner), p.skill);
    ListItem::new(Line::from(vec![
        span(format!("{:<left_w$}", fit(&left, left_w)), theme.text()),
        span(format!("{:>22}", fit(&state, 22)), if late { theme.warn() } else { theme.dim() }),
        span(format!("{:>11}", flag), theme.alert()),
    ]))
}

fn detail_panel<'a>(app: &MemberApp, p: Option<&Partnership>, today: NaiveDate, theme: Theme) -> TextBox<'a> {
    let Some(p) = p else {
        return TextBox { lines: vec![], block: panel(s::PARTNERSHIP_TITLE, theme), scroll: 0, key: None, theme };
    };
    let mut lines = vec![Line::from(vec![
        span(app.partner_name(&p.partner), theme.strong()),
        span(
            format!(
                " · {} · {}",
                if p.partner.member_id().is_some() { s::IN_GROUP } else { s::OUTSIDE },
                s::weekly_on(p.day)
            ),
            theme.dim(),
        ),
    ])];
    lines.push(Line::from(vec![
        span(s::SLIP_PARTNER_LABEL, theme.dim()),
        if p.slip_words.is_empty() {
            span(s::NOT_WRITTEN, theme.warn())
        } else {
            span(format!("“{}”", p.slip_words), theme.text())
        },
    ]));
    let missed = missed_weeks(p, &app.checkins.checkins, today);
    if !missed.is_empty() && p.ended.is_none() {
        let mut weeks: Vec<String> =
            missed.iter().rev().take(4).map(|w| s::week_of(&format::date(*w, today))).collect();
        if missed.len() > 4 {
            weeks.push(s::earlier(missed.len() - 4));
        }
        lines.push(Line::from(vec![span(s::MISSED_LABEL, theme.alert()), span(weeks.join(", "), theme.alert())]));
    }
    let mine: Vec<_> = app.checkins.checkins.iter().filter(|c| c.partnership == p.id).collect();
    if mine.is_empty() {
        lines.push(Line::from(span(s::NO_CHECKINS, theme.dim())));
    }
    for c in mine.iter().rev().take(3) {
        let track = match c.on_track {
            Some(true) => (s::ON_TRACK, theme.ok()),
            Some(false) => (s::OFF_TRACK, theme.alert()),
            None => ("", theme.dim()),
        };
        lines.push(Line::from(vec![
            span(format!("{} ", format::date(c.on, today)), theme.dim()),
            span(format!("{:<13}", track.0), track.1),
            span(c.note.clone(), theme.text()),
        ]));
    }
    if mine.len() > 3 {
        lines.push(Line::from(span(s::earlier(mine.len() - 3), theme.dim())));
    }
    TextBox { lines, block: panel(s::partnership_title(&p.skill), theme), scroll: 0, key: None, theme }
}

fn group_panel<'a>(app: &MemberApp, theme: Theme) -> TextBox<'a> {
    let mut lines = Vec::new();
    for pb in &app.partnered_by {
        lines.push(Line::from(vec![
            span(s::chose_me(app.group.name_of(&pb.member), &pb.partnership.skill), theme.text()),
            span(
                if pb.partnership.slip_words.is_empty() {
                    String::new()
                } else {
                    format!(" · {}“{}”", s::SAY_LABEL, pb.partnership.slip_words)
                },
                theme.dim(),
            ),
        ]));
    }
    let mine = if app.partners.offers.is_empty() { s::NONE_YET.to_string() } else { app.partners.offers.join(", ") };
    lines.push(Line::from(vec![span(s::MY_OFFERS_LABEL, theme.dim()), span(mine, theme.text())]));
    let mut offers: Vec<String> = Vec::new();
    for m in app.group.members.iter().filter(|m| m.id != app.me) {
        let mut skills: Vec<String> = m.offers.clone();
        if let Some((_, own)) = app.member_offers.iter().find(|(id, _)| *id == m.id) {
            for sk in own {
                if !skills.iter().any(|x| x.eq_ignore_ascii_case(sk)) {
                    skills.push(sk.clone());
                }
            }
        }
        if !skills.is_empty() {
            offers.push(format!("{}: {}", m.name.split_whitespace().next().unwrap_or(&m.name), skills.join(", ")));
        }
    }
    lines.push(Line::from(vec![span(s::OFFERED_LABEL, theme.dim()), span(offers.join(" · "), theme.text())]));
    TextBox { lines, block: panel(s::GROUP_PARTNERS_TITLE, theme), scroll: 0, key: None, theme }
}

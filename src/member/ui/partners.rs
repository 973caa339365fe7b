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
use crate::model::pairing::offers_of;
use crate::model::partners::{WeekState, missed_weeks, week_state};
use crate::tui::format;
use crate::tui::screen::textwrap;
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, panel, span, text};
use crate::tui::widgets_fit::TextBox;
use unicode_width::UnicodeWidthStr;

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
        let group_lines = group_lines(app, area.width.saturating_sub(2) as usize, theme);
        // The group's offers take what they need, leaving a partnership at least 8 rows.
        let detail_min = if ps.is_empty() { 3 } else { 8 };
        let group_h = (group_lines.len() as u16 + 2).min(area.height.saturating_sub(list_h + detail_min)).max(3);
        let [list_area, detail, group] =
            Layout::vertical([Constraint::Length(list_h), Constraint::Fill(1), Constraint::Length(group_h)])
                .areas(area);
        let log = &app.checkins.checkins;
        let missed: usize = app.partners.active().map(|p| missed_weeks(p, log, today).len()).sum();
        let title = s::partners_title(ps.len(), missed);
        let title_style = if missed > 0 { theme.alert() } else { theme.title() };
        if ps.is_empty() {
            Widget::render(
                TextBox::fixed(
                    vec![Line::from(span(s::NO_PARTNERSHIPS_PRESS_A, theme.dim()))],
                    panel(title, theme).title_style(title_style),
                    theme,
                ),
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
        let inner = (detail.width.saturating_sub(2) as usize, detail.height.saturating_sub(2) as usize);
        Widget::render(detail_panel(app, selected, today, inner, theme), detail, buf);
        let block = panel(s::GROUP_PARTNERS_TITLE, theme);
        Widget::render(TextBox::fixed(group_lines, block, theme), group, buf);
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

fn detail_panel<'a>(
    app: &MemberApp,
    p: Option<&Partnership>,
    today: NaiveDate,
    (width, height): (usize, usize),
    theme: Theme,
) -> ratatui::widgets::Paragraph<'a> {
    let Some(p) = p else { return text(vec![]).block(panel(s::PARTNERSHIP_TITLE, theme)) };
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
    // The slip words may wrap: the rows they take come off what the history may use.
    let used: usize = lines.iter().map(|l| l.width().div_ceil(width.max(1)).max(1)).sum();
    lines.extend(history(app, p, today, (width, height.saturating_sub(used)), theme));
    text(lines).block(panel(s::partnership_title(&p.skill), theme))
}

/// The last three check-ins, newest first, in columns: the day, whether on track, the
/// note (wrapped under itself); only those whose every row fits in `rows`.
fn history<'a>(
    app: &MemberApp,
    p: &Partnership,
    today: NaiveDate,
    (width, rows): (usize, usize),
    theme: Theme,
) -> Vec<Line<'a>> {
    let mine: Vec<_> = app.checkins.checkins.iter().filter(|c| c.partnership == p.id).rev().take(3).collect();
    if mine.is_empty() {
        return vec![Line::from(span(s::NO_CHECKINS, theme.dim()))];
    }
    let days: Vec<String> = mine.iter().map(|c| format::date(c.on, today)).collect();
    let day_w = days.iter().map(|d| d.width()).max().unwrap_or(0);
    let mark_w = [s::ON_TRACK, s::OFF_TRACK, s::TRACK_NOT_SAID].iter().map(|m| m.width()).max().unwrap_or(0);
    let note_w = width.saturating_sub(day_w + mark_w + 4).max(12);
    let indent = " ".repeat(day_w + mark_w + 4);
    let mut lines = Vec::new();
    for (c, day) in mine.iter().zip(days) {
        let (mark, style) = match c.on_track {
            Some(true) => (s::ON_TRACK, theme.ok()),
            Some(false) => (s::OFF_TRACK, theme.alert()),
            None => (s::TRACK_NOT_SAID, theme.dim()),
        };
        let wrapped = textwrap(&c.note, note_w);
        if lines.len() + wrapped.len().max(1) > rows {
            break;
        }
        let mut note = wrapped.into_iter();
        lines.push(Line::from(vec![
            span(format!("{day}{}  ", " ".repeat(day_w - day.width())), theme.dim()),
            span(format!("{mark}{}  ", " ".repeat(mark_w - mark.width())), style),
            span(note.next().unwrap_or_default(), theme.text()),
        ]));
        lines.extend(note.map(|l| Line::from(vec![span(indent.clone(), theme.dim()), span(l, theme.text())])));
    }
    lines
}

/// Partners who chose me, and who offers which skill (as `hotseat partners` shows it: the
/// offers kept in `group.json` and those members add in their own `partners.json`).
/// One line a row, wrapped at `width`, so that the panel can be as high as its lines.
fn group_lines<'a>(app: &MemberApp, width: usize, theme: Theme) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    for pb in &app.partnered_by {
        let mut said = s::chose_me(app.group.name_of(&pb.member), &pb.partnership.skill);
        if !pb.partnership.slip_words.is_empty() {
            said.push_str(&format!(" · {}“{}”", s::SAY_LABEL, pb.partnership.slip_words));
        }
        lines.extend(textwrap(&said, width).into_iter().map(|l| Line::from(span(l, theme.text()))));
    }
    let own = |id: &str| app.member_offers.iter().find(|(m, _)| m == id).map(|(_, o)| o.as_slice()).unwrap_or(&[]);
    let offers = |m: &crate::model::Member| {
        if m.id == app.me { offers_of(m, &app.partners.offers) } else { offers_of(m, own(&m.id)) }
    };
    // Mine first, even when empty (o edits them), then each member who offers any.
    let mine = app.group.member(&app.me).map(offers).unwrap_or_else(|| app.partners.offers.clone());
    let others = app.group.members.iter().filter(|m| m.id != app.me).map(|m| (m.name.clone(), offers(m)));
    let rows: Vec<(String, Vec<String>)> =
        std::iter::once((s::ME.to_string(), mine)).chain(others.filter(|(_, o)| !o.is_empty())).collect();
    let name_w = rows.iter().map(|(n, _)| n.width()).max().unwrap_or(0);
    for (name, skills) in rows {
        let shown = if skills.is_empty() { s::NONE_YET.to_string() } else { skills.join(", ") };
        let wrapped = textwrap(&shown, width.saturating_sub(name_w + 2).max(12));
        for (i, part) in wrapped.into_iter().enumerate() {
            let label = if i == 0 { name.clone() } else { String::new() };
            lines.push(Line::from(vec![
                span(format!("{label}{}  ", " ".repeat(name_w - label.width())), theme.dim()),
                span(part, theme.text()),
            ]));
        }
    }
    lines
}

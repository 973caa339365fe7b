//! What frames every screen: header with the meeting clock, phase bar, status line,
//! footer of key hints, and the blank screen.

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Theme, centered, fit, format, span};
use crate::facilitator::keymap;
use crate::facilitator::queries;
use crate::facilitator::strings::ui;
use crate::facilitator::{App, StatusKind};
use crate::model::Phase;
use crate::model::agenda::Agenda;
use crate::tui::status::notice;

pub fn blank(frame: &mut Frame, area: Rect, theme: Theme) {
    let r = centered(area, ui::BLANKED.width() as u16, 1);
    frame.render_widget(Paragraph::new(span(ui::BLANKED, theme.dim())), r);
}

pub fn header(app: &App, frame: &mut Frame, area: Rect, now: DateTime<FixedOffset>, theme: Theme) {
    let mut right: Vec<Span> = vec![span(format::hhmm(now), theme.strong())];
    if let Some(m) = app.meeting.as_ref().filter(|m| m.is_open()) {
        let end = m.scheduled_end();
        let left = (end - now).num_minutes();
        right.push(span(" · ", theme.dim()));
        if now <= end {
            right.push(span(ui::ends_at(&format::hhmm(end), &format::minutes(left.max(0))), theme.text()));
        } else {
            right.push(span(
                ui::ended_at(&format::hhmm(end), &format::minutes((now - end).num_minutes())),
                theme.alert(),
            ));
        }
        if m.phase >= Phase::PrepReview {
            let over = (queries::projected_end(m, queries::timebox(app), now) - end).num_minutes();
            right.push(span(" · ", theme.dim()));
            if over <= 0 {
                right.push(span(ui::ON_TIME, theme.ok()));
            } else {
                right.push(span(
                    ui::projected_over(&format::minutes(over)),
                    if over > 10 { theme.alert() } else { theme.warn() },
                ));
            }
        }
    }
    let right_w: usize = right.iter().map(|s| s.content.width()).sum::<usize>() + 1;
    let mut title = format!(" {}", app.ctx.group.name);
    if let Some(m) = app.meeting.as_ref().filter(|m| m.date != now.date_naive()) {
        title.push_str(&ui::meeting_suffix(&format::date(m.date, now.date_naive())));
    }
    if app.ui.read_only {
        title.push_str(ui::READ_ONLY_TAG);
    }
    if let Some(sync) = &app.ui.sync {
        title.push_str(" · ");
        title.push_str(&crate::sync::strings::status_label(sync, now));
    }
    let left_w = (area.width as usize).saturating_sub(right_w + 1);
    let left = fit(&title, left_w);
    let pad = (area.width as usize).saturating_sub(left.width() + right_w);
    let mut spans = vec![span(left, theme.title()), Span::raw(" ".repeat(pad))];
    spans.extend(right);
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn phase_bar(agenda: &Agenda, current: Phase, frame: &mut Frame, area: Rect, theme: Theme) {
    let mut spans = vec![Span::raw(" ")];
    let sep = if area.width >= 64 { " › " } else { "›" };
    for (i, p) in Phase::ALL.iter().enumerate() {
        if i > 0 {
            spans.push(span(sep, theme.dim()));
        }
        let style = if *p == current {
            theme.current_phase()
        } else if *p < current {
            theme.text()
        } else {
            theme.dim()
        };
        let label = if *p == current { format!(" {} ", agenda.label(*p)) } else { agenda.label(*p).to_string() };
        spans.push(span(label, style));
    }
    let line = crate::tui::widgets_fit::fit_line(Line::from(spans), area.width as usize);
    frame.render_widget(Paragraph::new(line), area);
}

pub fn status(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let width = area.width as usize;
    let line = if app.ui.saving && app.ui.status.as_ref().is_none_or(|s| s.kind == StatusKind::Info) {
        Line::from(span(format!(" {}", ui::SAVING), theme.dim()))
    } else if let Some(st) = &app.ui.status {
        st.line(width, theme)
    } else if let Some(b) = banner(app) {
        notice(&b, theme.warn(), width)
    } else if app.ui.unsaved {
        notice(ui::UNSAVED, theme.alert(), width)
    } else {
        Line::default()
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// The standing banner, with what the members' files read on a thread reported since.
fn banner(app: &App) -> Option<String> {
    let late = app.ctx.late_warnings();
    let late_text = (!late.is_empty()).then(|| crate::tui::strings::unreadable_banner(late));
    match (&app.ui.banner, late_text) {
        (Some(b), Some(l)) if !b.contains(&late[0].to_string()) => Some(format!("{b} · {l}")),
        (Some(b), _) => Some(b.clone()),
        (None, l) => l,
    }
}

pub fn footer(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    super::widgets::footer(keymap::hints(app), frame, area, theme);
}

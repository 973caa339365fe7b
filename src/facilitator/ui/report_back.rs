//! Report-back: every open step of the members who are here, progress and completion.

use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Widget};
use unicode_width::UnicodeWidthStr;

use super::{Theme, fit, format, panel, span};
use crate::facilitator::App;
use crate::facilitator::queries::{self, Reported, clamp};
use crate::facilitator::strings::{room, ui};
use crate::model::{ActionStep, Meeting, Progress, Reporter};
use crate::tui::widgets_fit::{TextBox, list_box, panel_fit, position, wrapped_height};

/// The report-back screen, drawn into the body of the frame.
pub struct ReportBack<'a> {
    pub app: &'a App,
    pub now: DateTime<FixedOffset>,
    pub theme: Theme,
}

impl Widget for ReportBack<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let ReportBack { app, now, theme } = self;
        let Some(m) = app.meeting.as_ref() else { return };
        let items = queries::report_items(app);
        let (per, all) = queries::completion(m, &items);
        let selected = items.get(clamp(app.ui.cursors.report, items.len()));
        let today = now.date_naive();
        // The step's box grows to show all it says (slip words included), up to half the screen.
        let detail_lines = detail_lines(app, m, selected, today, theme);
        let need = wrapped_height(&detail_lines, area.width.saturating_sub(2)) + 2;
        let detail_h = need.clamp(7, (area.height / 2).max(7));
        let [top, detail] = Layout::vertical([Constraint::Fill(1), Constraint::Length(detail_h)]).areas(area);
        let side_w = 24.min(top.width / 3);
        let [list_area, side] = Layout::horizontal([Constraint::Fill(1), Constraint::Length(side_w)]).areas(top);

        let inner_w = list_area.width.saturating_sub(4) as usize;
        let rows: Vec<ListItem> = items
            .iter()
            .map(|s| {
                let who = app.ctx.group.name_of(&s.owner).split_whitespace().next().unwrap_or("").to_string();
                let (p, source) = queries::reported(m, s);
                let (mark, mark_style) = match source {
                    Reported::Here => (p.label().to_string(), theme.progress(p)),
                    Reported::ByMember => (format!("{}*", p.label()), theme.progress(p)),
                    Reported::Earlier => (format!("({})", p.label()), theme.dim()),
                    Reported::Never => ("·".to_string(), theme.dim()),
                };
                let who_w = 8;
                let mark_w = 10;
                let text_w = inner_w.saturating_sub(who_w + mark_w + 2);
                let overdue = s.due.is_some_and(|d| d < today) && source != Reported::Here;
                ListItem::new(Line::from(vec![
                    span(format!("{:<who_w$}", fit(&who, who_w - 1)), theme.strong()),
                    span(
                        format!("{:<text_w$}", fit(&s.text, text_w)),
                        if overdue { theme.warn() } else { theme.text() },
                    ),
                    span(format!(" {:>mark_w$}", mark), mark_style),
                ]))
            })
            .collect();
        let title =
            ui::report_title(items.len(), items.iter().filter(|s| queries::reported(m, s).1 == Reported::Here).count());
        let block = panel_fit(&title, list_area.width, theme);
        if rows.is_empty() {
            let lines = vec![Line::from(span(ui::NO_OPEN_STEPS, theme.dim()))];
            TextBox::fixed(lines, block, theme).render(list_area, buf);
        } else {
            // What the marks mean, in the bottom border where it fits (and in the help).
            let height = list_area.height.saturating_sub(2) as usize;
            let position = position(clamp(app.ui.cursors.report, items.len()), items.len(), height);
            let room = (list_area.width as usize).saturating_sub(position.map_or(2, |p| p.width() + 5));
            let legend = [room::LEGEND, room::LEGEND_SHORT].into_iter().find(|l| l.width() <= room);
            let block = match legend {
                Some(l) => block.title_bottom(Line::from(span(l, theme.dim()))),
                None => block,
            };
            list_box(rows, block, clamp(app.ui.cursors.report, items.len()), list_area, buf, theme);
        }

        // Completion per member and for the group.
        let mut lines: Vec<Line> = per
            .iter()
            .map(|(id, c)| {
                let name = app.ctx.group.name_of(id).split_whitespace().next().unwrap_or("").to_string();
                let mut line = Line::from(vec![
                    span(format!("{:<9}", fit(&name, 8)), theme.text()),
                    span(format!("{}/{} ", c.done, c.counted()), theme.dim()),
                    span(pct(c.percent()), theme.strong()),
                ]);
                if c.to_confirm > 0 {
                    line.push_span(span(
                        crate::facilitator::strings::report::to_confirm_short(c.to_confirm),
                        theme.warn(),
                    ));
                }
                // Recent completion as a sparkline (issue 11), where it fits.
                let room = (side.width as usize).saturating_sub(2 + line.width() + 1);
                let recent = app.ctx.recent_trend().recent(id, room.min(6));
                if !recent.is_empty() {
                    line.push_span(span(format!(" {}", crate::tui::trend_chart::sparkline(&recent)), theme.title()));
                }
                line
            })
            .collect();
        lines.push(Line::default());
        let mut group = Line::from(vec![
            span(format!("{:<9}", ui::GROUP), theme.strong()),
            span(pct(all.percent()), theme.title()),
        ]);
        if all.to_confirm > 0 {
            group.push_span(span(crate::facilitator::strings::report::to_confirm_short(all.to_confirm), theme.warn()));
        }
        lines.push(group);
        lines.extend(missed_checkin_lines(app, m, today, theme));
        let block = panel_fit(ui::COMPLETION_TITLE, side.width, theme);
        TextBox::fixed(lines, block, theme).render(side, buf);
        let block = panel(ui::STEP_TITLE, theme);
        TextBox::fixed(detail_lines, block, theme).render(detail, buf);
    }
}

fn pct(p: Option<u32>) -> String {
    p.map(|p| format!("{p:>3}%")).unwrap_or_else(|| "  –".to_string())
}

/// What the step's box says of the selected step: whose, due when, the step, its result,
/// the note or the member's own report, and the slip words when it was not done.
fn detail_lines<'a>(
    app: &'a App,
    m: &Meeting,
    step: Option<&ActionStep>,
    today: chrono::NaiveDate,
    theme: Theme,
) -> Vec<Line<'a>> {
    let Some(s) = step else { return Vec::new() };
    let mut lines = vec![];
    let mut facts: Vec<Span> = vec![span(app.ctx.group.name_of(&s.owner).to_string(), theme.strong())];
    if let Some(d) = s.due {
        facts.push(span(format!(" · {}", ui::due(&format::date(d, today))), theme.text()));
    }
    facts.push(span(format!(" · {}", ui::from_meeting(&s.meeting)), theme.dim()));
    lines.push(Line::from(facts));
    lines.push(Line::from(vec![span(s.text.clone(), theme.text())]));
    if !s.measurable_result.is_empty() {
        lines.push(Line::from(vec![
            span(ui::RESULT_LABEL, theme.dim()),
            span(s.measurable_result.clone(), theme.text()),
        ]));
    }
    match (m.review(&s.id), s.last_entry()) {
        (Some(r), _) if !r.note.is_empty() => {
            lines.push(Line::from(vec![span(ui::NOTE_LABEL, theme.dim()), span(r.note.clone(), theme.text())]))
        }
        (None, Some(e)) if e.by == Reporter::Member => {
            let who = app.ctx.group.name_of(&s.owner).split_whitespace().next().unwrap_or("").to_string();
            let mut v = vec![span(ui::member_reported(&who, e.progress.label()), theme.warn())];
            if !e.note.is_empty() {
                v.push(span(format!(" “{}”", e.note), theme.text()));
            }
            lines.push(Line::from(v));
        }
        _ => {}
    }
    if s.progress() == Progress::NotDone
        && let Some(words) = slip_words(app, s)
    {
        lines.push(Line::from(vec![span(ui::SLIP_LABEL, theme.alert()), span(format!("“{words}”"), theme.strong())]));
    }
    lines
}

/// The owner's own words for when they slip: from the step's goal, else their first
/// goal that has some.
pub fn slip_words<'a>(app: &'a App, s: &ActionStep) -> Option<&'a str> {
    let goals = app.ctx.goals_of(&s.owner);
    let by_goal = s.goal.as_ref().and_then(|g| goals.iter().find(|x| &x.id == g)).filter(|g| !g.slip_words.is_empty());
    by_goal.or_else(|| goals.iter().find(|g| !g.slip_words.is_empty())).map(|g| g.slip_words.as_str())
}

/// Members here who missed weekly Hot Team check-ins, flagged under the completion.
fn missed_checkin_lines<'a>(app: &App, m: &Meeting, today: chrono::NaiveDate, theme: Theme) -> Vec<Line<'a>> {
    use crate::member::strings as sm;
    let flagged: Vec<(String, usize)> = m
        .here()
        .map(|id| (id, app.ctx.missed_checkins(id, today)))
        .filter(|(_, n)| *n > 0)
        .map(|(id, n)| (app.ctx.group.name_of(id).split_whitespace().next().unwrap_or("").to_string(), n))
        .collect();
    if flagged.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Line::default(), Line::from(span(sm::RB_CHECKINS_TITLE, theme.dim()))];
    for (name, n) in flagged {
        out.push(Line::from(vec![
            span(sm::FLAG, theme.alert()),
            span(format!("{:<8}", fit(&name, 7)), theme.text()),
            span(sm::missed_short(n), theme.alert()),
        ]));
    }
    out
}

//! Hot seats: one member, a big countdown, their goals, questions and walk-away, and the
//! action steps captured in this turn.

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{ListItem, Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use super::theme::{Urgency, urgency};
use super::{Theme, fit, format, panel, span, text};
use crate::facilitator::App;
use crate::facilitator::queries::{self, clamp};
use crate::facilitator::strings::ui;
use crate::model::{FACILITATOR, Turn};
use crate::tui::split;
use crate::tui::widgets_fit::{TextBox, list_box, overflow, panel_fit};

/// The hot seat screen, drawn into the body of the frame.
pub struct HotSeat<'a> {
    pub app: &'a App,
    pub now: DateTime<FixedOffset>,
    pub theme: Theme,
}

/// The rows and boxes of the hot seat screen in `area`.
struct Boxes {
    title: Rect,
    clock: Rect,
    goals: Rect,
    protocol: Rect,
    questions: Rect,
    walk_away: Rect,
    steps: Rect,
    note: Rect,
    big: PixelSize,
    scale: u16,
}

/// The boxes in `area`, the steps' box tall enough for `steps` rows (up to four, or a
/// third of a large screen), the rest left to the member's questions and walk-away.
fn boxes(area: Rect, steps: usize) -> Boxes {
    // Full-size digits only on really large terminals: every second rewrites one 8×8
    // digit, about 90 bytes a second to the terminal, against about 65 at half height.
    let big = if area.height >= 44 && area.width >= 100 {
        PixelSize::Full
    } else if area.width >= 76 {
        PixelSize::HalfHeight
    } else {
        PixelSize::Quadrant
    };
    // Projector scale: on a large terminal the full-size digits grow with the screen.
    let scale = if area.width >= 160 && area.height >= 40 {
        super::wall::scale_for("00:00", area.width * 65 / 100 - 4, area.height / 2 - 2)
    } else {
        1
    };
    let clock_h = if big == PixelSize::Full { 8 * scale } else { 4 } + 2;
    let steps_h = (steps as u16).max(1).min((area.height / 3).max(6) - 2) + 2;
    let [title, top, protocol, middle, steps, note] = split::rows(area, [1, clock_h, 2, 4, steps_h, 1], 3);
    let clock_w = if big == PixelSize::Quadrant { 5 * 4 + 4 } else { 5 * 8 * scale + 4 };
    let [clock, goals] = split::left_fixed(top, clock_w);
    let [questions, walk_away] = split::left_percent(middle, 55);
    Boxes { title, clock, goals, protocol, questions, walk_away, steps, note, big, scale }
}

/// The member's goals, questions and walk-away, as the hot seat shows them. Deadlines
/// are written against the meeting's day, so the text (and how far it scrolls) does not
/// depend on the clock.
fn prep_texts<'a>(app: &App, id: &str, day: NaiveDate, theme: Theme) -> [Vec<Line<'a>>; 3] {
    let mut glines = Vec::new();
    for g in app.ctx.goals_of(id) {
        glines.push(Line::from(span(format!("• {}", g.title), theme.strong())));
        let mut facts = Vec::new();
        if !g.measurable_result.is_empty() {
            facts.push(g.measurable_result.clone());
        }
        if let Some(d) = g.deadline {
            facts.push(ui::by_date(&format::date(d, day)));
        }
        if !facts.is_empty() {
            glines.push(Line::from(span(format!("  {}", facts.join(" · ")), theme.dim())));
        }
    }
    // The words for when they slip come after the goals (PgDn reaches them).
    for g in app.ctx.goals_of(id).iter().filter(|g| !g.slip_words.is_empty()) {
        glines.push(Line::from(vec![
            span(ui::SLIP_LABEL.to_string(), theme.dim()),
            span(format!("“{}”", g.slip_words), theme.text()),
        ]));
    }
    if glines.is_empty() {
        glines.push(Line::from(span(ui::NO_GOALS, theme.dim())));
    }
    let prep = app.ctx.preps.get(id);
    let questions: Vec<Line> = match prep.map(|p| &p.questions) {
        Some(qs) if !qs.is_empty() => qs.iter().map(|q| Line::from(span(format!("• {q}"), theme.text()))).collect(),
        _ => vec![Line::from(span(ui::NONE_YET, theme.dim()))],
    };
    let walk = match prep.map(|p| p.walk_away.as_str()) {
        Some(w) if !w.is_empty() => Line::from(span(w.to_string(), theme.text())),
        _ => Line::from(span(ui::NONE_YET, theme.dim())),
    };
    [glines, questions, vec![walk]]
}

/// How many rows of the hot seat's goals, questions or walk-away (the longest) do not
/// fit their boxes at the terminal's size: how far `PgDn` scrolls them.
pub fn prep_overflow(app: &App) -> u16 {
    let (Some((w, h)), Some(m)) = (app.ui.size, app.meeting.as_ref()) else { return 0 };
    let Some(id) = m.hot_seat.as_deref() else { return 0 };
    if !crate::tui::screen::fits(app.ui.size) || app.ui.wall {
        return 0;
    }
    let b = boxes(Rect { x: 0, y: 2, width: w, height: h.saturating_sub(4) }, queries::steps_of(m, id).count());
    let texts = prep_texts(app, id, m.date, Theme { color: false });
    texts.iter().zip([b.goals, b.questions, b.walk_away]).map(|(t, r)| overflow(t, r)).max().unwrap_or(0)
}

impl Widget for HotSeat<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let HotSeat { app, now, theme } = self;
        let Some(m) = app.meeting.as_ref() else { return };
        let Some(id) = m.hot_seat.as_deref() else { return };
        let Some(turn) = m.turn(id) else { return };
        let today = now.date_naive();
        let b = boxes(area, queries::steps_of(m, id).count());

        // Who is in the hot seat, and who is next.
        let member = app.ctx.group.member(id);
        let name = member.map(|x| x.name.as_str()).unwrap_or(id);
        let role = member.map(|x| x.role.as_str()).unwrap_or("");
        let pos = m.order.iter().position(|x| x == id).map(|i| i + 1).unwrap_or(0);
        let next = queries::next_in_order(m).map(|n| app.ctx.group.name_of(n).to_string());
        let right = fit(&ui::turn_of(pos, m.order.len(), next.as_deref()), b.title.width as usize / 2);
        let left_w = (b.title.width as usize).saturating_sub(right.width() + 2);
        let mut who = format!(" {name}");
        if !role.is_empty() {
            who.push_str(&format!(" · {role}"));
        }
        let who = fit(&who, left_w);
        let pad = (b.title.width as usize).saturating_sub(who.width() + right.width() + 1);
        Widget::render(
            Paragraph::new(Line::from(vec![
                span(who, theme.title()),
                span(" ".repeat(pad), theme.text()),
                span(right, theme.dim()),
            ])),
            b.title,
            buf,
        );

        countdown(turn, buf, b.clock, (b.big, b.scale), now, theme);
        let agenda = app.ctx.group.agenda();
        Widget::render(super::ProtocolBar { agenda, turn, now, theme }, b.protocol, buf);

        // Goals, questions and walk-away: scrolled together with PgDn, each marked when cut.
        let scroll = app.ui.prep_scroll.as_ref().filter(|(who, _)| who == id).map_or(0, |(_, n)| *n);
        let key = Some(crate::facilitator::strings::room::SCROLL_KEY);
        let [goals, questions, walk] = prep_texts(app, id, m.date, theme);
        let titled = [(goals, ui::GOALS_TITLE, b.goals), (questions, ui::QUESTIONS_TITLE, b.questions)];
        for (lines, title, r) in titled.into_iter().chain([(walk, ui::WALK_AWAY_TITLE, b.walk_away)]) {
            let block = panel_fit(title, r.width, theme);
            TextBox { lines, block, scroll, key, theme }.render(r, buf);
        }

        // Steps captured for this member in this meeting.
        let mine: Vec<_> = queries::steps_of(m, id).collect();
        let inner_w = b.steps.width.saturating_sub(4) as usize;
        let items: Vec<ListItem> = mine
            .iter()
            .map(|s| {
                let mut tail = Vec::new();
                if !s.measurable_result.is_empty() {
                    tail.push(s.measurable_result.clone());
                }
                if let Some(d) = s.due {
                    tail.push(ui::due(&format::date(d, today)));
                }
                let tail = if tail.is_empty() { String::new() } else { format!(" · {}", tail.join(" · ")) };
                ListItem::new(Line::from(vec![span(fit(&format!("{}{tail}", s.text), inner_w), theme.text())]))
            })
            .collect();
        let block = panel_fit(&ui::steps_this_turn(mine.len()), b.steps.width, theme);
        if items.is_empty() {
            let press_a = Line::from(span(fit(ui::PRESS_A, inner_w + 2), theme.dim()));
            Widget::render(text(vec![press_a]).block(block), b.steps, buf);
        } else {
            list_box(items, block, clamp(app.ui.cursors.hot, mine.len()), b.steps, buf, theme);
        }

        // The private note is never shown here, only whether there is one.
        let has_note = m.private_note(id, FACILITATOR).is_some_and(|n| !n.text.is_empty());
        let line = if has_note { ui::NOTE_HIDDEN } else { ui::NOTE_NONE };
        let line = fit(&format!(" {line}"), b.note.width as usize);
        Widget::render(Paragraph::new(Line::from(span(line, theme.dim()))), b.note, buf);
    }
}

fn countdown(
    turn: &Turn,
    buf: &mut Buffer,
    area: Rect,
    (size, scale): (PixelSize, u16),
    now: DateTime<FixedOffset>,
    theme: Theme,
) {
    let left = turn.left_ms_at(now);
    let u = urgency(left);
    let style = theme.countdown(u);
    let state = crate::facilitator::strings::agenda::clock_label(left, turn.is_running());
    let planned = (turn.prep_secs > 0).then_some(turn.prep_secs / 60);
    let block = panel(crate::facilitator::strings::agenda::turn_title(turn.planned_secs / 60, planned), theme)
        .title_bottom(
            Line::from(span(
                format!(" {state} "),
                if u == Urgency::Red || !turn.is_running() { theme.alert() } else { theme.dim() },
            ))
            .alignment(Alignment::Center),
        );
    let inner = block.inner(area);
    Widget::render(block, area, buf);
    if scale > 1 {
        let text = format::clock(left);
        let scale = scale.min(super::wall::scale_for(&text, inner.width, inner.height)).max(1);
        Widget::render(super::wall::ScaledDigits { text: &text, scale, style }, inner, buf);
        return;
    }
    let digits =
        BigText::builder().pixel_size(size).style(style).lines(vec![format::clock(left).into()]).centered().build();
    let h = if size == PixelSize::Full { 8 } else { 4 };
    let y = inner.y + inner.height.saturating_sub(h) / 2;
    Widget::render(digits, Rect { y, height: h.min(inner.height), ..inner }, buf);
}

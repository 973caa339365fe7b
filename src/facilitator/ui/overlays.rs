//! What opens on top of a screen: help, confirmations, the step form, the private-note
//! editor and one-line inputs.

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Paragraph};

use super::widgets::{self, input_line};
use super::{Theme, centered, panel, span};
use crate::facilitator::keymap;
use crate::facilitator::state::{FillField, FillIn, FormField, LineInput, LinePurpose, NoteEditor, StepForm};
use crate::facilitator::strings::{self as s, ui};
use crate::facilitator::{App, Overlay};
use crate::tui::confirm::Confirm;
use crate::tui::form::{FieldView, FormBox, Row};

pub fn draw(app: &App, frame: &mut Frame, area: Rect, _now: DateTime<FixedOffset>, theme: Theme) {
    match &app.ui.overlay {
        Overlay::None => {}
        Overlay::Help(scroll) => help(app, *scroll, frame, area, theme),
        Overlay::ConfirmQuit => confirm(frame, area, crate::tui::strings::QUIT_TITLE, &quit_text(app), theme),
        Overlay::ConfirmClose => {
            confirm(frame, area, s::close::TITLE, &crate::facilitator::close::question(app), theme)
        }
        Overlay::ConfirmTakeBackPledge => confirm(frame, area, ui::TAKE_BACK_TITLE, ui::TAKE_BACK_TEXT, theme),
        Overlay::ConfirmDelete(id) => {
            let what = app
                .meeting
                .as_ref()
                .and_then(|m| m.steps.iter().find(|s| &s.id == id))
                .map(|s| s.text.clone())
                .unwrap_or_default();
            confirm(frame, area, ui::DELETE_TITLE, &ui::delete_text(&what), theme)
        }
        Overlay::StepForm(f) => step_form(app, f, frame, area, theme),
        Overlay::FillIn(f) => fill_in(app, f, frame, area, theme),
        Overlay::Note(n) => note(app, n, frame, area, theme),
        Overlay::DiscardNote(n) => {
            note(app, n, frame, area, theme);
            let t = crate::tui::strings::DISCARD_TEXT;
            confirm(frame, area, crate::tui::strings::DISCARD_TITLE, t, theme)
        }
        Overlay::Line(l) => line(app, l, frame, area, theme),
    }
}

fn quit_text(app: &App) -> String {
    if app.ui.unsaved {
        ui::QUIT_UNSAVED.to_string()
    } else if app.ui.read_only {
        s::room::QUIT_FOLLOWER.to_string()
    } else {
        ui::QUIT_TEXT.to_string()
    }
}

fn confirm(frame: &mut Frame, area: Rect, title: &str, body: &str, theme: Theme) {
    frame.render_widget(Confirm { title, body, theme }, area);
}

fn help(app: &App, scroll: u16, frame: &mut Frame, area: Rect, theme: Theme) {
    widgets::key_list(keymap::help_of(app), scroll, frame, area, theme);
}

fn step_form(app: &App, f: &StepForm, frame: &mut Frame, area: Rect, theme: Theme) {
    let title = if f.editing.is_some() {
        ui::edit_step_title(app.ctx.group.name_of(&f.owner))
    } else {
        ui::new_step_title(app.ctx.group.name_of(&f.owner))
    };
    let goals = app.ctx.goals_of(&f.owner);
    let goal = f.goal.and_then(|g| goals.get(g)).map(|g| g.title.clone()).unwrap_or_else(|| ui::NO_GOAL.to_string());
    let row = |field: FormField, label, view| Row { label, view, focused: f.focus == field };
    FormBox {
        block: panel(title, theme),
        w: 70.min(area.width),
        h: 12,
        label_w: |_| 18,
        rows: vec![
            row(FormField::Text, ui::FORM_TEXT, FieldView::Input(&f.text)),
            row(FormField::Result, ui::FORM_RESULT, FieldView::Input(&f.result)),
            row(FormField::Due, ui::FORM_DUE, FieldView::Input(&f.due)),
            row(FormField::Goal, ui::FORM_GOAL, FieldView::Choice(goal)),
        ],
        error: f.error.as_deref(),
        keys: ui::FORM_KEYS,
    }
    .draw(frame, area, theme);
}

fn fill_in(app: &App, f: &FillIn, frame: &mut Frame, area: Rect, theme: Theme) {
    use crate::facilitator::strings::fill_in as s;
    let labels: Vec<String> = f
        .rows
        .iter()
        .map(|(field, _)| match field {
            FillField::Vision => s::VISION.to_string(),
            FillField::Accomplished => s::ACCOMPLISHED.to_string(),
            FillField::ActionPlan => s::ACTION_PLAN.to_string(),
            FillField::Questions => s::QUESTIONS.to_string(),
            FillField::WalkAway => s::WALK_AWAY.to_string(),
            FillField::Goal(i) => s::goal(i + 1),
        })
        .collect();
    let rows = f
        .rows
        .iter()
        .zip(&labels)
        .enumerate()
        .map(|(i, ((field, input), label))| Row {
            label,
            view: match field {
                FillField::Vision => FieldView::Choice((if f.vision { s::YES } else { s::NO }).to_string()),
                _ => FieldView::Input(input),
            },
            focused: f.focus == i,
        })
        .collect::<Vec<_>>();
    let h = (rows.len() as u16 * 2 + 3).min(area.height);
    FormBox {
        block: panel(s::title(app.ctx.group.name_of(&f.member)), theme),
        w: 76.min(area.width),
        h,
        label_w: |_| 23,
        rows,
        error: None,
        keys: s::KEYS,
    }
    .draw(frame, area, theme);
}

fn note(app: &App, n: &NoteEditor, frame: &mut Frame, area: Rect, theme: Theme) {
    frame.render_widget(super::note::NoteBox { name: app.ctx.group.name_of(&n.member), note: n, theme }, area);
}

fn line(app: &App, l: &LineInput, frame: &mut Frame, area: Rect, theme: Theme) {
    let title = match &l.purpose {
        LinePurpose::ReviewNote(step) => {
            let owner = app
                .ctx
                .prev_open()
                .iter()
                .find(|s| &s.id == step)
                .map(|s| app.ctx.group.name_of(&s.owner).to_string())
                .unwrap_or_default();
            ui::review_note_title(&owner)
        }
        LinePurpose::NextMeetingDate => ui::NEXT_DATE_TITLE.to_string(),
        p @ LinePurpose::Park { .. } => crate::facilitator::parking::title(app, p),
    };
    let w = 64.min(area.width);
    let r = centered(area, w, 5);
    frame.render_widget(Clear, r);
    let block = panel(title, theme);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    input_line(frame, &l.input, Rect { height: 1, ..inner }, true, theme);
    let msg = l.error.clone().unwrap_or_else(|| crate::tui::strings::LINE_KEYS.to_string());
    let style = if l.error.is_some() { theme.alert() } else { theme.dim() };
    let y = inner.y + inner.height.saturating_sub(1);
    let msg = super::fit(&msg, inner.width as usize);
    frame.render_widget(Paragraph::new(span(msg, style)), Rect { y, height: 1, ..inner });
}

//! What opens over a screen: help, the quit question, forms, the questions editor.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use crate::member::keymap;
use crate::member::state::{Form, FormPurpose, MemberApp, Overlay};
use crate::member::strings as s;
use crate::tui::theme::Theme;
use crate::tui::widgets::input_line;
use crate::tui::widgets::{centered, panel, span, text};

pub fn draw(app: &MemberApp, frame: &mut Frame, area: Rect, theme: Theme) {
    match &app.ui.overlay {
        Overlay::None => {}
        Overlay::Help(scroll) => help(app, *scroll, frame, area, theme),
        Overlay::ConfirmQuit => {
            let r = centered(area, 56.min(area.width), 7);
            frame.render_widget(Clear, r);
            let lines = vec![
                Line::from(span(s::QUIT_UNSAVED, theme.text())),
                Line::default(),
                Line::from(span(crate::tui::strings::CONFIRM_KEYS, theme.key())),
            ];
            frame.render_widget(text(lines).block(panel(crate::tui::strings::QUIT_TITLE, theme)), r);
        }
        Overlay::Form(f) => form(app, f, frame, area, theme),
        Overlay::Questions(area_editor) => {
            let r = centered(area, 70.min(area.width), 12.min(area.height));
            frame.render_widget(Clear, r);
            let block = panel(s::QUESTIONS_TITLE, theme).title_bottom(Line::from(span(s::QUESTIONS_KEYS, theme.dim())));
            let inner = block.inner(r);
            frame.render_widget(block, r);
            frame.render_widget(area_editor.as_ref(), inner);
        }
    }
}

fn help(app: &MemberApp, scroll: u16, frame: &mut Frame, area: Rect, theme: Theme) {
    crate::tui::widgets::key_list(keymap::help_sections(app.ui.screen), scroll, frame, area, theme);
}

fn form(app: &MemberApp, f: &Form, frame: &mut Frame, area: Rect, theme: Theme) {
    let title = match &f.purpose {
        FormPurpose::Progress { step, progress } => {
            let what = app.steps.iter().find(|x| &x.id == step).map(|x| x.text.as_str()).unwrap_or("");
            s::mark_title(progress.label(), what)
        }
        FormPurpose::Goal { editing: None } => s::NEW_GOAL_TITLE.to_string(),
        FormPurpose::Goal { editing: Some(_) } => s::EDIT_GOAL_TITLE.to_string(),
        FormPurpose::Prep(_) => s::EDIT_PREP_TITLE.to_string(),
        FormPurpose::Partnership => s::NEW_PARTNER_TITLE.to_string(),
        FormPurpose::Checkin { partnership } => {
            let who = app.partners.get(partnership).map(|p| app.partner_name(&p.partner)).unwrap_or_default();
            s::checkin_title(&who)
        }
        FormPurpose::Offers => s::OFFERS_TITLE.to_string(),
    };
    let h = (f.fields.len() as u16) * 2 + 4;
    let r = centered(area, 72.min(area.width), h.min(area.height));
    frame.render_widget(Clear, r);
    let block = panel(crate::tui::widgets::fit(&title, r.width.saturating_sub(6) as usize), theme);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let label_w = 20u16.min(inner.width / 2);
    for (i, field) in f.fields.iter().enumerate() {
        let y = inner.y + (i as u16) * 2;
        if y >= inner.y + inner.height {
            break;
        }
        let focused = f.focus == i;
        frame.render_widget(
            Paragraph::new(span(field.label, if focused { theme.key() } else { theme.dim() })),
            Rect { x: inner.x, y, width: label_w, height: 1 },
        );
        let fr = Rect { x: inner.x + label_w, y, width: inner.width.saturating_sub(label_w), height: 1 };
        input_line(frame, &field.input, fr, focused, theme);
    }
    let bottom = Rect { x: inner.x, y: inner.y + inner.height.saturating_sub(2), width: inner.width, height: 2 };
    let first = match &f.error {
        Some(e) => Line::from(span(e.clone(), theme.alert())),
        None => Line::default(),
    };
    let keys = if f.fields.len() > 1 { s::FORM_KEYS } else { crate::tui::strings::LINE_KEYS };
    frame.render_widget(Paragraph::new(vec![first, Line::from(span(keys, theme.dim()))]), bottom);
}

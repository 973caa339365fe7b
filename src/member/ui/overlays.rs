//! What opens over a screen: help, the quit question, forms, the questions editor.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::member::keymap;
use crate::member::state::{Form, FormPurpose, MemberApp, Overlay};
use crate::member::strings as s;
use crate::tui::confirm::Confirm;
use crate::tui::form::{EditorBox, FieldView, FormBox, Row};
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, panel};

pub fn draw(app: &MemberApp, frame: &mut Frame, area: Rect, theme: Theme) {
    match &app.ui.overlay {
        Overlay::None => {}
        Overlay::Help(scroll) => help(app, *scroll, frame, area, theme),
        Overlay::ConfirmQuit => {
            let quit = Confirm { title: crate::tui::strings::QUIT_TITLE, body: s::QUIT_UNSAVED, theme };
            frame.render_widget(quit, area);
        }
        Overlay::Form(f) => form(app, f, frame, area, theme),
        Overlay::Questions(editor) => questions(editor, frame, area, theme),
        Overlay::DiscardQuestions(editor) => {
            questions(editor, frame, area, theme);
            let (title, body) = (crate::tui::strings::DISCARD_TITLE, crate::tui::strings::DISCARD_TEXT);
            frame.render_widget(Confirm { title, body, theme }, area);
        }
        Overlay::ClosePartner { form: f, warning } => {
            form(app, f, frame, area, theme);
            let body = format!("{warning}\n\n{}", s::START_ANYWAY);
            frame.render_widget(Confirm { title: s::CLOSE_TITLE, body: &body, theme }, area);
        }
        Overlay::UpdateCheckin { .. } => {
            frame.render_widget(Confirm { title: s::UPDATE_CHECKIN_TITLE, body: s::UPDATE_CHECKIN, theme }, area);
        }
    }
}

fn questions(editor: &ratatui_textarea::TextArea<'static>, frame: &mut Frame, area: Rect, theme: Theme) {
    let title = s::QUESTIONS_TITLE.to_string();
    frame.render_widget(EditorBox { title, keys: s::QUESTIONS_KEYS, text: editor, theme }, area);
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
    let w = 72.min(area.width);
    let rows = f.fields.iter().enumerate();
    FormBox {
        block: panel(fit(&title, w.saturating_sub(6) as usize), theme),
        w,
        h: h.min(area.height),
        label_w: |inner| 20u16.min(inner.width / 2),
        rows: rows
            .map(|(i, x)| {
                let view = match x.check {
                    Some(on) => FieldView::Check(if on { s::CHECK_ON } else { s::CHECK_OFF }),
                    None => FieldView::Input(&x.input),
                };
                Row { label: x.label, view, focused: f.focus == i }
            })
            .collect(),
        error: f.error.as_deref(),
        keys: match f.fields.len() {
            _ if f.fields.iter().any(|x| x.check.is_some()) => s::CHECKIN_KEYS,
            1 => crate::tui::strings::LINE_KEYS,
            _ => s::FORM_KEYS,
        },
    }
    .draw(frame, area, theme);
}

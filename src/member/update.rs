//! `update(&mut MemberApp, MemberAction, now) -> Vec<MemberEffect>`: every change to the
//! member's view, with time passed in and no I/O. Each effect saves one of the member's
//! own files; the runtime carries it out.

use chrono::{DateTime, FixedOffset};

use super::action::{MemberAction as A, MemberEffect as E};
use super::forms::{self, edit_form, edit_prep, edit_questions, toggle_vision};
use super::hot_team;
use super::queries::{self, clamp};
use super::state::{MemberApp, Overlay, Screen, StatusKind};
use crate::member::strings as s;
use crate::tui::keymap::help_scrolled;
use crate::tui::status::{SaveWords, after_save};
use crate::tui::widgets::help_max_scroll;

/// Apply one action. Returns the effects for the runtime, in order.
pub fn update(app: &mut MemberApp, action: A, now: DateTime<FixedOffset>) -> Vec<E> {
    match action {
        A::Tick => return Vec::new(),
        A::Resize(w, h) => {
            app.ui.size = Some((w, h));
            return Vec::new();
        }
        A::StepsLoaded(mine) => {
            app.steps = mine.steps;
            app.progress = mine.progress;
            app.hidden_closed = 0;
            return Vec::new();
        }
        A::LoadFailed(_) => return vec![E::Quit],
        A::Synced(report) => {
            app.ui.sync = Some(report.status);
            return Vec::new();
        }
        A::Saved | A::SaveFailed(_) => {
            let failure = if let A::SaveFailed(msg) = &action { Some(msg.as_str()) } else { None };
            app.ui.status =
                after_save(&mut app.ui.unsaved, failure, SaveWords { again: s::SAVED_AGAIN, failed: s::save_failed })
                    .or(app.ui.status.take());
            return Vec::new();
        }
        _ => {}
    }
    match &app.ui.overlay {
        Overlay::Help(scroll) => {
            let max = app.ui.size.map(|size| help_max_scroll(&super::keymap::help_sections(app.ui.screen), size));
            let scrolled = help_scrolled(*scroll, action == A::ScrollHelpDown, action == A::ScrollHelpUp, max);
            app.ui.overlay = scrolled.map_or(Overlay::None, Overlay::Help);
            return Vec::new();
        }
        Overlay::ConfirmQuit => {
            app.ui.overlay = Overlay::None;
            return if action == A::Confirm { vec![E::Quit] } else { Vec::new() };
        }
        Overlay::Form(_) => return edit_form(app, action, now),
        Overlay::Questions(_) => return edit_questions(app, action, now),
        Overlay::DiscardQuestions(_) => return forms::discard_questions(app, action),
        Overlay::ClosePartner { .. } => {
            let Overlay::ClosePartner { form, .. } = std::mem::replace(&mut app.ui.overlay, Overlay::None) else {
                return Vec::new();
            };
            return hot_team::answer_close(app, form, action, now);
        }
        Overlay::UpdateCheckin { partnership } => {
            let partnership = partnership.clone();
            app.ui.overlay = Overlay::None;
            return hot_team::answer_update(app, partnership, action, now.date_naive());
        }
        Overlay::None => {}
    }
    if app.ui.status.as_ref().is_some_and(|st| st.kind == StatusKind::Info) {
        app.ui.status = None;
    }
    let today = now.date_naive();
    match action {
        A::Help => app.ui.overlay = Overlay::Help(0),
        A::Quit | A::Interrupt => {
            if app.ui.unsaved {
                app.ui.overlay = Overlay::ConfirmQuit;
            } else {
                return vec![E::Quit];
            }
        }
        A::NextScreen => app.ui.screen = app.ui.screen.cycle(1),
        A::PrevScreen => app.ui.screen = app.ui.screen.cycle(-1),
        A::Show(screen) => app.ui.screen = screen,
        A::SelectPrev => move_cursor(app, -1),
        A::SelectNext => move_cursor(app, 1),
        A::Mark(p) => forms::open_mark(app, p, today),
        A::Add => match app.ui.screen {
            Screen::Goals => forms::open_goal(app, None),
            Screen::Partners => hot_team::open_partnership(app),
            _ => {}
        },
        A::Edit => match app.ui.screen {
            Screen::Goals => {
                let id = app.goals.goals.get(clamp(app.ui.cursors.goals, app.goals.goals.len())).map(|g| g.id.clone());
                match id {
                    Some(id) => forms::open_goal(app, Some(id)),
                    None => app.info(s::NO_GOALS_PRESS_A),
                }
            }
            Screen::Prep => return edit_prep(app, now),
            _ => {}
        },
        A::ToggleVision => return toggle_vision(app, now),
        A::CheckIn => hot_team::open_checkin(app, today),
        A::Offers => hot_team::open_offers(app),
        _ => {}
    }
    Vec::new()
}

fn move_cursor(app: &mut MemberApp, delta: isize) {
    let len = queries::rows(app);
    let c = &mut app.ui.cursors;
    let cur = match app.ui.screen {
        Screen::Steps => &mut c.steps,
        Screen::Goals => &mut c.goals,
        Screen::Prep => &mut c.prep,
        Screen::Partners => &mut c.partners,
    };
    crate::tui::cursor::step(cur, delta, len);
}

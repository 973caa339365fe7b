//! `update(&mut App, Action, now) -> Vec<Effect>`: every change to the app, with time
//! passed in and no I/O. The runtime carries out the effects.

use chrono::{DateTime, FixedOffset};

use super::action::{Action, Effect};
use super::phases;
use super::queries;
use super::state::{App, Overlay, StatusKind};
use super::{line_input, notes, rating, report, step_form};
use crate::facilitator::strings as s;
use crate::model::Phase;
use crate::tui::keymap::help_scrolled;
use crate::tui::status::{SaveWords, after_save};
use crate::tui::widgets::help_max_scroll;

/// Apply one action. Returns the effects for the runtime to carry out, in order.
pub fn update(app: &mut App, action: Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
    match action {
        Action::Tick => return phases::tick(app, now),
        Action::FromDisk(news) => return super::disk::merge(app, *news, now),
        Action::Shutdown => return phases::quit(app, now),
        Action::Resize(w, h) => {
            app.ui.size = Some((w, h));
            return Vec::new();
        }
        Action::Saving => {
            app.ui.saving = true;
            return Vec::new();
        }
        Action::Saved | Action::SaveFailed(_) => {
            app.ui.saving = false;
            let failure = if let Action::SaveFailed(msg) = &action { Some(msg.as_str()) } else { None };
            app.ui.status =
                after_save(&mut app.ui.unsaved, failure, SaveWords { again: s::SAVED_AGAIN, failed: s::save_failed })
                    .or(app.ui.status.take());
            return Vec::new();
        }
        _ => {}
    }

    // Overlays first: they take the keys while open.
    match &app.ui.overlay {
        Overlay::Help(scroll) => {
            let max = app.ui.size.map(|size| help_max_scroll(&super::keymap::help_of(app), size));
            let scrolled =
                help_scrolled(*scroll, action == Action::ScrollHelpDown, action == Action::ScrollHelpUp, max);
            app.ui.overlay = scrolled.map_or(Overlay::None, Overlay::Help);
            return Vec::new();
        }
        Overlay::ConfirmQuit => {
            app.ui.overlay = Overlay::None;
            return match action {
                Action::Confirm => phases::quit(app, now),
                _ => Vec::new(),
            };
        }
        Overlay::ConfirmClose => {
            // `]` again keeps asking: pressed many times, it never closes nor walks away.
            if action != Action::Advance {
                app.ui.overlay = Overlay::None;
            }
            return match action {
                Action::Confirm => phases::close(app, now),
                _ => Vec::new(),
            };
        }
        Overlay::ConfirmTakeBackPledge => {
            app.ui.overlay = Overlay::None;
            return match action {
                Action::Confirm => super::pledge::take_back(app),
                _ => Vec::new(),
            };
        }
        Overlay::DiscardNote(_) => {
            let Overlay::DiscardNote(note) = std::mem::replace(&mut app.ui.overlay, Overlay::None) else {
                unreachable!("matched above")
            };
            if action != Action::Confirm {
                app.ui.overlay = Overlay::Note(note);
            }
            return Vec::new();
        }
        Overlay::ConfirmDelete(id) => {
            let id = id.clone();
            app.ui.overlay = Overlay::None;
            return match action {
                Action::Confirm => step_form::delete_step(app, &id),
                _ => Vec::new(),
            };
        }
        // The privacy blank works while a private note is open; nothing else acts unseen.
        Overlay::Note(_) if action == Action::Blank => {
            app.ui.blank = !app.ui.blank;
            return Vec::new();
        }
        Overlay::Note(_) if app.ui.blank => return Vec::new(),
        Overlay::StepForm(_) | Overlay::FillIn(_) | Overlay::Note(_) | Overlay::Line(_) => {
            return line_input::edit(app, action, now);
        }
        Overlay::None => {}
    }

    // A new key clears an informational message.
    if app.ui.status.as_ref().is_some_and(|st| st.kind == StatusKind::Info) {
        app.ui.status = None;
    }

    // The wrap-up's checkpoint and term review (issue 11) take their keys first.
    if let Some(effects) = super::term::intercept(app, &action, now) {
        return effects;
    }

    match action {
        Action::Help => {
            app.ui.overlay = Overlay::Help(0);
            Vec::new()
        }
        Action::Blank => {
            app.ui.blank = !app.ui.blank;
            Vec::new()
        }
        Action::ToggleWall => {
            app.ui.wall = !app.ui.wall;
            Vec::new()
        }
        Action::Quit | Action::Interrupt => {
            if app.in_meeting() || app.ui.unsaved {
                app.ui.overlay = Overlay::ConfirmQuit;
                Vec::new()
            } else {
                vec![Effect::Quit]
            }
        }
        Action::Cancel => Vec::new(),
        Action::Start if app.meeting.is_some() => Vec::new(),
        Action::Start => phases::start_or_resume(app, now),
        Action::NewMeeting => super::close::ask_new(app),
        _ if !app.in_meeting() => home(app, action, now),
        _ if app.ui.read_only && mutates(&action) => {
            app.refuse_read_only();
            Vec::new()
        }
        Action::Advance => phases::next(app, now),
        Action::GoBack => phases::prev(app, now),
        Action::SelectPrev => {
            move_cursor(app, -1);
            Vec::new()
        }
        Action::SelectNext => {
            move_cursor(app, 1);
            Vec::new()
        }
        Action::ToggleTimer => phases::toggle_timer(app, now),
        Action::AddMinute => phases::add_minute(app, 1, now),
        Action::RemoveMinute => phases::add_minute(app, -1, now),
        Action::NextProtocolStep => super::protocol::step(app, 1, now),
        Action::PrevProtocolStep => super::protocol::step(app, -1, now),
        Action::AddStep => step_form::open_step_form(app, None),
        Action::Park => super::parking::open(app),
        Action::EditStep => step_form::edit_selected_step(app),
        Action::DeleteStep => step_form::ask_delete_step(app),
        Action::PrivateNote => notes::open_note(app),
        Action::CyclePresence | Action::CyclePresenceBack | Action::SetPresence(_) | Action::AckPledge => {
            phases::check_in(app, action, now)
        }
        Action::ScrollPrepDown => scroll_prep(app, 2),
        Action::ScrollPrepUp => scroll_prep(app, -2),
        Action::ClearRating => rating::clear(app),
        Action::RaiseRating => rating::nudge_rating(app, 1),
        Action::LowerRating => rating::nudge_rating(app, -1),
        Action::Mark(p) => report::mark(app, p, now),
        Action::ReviewNote => report::open_review_note(app),
        Action::MoveEarlier => phases::reorder(app, -1),
        Action::MoveLater => phases::reorder(app, 1),
        Action::LongerTurn => super::plan::nudge_selected(app, 1),
        Action::ShorterTurn => super::plan::nudge_selected(app, -1),
        Action::EvenTurns => super::plan::even_out(app, now),
        Action::HistoryTurns => super::plan::as_history_says(app),
        Action::FillIn => super::fill_in::open(app),
        Action::SkipTurn => super::plan::skip_selected(app),
        Action::PostponeLast => super::plan::postpone_last(app),
        Action::Rate(n) => rating::rate(app, n),
        Action::EditNextDate => line_input::open_next_date(app),
        _ => Vec::new(),
    }
}

/// Actions that would change the meeting (refused when read-only).
pub(crate) fn mutates(a: &Action) -> bool {
    !matches!(
        a,
        Action::SelectPrev
            | Action::SelectNext
            | Action::Help
            | Action::Blank
            | Action::Cancel
            | Action::ToggleWall
            | Action::ScrollPrepDown
            | Action::ScrollPrepUp
            | Action::Quit
            | Action::Interrupt
            | Action::ScrollHelpDown
            | Action::ScrollHelpUp
    )
}

/// Scroll the hot seat's goals, questions and walk-away by `delta` rows, never past the
/// end of the longest of them; another turn starts at the top.
fn scroll_prep(app: &mut App, delta: i16) -> Vec<Effect> {
    let Some(id) = app.meeting.as_ref().and_then(|m| m.hot_seat.clone()) else { return Vec::new() };
    let max = super::ui::prep_overflow(app);
    let now = app.ui.prep_scroll.as_ref().filter(|(who, _)| *who == id).map_or(0, |(_, n)| *n).min(max);
    let next = now.saturating_add_signed(delta).min(max);
    app.ui.prep_scroll = Some((id, next));
    Vec::new()
}

/// Keys on the home screen (and on a closed meeting's summary).
fn home(app: &mut App, action: Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
    if app.meeting.is_some() {
        // The summary of a meeting just closed: nothing to start from here.
        return Vec::new();
    }
    match action {
        Action::Advance => phases::start_or_resume(app, now),
        Action::ToggleTimer | Action::AddMinute | Action::AddStep => {
            app.info(s::HOME_NO_MEETING);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn move_cursor(app: &mut App, delta: isize) {
    let Some(m) = &app.meeting else { return };
    let len = match m.phase {
        Phase::CheckIn => m.attendance.len(),
        Phase::ReportBack => queries::report_items(app).len(),
        Phase::PrepReview => queries::prep_rows(m).len(),
        Phase::HotSeats => m.hot_seat.as_deref().map(|h| queries::steps_of(m, h).count()).unwrap_or(0),
        Phase::WrapUp => queries::wrap_rows(m).len(),
    };
    let c = &mut app.ui.cursors;
    let cur = match m.phase {
        Phase::CheckIn => &mut c.check_in,
        Phase::ReportBack => &mut c.report,
        Phase::PrepReview => &mut c.prep,
        Phase::HotSeats => &mut c.hot,
        Phase::WrapUp => &mut c.wrap,
    };
    crate::tui::cursor::step(cur, delta, len);
}

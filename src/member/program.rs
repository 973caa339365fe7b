//! The member's view as a [`Program`] for the one runtime loop: keys become actions,
//! `update` runs, and its effects save the member's own files through the store.

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::crossterm::event::Event;

use super::action::{MemberAction, MemberEffect};
use super::state::MemberApp;
use super::{keymap, ui, update};
use crate::store::Store;
use crate::tui::run::{Program, Step};
use crate::tui::terminal::Term;

pub struct Member<'a> {
    pub app: MemberApp,
    pub store: &'a Store,
}

impl Member<'_> {
    /// Apply an action and carry out its effects. Returns `true` to quit.
    pub fn dispatch(&mut self, action: MemberAction, now: DateTime<FixedOffset>) -> bool {
        let effects = update(&mut self.app, action, now);
        run_effects(&mut self.app, self.store, effects, now)
    }
}

impl Program for Member<'_> {
    fn handle(&mut self, event: Option<&Event>, now: DateTime<FixedOffset>, _term: Option<&mut Term>) -> Step {
        let action = match event {
            None => MemberAction::Tick,
            Some(ev) => match keymap::lookup(&self.app, ev) {
                Some(a) => a,
                None => return Step::Continue { redraw: false },
            },
        };
        let redraw = action != MemberAction::Tick;
        if self.dispatch(action, now) { Step::Quit } else { Step::Continue { redraw } }
    }

    fn draw(&self, frame: &mut Frame, now: DateTime<FixedOffset>) {
        ui::view(&self.app, frame, now);
    }

    fn clock_key(&self, now: DateTime<FixedOffset>) -> (i64, i64, i64) {
        ui::clock_key(now)
    }

    fn next_change_ms(&self, now: DateTime<FixedOffset>) -> u64 {
        ui::next_change_ms(now)
    }

    fn shutdown(&mut self, _now: DateTime<FixedOffset>) {
        // Every change is saved when it is made; nothing is pending.
    }
}

/// Carry out the member's effects: each writes one file in the member's own folder.
/// Returns `true` when the view asked to quit.
pub fn run_effects(app: &mut MemberApp, store: &Store, effects: Vec<MemberEffect>, now: DateTime<FixedOffset>) -> bool {
    let mut quit = false;
    for e in effects {
        let me = app.me.clone();
        let result = match e {
            MemberEffect::Quit => {
                quit = true;
                continue;
            }
            MemberEffect::SaveProgress => store.save_progress(&me, &app.progress),
            MemberEffect::SaveGoals => store.save_goals(&me, &app.goals),
            MemberEffect::SavePrep => store.save_prep(&me, &app.prep),
            MemberEffect::SavePartners => store.save_partners(&me, &app.partners),
            MemberEffect::SaveCheckins => store.save_checkins(&me, &app.checkins),
        };
        let follow = match result {
            Ok(()) => MemberAction::Saved,
            Err(err) => MemberAction::SaveFailed(err.to_string()),
        };
        quit |= update(app, follow, now).contains(&MemberEffect::Quit);
    }
    quit
}

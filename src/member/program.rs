//! The member's view as the one loop runs it ([`crate::tui::run::Program`]): keys become
//! actions, `update` applies them, and its effects save the member's own files here,
//! where the program meets the disk; how each save went returns as an action.

use std::borrow::BorrowMut;

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::crossterm::event::Event;

use super::action::{MemberAction, MemberEffect};
use super::state::MemberApp;
use super::{keymap, ui, update};
use crate::store::Store;
use crate::tui::run::{self, Outcome, Program};

/// The program, owning its app (`MemberView<MemberApp>`) or borrowing one driven by
/// hand (`MemberView<&mut MemberApp>`, for tests).
pub struct MemberView<'a, A: BorrowMut<MemberApp> = MemberApp> {
    pub app: A,
    store: &'a Store,
}

impl<'a, A: BorrowMut<MemberApp>> MemberView<'a, A> {
    pub fn new(app: A, store: &'a Store) -> MemberView<'a, A> {
        MemberView { app, store }
    }

    fn app(&self) -> &MemberApp {
        self.app.borrow()
    }

    /// Carry out effects `update` returned to a caller driving it by hand, and apply what
    /// they report. Returns `true` to quit.
    pub fn carry_out(&mut self, effects: Vec<MemberEffect>, now: DateTime<FixedOffset>) -> bool {
        match run::carry_out(self, effects, now, None) {
            Ok(Some(follow)) => run::dispatch(self, follow, now, None).map(|(_, quit)| quit).unwrap_or(true),
            _ => true,
        }
    }

    /// Apply an action and carry out its effects without a terminal. Returns `true` to
    /// quit.
    pub fn dispatch(&mut self, action: MemberAction, now: DateTime<FixedOffset>) -> bool {
        run::dispatch(self, vec![action], now, None).map(|(_, quit)| quit).unwrap_or(true)
    }
}

impl<A: BorrowMut<MemberApp>> Program for MemberView<'_, A> {
    type Action = MemberAction;
    type Effect = MemberEffect;

    fn action_for(&self, event: &Event) -> Option<MemberAction> {
        keymap::lookup(self.app(), event)
    }

    fn update(&mut self, action: MemberAction, now: DateTime<FixedOffset>) -> Vec<MemberEffect> {
        update(self.app.borrow_mut(), action, now)
    }

    fn redraws(&self, action: &MemberAction) -> bool {
        *action != MemberAction::Tick
    }

    fn before(&self, _effect: &MemberEffect) -> Option<MemberAction> {
        None
    }

    /// Each save writes one file in the member's own folder.
    fn perform(&mut self, effect: MemberEffect, _now: DateTime<FixedOffset>) -> Outcome<MemberAction> {
        let app = self.app.borrow();
        let me = app.me.as_str();
        let result = match effect {
            MemberEffect::Quit => return Outcome::Quit,
            MemberEffect::SaveProgress => self.store.save_progress(me, &app.progress),
            MemberEffect::SaveGoals => self.store.save_goals(me, &app.goals),
            MemberEffect::SavePrep => self.store.save_prep(me, &app.prep),
            MemberEffect::SavePartners => self.store.save_partners(me, &app.partners),
            MemberEffect::SaveCheckins => self.store.save_checkins(me, &app.checkins),
        };
        Outcome::Then(vec![match result {
            Ok(()) => MemberAction::Saved,
            Err(err) => MemberAction::SaveFailed(err.to_string()),
        }])
    }

    fn settle(&mut self) -> Vec<MemberAction> {
        Vec::new()
    }

    fn poll(&mut self, _now: DateTime<FixedOffset>) -> Vec<MemberAction> {
        vec![MemberAction::Tick]
    }

    fn shutdown(&self) -> MemberAction {
        // Every change is saved when it is made; nothing is pending.
        MemberAction::Tick
    }

    fn draw(&self, frame: &mut Frame, now: DateTime<FixedOffset>) {
        ui::view(self.app(), frame, now);
    }

    fn clock_key(&self, now: DateTime<FixedOffset>) -> (i64, i64, i64) {
        ui::clock_key(now)
    }

    fn next_change_ms(&self, now: DateTime<FixedOffset>) -> u64 {
        ui::next_change_ms(now)
    }
}

/// Carry out the effects `update` returned for an app driven by hand (tests, benches), as
/// the loop would. Returns `true` to quit.
pub fn run_effects(app: &mut MemberApp, store: &Store, effects: Vec<MemberEffect>, now: DateTime<FixedOffset>) -> bool {
    MemberView::new(app, store).carry_out(effects, now)
}

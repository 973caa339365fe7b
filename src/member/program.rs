//! The member's view as the one loop runs it ([`crate::tui::run::Program`]): keys become
//! actions, `update` applies them, and its effects save the member's own files here,
//! where the program meets the disk; how each save went returns as an action.

use std::borrow::BorrowMut;

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::crossterm::event::Event;

use super::action::{MemberAction, MemberEffect};
use super::state::MemberApp;
use super::{keymap, load, ui, update};
use crate::store::{Store, StoreError};
use crate::sync::auto::{Auto, Round};
use crate::tui::run::{self, Outcome, Program, Waker};

/// The program, owning its app (`MemberView<MemberApp>`) or borrowing one driven by
/// hand (`MemberView<&mut MemberApp>`, for tests).
pub struct MemberView<'a, A: BorrowMut<MemberApp> = MemberApp> {
    pub app: A,
    store: &'a Store,
    /// Syncing in the background, when the folder is shared; the loop's waker for it.
    auto: Option<Auto>,
    waker: Option<Waker>,
    /// The first frame showed only the front of my steps (kept for this many closed
    /// ones): read them all once it is out, and keep the front again if it changed.
    steps_pending: Option<usize>,
    /// Reading them failed (the view closes; the command reports it).
    failed: Option<StoreError>,
}

impl<'a, A: BorrowMut<MemberApp>> MemberView<'a, A> {
    pub fn new(app: A, store: &'a Store) -> MemberView<'a, A> {
        MemberView { app, store, auto: None, waker: None, steps_pending: None, failed: None }
    }

    /// The app holds only the front of my steps kept for `head` closed ones
    /// ([`load::load_view`] said so): the rest is read after the first frame, before any
    /// key, and the front kept again when it no longer matches.
    pub fn with_steps_pending(mut self, head: Option<usize>) -> Self {
        self.steps_pending = head;
        self
    }

    /// Reading my steps after the first frame failed: the error, as a full load would
    /// have given it.
    pub fn take_failure(&mut self) -> Option<StoreError> {
        self.failed.take()
    }

    /// Sync in the background: when the view opens (after the first frame) and every few
    /// minutes. (The last round, on quit, is the command's.)
    pub fn with_auto_sync(mut self, auto: Option<Auto>) -> Self {
        self.auto = auto;
        self
    }

    /// The background rounds, handed back when the view closes.
    pub fn into_auto_sync(self) -> Option<Auto> {
        self.auto
    }

    fn start_round(&mut self) {
        let (Some(auto), Some(waker)) = (self.auto.as_mut(), self.waker.clone()) else { return };
        if auto.due() {
            auto.start(Round::Sync, run::now(), move || waker.wake());
        }
    }

    fn app(&self) -> &MemberApp {
        self.app.borrow()
    }

    /// Carry out effects `update` returned to a caller driving it by hand, and apply what
    /// they report. Returns `true` to quit.
    pub fn carry_out(&mut self, effects: Vec<MemberEffect>, now: DateTime<FixedOffset>) -> bool {
        run::apply_effects(self, effects, now)
    }

    /// Apply an action and carry out its effects without a terminal. Returns `true` to
    /// quit.
    pub fn dispatch(&mut self, action: MemberAction, now: DateTime<FixedOffset>) -> bool {
        run::apply(self, action, now)
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

    /// After the first frame: the rest of my steps and my reports (the loop runs this
    /// before it reads a key, so no key acts on the front alone), then the sync round.
    fn settle(&mut self) -> Vec<MemberAction> {
        let mut later = Vec::new();
        if let Some(head) = self.steps_pending.take() {
            let me = self.app().me.clone();
            later.push(match load::my_steps(self.store, &me, Some(head)) {
                Ok(mine) => MemberAction::StepsLoaded(Box::new(mine)),
                Err(e) => {
                    let text = e.to_string();
                    self.failed = Some(e);
                    MemberAction::LoadFailed(text)
                }
            });
        }
        self.start_round();
        later
    }

    fn poll(&mut self, _now: DateTime<FixedOffset>) -> Vec<MemberAction> {
        let synced = self.auto.as_mut().and_then(Auto::finished);
        self.start_round();
        synced.map(|r| MemberAction::Synced(Box::new(r))).into_iter().chain([MemberAction::Tick]).collect()
    }

    fn attach(&mut self, waker: Waker) {
        self.waker = Some(waker);
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

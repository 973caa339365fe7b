//! The one impure loop: read events, hand them to the program, draw when something
//! visible changed. It sleeps until the next key, signal, or the moment the screen's
//! clock would show a different value — no fixed frame rate.
//!
//! A [`Program`] is a screen family (the facilitator's meeting, a member's own view): it
//! turns events into actions, runs its pure `update`, and carries out the effects.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Local};
use ratatui::Frame;
use ratatui::crossterm::event::{self, Event};

use crate::app::{Action, App, Effect, keymap, update};
use crate::store::Store;
use crate::terminal::{self, Term};
use crate::ui;

/// What wakes the loop.
pub enum Msg {
    Event(Event),
    Signal(i32),
    InputClosed,
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    Quit,
    /// A signal: exit with 128 + the signal number.
    Signal(i32),
}

/// What the program wants after handling an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Continue { redraw: bool },
    Quit,
}

/// A full-screen program the loop can run.
pub trait Program {
    /// A terminal event (`Some`), or the clock ticking (`None`).
    fn handle(&mut self, event: Option<&Event>, now: DateTime<FixedOffset>, term: Option<&mut Term>) -> Step;
    /// Draw everything; changes nothing.
    fn draw(&self, frame: &mut Frame, now: DateTime<FixedOffset>);
    /// Changes whenever the screen would look different with time alone.
    fn clock_key(&self, now: DateTime<FixedOffset>) -> (i64, i64, i64);
    /// Milliseconds the loop may sleep before the screen changes by itself.
    fn next_change_ms(&self, now: DateTime<FixedOffset>) -> u64;
    /// A signal or a lost terminal: save what must be saved, quickly.
    fn shutdown(&mut self, now: DateTime<FixedOffset>);
}

pub fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

/// The facilitator's program: the meeting app and its group folder.
pub struct Facilitator<'a> {
    pub app: App,
    pub store: &'a Store,
}

impl Facilitator<'_> {
    /// Apply an action and carry out its effects. Returns `true` to quit.
    pub fn dispatch(&mut self, action: Action, now: DateTime<FixedOffset>, term: Option<&mut Term>) -> bool {
        let effects = update(&mut self.app, action, now);
        run_effects(&mut self.app, self.store, effects, term, now)
    }
}

impl Program for Facilitator<'_> {
    fn handle(&mut self, event: Option<&Event>, now: DateTime<FixedOffset>, term: Option<&mut Term>) -> Step {
        let action = match event {
            None => Action::Tick,
            Some(ev) => match keymap::lookup(&self.app, ev) {
                Some(a) => a,
                None => return Step::Continue { redraw: false },
            },
        };
        let redraw = action != Action::Tick;
        let effects = update(&mut self.app, action, now);
        let redraw = redraw || !effects.is_empty();
        let mut term = term;
        // Show what the key did before saving it (the save waits for the disk); the loop
        // draws again after, with whatever the save reported.
        if redraw
            && effects.iter().any(|e| matches!(e, Effect::SaveMeeting | Effect::SaveGroup))
            && let Some(t) = term.as_deref_mut()
        {
            let _ = t.draw(|f| ui::view(&self.app, f, now));
        }
        if run_effects(&mut self.app, self.store, effects, term, now) { Step::Quit } else { Step::Continue { redraw } }
    }

    fn draw(&self, frame: &mut Frame, now: DateTime<FixedOffset>) {
        ui::view(&self.app, frame, now);
    }

    fn clock_key(&self, now: DateTime<FixedOffset>) -> (i64, i64, i64) {
        ui::clock_key(&self.app, now)
    }

    fn next_change_ms(&self, now: DateTime<FixedOffset>) -> u64 {
        ui::next_change_ms(&self.app, now)
    }

    fn shutdown(&mut self, now: DateTime<FixedOffset>) {
        let effects = crate::app::phases::quit(&mut self.app, now);
        run_effects(&mut self.app, self.store, effects, None, now);
    }
}

/// Carry out the facilitator's effects. Returns `true` when the app asked to quit.
pub fn run_effects(
    app: &mut App,
    store: &Store,
    effects: Vec<Effect>,
    mut term: Option<&mut Term>,
    now: DateTime<FixedOffset>,
) -> bool {
    let mut quit = false;
    let mut queue = effects;
    while !queue.is_empty() {
        let mut follow = Vec::new();
        for e in queue {
            match e {
                Effect::SaveMeeting | Effect::SaveGroup if app.ui.read_only => {}
                Effect::SaveMeeting => {
                    if let Some(m) = &app.meeting {
                        let result = store.save_meeting(m);
                        follow.extend(saved(app, result, now));
                    }
                }
                Effect::SaveGroup => {
                    let result = store.save_group(&app.ctx.group);
                    follow.extend(saved(app, result, now));
                }
                Effect::Bell => {
                    if let Some(t) = term.as_deref_mut() {
                        terminal::bell(t);
                    }
                }
                Effect::Quit => quit = true,
            }
        }
        queue = follow;
    }
    quit
}

fn saved(app: &mut App, result: Result<(), crate::store::StoreError>, now: DateTime<FixedOffset>) -> Vec<Effect> {
    match result {
        Ok(()) => update(app, Action::Saved, now),
        Err(e) => update(app, Action::SaveFailed(e.to_string()), now),
    }
}

fn spawn_input(tx: Sender<Msg>) {
    thread::spawn(move || {
        loop {
            match event::read() {
                Ok(ev) => {
                    if tx.send(Msg::Event(ev)).is_err() {
                        return;
                    }
                }
                Err(_) => {
                    let _ = tx.send(Msg::InputClosed);
                    return;
                }
            }
        }
    });
}

fn spawn_signals(tx: Sender<Msg>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let _ = tx.send(Msg::Signal(sig));
        }
    });
    Ok(())
}

/// Run a program full-screen until it quits or a signal arrives. The terminal is
/// restored on every way out.
pub fn run(program: &mut dyn Program) -> std::io::Result<Ended> {
    let (tx, rx) = mpsc::channel();
    spawn_signals(tx.clone())?;
    let mut term = terminal::enter()?;
    let _guard = terminal::Guard;
    spawn_input(tx);
    event_loop(program, &mut term, &rx)
}

fn event_loop(program: &mut dyn Program, term: &mut Term, rx: &Receiver<Msg>) -> std::io::Result<Ended> {
    let mut dirty = true;
    let mut shown = None;
    loop {
        let t = now();
        let key = program.clock_key(t);
        if dirty || shown != Some(key) {
            term.draw(|f| program.draw(f, t))?;
            shown = Some(key);
            dirty = false;
        }
        // Wake just after the shown value changes, never just before: the wall clock the
        // screen reads and the timer the wait uses can disagree by a fraction of a
        // millisecond, and waking early costs a second wake-up for nothing.
        let wait = Duration::from_millis(program.next_change_ms(t) + 2);
        let msg = rx.recv_timeout(wait);
        let t = now();
        let step = match msg {
            Ok(Msg::Event(ev)) => {
                if matches!(ev, Event::Resize(..)) {
                    term.autoresize()?;
                    dirty = true;
                }
                program.handle(Some(&ev), t, Some(term))
            }
            Err(RecvTimeoutError::Timeout) => program.handle(None, t, Some(term)),
            Ok(Msg::Signal(sig)) => {
                program.shutdown(t);
                return Ok(Ended::Signal(sig));
            }
            Ok(Msg::InputClosed) | Err(RecvTimeoutError::Disconnected) => {
                program.shutdown(t);
                return Ok(Ended::Signal(libc::SIGHUP));
            }
        };
        match step {
            Step::Quit => return Ok(Ended::Quit),
            Step::Continue { redraw } => dirty |= redraw,
        }
    }
}

//! The one impure loop both programs run: read what happened (a key, a resize, a signal,
//! the clock, a file changed on disk), turn it into the program's actions, let its pure
//! `update` apply them, carry out the effects it returns, and draw when something visible
//! changed. It sleeps until the next key, signal, or the moment the screen's clock would
//! show a different value — no fixed frame rate.
//!
//! A [`Program`] is one screen family (the facilitator's meeting, a member's own view).
//! It owns its state and its way to the disk; the loop alone decides when to call what.

use std::collections::VecDeque;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Local};
use ratatui::Frame;
use ratatui::crossterm::event::{self, Event};

use super::terminal::{self, Term};

/// What wakes the loop.
pub enum Msg {
    Event(Event),
    Signal(i32),
    InputClosed,
    /// Work on another thread finished: look at what it left (`Program::poll`).
    Wake,
}

/// Lets work on another thread (a background sync) wake the loop when it is done.
#[derive(Clone)]
pub struct Waker(Sender<Msg>);

impl Waker {
    pub fn wake(&self) {
        let _ = self.0.send(Msg::Wake);
    }
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    Quit,
    /// A signal: exit with 128 + the signal number.
    Signal(i32),
}

/// What carrying out one effect came to.
#[derive(Debug, PartialEq)]
pub enum Outcome<A> {
    /// Done; these actions say how it went (saved, failed, changed on disk…).
    Then(Vec<A>),
    Bell,
    Quit,
}

/// A full-screen program the loop can run. `update` is its only writer of state; `draw`
/// only reads; `perform` and `poll` are where it meets the disk, and they report what
/// they found as actions.
pub trait Program {
    type Action;
    type Effect;
    /// A terminal event as an action, through the program's key table.
    fn action_for(&self, event: &Event) -> Option<Self::Action>;
    /// The pure update: apply one action, return the effects to carry out.
    fn update(&mut self, action: Self::Action, now: DateTime<FixedOffset>) -> Vec<Self::Effect>;
    /// Whether the action changes the screen by itself (the clock ticking does not).
    fn redraws(&self, action: &Self::Action) -> bool;
    /// An action to apply, and show, before a slow effect is carried out ("saving…").
    fn before(&self, effect: &Self::Effect) -> Option<Self::Action>;
    /// Carry out one effect.
    fn perform(&mut self, effect: Self::Effect, now: DateTime<FixedOffset>) -> Outcome<Self::Action>;
    /// Work left until the first frame is out (reading what the first frame does not
    /// show); called after every frame, it returns nothing once there is none.
    fn settle(&mut self) -> Vec<Self::Action>;
    /// The clock woke the loop: the tick, and whatever changed on disk meanwhile.
    fn poll(&mut self, now: DateTime<FixedOffset>) -> Vec<Self::Action>;
    /// A signal or a lost terminal: the action that saves what must be saved.
    fn shutdown(&self) -> Self::Action;
    /// Draw everything; changes nothing.
    fn draw(&self, frame: &mut Frame, now: DateTime<FixedOffset>);
    /// Changes whenever the screen would look different with time alone.
    fn clock_key(&self, now: DateTime<FixedOffset>) -> (i64, i64, i64);
    /// Milliseconds the loop may sleep before the screen changes by itself.
    fn next_change_ms(&self, now: DateTime<FixedOffset>) -> u64;
    /// Given once, before the first frame, for work the program starts on other threads.
    fn attach(&mut self, _waker: Waker) {}
}

pub fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

/// Apply `actions` and carry out their effects, in order, until nothing follows. Returns
/// whether the screen changed and whether the program asked to quit. With a terminal, a
/// change is drawn before a slow effect (a save) runs, so a key shows at once.
pub fn dispatch<P: Program + ?Sized>(
    program: &mut P,
    actions: Vec<P::Action>,
    now: DateTime<FixedOffset>,
    mut term: Option<&mut Term>,
) -> std::io::Result<(bool, bool)> {
    let mut dirty = false;
    let mut queue: VecDeque<P::Action> = actions.into();
    while let Some(action) = queue.pop_front() {
        dirty |= program.redraws(&action);
        let effects = program.update(action, now);
        dirty |= !effects.is_empty();
        match carry_out(program, effects, now, term.as_deref_mut())? {
            Some(follow) => queue.extend(follow),
            None => return Ok((dirty, true)),
        }
    }
    Ok((dirty, false))
}

/// Carry out `effects` in order: the actions that report how they went, or `None` when
/// the program asked to quit.
pub fn carry_out<P: Program + ?Sized>(
    program: &mut P,
    effects: Vec<P::Effect>,
    now: DateTime<FixedOffset>,
    mut term: Option<&mut Term>,
) -> std::io::Result<Option<Vec<P::Action>>> {
    let mut follow = Vec::new();
    for effect in effects {
        if let Some(first) = program.before(&effect) {
            let _ = program.update(first, now);
            if let Some(t) = term.as_deref_mut() {
                t.draw(|f| program.draw(f, now))?;
            }
        }
        match program.perform(effect, now) {
            Outcome::Then(actions) => follow.extend(actions),
            Outcome::Bell => {
                if let Some(t) = term.as_deref_mut() {
                    terminal::bell(t);
                }
            }
            Outcome::Quit => return Ok(None),
        }
    }
    Ok(Some(follow))
}

/// Apply one action and carry out its effects without a terminal (scripts, tests, the
/// action a command starts with). Returns `true` when the program asked to quit.
pub fn apply<P: Program + ?Sized>(program: &mut P, action: P::Action, now: DateTime<FixedOffset>) -> bool {
    dispatch(program, vec![action], now, None).map(|(_, quit)| quit).unwrap_or(true)
}

/// Carry out effects `update` returned to a caller driving it by hand, and apply what they
/// report, without a terminal. Returns `true` when the program asked to quit.
pub fn apply_effects<P: Program + ?Sized>(
    program: &mut P,
    effects: Vec<P::Effect>,
    now: DateTime<FixedOffset>,
) -> bool {
    match carry_out(program, effects, now, None) {
        Ok(Some(follow)) => dispatch(program, follow, now, None).map(|(_, quit)| quit).unwrap_or(true),
        _ => true,
    }
}

/// A terminal event: through the key table into the program. Returns what
/// [`dispatch`] returns.
pub fn on_event<P: Program + ?Sized>(
    program: &mut P,
    event: &Event,
    now: DateTime<FixedOffset>,
    term: Option<&mut Term>,
) -> std::io::Result<(bool, bool)> {
    crate::test_hooks::maybe_panic(event);
    let actions = program.action_for(event).into_iter().collect();
    dispatch(program, actions, now, term)
}

/// The clock woke the loop: the tick and whatever changed on disk. Returns what
/// [`dispatch`] returns.
pub fn on_clock<P: Program + ?Sized>(
    program: &mut P,
    now: DateTime<FixedOffset>,
    term: Option<&mut Term>,
) -> std::io::Result<(bool, bool)> {
    let actions = program.poll(now);
    dispatch(program, actions, now, term)
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

/// The signals that end a session are caught from here on; they reach the loop once
/// [`spawn_signals`] has started the thread that forwards them (a signal that comes
/// between waits for it).
fn catch_signals() -> std::io::Result<signal_hook::iterator::Signals> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])
}

fn spawn_signals(mut signals: signal_hook::iterator::Signals, tx: Sender<Msg>) {
    thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let _ = tx.send(Msg::Signal(sig));
        }
    });
}

/// Run a program full-screen until it quits or a signal arrives. The terminal is
/// restored on every way out.
pub fn run<P: Program + ?Sized>(program: &mut P) -> std::io::Result<Ended> {
    let (tx, rx) = mpsc::channel();
    let signals = catch_signals()?;
    program.attach(Waker(tx.clone()));
    let mut term = terminal::enter()?;
    let _guard = terminal::Guard;
    // The threads that read keys and signals start once the first frame is out: keys
    // typed before wait in the terminal, signals in their pipe.
    let mut threads = Some(move || {
        spawn_signals(signals, tx.clone());
        spawn_input(tx);
    });
    event_loop(program, &mut term, &rx, move || {
        if let Some(start) = threads.take() {
            start();
        }
    })
}

fn event_loop<P: Program + ?Sized>(
    program: &mut P,
    term: &mut Term,
    rx: &Receiver<Msg>,
    mut after_frame: impl FnMut(),
) -> std::io::Result<Ended> {
    // The program learns the terminal's size before anything: on a terminal too small to
    // show its screens, only quitting and resizing do anything.
    if let Ok(size) = term.size() {
        let first = program.action_for(&Event::Resize(size.width, size.height));
        dispatch(program, first.into_iter().collect(), now(), None)?;
    }
    let mut dirty = true;
    let mut shown = None;
    loop {
        let t = now();
        let key = program.clock_key(t);
        if dirty || shown != Some(key) {
            term.draw(|f| program.draw(f, t))?;
            after_frame();
            shown = Some(key);
            dirty = false;
            let later = program.settle();
            if !later.is_empty() {
                let (changed, quit) = dispatch(program, later, t, Some(term))?;
                if quit {
                    return Ok(Ended::Quit);
                }
                dirty |= changed;
                continue;
            }
        }
        // Wake just after the shown value changes, never just before: the wall clock the
        // screen reads and the timer the wait uses can disagree by a fraction of a
        // millisecond, and waking early costs a second wake-up for nothing.
        let wait = Duration::from_millis(program.next_change_ms(t) + 2);
        let msg = rx.recv_timeout(wait);
        let t = now();
        let (changed, quit) = match msg {
            Ok(Msg::Event(ev)) => {
                if matches!(ev, Event::Resize(..)) {
                    term.autoresize()?;
                    dirty = true;
                }
                on_event(program, &ev, t, Some(term))?
            }
            Err(RecvTimeoutError::Timeout) | Ok(Msg::Wake) => on_clock(program, t, Some(term))?,
            Ok(Msg::Signal(sig)) => {
                let last = program.shutdown();
                dispatch(program, vec![last], t, None)?;
                return Ok(Ended::Signal(sig));
            }
            Ok(Msg::InputClosed) | Err(RecvTimeoutError::Disconnected) => {
                let last = program.shutdown();
                dispatch(program, vec![last], t, None)?;
                return Ok(Ended::Signal(libc::SIGHUP));
            }
        };
        if quit {
            return Ok(Ended::Quit);
        }
        dirty |= changed;
    }
}

//! The one impure loop: read events, run `update`, carry out its effects, draw when
//! something visible changed. It sleeps until the next key, signal, or the moment the
//! screen's clock would show a different value — no fixed frame rate.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Local};
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

pub fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

/// Carry out effects. Returns `true` when the app asked to quit.
pub fn run_effects(
    app: &mut App,
    store: &Store,
    effects: Vec<Effect>,
    term: Option<&mut Term>,
    now: DateTime<FixedOffset>,
) -> bool {
    let mut quit = false;
    let mut term = term;
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

/// Run the app full-screen until the user quits or a signal arrives.
pub fn run(mut app: App, store: &Store, start: Vec<Action>) -> std::io::Result<Ended> {
    let (tx, rx) = mpsc::channel();
    spawn_signals(tx.clone())?;
    let mut term = terminal::enter()?;
    let _guard = terminal::Guard;
    spawn_input(tx);
    for a in start {
        let t = now();
        let effects = update(&mut app, a, t);
        if run_effects(&mut app, store, effects, Some(&mut term), t) {
            return Ok(Ended::Quit);
        }
    }
    event_loop(&mut app, store, &mut term, &rx)
}

fn event_loop(app: &mut App, store: &Store, term: &mut Term, rx: &Receiver<Msg>) -> std::io::Result<Ended> {
    let mut dirty = true;
    let mut shown = None;
    loop {
        let t = now();
        let key = ui::clock_key(app, t);
        if dirty || shown != Some(key) {
            term.draw(|f| ui::view(app, f, t))?;
            shown = Some(key);
            dirty = false;
        }
        let wait = Duration::from_millis(ui::next_change_ms(app, t));
        let action = match rx.recv_timeout(wait) {
            Ok(Msg::Event(ev)) => match keymap::lookup(app, &ev) {
                Some(a) => a,
                None => continue,
            },
            Ok(Msg::Signal(sig)) => {
                let t = now();
                let effects = crate::app::phases::quit(app, t);
                run_effects(app, store, effects, None, t);
                return Ok(Ended::Signal(sig));
            }
            Ok(Msg::InputClosed) | Err(RecvTimeoutError::Disconnected) => {
                let t = now();
                let effects = crate::app::phases::quit(app, t);
                run_effects(app, store, effects, None, t);
                return Ok(Ended::Signal(libc::SIGHUP));
            }
            Err(RecvTimeoutError::Timeout) => Action::Tick,
        };
        let t = now();
        let redraw = action != Action::Tick;
        let effects = update(app, action, t);
        dirty |= redraw || !effects.is_empty();
        if run_effects(app, store, effects, Some(term), t) {
            return Ok(Ended::Quit);
        }
    }
}

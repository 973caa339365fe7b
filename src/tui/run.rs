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

use crate::facilitator::strings;
use crate::facilitator::ui;
use crate::facilitator::{Action, App, Effect, StatusKind, keymap, update};
use crate::model::merge;
use crate::store::{Store, StoreError};
use crate::tui::terminal::{self, Term};

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
    /// Read-only sessions follow the files another facilitator writes.
    seen: Option<FileStamp>,
    /// The members' files as last read: a sync may bring a member's update mid-meeting.
    members_seen: FileStamp,
}

/// What a file looked like: modification time and length.
type FileStamp = Vec<(Option<std::time::SystemTime>, u64)>;

impl<'a> Facilitator<'a> {
    pub fn new(app: App, store: &'a Store) -> Facilitator<'a> {
        let mut f = Facilitator { app, store, seen: None, members_seen: Vec::new() };
        if f.app.ui.read_only {
            f.seen = Some(f.stamp());
        }
        f
    }

    /// Every file and folder under `members/`, one level of folders deep.
    fn member_stamp(&self) -> FileStamp {
        let stamp = |p: &std::path::Path| match std::fs::metadata(p) {
            Ok(m) => (m.modified().ok(), m.len()),
            Err(_) => (None, 0),
        };
        let mut out = Vec::new();
        for m in &self.app.ctx.group.members {
            let dir = self.store.layout.member_dir(&m.id);
            out.push(stamp(&dir));
            if let Ok(entries) = std::fs::read_dir(&dir) {
                let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
                paths.sort();
                out.extend(paths.iter().map(|p| stamp(p)));
            }
            out.push(stamp(&self.store.layout.prep_dir(&m.id)));
        }
        out
    }

    /// Reload the members' files when they changed on disk, keeping the meeting as it is.
    fn refresh_members(&mut self) -> bool {
        let now = self.member_stamp();
        if self.members_seen.is_empty() {
            // The first look, after the first frame: what was loaded is current.
            self.members_seen = now;
            return false;
        }
        if now == self.members_seen {
            return false;
        }
        self.members_seen = now;
        let Ok(mut fresh) =
            crate::store::snapshot::Context::load(self.store, crate::store::snapshot::Strictness::Lenient)
        else {
            return false;
        };
        let old = &mut self.app.ctx;
        std::mem::swap(&mut fresh.group, &mut old.group);
        fresh.meeting_ids = std::mem::take(&mut old.meeting_ids);
        fresh.previous = old.previous.take();
        fresh.open_meeting = old.open_meeting.take();
        *old = fresh;
        true
    }

    fn stamp(&self) -> FileStamp {
        let mut paths = vec![self.store.layout.group(), self.store.layout.meetings_dir()];
        if let Some(id) = self.app.meeting.as_ref().or(self.app.ctx.open_meeting.as_ref()).map(|m| m.id.clone()) {
            paths.push(self.store.layout.meeting(&id));
        }
        paths
            .iter()
            .map(|p| match std::fs::metadata(p) {
                Ok(m) => (m.modified().ok(), m.len()),
                Err(_) => (None, 0),
            })
            .collect()
    }

    /// Read-only: reload when the holder of the group saved something.
    fn follow(&mut self) -> bool {
        let now = self.stamp();
        if self.seen.as_ref() == Some(&now) {
            return false;
        }
        self.seen = Some(now);
        match crate::store::snapshot::Context::load(self.store, crate::store::snapshot::Strictness::Lenient) {
            Ok(ctx) => {
                let meeting = ctx.open_meeting.clone().or_else(|| {
                    let id = self.app.meeting.as_ref()?.id.clone();
                    self.store.load_meeting(&id).ok()
                });
                let started = self.app.meeting.is_some();
                self.app.ctx = ctx;
                if started {
                    self.app.ctx.open_meeting = None;
                    self.app.meeting = meeting;
                }
                true
            }
            Err(_) => false,
        }
    }

    /// Apply an action and carry out its effects. Returns `true` to quit.
    pub fn dispatch(&mut self, action: Action, now: DateTime<FixedOffset>, term: Option<&mut Term>) -> bool {
        let effects = update(&mut self.app, action, now);
        run_effects(&mut self.app, self.store, effects, term, now)
    }
}

impl Program for Facilitator<'_> {
    fn handle(&mut self, event: Option<&Event>, now: DateTime<FixedOffset>, term: Option<&mut Term>) -> Step {
        if let Some(Event::Key(k)) = event {
            // A deliberate crash, for the tests that prove the terminal is restored.
            if k.code == event::KeyCode::F(12) && std::env::var_os("HOTSEAT_TEST_PANIC").is_some() {
                panic!("panic requested by HOTSEAT_TEST_PANIC");
            }
        }
        if event.is_none() && self.app.ui.read_only && self.follow() {
            return Step::Continue { redraw: true };
        }
        let refreshed = event.is_none() && !self.app.ui.read_only && self.refresh_members();
        let action = match event {
            None => Action::Tick,
            Some(ev) => match keymap::lookup(&self.app, ev) {
                Some(a) => a,
                None => return Step::Continue { redraw: false },
            },
        };
        let redraw = action != Action::Tick;
        let effects = update(&mut self.app, action, now);
        let redraw = redraw || refreshed || !effects.is_empty();
        let mut term = term;
        // Show what the key did before saving it (the save waits for the disk), marked as
        // being saved: a confirmation ("captured") only ever shows once it is on disk. The
        // loop draws again after, with whatever the save reported.
        if redraw
            && !self.app.ui.read_only
            && effects.iter().any(|e| matches!(e, Effect::SaveMeeting | Effect::SaveGroup))
            && let Some(t) = term.as_deref_mut()
        {
            update(&mut self.app, Action::Saving, now);
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
        let wait = ui::next_change_ms(&self.app, now);
        if self.app.ui.read_only { wait.min(1000) } else { wait }
    }

    fn shutdown(&mut self, now: DateTime<FixedOffset>) {
        let effects = crate::facilitator::phases::quit(&mut self.app, now);
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
                    let result = save_meeting(app, store);
                    follow.extend(saved(app, result, now));
                }
                Effect::SaveGroup => {
                    let result = save_group(app, store);
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

/// Save the meeting; if someone else changed the file since, merge theirs in first.
fn save_meeting(app: &mut App, store: &Store) -> Result<(), StoreError> {
    let Some(m) = app.meeting.as_mut() else { return Ok(()) };
    match store.save_meeting(m) {
        Err(StoreError::ChangedOnDisk { .. }) => {
            let theirs = store.load_meeting(&m.id)?;
            let taken = merge::merge_meeting(m, &theirs);
            store.save_meeting(m)?;
            let msg = strings::merged(&m.id, taken);
            app.set_status(StatusKind::Warning, msg);
            Ok(())
        }
        other => other,
    }
}

fn save_group(app: &mut App, store: &Store) -> Result<(), StoreError> {
    match store.save_group(&app.ctx.group) {
        Err(StoreError::ChangedOnDisk { .. }) => {
            let theirs = store.load_group()?;
            app.ctx.group = merge::merge_group(&app.ctx.group, &theirs);
            store.save_group(&app.ctx.group)
        }
        other => other,
    }
}

fn saved(app: &mut App, result: Result<(), StoreError>, now: DateTime<FixedOffset>) -> Vec<Effect> {
    match result {
        Ok(()) => update(app, Action::Saved, now),
        Err(e) => update(app, Action::SaveFailed(e.short()), now),
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

/// A screen that shows why the group could not be opened and waits for a key.
pub struct ErrorScreen {
    pub message: String,
    pub color: bool,
}

impl Program for ErrorScreen {
    fn handle(&mut self, event: Option<&Event>, _now: DateTime<FixedOffset>, _term: Option<&mut Term>) -> Step {
        match event {
            Some(Event::Key(_)) => Step::Quit,
            Some(Event::Resize(..)) => Step::Continue { redraw: true },
            _ => Step::Continue { redraw: false },
        }
    }

    fn draw(&self, frame: &mut Frame, _now: DateTime<FixedOffset>) {
        crate::tui::error_screen::draw(&self.message, frame, self.color);
    }

    fn clock_key(&self, _now: DateTime<FixedOffset>) -> (i64, i64, i64) {
        (0, 0, 0)
    }

    fn next_change_ms(&self, _now: DateTime<FixedOffset>) -> u64 {
        60_000
    }

    fn shutdown(&mut self, _now: DateTime<FixedOffset>) {}
}

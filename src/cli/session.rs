//! The full-screen commands: the home screen and the meeting.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::facilitator::strings;
use crate::facilitator::{Action, App};
use crate::store::layout::is_sync_debris;
use crate::store::lock::{self, Acquired, Lock};
use crate::store::snapshot::{Context, Strictness};
use crate::store::{Store, StoreError, fsio};
use crate::tui::run::{self as runtime, Ended, Facilitator};

pub fn is_terminal() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// Take the group for this facilitator, or open it read-only when another has it.
/// Cleans what a killed writer left behind.
pub fn take(store: &Store) -> Result<(Option<Lock>, Option<String>)> {
    if !store.has_group() {
        return Err(StoreError::NoGroup { dir: store.root().to_path_buf() }.into());
    }
    match lock::acquire(store.root(), runtime::now())? {
        Acquired::Mine(l) => {
            fsio::clean_temp(store.root());
            fsio::clean_temp(&store.layout.meetings_dir());
            Ok((Some(l), None))
        }
        Acquired::Held(holder) => Ok((None, Some(strings::held_by(holder.as_ref())))),
    }
}

/// Sync-tool conflict copies where the meeting reads (never read, never deleted): the
/// group folder, meetings, and each member's folder. Years of prep files are left to
/// `hotseat check`, which looks everywhere.
pub fn debris(root: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut dirs = vec![(root.to_path_buf(), 0)];
    while let Some((d, depth)) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if is_sync_debris(&name) {
                let p = e.path();
                found.push(p.strip_prefix(root).unwrap_or(&p).display().to_string());
            } else if depth < 2 && (name == "meetings" || name == "members" || depth == 1 && d.ends_with("members")) {
                dirs.push((e.path(), depth + 1));
            }
        }
    }
    found.sort();
    found
}

/// A file that cannot be read stops a full-screen command: in a terminal the reason is
/// shown on an error screen first, then (like everywhere) said on stderr.
fn shown(err: StoreError) -> anyhow::Error {
    if is_terminal() && !matches!(err, StoreError::NoGroup { .. }) {
        let mut screen = runtime::ErrorScreen { message: err.to_string(), color: color() };
        let _ = runtime::run(&mut screen);
    }
    err.into()
}

fn color() -> bool {
    crate::tui::theme::color_from_env()
}

fn open(store: &Store) -> Result<(App, Option<Lock>)> {
    let (lock, held) = take(store)?;
    // In a terminal the members' progress and the previous meeting's snapshot are read on
    // a thread, off the first frame; without one (scripts) everything is read, and checked,
    // before anything else.
    let ctx = if is_terminal() { Context::load_deferred(store) } else { Context::load(store, Strictness::Lenient) };
    let ctx = ctx.map_err(shown)?;
    let mut app = App::new(ctx);
    app.ui.color = color();
    let mut banners: Vec<String> = Vec::new();
    if let Some(h) = held {
        app.ui.read_only = true;
        banners.push(h);
    }
    let junk = debris(store.root());
    if !junk.is_empty() {
        banners.push(strings::debris_banner(&junk));
    }
    banners.extend(app.ui.banner.take());
    if !banners.is_empty() {
        app.ui.banner = Some(banners.join(" · "));
    }
    Ok((app, lock))
}

fn exit(ended: Ended) -> ExitCode {
    match ended {
        Ended::Quit => ExitCode::SUCCESS,
        Ended::Signal(sig) => ExitCode::from((128 + sig) as u8),
    }
}

/// `hotseat meeting`: start the next meeting or resume the open one.
pub fn meeting(store: &Store) -> Result<ExitCode> {
    let (app, _lock) = open(store)?;
    if app.ctx.group.members.is_empty() && app.ctx.open_meeting.is_none() {
        bail!("the group has no members yet; add them with `hotseat member add \"Full Name\"` first");
    }
    if !is_terminal() {
        bail!("the meeting needs a terminal; run `hotseat meeting` in one");
    }
    let mut program = Facilitator::new(app, store);
    if program.dispatch(Action::Start, runtime::now(), None) {
        return Ok(ExitCode::SUCCESS);
    }
    Ok(exit(runtime::run(&mut program)?))
}

/// `hotseat`: the home screen.
pub fn home(store: &Store) -> Result<ExitCode> {
    let (app, _lock) = open(store)?;
    if !is_terminal() {
        bail!("the home screen needs a terminal; for scripts use `hotseat actions --json`");
    }
    Ok(exit(runtime::run(&mut Facilitator::new(app, store))?))
}

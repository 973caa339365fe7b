//! The full-screen commands: the home screen and the meeting.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::private;
use crate::facilitator::strings;
use crate::facilitator::{Action, App, Facilitator};
use crate::model::Phase;
use crate::store::lock::{self, Acquired, Lock};
use crate::store::private::Private;
use crate::store::snapshot::ReportsJob;
use crate::store::snapshot::{Context, Strictness};
use crate::store::{Store, StoreError, fsio};
use crate::sync;
use crate::tui::error_screen::ErrorScreen;
use crate::tui::run::{self as runtime, Ended};

pub fn is_terminal() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// Take the group for this facilitator, or open it read-only when another has it.
/// Cleans what a killed writer left behind.
pub fn take(store: &Store) -> Result<(Option<Lock>, Option<String>)> {
    take_listed(store).map(|(lock, held, _)| (lock, held))
}

/// What a start lists of the group folder and of the meetings folder, once.
pub struct Listed {
    pub root: Vec<String>,
    pub meetings: Vec<String>,
}

/// [`take`], handing back the listings it made (after cleaning).
fn take_listed(store: &Store) -> Result<(Option<Lock>, Option<String>, Listed)> {
    if !store.has_group() {
        return Err(StoreError::NoGroup { dir: store.root().to_path_buf() }.into());
    }
    let acquired = lock::acquire(store.root(), runtime::now())?;
    let mut listed = Listed { root: fsio::list(store.root()), meetings: store.meetings_listing_kept()? };
    match acquired {
        Acquired::Mine(l) => {
            // List again only if something was cleaned.
            if !fsio::clean_temp_listed(store.root(), &listed.root).is_empty() {
                listed.root = fsio::list(store.root());
            }
            if !fsio::clean_temp_listed(&store.layout.meetings_dir(), &listed.meetings).is_empty() {
                listed.meetings = store.meetings_listing()?;
            }
            // Across machines: the facilitator lease of a shared folder, as last synced.
            let elsewhere = sync::auto::held_elsewhere(store.root(), runtime::now());
            let held = elsewhere.map(|lease| strings::lease_elsewhere(&sync::strings::lease(&lease)));
            Ok((Some(l), held, listed))
        }
        Acquired::Held(holder) => Ok((None, Some(strings::held_by(holder.as_ref())), listed)),
    }
}

/// Syncing in the background while the program runs, when the folder is shared. (A folder
/// that is not a clone needs no remembered member: not read then, before the first frame.)
fn auto_sync(store: &Store) -> Option<sync::auto::Auto> {
    if !sync::repo::is_repo(store.root()) {
        return None;
    }
    let member = crate::store::remember::recall(store.root()).ok().flatten();
    sync::auto::Auto::new(store.root(), member)
}

/// A file that cannot be read stops a full-screen command: in a terminal the reason is
/// shown on an error screen first, then (like everywhere) said on stderr.
fn shown(err: StoreError) -> anyhow::Error {
    if is_terminal() && !matches!(err, StoreError::NoGroup { .. }) {
        let mut screen = ErrorScreen { message: err.to_string(), color: color() };
        let _ = runtime::run(&mut screen);
    }
    err.into()
}

pub fn color() -> bool {
    crate::tui::theme::color_from_env()
}

/// Which screen a full-screen command opens on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum First {
    Home,
    Meeting,
}

/// Load the group for a full-screen command. In a terminal the meeting leaves the
/// members' progress and the previous meeting's snapshot for after its first frame,
/// unless that frame shows them (the report-back), and the members' own files its
/// current phase does not show (`Context::load_meeting_in`); the home screen takes its counts from
/// the cache when it still holds them (else reads everything first), and leaves the
/// members' files for after its first frame. Without a terminal (scripts) everything is
/// read, and checked, before anything else.
fn open(store: &Store, first: First) -> Result<(App, Option<Lock>, Option<ReportsJob>, Listed)> {
    let (lock, held, listed) = take_listed(store)?;
    let ids = crate::store::meeting_ids_in(&listed.meetings);
    let (mut ctx, job) = if is_terminal() && first == First::Home {
        Context::load_home(store, ids).map_err(shown)?
    } else if is_terminal() && first == First::Meeting {
        let (mut ctx, job) = Context::load_meeting_in(store, ids).map_err(shown)?;
        let shows_reports = ctx.open_meeting.as_ref().is_some_and(|m| m.phase == Phase::ReportBack);
        if shows_reports {
            ctx.set_reports(job.run(store));
            (ctx, None)
        } else {
            (ctx, Some(job))
        }
    } else {
        (Context::load(store, Strictness::Lenient).map_err(shown)?, None)
    };
    if held.is_some() {
        private::forget(&mut ctx);
    }
    let mut banners: Vec<String> = Vec::new();
    let mut app = App::new(ctx);
    app.ui.color = color();
    if let Some(h) = held {
        app.ui.read_only = true;
        app.ui.held_by = Some(h.clone());
        banners.push(h);
    }
    banners.extend(app.ui.banner.take());
    if !banners.is_empty() {
        app.ui.banner = Some(banners.join(" · "));
    }
    Ok((app, lock, job, listed))
}

/// The facilitator holding the group keeps private notes in their own folder: set it up
/// once the program is sure to run, and say (on stderr, and on screen) if notes were moved
/// out of the group folder. Nothing here stops the meeting: when the folder cannot be
/// used, notes are kept in memory and the room is told why.
fn private_folder(store: &Store, app: &mut App) -> Option<Private> {
    if app.ui.read_only {
        return None;
    }
    let p = match private::folder(store, &mut app.ctx) {
        Ok(Some(p)) => p,
        Ok(None) => {
            app.add_banner(strings::NOTES_NOT_KEPT.to_string());
            return None;
        }
        Err(e) => {
            app.add_banner(strings::notes_in_memory(&e.to_string()));
            return None;
        }
    };
    match private::take_in(store, &mut app.ctx, &p) {
        Ok(Some(line)) => {
            eprintln!("{line}");
            app.add_banner(line);
        }
        Ok(None) => {}
        Err(e) => app.add_banner(strings::notes_not_moved(&e.to_string())),
    }
    Some(p)
}

fn exit(ended: Ended) -> ExitCode {
    match ended {
        Ended::Quit => ExitCode::SUCCESS,
        Ended::Signal(sig) => ExitCode::from((128 + sig) as u8),
    }
}

/// `hotseat meeting`: start the next meeting or resume the open one. When today's meeting
/// is closed, its summary shows (with the next date) and another starts only when asked:
/// a key there, or `new` (`--new`).
pub fn meeting(store: &Store, new: bool) -> Result<ExitCode> {
    let (app, _lock, job, listed) = open(store, First::Meeting)?;
    if app.ctx.group.members.is_empty() && app.ctx.open_meeting.is_none() {
        bail!("the group has no members yet; add them with `hotseat member add \"Full Name\"` first");
    }
    if !is_terminal() {
        bail!("the meeting needs a terminal; run `hotseat meeting` in one");
    }
    let closed = if new { None } else { closed_today(store, &app) };
    let mut program = facilitator(store, app, job, listed);
    match closed {
        Some(m) => program.app.meeting = Some(m),
        None if program.dispatch(Action::Start, runtime::now()) => return Ok(ExitCode::SUCCESS),
        None => {}
    }
    run_facilitator(program)
}

/// The facilitator's program on what `open` read: private notes kept in the facilitator's
/// own folder, syncing in the background when the folder is shared, and what is left to
/// read (the members' reports, sync debris) read once the first frame is out.
fn facilitator<'s>(store: &'s Store, mut app: App, job: Option<ReportsJob>, listed: Listed) -> Facilitator<'s> {
    let kept = private_folder(store, &mut app);
    let program = Facilitator::new(app, store)
        .with_private(kept)
        .with_auto_sync(auto_sync(store))
        .with_debris_look(listed.root, listed.meetings);
    match job {
        Some(job) => program.with_reports_job(job),
        None => program,
    }
}

/// Run the facilitator's program, then let a sync it started finish.
fn run_facilitator(mut program: Facilitator) -> Result<ExitCode> {
    let ended = runtime::run(&mut program)?;
    if let Some(auto) = program.into_auto_sync() {
        sync::command::finish_round(auto, QUIT_SYNC_LIMIT);
    }
    Ok(exit(ended))
}

/// How long quitting may wait for a sync under way.
const QUIT_SYNC_LIMIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Today's meeting, when it is closed and none is open: shown, never started over.
fn closed_today(store: &Store, app: &App) -> Option<crate::model::Meeting> {
    if app.ctx.open_meeting.is_some() {
        return None;
    }
    let prev = app.ctx.previous.as_ref().filter(|p| p.date == runtime::now().date_naive())?;
    store.load_meeting(&prev.id).ok()
}

/// `hotseat`: the home screen.
pub fn home(store: &Store) -> Result<ExitCode> {
    let (app, _lock, job, listed) = open(store, First::Home)?;
    if !is_terminal() {
        bail!("the home screen needs a terminal; for scripts use `hotseat actions --json`");
    }
    run_facilitator(facilitator(store, app, job, listed))
}

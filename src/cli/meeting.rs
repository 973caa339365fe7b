//! `hotseat meeting [--reopen | --new | --discard [--yes]]`: begin, resume, reopen a
//! meeting closed by mistake today, or discard one opened by mistake.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::{ask, session};
use crate::cli::MeetingArgs;
use crate::store::Store;
use crate::store::private::Private;
use crate::store::snapshot::{Context, Strictness};
use crate::tui::run::now;

pub fn run(store: &Store, args: &MeetingArgs) -> Result<ExitCode> {
    if args.yes && !args.discard && !args.take_over {
        bail!("--yes goes with --discard or --take-over");
    }
    if args.discard {
        return discard(store, args.yes);
    }
    if args.take_over && !take_over(store, args.yes)? {
        return Ok(ExitCode::SUCCESS);
    }
    if args.reopen {
        let id = reopen(store)?;
        say!("Reopened the meeting of {id}: everything in it is as it was; it resumes in the wrap-up.");
        if !session::is_terminal() {
            return Ok(ExitCode::SUCCESS);
        }
    }
    session::meeting(store, args.new)
}

/// Hold the group for a change made outside the meeting screen: this machine's lock, and
/// no other machine holding the lease of a shared group.
fn hold(store: &Store) -> Result<crate::store::lock::Lock> {
    match session::take(store)? {
        (Some(lock), None) => Ok(lock),
        (_, held) => bail!("{}", held.unwrap_or_default()),
    }
}

/// `--take-over`: after asking, take the facilitator lease of a shared group from the
/// machine that holds it. Returns whether the meeting should open.
fn take_over(store: &Store, yes: bool) -> Result<bool> {
    use crate::sync::{self, lease};
    let root = store.root();
    if !sync::repo::is_repo(root) {
        bail!("{} is not shared through git, so there is no lease to take; `hotseat meeting` opens it", root.display());
    }
    let question = match sync::auto::held_elsewhere(root, now()) {
        Some(l) => format!("{}. Take it over on this machine?", sync::strings::lease(&l)),
        None => "No other machine holds the facilitator lease. Take it on this machine?".to_string(),
    };
    if !ask::confirm(&question, yes, "--yes")? {
        say!("Nothing was changed; the lease stays where it is.");
        return Ok(false);
    }
    let member = crate::store::remember::recall(root).ok().flatten();
    let taken = lease::take_over(root, &sync::Options::new(now(), member))?;
    say!("{}", sync::strings::lease(&taken));
    Ok(session::is_terminal())
}

/// Reopen the newest meeting when it closed today. Returns its id.
fn reopen(store: &Store) -> Result<String> {
    let _lock = hold(store)?;
    let ctx = Context::load(store, Strictness::Lenient)?;
    if let Some(m) = &ctx.open_meeting {
        bail!("the meeting of {} is still open; `hotseat meeting` resumes it", m.id);
    }
    let Some(prev) = ctx.previous.as_ref() else { bail!("no meeting has been closed yet; nothing to reopen") };
    if prev.date != now().date_naive() {
        bail!("only a meeting closed today can be reopened; the last one was on {}", prev.date);
    }
    let mut m = store.load_meeting(&prev.id)?;
    m.reopen();
    store.save_meeting(&m)?;
    Ok(m.id)
}

/// Remove the open meeting when nothing was captured in it, after asking.
fn discard(store: &Store, yes: bool) -> Result<ExitCode> {
    let _lock = hold(store)?;
    let mut ctx = Context::load(store, Strictness::Lenient)?;
    let private = super::private::folder(store, &mut ctx)?;
    let Some(mut m) = ctx.open_meeting.take() else { bail!("no meeting is open; there is nothing to discard") };
    if let Some(p) = &private {
        m.private_notes.extend(p.load_notes(&m.id)?);
    }
    if m.has_captured() {
        bail!(
            "the meeting of {} holds captured work (steps, progress, ratings or notes), so it is kept; close it in `hotseat meeting` instead",
            m.id
        );
    }
    let question =
        format!("Discard the meeting of {} (opened {}, nothing captured)?", m.id, m.started_at.format("%H:%M"));
    if !ask::confirm(&question, yes, "--yes")? {
        say!("Nothing was discarded.");
        return Ok(ExitCode::SUCCESS);
    }
    store.discard_meeting(&m.id)?;
    if let Some(p) = private.as_ref() {
        Private::discard_notes(p, &m.id)?;
    }
    say!("Discarded the meeting of {}.", m.id);
    Ok(ExitCode::SUCCESS)
}

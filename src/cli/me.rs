//! `hotseat me`: the member's own view. Also who "me" is for the other member commands:
//! `--member ID`, else the member remembered for this group folder.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::session::is_terminal;
use crate::member::program::MemberView;
use crate::member::{load, summary};
use crate::model::Group;
use crate::store::Store;
use crate::store::remember;
use crate::tui::run::{self as runtime, Ended};

/// How long quitting the member's view may wait for its last sync.
const QUIT_SYNC_LIMIT: std::time::Duration = std::time::Duration::from_secs(10);

/// The member ids of the group, for messages.
pub fn member_ids(g: &Group) -> String {
    if g.members.is_empty() {
        return "none yet".into();
    }
    g.members.iter().map(|m| m.id.as_str()).collect::<Vec<_>>().join(", ")
}

/// Who the member is: `--member`, else the one remembered for this folder. Must be a
/// member of the group.
pub fn who(store: &Store, group: &Group, flag: Option<&str>) -> Result<String> {
    let id = match flag {
        Some(id) => id.to_string(),
        None => match remember::recall(store.root())? {
            Some(id) => id,
            None => bail!(
                "which member are you? pass --member ID once (members: {}); `hotseat me --member ID` remembers it for this group",
                member_ids(group)
            ),
        },
    };
    if group.member(&id).is_none() {
        bail!("there is no member \"{id}\" in this group (members: {})", member_ids(group));
    }
    Ok(id)
}

pub fn run(store: &Store, member: Option<String>) -> Result<ExitCode> {
    let group = store.load_group()?;
    let me = who(store, &group, member.as_deref())?;
    let now = runtime::now();
    // With a terminal, the first frame may show the front of my steps from the cache,
    // the rest read right after it (before any key).
    let head = is_terminal().then(front_head);
    let (mut app, steps_pending) = load::load_view_in(store, group, &me, now, head)?;
    if member.is_some()
        && let Err(e) = remember::remember(store.root(), &me)
    {
        eprintln!("hotseat: could not remember who you are for next time: {e}");
    }
    app.ui.color = super::session::color();
    if !is_terminal() {
        say_part!("{}", summary::summary(&app, now));
        return Ok(ExitCode::SUCCESS);
    }
    let auto = crate::sync::auto::Auto::new(store.root(), Some(me.clone()));
    let mut program =
        MemberView::new(app, store).with_auto_sync(auto).with_steps_pending(head.filter(|_| steps_pending));
    let ended = runtime::run(&mut program)?;
    if let Some(e) = program.take_failure() {
        return Err(e.into());
    }
    if let Some(auto) = program.into_auto_sync() {
        crate::sync::command::last_round(store.root(), auto, Some(me), QUIT_SYNC_LIMIT);
    }
    Ok(match ended {
        Ended::Quit => ExitCode::SUCCESS,
        Ended::Signal(sig) => ExitCode::from((128 + sig) as u8),
    })
}

/// How many closed steps the first frame may show: no more than the terminal has rows.
fn front_head() -> usize {
    ratatui::crossterm::terminal::size().map_or(load::FRONT_HEAD, |(_, rows)| usize::from(rows))
}

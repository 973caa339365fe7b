//! The full-screen commands: the home screen and the meeting.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::app::{Action, App};
use crate::context::Context;
use crate::runtime::{self, Ended, Facilitator};
use crate::store::Store;

pub fn is_terminal() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

fn open(store: &Store) -> Result<App> {
    let ctx = Context::load_deferred(store)?;
    let mut app = App::new(ctx);
    app.ui.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    Ok(app)
}

fn exit(ended: Ended) -> ExitCode {
    match ended {
        Ended::Quit => ExitCode::SUCCESS,
        Ended::Signal(sig) => ExitCode::from((128 + sig) as u8),
    }
}

/// `hotseat meeting`: start the next meeting or resume the open one.
pub fn meeting(store: &Store) -> Result<ExitCode> {
    let app = open(store)?;
    if app.ctx.group.members.is_empty() && app.ctx.open_meeting.is_none() {
        bail!("the group has no members yet; add them with `hotseat member add \"Full Name\"` first");
    }
    if !is_terminal() {
        bail!("the meeting needs a terminal; run `hotseat meeting` in one");
    }
    let mut program = Facilitator { app, store };
    if program.dispatch(Action::Start, runtime::now(), None) {
        return Ok(ExitCode::SUCCESS);
    }
    Ok(exit(runtime::run(&mut program)?))
}

/// `hotseat`: the home screen.
pub fn home(store: &Store) -> Result<ExitCode> {
    let app = open(store)?;
    if !is_terminal() {
        bail!("the home screen needs a terminal; for scripts use `hotseat actions --json`");
    }
    Ok(exit(runtime::run(&mut Facilitator { app, store })?))
}

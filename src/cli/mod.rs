//! What each command does. Every failure is one sentence on stderr and a non-zero exit.

/// A line for the person at the terminal. Output cut short by the reader
/// (`hotseat … | head`) is not an error, so a failed write is ignored.
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!($crate::sync::untrusted::stdout(), $($t)*);
    }};
}

/// Like [`say!`], without the newline.
macro_rules! say_part {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!($crate::sync::untrusted::stdout(), $($t)*);
    }};
}

mod actions;
mod agenda;
pub mod args;
mod ask;
mod exchange;
pub mod fast;
mod group;
mod hot_team;
mod lazy;
mod me;
mod meeting;
pub mod member_args;
mod members;
mod parking;
mod private;
mod rotation;
mod session;
mod setup;
mod step_progress;
// Terms, trends and the record (issue 11).
mod record;
pub mod record_args;
mod term;
mod trend;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, anyhow};

use crate::store::Store;
pub use args::*;
use lazy::Lazy;
pub use member_args::*;

/// The folder of the group: `--data-dir`, else `HOTSEAT_DATA_DIR`, else the platform's
/// data folder.
pub fn data_dir(flag: Option<&Path>) -> Result<PathBuf> {
    if let Some(d) = flag {
        return Ok(d.to_path_buf());
    }
    if let Some(d) = std::env::var_os("HOTSEAT_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(d));
    }
    platform_dir().map(|d| d.join("group"))
}

/// `~/.local/share/hotseat` and its equivalents.
pub fn platform_dir() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "hotseat").map(|p| p.data_dir().to_path_buf()).ok_or_else(|| {
        anyhow!("cannot find a home folder for hotseat's data; pass --data-dir DIR or set HOTSEAT_DATA_DIR")
    })
}

/// The store of the group folder the command names.
fn store(flag: Option<&Path>) -> Result<Store> {
    Ok(open_store(data_dir(flag)?))
}

/// The store of `dir`, with the test hooks of a debug build.
pub fn open_store(dir: PathBuf) -> Store {
    let store = Store::new(dir);
    store.inject_fault(crate::test_hooks::fault());
    store
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    let flag = cli.data_dir.as_deref();
    match cli.command {
        Some(Command::Demo { no_open }) => setup::demo(flag, no_open),
        Some(Command::Init(args)) => setup::init(&store(flag)?, &args),
        Some(Command::Member { command: Lazy(command) }) => match command {
            MemberCommand::Add { name, role, department, id } => {
                setup::member_add(&store(flag)?, &name, role, department, id)
            }
            MemberCommand::List { all } => members::list(&store(flag)?, all),
            MemberCommand::Remove { id } => members::remove(&store(flag)?, &id),
            MemberCommand::Rename { id, name } => members::rename(&store(flag)?, &id, &name),
            MemberCommand::Set(args) => members::set(&store(flag)?, &args),
        },
        Some(Command::Meeting(args)) => meeting::run(&store(flag)?, &args),
        Some(Command::Actions(Lazy(ActionsArgs { command: Some(cmd), .. }))) => step_progress::run(&store(flag)?, cmd),
        Some(Command::Actions(args)) => actions::run(&store(flag)?, &args),
        Some(Command::Check) => setup::check(&store(flag)?),
        Some(Command::Me(Lazy(args))) => me::run(&store(flag)?, args.member),
        Some(Command::Checkin(Lazy(args))) => hot_team::checkin(&store(flag)?, args),
        Some(Command::Partners(Lazy(args))) => hot_team::partners(&store(flag)?, args),
        Some(Command::Export { command: Lazy(command) }) => exchange::export(&store(flag)?, command),
        Some(Command::Import { command: Lazy(command) }) => exchange::import(&store(flag)?, command),
        Some(Command::Sync { auto: Some(on), .. }) => crate::sync::command::set_auto(&data_dir(flag)?, on == "on"),
        Some(Command::Sync { remote, auto: None }) => {
            let dir = data_dir(flag)?;
            let member = crate::store::remember::recall(&dir).ok().flatten();
            crate::sync::command::sync(&dir, remote.as_deref(), member, crate::tui::run::now())
        }
        Some(Command::Templates) => agenda::templates(),
        Some(Command::Parking(Lazy(args))) => parking::run(&store(flag)?, args),
        Some(Command::Rotation(Lazy(args))) => rotation::run(&store(flag)?, args),
        Some(Command::Group { command: Lazy(GroupCommand::Set(args)) }) => group::set(&store(flag)?, &args),
        Some(Command::Join { url, member }) => {
            let dir = data_dir(flag)?;
            let shown = flag.map(|d| d.display().to_string());
            crate::sync::command::join(&url, &dir, &member, shown.as_deref(), crate::tui::run::now(), |d, m| {
                Ok(crate::store::remember::remember(d, m)?)
            })
        }
        Some(Command::Term(Lazy(args))) => term::run(&store(flag)?, args),
        Some(Command::Trend(args)) => trend::run(&store(flag)?, &args),
        Some(Command::Completions { shell }) => record::completions(shell),
        Some(Command::Man) => record::man(),
        None => session::home(&store(flag)?),
    }
}

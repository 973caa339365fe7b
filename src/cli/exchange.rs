//! `hotseat export todo|taskwarrior` and `hotseat import todo|taskwarrior`: a member's
//! open steps out to other tools, and completion back in as the member's own progress.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};

use super::me::who;
use crate::cli::{ExportArgs, ExportCommand, ImportArgs, ImportCommand};
use crate::exchange::{Completion, taskwarrior, todotxt};
use crate::member::load;
use crate::model::{ActionStep, MemberProgress, Progress};
use crate::store::user_files::{self, Unwritable};
use crate::store::{Store, fsio};

/// Which tool a file is for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tool {
    Todo,
    Taskwarrior,
}

pub fn export(store: &Store, cmd: ExportCommand) -> Result<ExitCode> {
    let (tool, args) = match cmd {
        ExportCommand::Todo(a) => (Tool::Todo, a),
        ExportCommand::Taskwarrior(a) => (Tool::Taskwarrior, a),
        // Minutes, CSV and iCalendar: the group's record (issue 11).
        record => return super::record::export(store, record),
    };
    run_export(store, tool, &args)
}

fn run_export(store: &Store, tool: Tool, args: &ExportArgs) -> Result<ExitCode> {
    let group = store.load_group()?;
    let me = who(store, &group, args.member.as_deref())?;
    let now = crate::tui::run::now();
    let app = load::load(store, &me, now)?;
    let mut open: Vec<&ActionStep> = app.steps.iter().filter(|s| s.is_open()).collect();
    open.sort_by(|a, b| (a.due.is_none(), a.due, &a.id).cmp(&(b.due.is_none(), b.due, &b.id)));
    let text = match tool {
        Tool::Todo => todotxt::export(&group.name, &open),
        Tool::Taskwarrior => taskwarrior::export(&group.name, &open, *now.offset()),
    };
    match &args.out {
        None => {
            let mut out = crate::sync::untrusted::stdout();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
        Some(path) => {
            write_export(path, text.as_bytes())?;
            let _ = writeln!(
                crate::sync::untrusted::stderr(),
                "Wrote {} open step{} of {} to {}",
                open.len(),
                if open.len() == 1 { "" } else { "s" },
                group.name_of(&me),
                path.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn import(store: &Store, cmd: ImportCommand) -> Result<ExitCode> {
    let (tool, args) = match cmd {
        ImportCommand::Todo(a) => (Tool::Todo, a),
        ImportCommand::Taskwarrior(a) => (Tool::Taskwarrior, a),
    };
    run_import(store, tool, &args)
}

fn read_text(path: &Path) -> Result<String> {
    let bytes = user_files::read(path).with_context(|| format!("could not read {}", path.display()))?;
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        let (l, c) = crate::store::decode::position(&bytes, i);
        bail!("{}:{l}:{c}: the file contains a NUL byte; it is not a text file", path.display());
    }
    match String::from_utf8(bytes) {
        Ok(t) => Ok(t),
        Err(e) => {
            let (l, c) = crate::store::decode::position(e.as_bytes(), e.utf8_error().valid_up_to());
            bail!("{}:{l}:{c}: the file is not valid UTF-8 text", path.display())
        }
    }
}

fn run_import(store: &Store, tool: Tool, args: &ImportArgs) -> Result<ExitCode> {
    let group = store.load_group()?;
    let me = who(store, &group, args.member.as_deref())?;
    let text = read_text(&args.file)?;
    let path = args.file.display();
    let found: Vec<Completion> = match tool {
        Tool::Todo => todotxt::completions(&text),
        Tool::Taskwarrior => taskwarrior::completions(&text)
            .map_err(|e| anyhow::anyhow!("{path}:{}:{}: not `task export` output: {}", e.line, e.col, e.message))?,
    };
    let now = crate::tui::run::now();
    let app = load::load(store, &me, now)?;
    let mut entries: Vec<MemberProgress> = Vec::new();
    for c in &found {
        let place = match tool {
            Tool::Todo => format!("{path}:{}", c.line),
            Tool::Taskwarrior => format!("{path}: task {}", c.line),
        };
        let Some(step) = app.steps.iter().find(|s| s.id == c.step) else {
            bail!("{place}: hs:{} is not one of {}'s action steps; nothing was imported", c.step, group.name_of(&me));
        };
        let already = step.progress() == c.progress || entries.iter().any(|e| e.step == c.step);
        if already {
            continue;
        }
        let on = c.on.map(|d| d.to_string());
        let note = match (tool, c.progress, on) {
            (Tool::Todo, _, Some(d)) => format!("done in todo.txt on {d}"),
            (Tool::Todo, _, None) => "done in todo.txt".to_string(),
            (Tool::Taskwarrior, Progress::Dropped, Some(d)) => format!("deleted in Taskwarrior on {d}"),
            (Tool::Taskwarrior, Progress::Dropped, None) => "deleted in Taskwarrior".to_string(),
            (Tool::Taskwarrior, _, Some(d)) => format!("completed in Taskwarrior on {d}"),
            (Tool::Taskwarrior, _, None) => "completed in Taskwarrior".to_string(),
        };
        entries.push(MemberProgress { step: c.step.clone(), progress: c.progress, note, at: now });
    }
    if entries.is_empty() {
        say!("Nothing new: no step of {} was finished there since the last import.", group.name_of(&me));
        return Ok(ExitCode::SUCCESS);
    }
    let mut file = store.load_progress(&me)?;
    for e in &entries {
        say!("{}  {}", e.step, e.progress.label());
    }
    let n = entries.len();
    file.entries.extend(entries);
    store.save_progress(&me, &file)?;
    say!(
        "Recorded {n} step{} as {}'s progress; the next report-back shows {} for the facilitator to confirm.",
        if n == 1 { "" } else { "s" },
        group.name_of(&me),
        if n == 1 { "it" } else { "them" }
    );
    Ok(ExitCode::SUCCESS)
}

/// Write an export to the file `--out` names, atomically: refused when it is a folder or
/// its folder does not exist.
pub(super) fn write_export(path: &Path, bytes: &[u8]) -> Result<()> {
    match user_files::export_target(path) {
        Ok(()) => {}
        Err(Unwritable::IsFolder) => bail!("{} is a folder; give --out a file name", path.display()),
        Err(Unwritable::NoFolder(parent)) => {
            bail!("cannot write {}: the folder {} does not exist", path.display(), parent.display())
        }
    }
    fsio::write_atomic(path, bytes, None)?;
    Ok(())
}

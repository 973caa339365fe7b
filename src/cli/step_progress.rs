//! `hotseat actions done STEP_ID` and `hotseat actions progress STEP_ID STATE`: a member
//! reports on one of their own steps between meetings. Written to the step owner's
//! `progress.json`; the next report-back shows it pre-filled.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::me::who;
use crate::cli::ActionsCommand;
use crate::model::{MemberProgress, Progress};
use crate::store::remember;
use crate::store::{Store, history};

/// A note typed on the command line: one line of plain text, not too long.
pub fn clean_note(note: Option<&str>) -> Result<String> {
    let t = note.unwrap_or("").trim();
    if t.chars().any(char::is_control) {
        bail!("the note contains control characters; type it as plain text on one line");
    }
    if t.chars().count() > 1000 {
        bail!("the note is {} characters long; keep it to 1000", t.chars().count());
    }
    Ok(t.to_string())
}

pub fn run(store: &Store, cmd: ActionsCommand) -> Result<ExitCode> {
    let (step_id, progress, note, member) = match cmd {
        ActionsCommand::Done { step, note, member } => (step, Progress::Done, note, member),
        ActionsCommand::Progress { step, progress, note, member } => {
            let p = match Progress::parse(&progress) {
                Some(Progress::Open) | None => {
                    bail!("\"{progress}\" is not a progress; use done, partial, not_done or dropped")
                }
                Some(p) => p,
            };
            (step, p, note, member)
        }
    };
    let note = clean_note(note.as_deref())?;
    let group = store.load_group()?;
    let Some(step) = history::find_step(store, &step_id)? else {
        bail!("there is no action step \"{step_id}\" in this group; `hotseat actions --all` lists them");
    };
    // Who is asking: --member, else the member remembered here; it must be the owner.
    let asking = match &member {
        Some(m) => Some(who(store, &group, Some(m))?),
        None => remember::recall(store.root())?,
    };
    if let Some(me) = &asking
        && me != &step.owner
    {
        bail!(
            "the step \"{step_id}\" is {}'s, not {me}'s; a member reports only on their own steps",
            group.name_of(&step.owner)
        );
    }
    let owner = step.owner.clone();
    let now = crate::tui::run::now();
    let mut file = store.load_progress(&owner)?;
    file.entries.push(MemberProgress { step: step_id.clone(), progress, note, at: now });
    store.save_progress(&owner, &file)?;
    say!(
        "Marked {step_id} {} for {}. The next meeting's report-back shows it for the facilitator to confirm.",
        progress.label(),
        group.name_of(&owner)
    );
    Ok(ExitCode::SUCCESS)
}

//! `hotseat actions`: the group's action steps, for people and for scripts.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};
use serde::Serialize;

use crate::cli::ActionsArgs;
use crate::model::{ActionStep, Group, ProgressEntry};
use crate::store::Store;
use crate::store::snapshot::{self as context, Context, Strictness};

/// One step as `--json` prints it. `id`, `owner`, `text`, `due` and `progress` are the
/// contract; the rest may grow.
#[derive(Serialize)]
struct StepJson<'a> {
    id: &'a str,
    owner: &'a str,
    owner_name: &'a str,
    text: &'a str,
    measurable_result: &'a str,
    due: Option<String>,
    progress: &'static str,
    meeting: &'a str,
    goal: Option<&'a str>,
    history: &'a [ProgressEntry],
}

pub fn run(store: &Store, args: &ActionsArgs) -> Result<ExitCode> {
    let ctx = Context::load(store, Strictness::Strict)?;
    if let Some(m) = &args.member
        && ctx.group.member(m).is_none()
    {
        bail!("there is no member \"{m}\" in this group (members: {})", member_ids(&ctx.group));
    }
    let mut steps = if args.all { context::all_steps(store, &ctx)? } else { ctx.open_steps(ctx.open_meeting.as_ref()) };
    if let Some(m) = &args.member {
        steps.retain(|s| &s.owner == m);
    }
    let mut out = crate::sync::untrusted::stdout();
    if args.json {
        let rows: Vec<StepJson> = steps.iter().map(|s| to_json(&ctx.group, s)).collect();
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
    } else {
        print_table(&mut out, &ctx.group, &steps, args.all)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn member_ids(g: &Group) -> String {
    if g.members.is_empty() {
        return "none yet".into();
    }
    g.members.iter().map(|m| m.id.as_str()).collect::<Vec<_>>().join(", ")
}

fn to_json<'a>(g: &'a Group, s: &'a ActionStep) -> StepJson<'a> {
    StepJson {
        id: &s.id,
        owner: &s.owner,
        owner_name: g.name_of(&s.owner),
        text: &s.text,
        measurable_result: &s.measurable_result,
        due: s.due.map(|d| d.to_string()),
        progress: s.progress().key(),
        meeting: &s.meeting,
        goal: s.goal.as_deref(),
        history: &s.history,
    }
}

fn print_table(out: &mut impl Write, g: &Group, steps: &[ActionStep], all: bool) -> std::io::Result<()> {
    if steps.is_empty() {
        writeln!(out, "{}", if all { "No action steps yet." } else { "No open action steps." })?;
        return Ok(());
    }
    let idw = steps.iter().map(|s| s.id.len()).max().unwrap_or(2).max(2);
    let ow = steps.iter().map(|s| s.owner.len()).max().unwrap_or(5).max(5);
    writeln!(out, "{:<idw$}  {:<ow$}  {:<10}  {:<8}  STEP", "ID", "OWNER", "DUE", "PROGRESS")?;
    for s in steps {
        let due = s.due.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
        let text = crate::facilitator::ui::printable(s.text.clone());
        writeln!(out, "{:<idw$}  {:<ow$}  {:<10}  {:<8}  {text}", s.id, s.owner, due, s.progress().label())?;
    }
    let _ = g;
    Ok(())
}

//! `hotseat actions`: the group's action steps, for people and for scripts.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::{Result, bail};
use serde::Serialize;

use crate::cli::ActionsArgs;
use crate::model::compact::CompactLedger;
use crate::model::{ActionStep, Group, ProgressEntry};
use crate::store::snapshot::{Context, Strictness};
use crate::store::{Store, history};

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
    let mut out = BufWriter::new(crate::sync::untrusted::stdout());
    let wanted = |owner: &str| args.member.as_ref().is_none_or(|m| m == owner);
    if args.all {
        // Years of steps: packed in memory, and written out one at a time.
        let l = all_steps(store, &ctx)?;
        let keep: Vec<usize> = (0..l.len()).filter(|&i| wanted(l.owner(i))).collect();
        write(&mut out, &ctx.group, keep.iter().map(|&i| l.step(i)), args)?;
    } else {
        let steps = ctx.open_steps(ctx.open_meeting.as_ref());
        write(&mut out, &ctx.group, steps.into_iter().filter(|s| wanted(&s.owner)), args)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Every step in the group's history with the members' own reports (as
/// [`crate::store::snapshot::all_steps`] gives them), reading one meeting at a time.
pub(crate) fn all_steps(store: &Store, ctx: &Context) -> Result<CompactLedger> {
    let mut l = history::replay_compact(store, &ctx.meeting_ids)?;
    for (member, entries) in ctx.member_progress() {
        l.add_member_progress(member, entries);
    }
    Ok(l)
}

fn write(
    out: &mut impl Write,
    g: &Group,
    steps: impl Iterator<Item = ActionStep> + Clone,
    args: &ActionsArgs,
) -> Result<()> {
    if args.json {
        /// One step as a row of the JSON array, serialised when its turn comes.
        struct Row<'a>(&'a Group, ActionStep);
        impl Serialize for Row<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                to_json(self.0, &self.1).serialize(s)
            }
        }
        let mut ser = serde_json::Serializer::pretty(&mut *out);
        serde::Serializer::collect_seq(&mut ser, steps.map(|s| Row(g, s)))?;
        writeln!(out)?;
    } else {
        print_table(out, steps, args.all)?;
    }
    Ok(())
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

/// The table; `steps` is gone through twice (column widths, then rows).
fn print_table(
    out: &mut impl Write,
    steps: impl Iterator<Item = ActionStep> + Clone,
    all: bool,
) -> std::io::Result<()> {
    let (mut n, mut idw, mut ow) = (0, 2, 5);
    for s in steps.clone() {
        n += 1;
        idw = idw.max(s.id.len());
        ow = ow.max(s.owner.len());
    }
    if n == 0 {
        writeln!(out, "{}", if all { "No action steps yet." } else { "No open action steps." })?;
        return Ok(());
    }
    writeln!(out, "{:<idw$}  {:<ow$}  {:<10}  {:<8}  STEP", "ID", "OWNER", "DUE", "PROGRESS")?;
    for s in steps {
        let due = s.due.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
        let text = crate::facilitator::ui::printable(s.text.clone());
        writeln!(out, "{:<idw$}  {:<ow$}  {:<10}  {:<8}  {text}", s.id, s.owner, due, s.progress().label())?;
    }
    Ok(())
}

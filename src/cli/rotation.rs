//! `hotseat rotation`: the fair-rotation ledger — hot seats taken, the last one, minutes
//! planned and used (in all and over the last six months), meetings attended and waited.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Result;

use super::args::RotationArgs;
use crate::model::rotation::{ledger, suggested_minutes};
use crate::store::Store;
use crate::tui::widgets::printable;

pub fn run(store: &Store, args: RotationArgs) -> Result<ExitCode> {
    let group = store.load_group()?;
    let meetings = store.meeting_turns()?;
    let today = crate::tui::run::now().date_naive();
    let rows = ledger(&group, &meetings, today);
    let mut out = crate::sync::untrusted::stdout();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &rows)?;
        let _ = writeln!(out);
        return Ok(ExitCode::SUCCESS);
    }
    let w = rows.iter().map(|r| r.name.chars().count()).max().unwrap_or(4).clamp(6, 30);
    say!("{:<w$}  seats  last seat   waited  planned/used min  last 6 months  attended", "member");
    for r in &rows {
        let last = r.last_seat.map(|d| d.to_string()).unwrap_or_else(|| "never".into());
        say!(
            "{:<w$}  {:>5}  {:<10}  {:>6}  {:>16}  {:>13}  {:>8}",
            printable(r.name.clone()),
            r.seats,
            last,
            r.meetings_waited,
            format!("{}/{}", r.minutes_planned, r.minutes_used),
            format!("{} · {}/{}", r.seats_6m, r.minutes_planned_6m, r.minutes_used_6m),
            r.meetings_attended
        );
    }
    if let Some(m) = suggested_minutes(&meetings) {
        say!("Turns used a median of {m} min over the last eight meetings.");
    }
    Ok(ExitCode::SUCCESS)
}

//! `hotseat parking`: the parking lot on the command line — list it, park an item, mark
//! one done or drop it. The facilitator's machine writes `parking.json`.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::args::{ParkingArgs, ParkingCommand};
use super::session;
use crate::model::parking::{ParkStatus, ParkedItem, Urgency};
use crate::store::Store;
use crate::tui::widgets::printable;

pub fn run(store: &Store, args: ParkingArgs) -> Result<ExitCode> {
    match args.command {
        None => list(store, args.json, args.all),
        Some(ParkingCommand::Add { text, urgency, member }) => add(store, &text, &urgency, member),
        Some(ParkingCommand::Done { id }) => resolve(store, &id, ParkStatus::Done),
        Some(ParkingCommand::Drop { id }) => resolve(store, &id, ParkStatus::Dropped),
    }
}

fn list(store: &Store, json: bool, all: bool) -> Result<ExitCode> {
    let group = store.load_group()?;
    let lot = store.load_parking()?;
    let items: Vec<&ParkedItem> = if all { lot.items.iter().collect() } else { lot.open_by_urgency() };
    if json {
        let mut out = crate::sync::untrusted::stdout();
        serde_json::to_writer_pretty(&mut out, &items)?;
        use std::io::Write as _;
        let _ = writeln!(out);
        return Ok(ExitCode::SUCCESS);
    }
    if items.is_empty() {
        say!("The parking lot is empty. Park an item: hotseat parking add \"…\" --urgency A");
    }
    for i in items {
        let who =
            i.member.as_deref().map(|m| format!(" · {}", printable(group.name_of(m).to_string()))).unwrap_or_default();
        let status = if i.status == ParkStatus::Open { String::new() } else { format!(" ({})", i.status.label()) };
        say!(
            "{:<4} {} {} · parked {}{who}{status}",
            i.id,
            i.urgency.letter(),
            printable(i.text.clone()),
            i.created.date_naive()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn add(store: &Store, text: &str, urgency: &str, member: Option<String>) -> Result<ExitCode> {
    let text = text.trim();
    if text.is_empty() || text.chars().any(char::is_control) || text.chars().count() > 500 {
        bail!("the item needs plain text of 1 to 500 characters");
    }
    let Some(urgency) = Urgency::parse(urgency) else {
        bail!("--urgency must be A, B or C, not \"{}\"", printable(urgency.to_string()));
    };
    let (_lock, held) = session::take(store)?;
    if let Some(h) = held {
        bail!("not parking the item now: {}", h.trim_start_matches("READ-ONLY: "));
    }
    let group = store.load_group()?;
    if let Some(m) = &member
        && group.member(m).is_none()
    {
        bail!("there is no member \"{}\"; `hotseat member list` shows the ids", printable(m.clone()));
    }
    let mut lot = store.load_parking()?;
    let id = lot.park(text, urgency, member, None, crate::tui::run::now());
    store.save_parking(&lot)?;
    say!("Parked as {id} (urgency {}).", urgency.letter());
    Ok(ExitCode::SUCCESS)
}

fn resolve(store: &Store, id: &str, status: ParkStatus) -> Result<ExitCode> {
    let (_lock, held) = session::take(store)?;
    if let Some(h) = held {
        bail!("not changing the parking lot now: {}", h.trim_start_matches("READ-ONLY: "));
    }
    let mut lot = store.load_parking()?;
    let Some(item) = lot.resolve(id, status, crate::tui::run::now()) else {
        bail!("there is no parked item \"{}\"; `hotseat parking --all` lists them", printable(id.to_string()));
    };
    let text = printable(item.text.clone());
    store.save_parking(&lot)?;
    say!("{id} is {}: {text}", status.label());
    Ok(ExitCode::SUCCESS)
}

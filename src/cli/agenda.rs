//! Agenda templates on the command line: `hotseat templates`, `init --template`,
//! `group set --template`.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::session;
use crate::model::agenda::{Agenda, TEMPLATES, template};
use crate::store::Store;

/// The shortest meeting `init` accepts (a Hot Team check-in is about fifteen minutes).
pub const MIN_MEETING_MINUTES: u32 = 10;

/// The template called `name`, or a sentence naming the templates.
pub fn named(name: &str) -> Result<Agenda> {
    match template(name) {
        Some(a) => Ok(a),
        None => bail!("there is no agenda template \"{}\"; the templates are {}", name.trim(), list_names()),
    }
}

fn list_names() -> String {
    let (last, rest) = TEMPLATES.split_last().expect("four templates");
    format!("{} and {last}", rest.join(", "))
}

/// How often a group on this template meets, unless told.
pub fn cadence_of(a: &Agenda) -> &'static str {
    match a.template.as_str() {
        "hot-team" => "weekly",
        "mentor" | "forum" => "monthly",
        _ => "biweekly",
    }
}

/// A meeting's length on this template, unless told: its phases added up.
pub fn minutes_of(a: &Agenda) -> u32 {
    a.phases.iter().map(|p| p.minutes).sum::<u32>().max(MIN_MEETING_MINUTES)
}

/// The phases of an agenda on one line: `Check-in 10 min · Report-back 20 min · …`.
pub fn phase_line(a: &Agenda) -> String {
    a.phases.iter().map(|p| format!("{} {} min", p.label, p.minutes)).collect::<Vec<_>>().join(" · ")
}

/// The protocol on one line: `Present 30 % · Questions 25 % · …`.
pub fn protocol_line(a: &Agenda) -> String {
    a.protocol
        .iter()
        .map(|s| match s.max_minutes {
            Some(m) => format!("{} {} % (≤ {m} min)", s.name, s.share),
            None => format!("{} {} %", s.name, s.share),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// `hotseat templates`.
pub fn templates() -> Result<ExitCode> {
    for (i, name) in TEMPLATES.iter().enumerate() {
        let a = named(name)?;
        if i > 0 {
            say!();
        }
        say!("{name} · {} · {} min", cadence_of(&a), minutes_of(&a));
        say!("  Phases:    {}", phase_line(&a));
        say!("  Hot seat:  {}", protocol_line(&a));
        for s in a.protocol.iter().filter(|s| !s.reminder.is_empty()) {
            say!("    {}: {}", s.name, s.reminder);
        }
    }
    say!();
    say!(
        "Start a group with one: hotseat init --name \"…\" --template NAME; change it: hotseat group set --template NAME"
    );
    Ok(ExitCode::SUCCESS)
}

/// `hotseat group set --template T`.
pub fn set_template(store: &Store, name: &str) -> Result<()> {
    let agenda = named(name)?;
    let (_lock, held) = session::take(store)?;
    if let Some(h) = held {
        bail!("not changing the agenda now: {}", h.trim_start_matches("READ-ONLY: "));
    }
    let mut g = store.load_group()?;
    let phases = minutes_of(&agenda);
    let template = agenda.template.clone();
    let mut agenda = agenda;
    agenda.step_bell = g.agenda().step_bell;
    g.agenda = Some(agenda);
    store.save_group(&g)?;
    say!("The group now runs the {template} agenda: {}.", phase_line(g.agenda()));
    if phases != g.meeting_minutes {
        say!("Its phases add up to {phases} min; the meeting stays {} min.", g.meeting_minutes);
    }
    Ok(())
}

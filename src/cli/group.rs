//! `hotseat group set`: the group's name, rhythm, length, pledge, next date and agenda.

use std::process::ExitCode;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use super::session;
use super::setup::clean;
use crate::cli::GroupSet;
use crate::model::Cadence;
use crate::store::Store;

/// A `--next` date: a real date, today or later.
pub fn next_date(s: &str) -> Result<NaiveDate> {
    let Ok(Some(d)) = crate::model::parse::parse_date(s) else {
        bail!("--next must be a date like 2026-12-06, not \"{s}\"");
    };
    let today = crate::tui::run::now().date_naive();
    if d < today {
        bail!("--next {d} is in the past; give today ({today}) or a later date");
    }
    Ok(d)
}

pub fn cadence(s: &str) -> Result<Cadence> {
    match Cadence::parse(s) {
        Some(c) => Ok(c),
        None => bail!("--cadence must be weekly, biweekly or monthly, not \"{s}\""),
    }
}

pub fn minutes(m: u32) -> Result<u32> {
    if !(super::agenda::MIN_MEETING_MINUTES..=600).contains(&m) {
        bail!("--minutes must be between {} and 600, not {m}", super::agenda::MIN_MEETING_MINUTES);
    }
    Ok(m)
}

/// Each setting given, checked first, then written at once; the agenda last.
/// `on`/`off` (or yes/no).
fn on_off(t: &str) -> Result<bool> {
    match t.trim().to_ascii_lowercase().as_str() {
        "on" | "yes" | "y" | "true" => Ok(true),
        "off" | "no" | "n" | "false" => Ok(false),
        other => bail!("--step-bell takes on or off, not {:?}", other),
    }
}

pub fn set(store: &Store, args: &GroupSet) -> Result<ExitCode> {
    let settings = [&args.name, &args.cadence, &args.pledge, &args.next, &args.template, &args.step_bell];
    if settings.iter().all(|s| s.is_none()) && args.minutes.is_none() {
        bail!(
            "say what to set: --name N, --cadence weekly|biweekly|monthly, --minutes M, --pledge TEXT, --next DATE, --template T or --step-bell on|off"
        );
    }
    let step_bell = args.step_bell.as_deref().map(on_off).transpose()?;
    let name = args.name.as_deref().map(|n| clean("group name", n, 120)).transpose()?;
    let cadence = args.cadence.as_deref().map(cadence).transpose()?;
    let minutes = args.minutes.map(minutes).transpose()?;
    let pledge = args.pledge.as_deref().map(|p| clean("pledge", p, 2000)).transpose()?;
    let next = args.next.as_deref().map(next_date).transpose()?;
    if let Some(t) = &args.template {
        super::agenda::named(t)?;
    }
    if name.is_some()
        || cadence.is_some()
        || minutes.is_some()
        || pledge.is_some()
        || next.is_some()
        || step_bell.is_some()
    {
        let (_lock, held) = session::take(store)?;
        if let Some(h) = held {
            bail!("not changing the group now: {}", h.trim_start_matches("READ-ONLY: "));
        }
        let mut g = store.load_group()?;
        let mut changed = Vec::new();
        if let Some(n) = name {
            changed.push(format!("The group is now called \"{n}\" (was \"{}\").", g.name));
            g.name = n;
        }
        if let Some(c) = cadence {
            changed.push(format!("It meets {} (was {}).", c.label(), g.cadence.label()));
            g.cadence = c;
        }
        if let Some(m) = minutes {
            changed.push(format!("A meeting lasts {m} min (was {}).", g.meeting_minutes));
            g.meeting_minutes = m;
        }
        if let Some(p) = pledge {
            changed.push(format!("The pledge is now: {p}"));
            g.pledge = p;
        }
        if let Some(d) = next {
            changed.push(format!("The next meeting is on {} {d}.", crate::model::group::weekday_name(d)));
            g.next_meeting = Some(d);
        }
        if let Some(on) = step_bell {
            let mut agenda = g.agenda().clone();
            agenda.step_bell = on;
            g.agenda = Some(agenda);
            changed.push(if on {
                "The bell rings when a hot-seat protocol step's time is up.".to_string()
            } else {
                "A protocol step's time up is flagged on screen, with no bell.".to_string()
            });
        }
        store.save_group(&g)?;
        for line in changed {
            say!("{line}");
        }
    }
    if let Some(t) = &args.template {
        super::agenda::set_template(store, t)?;
    }
    Ok(ExitCode::SUCCESS)
}

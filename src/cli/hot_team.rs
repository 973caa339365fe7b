//! `hotseat checkin` (a weekly Hot Team check-in) and `hotseat partners` (partnerships and
//! who offers which skill; `add` and `offer` write the member's own `partners.json`;
//! `suggest` lists who offers a skill, other departments first).

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::ask;
use super::me::who;
use super::step_progress::clean_note;
use crate::cli::{CheckinArgs, PartnersArgs, PartnersCommand};
use crate::member::strings as ms;
use crate::model::pairing::{closeness, offers_of, suggest};
use crate::model::parse::{PartnerError, parse_yes_no, resolve_partner, split_list};
use crate::model::partners::{missed_weeks, parse_weekday, weekday_key};
use crate::model::{Checkin, Group, Partner, PartnersFile, Partnership};
use crate::store::Store;

fn partner_name(g: &Group, p: &Partner) -> String {
    match p {
        Partner::Member(id) => g.name_of(id).to_string(),
        Partner::Outside(name) => format!("{name} (outside the group)"),
    }
}

/// The partnership `--partner` names: the partner's id or name (or first name), the
/// skill, or the partnership id; without it, the member's only running partnership.
fn pick<'a>(g: &Group, file: &'a PartnersFile, wanted: Option<&str>) -> Result<&'a Partnership> {
    let active: Vec<&Partnership> = file.active().collect();
    let Some(w) = wanted else {
        return match active.as_slice() {
            [one] => Ok(one),
            [] => bail!(
                "you have no Hot Team partnership yet; start one with `hotseat partners add --partner NAME --skill SKILL`"
            ),
            many => bail!(
                "you have {} partnerships; say which with --partner ({})",
                many.len(),
                many.iter().map(|p| partner_name(g, &p.partner)).collect::<Vec<_>>().join(", ")
            ),
        };
    };
    let w = w.trim().to_lowercase();
    let matches = |p: &Partnership| {
        let name = match &p.partner {
            Partner::Member(id) => {
                if *id == w {
                    return true;
                }
                g.name_of(id).to_lowercase()
            }
            Partner::Outside(n) => n.to_lowercase(),
        };
        p.id == w || name == w || name.split_whitespace().next() == Some(w.as_str()) || p.skill.to_lowercase() == w
    };
    let found: Vec<&Partnership> = active.into_iter().filter(|p| matches(p)).collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => bail!(
            "you have no running Hot Team partnership with \"{}\"; `hotseat partners` lists them",
            wanted.unwrap_or_default()
        ),
        _ => bail!("\"{}\" matches several partnerships; use the partner's member id or the skill", w),
    }
}

pub fn checkin(store: &Store, args: CheckinArgs) -> Result<ExitCode> {
    let group = store.load_group()?;
    let me = who(store, &group, args.member.as_deref())?;
    let note = clean_note(Some(&args.note))?;
    if note.is_empty() {
        bail!("the check-in note is empty; say what you did this week with --note \"…\"");
    }
    let on_track = match args.on_track.as_deref() {
        None => None,
        Some(v) => match parse_yes_no(v) {
            Ok(Some(b)) => Some(b),
            _ => bail!("--on-track must be yes or no, not \"{v}\""),
        },
    };
    let partners = store.load_partners(&me)?;
    let p = pick(&group, &partners, args.partner.as_deref())?;
    let mut log = store.load_checkins(&me)?;
    let now = crate::tui::run::now();
    log.checkins.push(Checkin { partnership: p.id.clone(), on: now.date_naive(), at: now, note, on_track });
    store.save_checkins(&me, &log)?;
    let missed = missed_weeks(p, &log.checkins, now.date_naive()).len();
    say_part!("Checked in with {} for {}.", partner_name(&group, &p.partner), p.skill);
    if missed > 0 {
        say_part!(" {missed} earlier week{} missed.", if missed == 1 { " was" } else { "s were" });
    }
    say!();
    Ok(ExitCode::SUCCESS)
}

pub fn partners(store: &Store, args: PartnersArgs) -> Result<ExitCode> {
    match args.command {
        None => list(store),
        Some(PartnersCommand::Suggest { skill, member, json }) => suggestions(store, &skill, member.as_deref(), json),
        Some(PartnersCommand::Add { member, partner, skill, day, slip, yes }) => {
            let group = store.load_group()?;
            let me = who(store, &group, member.as_deref())?;
            let skill = clean_note(Some(&skill))?;
            if skill.is_empty() {
                bail!("--skill is empty; name the skill or goal the partnership is for");
            }
            let slip = clean_note(slip.as_deref())?;
            let Some(day) = parse_weekday(&day) else {
                bail!("--day must be a day of the week, like friday, not \"{day}\"")
            };
            let typed = clean_note(Some(&partner))?;
            let partner = match resolve_partner(&group, &me, &typed) {
                Ok(p) => p,
                Err(PartnerError::Yourself) => bail!("you cannot be your own Hot Team partner"),
                Err(PartnerError::Missing) => bail!("--partner is empty; name a member or someone outside the group"),
            };
            if let Some(id) = partner.member_id() {
                let close = closeness(&group, &me, id);
                if !close.is_empty() {
                    let question = format!("{} {}", ms::close_warning(&group, id, &close), ms::START_ANYWAY);
                    if !ask::confirm(&question, yes, "--yes")? {
                        say!("No partnership was started.");
                        return Ok(ExitCode::SUCCESS);
                    }
                }
            }
            let mut file = store.load_partners(&me)?;
            let now = crate::tui::run::now();
            let p = Partnership {
                id: file.next_id(),
                partner,
                skill,
                goal: None,
                day,
                slip_words: slip,
                since: now.date_naive(),
                ended: None,
            };
            say!(
                "Hot Team partnership {}: {} with {}, check-in every {}.",
                p.id,
                p.skill,
                partner_name(&group, &p.partner),
                weekday_key(p.day)
            );
            file.partnerships.push(p);
            store.save_partners(&me, &file)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(PartnersCommand::Offer { member, skills }) => {
            let group = store.load_group()?;
            let me = who(store, &group, member.as_deref())?;
            let joined = clean_note(Some(&skills.join(",")))?;
            let mut file = store.load_partners(&me)?;
            file.offers = split_list(&joined);
            store.save_partners(&me, &file)?;
            if file.offers.is_empty() {
                say!("{} offers no skills as a Hot Team partner now.", group.name_of(&me));
            } else {
                say!("{} is available as a Hot Team partner for: {}", group.name_of(&me), file.offers.join(", "));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Every member's partnerships (partner, skill, day, missed weeks; never their notes or
/// slip words) and who offers which skill.
fn list(store: &Store) -> Result<ExitCode> {
    let group = store.load_group()?;
    let today = crate::tui::run::now().date_naive();
    let mut rows = Vec::new();
    let mut offers = Vec::new();
    for m in &group.members {
        let file = store.load_partners(&m.id)?;
        let log = store.load_checkins(&m.id)?;
        for p in &file.partnerships {
            let missed = if p.ended.is_some() { 0 } else { missed_weeks(p, &log.checkins, today).len() };
            let mut state = format!("every {}", weekday_key(p.day));
            if p.ended.is_some() {
                state = "ended".into();
            }
            if missed > 0 {
                state.push_str(&format!("  ⚑ {missed} missed"));
            }
            rows.push((format!("{} ↔ {}", m.name, partner_name(&group, &p.partner)), p.skill.clone(), state));
        }
        let skills = offers_of(m, &file.offers);
        if !skills.is_empty() {
            offers.push((m.name.clone(), skills.join(", ")));
        }
    }
    say!("Hot Team partnerships");
    if rows.is_empty() {
        say!("  none yet; start one with `hotseat partners add --member ID --partner NAME --skill SKILL`");
    }
    let w0 = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    let w1 = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
    for (who, skill, state) in &rows {
        say!("  {who:<w0$}  {skill:<w1$}  {state}");
    }
    say!();
    say!("Who offers which skill");
    if offers.is_empty() {
        say!("  nobody yet; offer yours with `hotseat partners offer --member ID SKILL…`");
    }
    for (name, skills) in offers {
        say!("  {name} — available as a Hot Team partner for: {skills}");
    }
    Ok(ExitCode::SUCCESS)
}

/// `hotseat partners suggest --skill S`: who offers the skill, those from other departments
/// and reporting lines than the asking member first.
fn suggestions(store: &Store, skill: &str, member: Option<&str>, json: bool) -> Result<ExitCode> {
    use crate::tui::widgets::printable;
    let group = store.load_group()?;
    let skill = clean_note(Some(skill))?;
    if skill.is_empty() {
        bail!("--skill is empty; name the skill, e.g. --skill negotiation");
    }
    let asking = match member {
        Some(_) => Some(who(store, &group, member)?),
        // The remembered member, while still in the group; else nobody asks.
        None => crate::store::remember::recall(store.root()).ok().flatten().filter(|id| group.member(id).is_some()),
    };
    let mut own = Vec::new();
    for m in &group.members {
        own.push((m.id.clone(), store.load_partners(&m.id)?.offers));
    }
    let rows = suggest(&group, &own, &skill, asking.as_deref());
    if json {
        let mut out = crate::sync::untrusted::stdout();
        serde_json::to_writer_pretty(&mut out, &rows)?;
        let _ = writeln!(out);
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        say!("Nobody in the group offers \"{skill}\" yet; `hotseat partners` lists who offers what.");
        return Ok(ExitCode::SUCCESS);
    }
    match &asking {
        Some(id) => {
            say!("Who offers {skill} as a Hot Team partner (for {}: other departments first)", group.name_of(id))
        }
        None => say!("Who offers {skill} as a Hot Team partner"),
    }
    let w0 = rows.iter().map(|r| r.name.chars().count()).max().unwrap_or(0);
    let w1 = rows.iter().map(|r| r.department.chars().count()).max().unwrap_or(0);
    for r in &rows {
        let flag = match (r.same_department, r.same_line) {
            (_, true) => "  (your reporting line)",
            (true, false) => "  (your department)",
            (false, false) => "",
        };
        let line = format!("  {:<w0$}  {:<w1$}  {}{flag}", r.name, r.department, r.offers.join(", "));
        say!("{}", printable(line.trim_end().to_string()));
    }
    Ok(ExitCode::SUCCESS)
}

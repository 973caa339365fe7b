//! Managing the members from the command line (issue 9): list, remove (archive),
//! rename and set. Adding is in `setup`.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::session;
use super::setup::clean;
use crate::cli::MemberSet;
use crate::model::{Group, Member};
use crate::store::Store;
use crate::store::lock::Lock;

/// The facilitator's lock, or a refusal saying who holds the group.
fn take(store: &Store, what: &str) -> Result<Option<Lock>> {
    let (lock, held) = session::take(store)?;
    if let Some(h) = held {
        bail!("not {what} now: {}", h.trim_start_matches("READ-ONLY: "));
    }
    Ok(lock)
}

/// The ids of the current members, for a refusal.
fn ids(g: &Group) -> String {
    let ids: Vec<&str> = g.members.iter().map(|m| m.id.as_str()).collect();
    if ids.is_empty() { "none yet".to_string() } else { ids.join(", ") }
}

/// The index of the current member `id`, or a sentence listing the ids.
fn index(g: &Group, id: &str) -> Result<usize> {
    match g.members.iter().position(|m| m.id == id) {
        Some(i) => Ok(i),
        None if g.archived().iter().any(|m| m.id == id) => {
            bail!("\"{id}\" ({}) is archived; members: {}", g.name_of(id), ids(g))
        }
        None => bail!("there is no member \"{id}\" in this group (members: {})", ids(g)),
    }
}

/// A second member with the same name is refused unless the caller chose an id.
pub fn refuse_same_name(g: &Group, name: &str) -> Result<()> {
    let same = |m: &&Member| m.name.trim().eq_ignore_ascii_case(name.trim());
    if let Some(m) = g.members.iter().chain(g.archived()).find(same) {
        let suggested = crate::model::group::unique_slug(&format!("{}2", m.id), |s| g.knows(s));
        bail!(
            "there is already a member named \"{}\" ({}); add them with --id {suggested} if they are someone else",
            m.name,
            m.id
        );
    }
    Ok(())
}

pub fn list(store: &Store, all: bool) -> Result<ExitCode> {
    let g = store.load_group()?;
    if g.members.is_empty() {
        say!("No members yet. Add one with: hotseat member add \"Full Name\"");
    }
    let archived = if all { g.archived() } else { &[] };
    let w = g.members.iter().chain(archived).map(|m| m.id.len()).max().unwrap_or(0);
    let rows = g.members.iter().map(|m| (m, "")).chain(archived.iter().map(|m| (m, " (archived)")));
    for (m, mark) in rows {
        if m.role.is_empty() {
            say!("{:<w$}  {}{mark}", m.id, m.name);
        } else {
            say!("{:<w$}  {} · {}{mark}", m.id, m.name, m.role);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Archives the member: out of `members`, into the term's `moved_on`, so that they leave
/// future meetings while old ones (and their steps) still name them.
pub fn remove(store: &Store, id: &str) -> Result<ExitCode> {
    let _lock = take(store, "removing the member")?;
    let mut g = store.load_group()?;
    let i = index(&g, id)?;
    if g.term.is_none() {
        let today = crate::tui::run::now().date_naive();
        g.term = Some(crate::store::record::current_term(store, &g, today)?.0);
    }
    let m = g.members.remove(i);
    let name = m.name.clone();
    for other in &mut g.members {
        if other.reports_to.as_deref() == Some(id) {
            other.reports_to = None;
        }
    }
    if let Some(t) = g.term.as_mut() {
        t.moved_on.retain(|x| x.id != m.id);
        t.moved_on.push(m);
    }
    store.save_group(&g)?;
    say!("Archived {name} (`{id}`): they leave future meetings; their history and steps stay.");
    Ok(ExitCode::SUCCESS)
}

pub fn rename(store: &Store, id: &str, name: &str) -> Result<ExitCode> {
    let _lock = take(store, "renaming the member")?;
    let mut g = store.load_group()?;
    let i = index(&g, id)?;
    let name = clean("member's name", name, 1000)?;
    if let Some(other) = g.members.iter().find(|m| m.id != id && m.name.eq_ignore_ascii_case(&name)) {
        bail!("\"{}\" is already the name of `{}`; choose a name that tells them apart", other.name, other.id);
    }
    let old = std::mem::replace(&mut g.members[i].name, name.clone());
    if old == name {
        say!("`{id}` is already called {name}; nothing changed.");
        return Ok(ExitCode::SUCCESS);
    }
    store.save_group(&g)?;
    say!("Renamed `{id}` from {old} to {name}.");
    Ok(ExitCode::SUCCESS)
}

/// `""` clears a text field; anything else is cleaned.
fn text(what: &str, s: &str, max: usize) -> Result<String> {
    if s.trim().is_empty() { Ok(String::new()) } else { clean(what, s, max) }
}

pub fn set(store: &Store, args: &MemberSet) -> Result<ExitCode> {
    if args.role.is_none() && args.department.is_none() && args.reports_to.is_none() {
        bail!("say what to set: --role R, --department D or --reports-to ID");
    }
    let _lock = take(store, "changing the member")?;
    let mut g = store.load_group()?;
    let i = index(&g, &args.id)?;
    let reports_to = match args.reports_to.as_deref().map(str::trim) {
        None => None,
        Some("") => Some(None),
        Some(boss) if boss == args.id => bail!("a member cannot report to themselves"),
        Some(boss) if g.member(boss).is_none() => {
            bail!("there is no member \"{boss}\" to report to (members: {})", ids(&g))
        }
        Some(boss) => Some(Some(boss.to_string())),
    };
    let role = args.role.as_deref().map(|r| text("role", r, 200)).transpose()?;
    let department = args.department.as_deref().map(|d| text("department", d, 100)).transpose()?;
    let m = &mut g.members[i];
    let mut changed = Vec::new();
    if let Some(r) = role {
        changed.push(if r.is_empty() { "role cleared".to_string() } else { format!("role: {r}") });
        m.role = r;
    }
    if let Some(d) = department {
        changed.push(if d.is_empty() { "department cleared".to_string() } else { format!("department: {d}") });
        m.department = d;
    }
    if let Some(b) = reports_to {
        changed.push(match &b {
            Some(b) => format!("reports to: {b}"),
            None => "reports to nobody".to_string(),
        });
        m.reports_to = b;
    }
    let who = format!("{} (`{}`)", m.name, m.id);
    store.save_group(&g)?;
    say!("{who}: {}.", changed.join("; "));
    Ok(ExitCode::SUCCESS)
}

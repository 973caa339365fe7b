//! `hotseat term [--json]`, `hotseat term request --member ID TEXT` and
//! `hotseat term renew`: where the group's term stands, each member's one request for it,
//! and starting the next term with those who chose to renew.

use std::process::ExitCode;

use anyhow::{Result, bail};
use serde::{Deserialize, Serialize};

use super::record::known_member;
use super::record_args::{TermArgs, TermCommand};
use super::session;
use crate::model::term::{Decision, Term, TermRecord};
use crate::model::{Group, Status};
use crate::store::{Store, record};

pub fn run(store: &Store, args: TermArgs) -> Result<ExitCode> {
    match args.command {
        None => show(store, args.json),
        Some(TermCommand::Request { member, text }) => request(store, &member, &text),
        Some(TermCommand::Renew { months }) => renew(store, months),
    }
}

#[derive(Serialize)]
struct TermJson<'a> {
    #[serde(flatten)]
    status: &'a record::TermStatus,
    today: chrono::NaiveDate,
}

fn show(store: &Store, json: bool) -> Result<ExitCode> {
    let today = crate::tui::run::now().date_naive();
    let group = store.load_group()?;
    let (_, st) = record::term_status(store, &group, today)?;
    if json {
        let text = serde_json::to_string_pretty(&TermJson { status: &st, today })?;
        say!("{text}");
        return Ok(ExitCode::SUCCESS);
    }
    let derived =
        if st.derived { " (derived from the first meeting; recording a request or renewing sets one)" } else { "" };
    say!("{} — term of {} months, meeting {}{derived}", group.name, st.months, st.cadence.label());
    say!("  start       {}", st.start);
    say!("  checkpoint  {}", st.checkpoint);
    say!("  end         {}  ({} left)", st.end, crate::model::words::count(st.days_left.max(0) as usize, "day"));
    say!("  meetings    {} held, {} still planned", st.meetings_held, st.meetings_planned);
    match st.next_meeting {
        Some(d) => say!("  next        {d}"),
        None => say!("  next        none in this term"),
    }
    if !st.requests.is_empty() {
        say!("Requests for this term:");
        for (id, text) in &st.requests {
            say!("  {:<12} {}", group.name_of(id), crate::exchange::one_line(text));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Take the group (refusing while another facilitator holds it), for a change to
/// `group.json`.
fn take(store: &Store, what: &str) -> Result<Option<crate::store::lock::Lock>> {
    let (lock, held) = session::take(store)?;
    if let Some(h) = held {
        bail!("not {what} now: {}", h.trim_start_matches("READ-ONLY: "));
    }
    Ok(lock)
}

fn request(store: &Store, member: &str, text: &str) -> Result<ExitCode> {
    let _lock = take(store, "recording the request")?;
    let today = crate::tui::run::now().date_naive();
    let mut group = store.load_group()?;
    known_member(&group, member)?;
    let text = text.trim();
    if text.chars().any(char::is_control) {
        bail!("the request contains control characters; type it as plain text");
    }
    if text.chars().count() > 500 {
        bail!("the request is {} characters long; keep it to 500", text.chars().count());
    }
    let (mut term, _) = record::current_term(store, &group, today)?;
    if text.is_empty() {
        term.requests.remove(member);
    } else {
        term.requests.insert(member.to_string(), text.to_string());
    }
    group.term = Some(term);
    store.save_group(&group)?;
    if text.is_empty() {
        say!("Removed {}'s request for this term.", group.name_of(member));
    } else {
        say!("Recorded {}'s request for this term: {text}", group.name_of(member));
    }
    Ok(ExitCode::SUCCESS)
}

/// What a meeting's term review recorded, read lean.
#[derive(Deserialize)]
struct ReviewHead {
    #[serde(default)]
    status: Status,
    #[serde(default)]
    term_record: TermRecord,
}

/// The decisions of the newest closed meeting in `term` that recorded any.
fn decisions(store: &Store, term: &Term) -> Result<Option<(String, TermRecord)>> {
    let ids = store.meeting_ids()?;
    for id in ids.iter().rev() {
        let Some((date, _)) = crate::store::layout::meeting_sort_key(id) else { continue };
        if date < term.start {
            break;
        }
        let h: ReviewHead = store.read(&store.layout.meeting(id))?;
        if h.status == Status::Closed && !h.term_record.decisions.is_empty() {
            return Ok(Some((id.clone(), h.term_record)));
        }
    }
    Ok(None)
}

fn renew(store: &Store, months: Option<u32>) -> Result<ExitCode> {
    let _lock = take(store, "renewing the term")?;
    let today = crate::tui::run::now().date_naive();
    let mut group = store.load_group()?;
    let (term, _) = record::current_term(store, &group, today)?;
    if let Some(n) = months
        && !(1..=60).contains(&n)
    {
        bail!("--months must be between 1 and 60, not {n}");
    }
    let review = decisions(store, &term)?;
    let mut next = term.next();
    next.months = months.unwrap_or(term.months).max(1);
    if next.end() < today {
        // Long after the term ended: the new one starts today.
        next.start = today;
    }
    next.moved_on = term.moved_on.clone();
    let record = review.as_ref().map(|(_, r)| r.clone()).unwrap_or_default();
    let mut renewed = Vec::new();
    let mut looser = Vec::new();
    let mut moved = Vec::new();
    let mut kept = Vec::new();
    for m in std::mem::take(&mut group.members) {
        match record.decision(&m.id) {
            Some(Decision::MoveOn) => {
                moved.push(m.name.clone());
                next.moved_on.retain(|x| x.id != m.id);
                next.moved_on.push(m);
            }
            Some(Decision::LooserContact) => {
                looser.push(m.name.clone());
                kept.push(m);
            }
            Some(Decision::Renew) => {
                renewed.push(m.name.clone());
                kept.push(m);
            }
            None => {
                renewed.push(format!("{} (no decision recorded)", m.name));
                kept.push(m);
            }
        }
    }
    group.members = kept;
    let open = open_steps_of(store, &group)?;
    let (start, end) = (next.start, next.end());
    group.term = Some(next);
    store.save_group(&group)?;
    match &review {
        Some((id, _)) => say!("Decisions from the term review of {id}."),
        None => say!("No term review recorded decisions; everyone renews."),
    }
    say!("The next term runs {start} to {end}.");
    say!("Renewing: {}", list(&renewed));
    if !looser.is_empty() {
        say!("Looser contact (kept as members): {}", list(&looser));
    }
    if !moved.is_empty() {
        say!("Moved on (archived; their files stay, older meetings still name them): {}", list(&moved));
    }
    say!("{open} open action step{} and everyone's goals carry into the new term.", if open == 1 { "" } else { "s" });
    Ok(ExitCode::SUCCESS)
}

fn list(names: &[String]) -> String {
    if names.is_empty() { "nobody".to_string() } else { names.join(", ") }
}

/// Open steps of the (remaining) members: they carry on as they are.
fn open_steps_of(store: &Store, group: &Group) -> Result<usize> {
    let ctx = crate::store::snapshot::Context::load(store, crate::store::snapshot::Strictness::Lenient)?;
    Ok(ctx.open_steps(ctx.open_meeting.as_ref()).iter().filter(|s| group.member(&s.owner).is_some()).count())
}

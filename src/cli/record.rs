//! `hotseat export minutes|csv|ics`, `hotseat completions SHELL` and `hotseat man`: the
//! facilitator's record in the forms people paste into email, wikis, spreadsheets and
//! calendars. Everything comes from the shared group folder; nothing here reads the
//! facilitator's private folder, and private notes an old meeting file may still hold are
//! dropped as soon as it is read.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};
use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

use super::record_args::{CsvArgs, IcsArgs, MinutesArgs, Shell};
use crate::exchange::{self, csv, ics, minutes};
use crate::model::trend::{self, MeetingFacts};
use crate::model::{ActionStep, Group, Meeting, Progress, Status};
use crate::store::snapshot::{Context, Strictness};
use crate::store::{Store, record};

/// Write `text` to `out`, or to standard output; `what` says on stderr what was written.
/// Shared data is untrusted: control characters never get through, except the CRLF line
/// ends that CSV and iCalendar want (`crlf`).
pub fn emit(text: &str, out: Option<&Path>, what: &str) -> Result<ExitCode> {
    let crlf = text.contains("\r\n");
    let text = if crlf {
        text.split("\r\n").map(crate::sync::untrusted::clean).collect::<Vec<_>>().join("\r\n")
    } else {
        text.to_string()
    };
    match out {
        None if crlf => {
            let mut o = std::io::stdout().lock();
            let _ = o.write_all(text.as_bytes());
            let _ = o.flush();
        }
        None => {
            let mut o = crate::sync::untrusted::stdout();
            let _ = o.write_all(text.as_bytes());
            let _ = o.flush();
        }
        Some(path) => {
            super::exchange::write_export(path, text.as_bytes())?;
            let _ = writeln!(crate::sync::untrusted::stderr(), "Wrote {what} to {}", path.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn member_ids(g: &Group) -> String {
    g.members.iter().map(|m| m.id.as_str()).collect::<Vec<_>>().join(", ")
}

/// Refuse a member id the group does not know.
pub fn known_member(g: &Group, id: &str) -> Result<()> {
    if g.member(id).is_none() {
        bail!("there is no member \"{id}\" in this group (members: {})", member_ids(g));
    }
    Ok(())
}

/// `hotseat export minutes|csv|ics`.
pub fn export(store: &Store, cmd: crate::cli::ExportCommand) -> Result<ExitCode> {
    use crate::cli::ExportCommand as E;
    match cmd {
        E::Minutes(a) => export_minutes(store, &a),
        E::Csv(a) => export_csv(store, &a),
        E::Ics(a) => export_ics(store, &a),
        E::Todo(_) | E::Taskwarrior(_) => unreachable!("todo.txt and Taskwarrior are cli::exchange's"),
    }
}

// ----- minutes -----

#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    status: Status,
}

/// The meeting `--meeting` names (a date or a file id), else the newest closed one.
fn pick_meeting(store: &Store, ids: &[String], wanted: Option<&str>) -> Result<String> {
    match wanted {
        Some(w) => {
            let w = w.trim();
            if ids.iter().any(|id| id == w) {
                return Ok(w.to_string());
            }
            let Ok(Some(date)) = crate::model::parse::parse_date(w) else {
                bail!("--meeting must be a date like 2030-01-15, not \"{w}\"");
            };
            let on_day: Vec<&String> =
                ids.iter().filter(|id| id.get(..10).is_some_and(|d| d == date.to_string())).collect();
            match on_day.last() {
                Some(id) => Ok((*id).clone()),
                None => bail!("there is no meeting on {date} (meetings: {})", recent(ids)),
            }
        }
        None => {
            for id in ids.iter().rev() {
                let h: Head = store.read(&store.layout.meeting(id))?;
                if h.status == Status::Closed {
                    return Ok(id.clone());
                }
            }
            bail!("no meeting has been closed yet; name an open one with --meeting DATE")
        }
    }
}

fn recent(ids: &[String]) -> String {
    let tail: Vec<&str> = ids.iter().rev().take(5).map(String::as_str).collect();
    if tail.is_empty() { "none yet".to_string() } else { tail.join(", ") }
}

/// Items waiting in the parking lot. The parking lot is another part of hotseat (issue
/// 10); this reads its file, `parking.json`, only if there is one and only what the
/// minutes show, and leaves out anything it does not understand.
pub fn parked_items(store: &Store) -> Vec<minutes::Parked> {
    let path = store.root().join(crate::sync::paths::PARKING);
    let Ok(v) = store.read::<serde_json::Value>(&path) else { return Vec::new() };
    let items = v.get("items").and_then(|i| i.as_array()).or_else(|| v.as_array()).cloned().unwrap_or_default();
    let s = |i: &serde_json::Value, k: &str| i.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
    items
        .iter()
        .filter(|i| matches!(s(i, "status").as_str(), "" | "open" | "parked"))
        .filter(|i| !s(i, "text").trim().is_empty())
        .map(|i| minutes::Parked { text: s(i, "text"), urgency: s(i, "urgency"), member: s(i, "member") })
        .collect()
}

pub fn export_minutes(store: &Store, args: &MinutesArgs) -> Result<ExitCode> {
    let group = store.load_group()?;
    let ids = store.meeting_ids()?;
    let id = pick_meeting(store, &ids, args.meeting.as_deref())?;
    let mut meeting: Meeting = store.load_meeting(&id)?;
    // An old file may still hold private notes: they never go anywhere from here.
    meeting.private_notes.clear();
    // The steps open before it: the snapshot of the closed meeting before it.
    let at = ids.iter().position(|x| *x == id).unwrap_or(0);
    let mut base: Vec<ActionStep> = Vec::new();
    for prev in ids[..at].iter().rev() {
        let f: MeetingFacts = store.read(&store.layout.meeting(prev))?;
        if f.status == Status::Closed {
            base = f.open_after.unwrap_or_default();
            break;
        }
    }
    let reports = record::member_reports(store, &group)?;
    let by_step = trend::by_step(&reports);
    let (_, items) = trend::report_back(&base, &MeetingFacts::from(&meeting), &by_step);
    let (per, all) = crate::facilitator::queries::completion(&meeting, &items);
    let parked = parked_items(store);
    let text = minutes::render(&minutes::Input {
        group: &group,
        meeting: &meeting,
        report: &items,
        per: &per,
        all,
        parked: &parked,
    });
    emit(&text, args.out.as_deref(), &format!("the minutes of {}", meeting.id))
}

// ----- csv -----

pub fn export_csv(store: &Store, args: &CsvArgs) -> Result<ExitCode> {
    let ctx = Context::load(store, Strictness::Strict)?;
    if let Some(m) = &args.member {
        known_member(&ctx.group, m)?;
    }
    let mut steps: Vec<_> = if args.all {
        super::actions::all_steps(store, &ctx)?.iter().collect()
    } else {
        ctx.open_steps(ctx.open_meeting.as_ref())
    };
    if let Some(m) = &args.member {
        steps.retain(|s| &s.owner == m);
    }
    steps.sort_by(|a, b| (&a.meeting, a.due, &a.owner, &a.id).cmp(&(&b.meeting, b.due, &b.owner, &b.id)));
    let refs: Vec<&ActionStep> = steps.iter().collect();
    let text = csv::export(&refs, |id| ctx.group.name_of(id).to_string());
    emit(&text, args.out.as_deref(), &crate::model::words::count(steps.len(), "action step"))
}

// ----- ics -----

#[derive(Deserialize)]
struct Started {
    started_at: chrono::DateTime<chrono::FixedOffset>,
}

/// A key for UIDs that stays the same: the group's id, else its name made a slug.
fn group_key(g: &Group) -> String {
    if g.id.trim().is_empty() { exchange::project(&g.name) } else { g.id.clone() }
}

pub fn export_ics(store: &Store, args: &IcsArgs) -> Result<ExitCode> {
    let now = crate::tui::run::now();
    let today = now.date_naive();
    let group = store.load_group()?;
    if let Some(m) = &args.member {
        known_member(&group, m)?;
    }
    let (term, status) = record::term_status(store, &group, today)?;
    let key = group_key(&group);
    let ids = store.meeting_ids()?;
    // The meetings' time of day: that of the newest one.
    let time: Option<NaiveTime> = match ids.last() {
        Some(id) => Some(store.read::<Started>(&store.layout.meeting(id))?.started_at.time()),
        None => None,
    };
    let stamp = ics::utc(now.to_utc());
    let mut w = ics::Writer::new();
    w.line("BEGIN", "VCALENDAR");
    w.line("VERSION", "2.0");
    w.line("PRODID", &format!("-//hotseat//hotseat {}//EN", env!("CARGO_PKG_VERSION")));
    w.line("CALSCALE", "GREGORIAN");
    w.line("METHOD", "PUBLISH");
    w.text("X-WR-CALNAME", &group.name);
    let mut events = 0;
    if let Some(next) = status.next_meeting.or(group.next_meeting) {
        events += 1;
        write_meeting(&mut w, &group, &key, &stamp, next, time, term.end());
    }
    let mut todos = 0;
    if let Some(member) = &args.member {
        let ctx = Context::load(store, Strictness::Strict)?;
        let mut open: Vec<ActionStep> =
            ctx.open_steps(ctx.open_meeting.as_ref()).into_iter().filter(|s| &s.owner == member).collect();
        open.sort_by(|a, b| (a.due.is_none(), a.due, &a.id).cmp(&(b.due.is_none(), b.due, &b.id)));
        for s in &open {
            todos += 1;
            write_todo(&mut w, &group, &key, &stamp, s);
        }
    }
    w.line("END", "VCALENDAR");
    let what = match &args.member {
        Some(m) => format!(
            "{} and {} of {}",
            crate::model::words::count(events, "meeting"),
            crate::model::words::count(todos, "open step"),
            group.name_of(m)
        ),
        None => crate::model::words::count(events, "meeting"),
    };
    emit(&w.finish(), args.out.as_deref(), &what)
}

fn write_meeting(
    w: &mut ics::Writer,
    group: &Group,
    key: &str,
    stamp: &str,
    date: NaiveDate,
    time: Option<NaiveTime>,
    until: NaiveDate,
) {
    w.line("BEGIN", "VEVENT");
    w.line("UID", &ics::uid(&format!("meeting-{date}"), key));
    w.line("DTSTAMP", stamp);
    match time {
        Some(t) => {
            let start = date.and_time(t);
            w.line("DTSTART", &ics::local_time(start));
            w.line("DURATION", &format!("PT{}M", group.meeting_minutes.max(1)));
        }
        None => {
            w.line("DTSTART;VALUE=DATE", &ics::date(date));
        }
    }
    if until >= date {
        let rule = ics::rrule(group.cadence, until);
        // A DATE start takes a DATE UNTIL.
        let rule = if time.is_none() { rule.replace("T235959", "") } else { rule };
        w.line("RRULE", &rule);
    }
    w.text("SUMMARY", &format!("{} — mastermind meeting", group.name));
    w.text(
        "DESCRIPTION",
        &format!(
            "Check-in · Report-back · Prep review · Hot seats · Wrap-up.\nMeets {} until the term ends on {until}.",
            group.cadence.label()
        ),
    );
    w.line("END", "VEVENT");
}

fn write_todo(w: &mut ics::Writer, group: &Group, key: &str, stamp: &str, s: &ActionStep) {
    w.line("BEGIN", "VTODO");
    w.line("UID", &ics::uid(&format!("step-{}", s.id), key));
    w.line("DTSTAMP", stamp);
    w.text("SUMMARY", &s.text);
    let mut desc = String::new();
    if !s.measurable_result.trim().is_empty() {
        desc.push_str(&format!("Measurable result: {}\n", s.measurable_result));
    }
    desc.push_str(&format!("Action step {} of {}, from the meeting of {}.", s.id, group.name_of(&s.owner), s.meeting));
    w.text("DESCRIPTION", &desc);
    if let Some(d) = s.due {
        w.line("DUE;VALUE=DATE", &ics::date(d));
    }
    let status = match s.progress() {
        Progress::Partial => "IN-PROCESS",
        _ => "NEEDS-ACTION",
    };
    w.line("STATUS", status);
    w.text("CATEGORIES", &group.name);
    w.line("END", "VTODO");
}

// ----- completions and the man page -----

pub fn completions(shell: Shell) -> Result<ExitCode> {
    use clap::CommandFactory;
    use clap_complete::Shell as S;
    let mut cmd = super::Cli::command();
    let shell = match shell {
        Shell::Bash => S::Bash,
        Shell::Zsh => S::Zsh,
        Shell::Fish => S::Fish,
        Shell::Powershell => S::PowerShell,
        Shell::Elvish => S::Elvish,
    };
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "hotseat", &mut buf);
    let mut o = std::io::stdout();
    let _ = o.write_all(&buf);
    let _ = o.flush();
    Ok(ExitCode::SUCCESS)
}

pub fn man() -> Result<ExitCode> {
    use clap::CommandFactory;
    let mut cmd = super::Cli::command();
    cmd.build();
    let mut buf = Vec::new();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    man.render_options_section(&mut buf)?;
    // One page for all: every command with its options, rather than pages per command.
    buf.extend_from_slice(b".SH COMMANDS\n");
    commands_section(&mut buf, &cmd, "hotseat");
    buf.extend_from_slice(
        b".SH FILES\n.TP\n\\fBgroup.json\\fR, \\fBmeetings/\\fIDATE\\fB.json\\fR\nWritten by the facilitator.\n\
.TP\n\\fBmembers/\\fIID\\fB/\\fR\nWritten by that member only.\n",
    );
    man.render_version_section(&mut buf)?;
    let mut o = std::io::stdout();
    let _ = o.write_all(&buf);
    let _ = o.flush();
    Ok(ExitCode::SUCCESS)
}

/// Text safe in a roff line: backslashes escaped, no line starting a request.
fn roff(s: &str) -> String {
    let t = crate::exchange::one_line(s).replace('\\', "\\e").replace('-', "\\-");
    if t.starts_with(['.', '\'']) { format!("\\&{t}") } else { t }
}

fn commands_section(buf: &mut Vec<u8>, cmd: &clap::Command, path: &str) {
    use std::fmt::Write as _;
    let mut o = String::new();
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        let name = format!("{path} {}", sub.get_name());
        let _ = writeln!(o, ".SS \"{}\"", roff(&name));
        if let Some(about) = sub.get_about() {
            let _ = writeln!(o, "{}", roff(&about.to_string()));
        }
        for arg in sub.get_arguments().filter(|a| !a.is_hide_set() && !a.is_global_set()) {
            let id = arg.get_id().as_str();
            if id == "help" || id == "version" {
                continue;
            }
            let flag = match (arg.get_long(), arg.get_value_names()) {
                (Some(l), Some(v)) if arg.get_num_args().is_none_or(|n| n.takes_values()) => {
                    format!("\\fB\\-\\-{}\\fR \\fI{}\\fR", roff(l), roff(&v.join(" ")))
                }
                (Some(l), _) if !arg.get_action().takes_values() => format!("\\fB\\-\\-{}\\fR", roff(l)),
                (Some(l), _) => format!("\\fB\\-\\-{}\\fR \\fI{}\\fR", roff(l), roff(&id.to_uppercase())),
                (None, _) => format!("\\fI{}\\fR", roff(&id.to_uppercase())),
            };
            let _ = writeln!(o, ".TP\n{flag}");
            if let Some(help) = arg.get_help() {
                let _ = writeln!(o, "{}", roff(&help.to_string()));
            }
        }
        buf.extend_from_slice(o.as_bytes());
        o.clear();
        if sub.has_subcommands() {
            commands_section(buf, sub, &name);
        }
    }
}

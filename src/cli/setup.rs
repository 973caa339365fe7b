//! Setting a group up: demo, init, members; and `check`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::{platform_dir, session};
use crate::cli::InitArgs;
use crate::model::group::is_valid_id;
use crate::model::{Cadence, Group, Member};
use crate::store::{Store, check};

pub fn demo(flag: Option<&Path>, no_open: bool) -> Result<ExitCode> {
    let now = crate::tui::run::now();
    let dir = match flag {
        Some(d) => d.to_path_buf(),
        None => platform_dir()?.join(format!("demo-{}", now.format("%Y%m%d-%H%M%S"))),
    };
    if !crate::store::user_files::is_free(&dir) {
        bail!(
            "{} is not empty; the demo goes into an empty or new folder, so nothing of yours is overwritten",
            dir.display()
        );
    }
    crate::store::demo::install(&dir, now.date_naive())?;
    say!("The demo group is in {}", dir.display());
    say!("Open it again with: hotseat meeting --data-dir {}", shell_quote(&dir.display().to_string()));
    if no_open {
        return Ok(ExitCode::SUCCESS);
    }
    if !session::is_terminal() {
        say!("(Not opening the meeting: this is not a terminal.)");
        return Ok(ExitCode::SUCCESS);
    }
    session::meeting(&super::open_store(dir), false)
}

fn shell_quote(s: &str) -> String {
    if s.chars().all(|c| c.is_ascii_alphanumeric() || "/._-+:@".contains(c)) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// A name or text typed on the command line: no control characters, not blank.
pub(super) fn clean(what: &str, s: &str, max: usize) -> Result<String> {
    let t = s.trim();
    if t.is_empty() {
        bail!("the {what} is empty");
    }
    if t.chars().any(char::is_control) {
        bail!("the {what} contains control characters; type it as plain text");
    }
    if t.chars().count() > max {
        bail!("the {what} is {} characters long; keep it to {max}", t.chars().count());
    }
    Ok(t.to_string())
}

pub fn init(store: &Store, args: &InitArgs) -> Result<ExitCode> {
    if store.has_group() {
        let g = store.load_group()?;
        bail!("{} already holds the group \"{}\"; nothing was changed", store.root().display(), g.name);
    }
    let name = clean("group name", &args.name, 120)?;
    let agenda = super::agenda::named(&args.template)?;
    let cadence_arg = args.cadence.clone().unwrap_or_else(|| super::agenda::cadence_of(&agenda).to_string());
    let Some(cadence) = Cadence::parse(&cadence_arg) else {
        bail!("--cadence must be weekly, biweekly or monthly, not \"{cadence_arg}\"");
    };
    let minutes = args.minutes.unwrap_or_else(|| super::agenda::minutes_of(&agenda));
    if !(super::agenda::MIN_MEETING_MINUTES..=600).contains(&minutes) {
        bail!("--minutes must be between {} and 600, not {minutes}", super::agenda::MIN_MEETING_MINUTES);
    }
    let mut g = Group::new(&name);
    g.id = crate::store::private::new_group_id(&g.name);
    g.cadence = cadence;
    g.meeting_minutes = minutes;
    g.agenda = Some(agenda);
    if let Some(next) = &args.next {
        g.next_meeting = Some(super::group::next_date(next)?);
    }
    // The first term (issue 11): from the first meeting, else today.
    if !(1..=60).contains(&args.term_months) {
        bail!("--term-months must be between 1 and 60, not {}", args.term_months);
    }
    let start = g.next_meeting.unwrap_or_else(|| crate::tui::run::now().date_naive());
    g.term = Some(crate::model::term::Term::new(start, args.term_months));
    store.save_group(&g)?;
    say!("Created the group \"{}\" in {}", g.name, store.root().display());
    say!("Next: hotseat member add \"Full Name\" --role \"Role\"");
    Ok(ExitCode::SUCCESS)
}

pub fn member_add(
    store: &Store,
    name: &str,
    role: Option<String>,
    department: Option<String>,
    id: Option<String>,
) -> Result<ExitCode> {
    let (_lock, held) = session::take(store)?;
    if let Some(h) = held {
        bail!("not adding the member now: {}", h.trim_start_matches("READ-ONLY: "));
    }
    let mut g = store.load_group()?;
    let name = clean("member's name", name, 1000)?;
    let role = role.map(|r| clean("role", &r, 200)).transpose()?.unwrap_or_default();
    let department = department.map(|d| clean("department", &d, 100)).transpose()?.unwrap_or_default();
    let id = match id {
        Some(id) => {
            if !is_valid_id(&id) {
                bail!(
                    "\"{id}\" is not a valid member id; use lowercase letters, digits and -, at most {} characters",
                    crate::model::group::MAX_ID_LEN
                );
            }
            if g.knows(&id) {
                bail!("the id \"{id}\" is already {}'s", g.name_of(&id));
            }
            id
        }
        None => {
            super::members::refuse_same_name(&g, &name)?;
            g.new_member_id(&name)
        }
    };
    if g.members.len() >= 30 {
        bail!("the group already has {} members; a mastermind group works best with 4 to 10", g.members.len());
    }
    g.members.push(Member {
        id: id.clone(),
        name: name.clone(),
        role,
        department,
        offers: Vec::new(),
        reports_to: None,
    });
    store.save_group(&g)?;
    say!("Added {name} as `{id}`.");
    Ok(ExitCode::SUCCESS)
}

pub fn check(store: &Store) -> Result<ExitCode> {
    if !crate::store::user_files::exists(store.root()) {
        bail!("{} does not exist", store.root().display());
    }
    let mut report = check::check(store.root());
    report.problems.extend(crate::sync::private::problems(store.root()));
    let mut out = crate::sync::untrusted::stdout();
    for p in &report.problems {
        // A reader that stops early (`| head`) does not change the verdict.
        if writeln!(out, "{p}").is_err() {
            break;
        }
    }
    if report.problems.is_empty() {
        let _ = match report.files {
            1 => writeln!(out, "The 1 file in {} is fine.", store.root().display()),
            n => writeln!(out, "All {n} files in {} are fine.", store.root().display()),
        };
        Ok(ExitCode::SUCCESS)
    } else {
        let n = report.problems.len();
        eprintln!("hotseat: {n} problem{} found in {}", if n == 1 { "" } else { "s" }, store.root().display());
        Ok(ExitCode::from(1))
    }
}

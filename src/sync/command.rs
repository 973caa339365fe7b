//! `hotseat sync` and `hotseat join` on the command line: run, then print the result.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use super::{Options, Outcome, share, strings, untrusted};

/// The options of a command-line run. `HOTSEAT_SYNC_TIMEOUT` (seconds) shortens the
/// 30-second limit, for tests.
fn options(now: DateTime<FixedOffset>, member: Option<String>) -> Options {
    let mut o = Options::new(now, member);
    if let Some(secs) = std::env::var("HOTSEAT_SYNC_TIMEOUT").ok().and_then(|s| s.parse::<u64>().ok()) {
        o.timeout = Duration::from_secs(secs.clamp(1, super::TIMEOUT.as_secs()));
    }
    o
}

/// `hotseat sync [--remote URL]`.
pub fn sync(
    dir: &Path,
    remote: Option<&str>,
    member: Option<String>,
    now: DateTime<FixedOffset>,
) -> anyhow::Result<ExitCode> {
    let opts = options(now, member);
    let outcome = match remote {
        Some(url) => {
            let o = share::start(dir, url, &opts)?;
            say(&strings::started(url));
            o
        }
        None => super::sync(dir, &opts)?,
    };
    print(&outcome);
    Ok(ExitCode::SUCCESS)
}

/// `hotseat join URL --member ID`: clone, check the member, then `remember` them.
pub fn join(
    url: &str,
    dir: &Path,
    member: &str,
    shown_dir: Option<&str>,
    now: DateTime<FixedOffset>,
    remember: impl FnOnce(&Path, &str) -> anyhow::Result<()>,
) -> anyhow::Result<ExitCode> {
    let opts = options(now, Some(member.to_string()));
    let joined = share::join(url, dir, member, &opts)?;
    remember(dir, member)?;
    say(&strings::joined(&joined.group, &joined.member_name, shown_dir));
    Ok(ExitCode::SUCCESS)
}

fn say(line: &str) {
    let _ = writeln!(untrusted::stdout(), "{line}");
}

/// The one line, then one line per path left out, flag and clash.
pub fn print(o: &Outcome) {
    if o.recovered {
        say(strings::RECOVERED);
    }
    say(&strings::summary(o));
    for l in &o.left_out {
        say(&strings::left_out(l));
    }
    for p in &o.set_aside {
        say(&strings::set_aside(p));
    }
    for f in &o.flags {
        say(&strings::flag(f));
    }
}

/// The last round of a program that quits: what is still running first, then one that
/// sends what was done, within `limit`; its one line printed (a failure too: the changes
/// wait, committed, for the next sync).
pub fn last_round(dir: &Path, mut auto: super::auto::Auto, member: Option<String>, limit: Duration) {
    auto.wait(limit);
    say(strings::SYNCING);
    let mut opts = options(crate::tui::run::now(), member);
    opts.timeout = opts.timeout.min(limit);
    let report = super::auto::run_round(dir, &opts, super::auto::Round::Sync);
    match report.result {
        Ok(outcome) => print(&outcome),
        Err(e) => say(&strings::not_synced(&e)),
    }
}

/// A program quits while a round is under way (the facilitator's, sending a closed
/// meeting): let it finish, within `limit`, and print its line.
pub fn finish_round(mut auto: super::auto::Auto, limit: Duration) {
    if !auto.running() {
        return;
    }
    say(strings::SYNCING);
    match auto.wait(limit).map(|r| r.result) {
        Some(Ok(outcome)) => print(&outcome),
        Some(Err(e)) => say(&strings::not_synced(&e)),
        None => say(strings::SYNC_LEFT_RUNNING),
    }
}

/// `hotseat sync --auto on|off`: sync while the programs run, on this machine, or not.
pub fn set_auto(dir: &Path, on: bool) -> anyhow::Result<ExitCode> {
    super::auto::set_enabled(dir, on)?;
    say(if on { strings::AUTO_ON } else { strings::AUTO_OFF });
    Ok(ExitCode::SUCCESS)
}

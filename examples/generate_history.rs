//! Write a realistic group history for benchmarks and for trying hotseat on a big group.
//!
//! ```sh
//! cargo run --release --example generate_history -- --members 20 --years 10 --cadence weekly --out DIR [--seed N]
//! ```
//!
//! `--end today` dates the newest (open) meeting today instead of 2026-11-17, so that its
//! clock reads as a meeting in progress; the output then depends on the day.
//!
//! Everything goes through hotseat's own model and store (atomic 0600 writes), and the same
//! seed always gives the same files. The newest meeting is left open in the hot seats, so
//! `hotseat meeting --data-dir DIR` resumes it; `hotseat check --data-dir DIR` passes.

#[path = "support/history.rs"]
mod history;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Parser;
use hotseat::model::Cadence;

#[derive(Parser)]
#[command(about = "Write a realistic, deterministic hotseat group history into a new folder")]
struct Args {
    /// Number of members
    #[arg(long, default_value_t = 20)]
    members: usize,
    /// Years of meetings
    #[arg(long, default_value_t = 10)]
    years: u32,
    /// weekly, biweekly or monthly
    #[arg(long, default_value = "weekly")]
    cadence: String,
    /// Seed of the pseudo-random choices
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Date of the newest meeting (YYYY-MM-DD), or `today` (then the files depend on the day)
    #[arg(long, default_value = history::DEFAULT_END)]
    end: String,
    /// Close the newest meeting too, instead of leaving it open in the hot seats
    #[arg(long)]
    all_closed: bool,
    /// The folder to write (must be empty or absent)
    #[arg(long)]
    out: PathBuf,
}

fn main() -> ExitCode {
    let a = Args::parse();
    let Some(cadence) = Cadence::parse(&a.cadence) else {
        eprintln!("generate_history: --cadence must be weekly, biweekly or monthly, not \"{}\"", a.cadence);
        return ExitCode::from(2);
    };
    let end = match a.end.as_str() {
        "today" => Some(chrono::Local::now().date_naive()),
        d => NaiveDate::parse_from_str(d, "%Y-%m-%d").ok(),
    };
    let Some(end) = end else {
        eprintln!("generate_history: --end must be a date like 2026-11-17 or `today`, not \"{}\"", a.end);
        return ExitCode::from(2);
    };
    if a.members == 0 || a.years == 0 {
        eprintln!("generate_history: --members and --years must be at least 1");
        return ExitCode::from(2);
    }
    let o = history::Options {
        members: a.members,
        years: a.years,
        cadence,
        seed: a.seed,
        end,
        open_meeting: !a.all_closed,
    };
    match history::generate(&a.out, &o) {
        Ok(summary) => {
            println!("{}", a.out.display());
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("generate_history: {e}");
            ExitCode::from(1)
        }
    }
}

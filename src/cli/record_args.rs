//! The command-line definitions of terms, trends, the record's exports, completions and
//! the man page (issue 11), kept apart from `args.rs` so that it only names them.

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct TermArgs {
    /// JSON for scripts: start, end, checkpoint, meetings_held, meetings_planned, …
    #[arg(long)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Option<TermCommand>,
}

#[derive(Debug, Subcommand)]
pub enum TermCommand {
    /// Start the next term with those who chose to renew at the term review (facilitator)
    Renew {
        /// Length of the new term in months [default: the current term's]
        #[arg(long, value_name = "N")]
        months: Option<u32>,
    },
    /// Record a member's one specific request for this term (facilitator); shown in
    /// their prep and at the term review
    Request {
        /// Whose request (member id)
        #[arg(long, value_name = "ID")]
        member: String,
        /// What they want from the group this term; an empty text removes it
        text: String,
    },
}

#[derive(Debug, Args)]
pub struct TrendArgs {
    /// One member's completion and rating (member id) instead of the group's
    #[arg(long, value_name = "ID")]
    pub member: Option<String>,
    /// Every meeting, not only the current term's
    #[arg(long)]
    pub all_time: bool,
    /// JSON for scripts: one entry per meeting with meeting, completion (0–100), rating
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MinutesArgs {
    /// The meeting (its date, YYYY-MM-DD, or file id) [default: the last closed one]
    #[arg(long, value_name = "DATE")]
    pub meeting: Option<String>,
    /// Write to this file instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CsvArgs {
    /// Only this member's steps (member id)
    #[arg(long, value_name = "ID")]
    pub member: Option<String>,
    /// Every step of the group's history, not only the open ones
    #[arg(long)]
    pub all: bool,
    /// Write to this file instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct IcsArgs {
    /// Add this member's open steps as to-dos with their due dates (member id)
    #[arg(long, value_name = "ID")]
    pub member: Option<String>,
    /// Write to this file instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// The shells `hotseat completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

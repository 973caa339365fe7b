//! The command line: clap definitions and where each command goes.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "hotseat",
    version,
    about = "Run a mastermind group from the terminal: check-in, report-back, prep review, timed hot seats, wrap-up.",
    long_about = None,
    after_help = "With no command, hotseat opens the home screen of the group in the data folder."
)]
pub struct Cli {
    /// The group folder [default: $HOTSEAT_DATA_DIR, else the platform data folder]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Copy the bundled demo group into a fresh folder and open its meeting
    Demo {
        /// Copy only; do not open the meeting
        #[arg(long)]
        no_open: bool,
    },
    /// Create a new group in the data folder
    Init(InitArgs),
    /// Add or list members
    Member {
        #[command(subcommand)]
        command: MemberCommand,
    },
    /// Start the next meeting, or resume the open one
    Meeting,
    /// List action steps (open ones unless --all)
    Actions(ActionsArgs),
    /// Check every file of the group; exit non-zero on any problem
    Check,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The group's name
    #[arg(long)]
    pub name: String,
    /// How often the group meets: weekly, biweekly or monthly
    #[arg(long, default_value = "biweekly")]
    pub cadence: String,
    /// Length of a meeting in minutes
    #[arg(long, default_value_t = crate::model::group::DEFAULT_MEETING_MINUTES)]
    pub minutes: u32,
    /// Date of the first meeting (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub next: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    /// Add a member; prints the member id used on the command line
    Add {
        /// The member's full name
        name: String,
        /// Role or title, e.g. "CEO, Lumen Robotics"
        #[arg(long)]
        role: Option<String>,
        /// Department, to pair Hot Team partners across departments
        #[arg(long)]
        department: Option<String>,
        /// Choose the member id instead of deriving it from the name
        #[arg(long)]
        id: Option<String>,
    },
    /// List the members and their ids
    List,
}

#[derive(Debug, Args)]
pub struct ActionsArgs {
    /// Only this member's steps (member id)
    #[arg(long, value_name = "ID")]
    pub member: Option<String>,
    /// All steps, not only open ones
    #[arg(long)]
    pub all: bool,
    /// JSON for scripts
    #[arg(long)]
    pub json: bool,
}

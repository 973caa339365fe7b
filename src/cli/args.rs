//! The command line: clap definitions and where each command goes.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use super::lazy::Lazy;

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
    Init(Lazy<InitArgs>),
    /// Add or list members
    Member {
        #[command(subcommand)]
        command: Lazy<super::member_args::MemberCommand>,
    },
    /// Start the next meeting, or resume the open one
    Meeting(Lazy<MeetingArgs>),
    /// List action steps (open ones unless --all)
    Actions(Lazy<ActionsArgs>),
    /// Check every file of the group; exit non-zero on any problem
    Check,
    /// Your own view between meetings: your steps, goals, prep and Hot Team partners
    Me(Lazy<MeArgs>),
    /// Weekly check-in with a Hot Team partner
    Checkin(Lazy<CheckinArgs>),
    /// Hot Team partnerships, and who offers which skill
    Partners(Lazy<PartnersArgs>),
    /// Write a member's open action steps for todo.txt or Taskwarrior
    Export {
        #[command(subcommand)]
        command: Lazy<ExportCommand>,
    },
    /// Read completion back from todo.txt or Taskwarrior as the member's progress
    Import {
        #[command(subcommand)]
        command: Lazy<ImportCommand>,
    },
    /// Send and receive the group's changes through git (start sharing with --remote)
    Sync {
        /// Start sharing this group folder through this git remote (facilitator)
        #[arg(long, value_name = "URL")]
        remote: Option<String>,
        /// Sync quietly while `hotseat meeting` and `hotseat me` run, on this machine: on or off
        #[arg(long, value_name = "on|off", value_parser = ["on", "off"])]
        auto: Option<String>,
    },
    /// The agenda templates: phases, timeboxes and hot-seat protocol of each
    Templates,
    /// The parking lot: open items by urgency; park, close or drop one
    Parking(Lazy<ParkingArgs>),
    /// Fair rotation: hot seats taken, the last one, minutes planned and used
    Rotation(Lazy<RotationArgs>),
    /// Change the group's settings
    Group {
        #[command(subcommand)]
        command: Lazy<GroupCommand>,
    },
    /// Join a shared group as a member: clone it into the data folder
    Join {
        /// The group's git remote
        url: String,
        /// Who you are (member id)
        #[arg(long, value_name = "ID")]
        member: String,
    },
    // ----- terms, trends and the record (issue 11) -----
    /// The current term: start, end, checkpoint, meetings held and planned; renew it
    Term(Lazy<super::record_args::TermArgs>),
    /// Completion of action steps and the average rating, meeting by meeting
    Trend(Lazy<super::record_args::TrendArgs>),
    /// Shell completions: hotseat completions bash > ~/.local/share/bash-completion/completions/hotseat
    Completions {
        /// bash, zsh, fish, powershell or elvish
        #[arg(value_enum)]
        shell: super::record_args::Shell,
    },
    /// The manual page (roff): hotseat man > ~/.local/share/man/man1/hotseat.1
    Man,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The group's name
    #[arg(long)]
    pub name: String,
    /// How often the group meets: weekly, biweekly or monthly [default: the template's]
    #[arg(long)]
    pub cadence: Option<String>,
    /// Length of a meeting in minutes [default: the template's phases added up]
    #[arg(long)]
    pub minutes: Option<u32>,
    /// Date of the first meeting (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub next: Option<String>,
    /// The agenda: mastermind, forum, mentor or hot-team (see `hotseat templates`)
    #[arg(long, default_value = "mastermind")]
    pub template: String,
    /// Length of a term in months; the term starts at the first meeting (or today)
    #[arg(long, value_name = "N", default_value_t = crate::model::term::DEFAULT_TERM_MONTHS)]
    pub term_months: u32,
}

// `hotseat meeting`: every flag optional, at most one way to begin (a doc comment here
// would replace the command's own in its help).
#[derive(Debug, Args, Default)]
pub struct MeetingArgs {
    /// Reopen today's meeting, closed by mistake, with everything it holds
    #[arg(long, conflicts_with_all = ["new", "discard"])]
    pub reopen: bool,
    /// Start another meeting even though today's is closed
    #[arg(long, conflicts_with = "discard")]
    pub new: bool,
    /// Discard the open meeting when nothing was captured in it (asks first)
    #[arg(long)]
    pub discard: bool,
    /// Take the facilitator lease of a shared group from the machine that holds it (asks first)
    #[arg(long, conflicts_with_all = ["reopen", "discard"])]
    pub take_over: bool,
    /// Do not ask (with --discard or --take-over, e.g. in a script)
    #[arg(long)]
    pub yes: bool,
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
    #[command(subcommand)]
    pub command: Option<ActionsCommand>,
}

#[derive(Debug, Subcommand)]
pub enum ActionsCommand {
    /// Mark one of your steps done (written to your own folder)
    Done {
        /// The step id, as `hotseat actions` lists it
        step: String,
        /// A short note on how it went
        #[arg(long)]
        note: Option<String>,
        /// Who you are (member id); the step must be yours
        #[arg(long, value_name = "ID")]
        member: Option<String>,
    },
    /// Report progress on one of your steps: done, partial, not_done or dropped
    Progress {
        /// The step id, as `hotseat actions` lists it
        step: String,
        /// done, partial, not_done or dropped
        progress: String,
        /// A short note on how it went
        #[arg(long)]
        note: Option<String>,
        /// Who you are (member id); the step must be yours
        #[arg(long, value_name = "ID")]
        member: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct MeArgs {
    /// Who you are (member id); remembered for this group folder
    #[arg(long, value_name = "ID")]
    pub member: Option<String>,
}

#[derive(Debug, Args)]
pub struct CheckinArgs {
    /// Who you are (member id) [default: the member remembered by `hotseat me`]
    #[arg(long, value_name = "ID")]
    pub member: Option<String>,
    /// Which partnership: the partner's member id or name, or the skill [default: your only one]
    #[arg(long, value_name = "P")]
    pub partner: Option<String>,
    /// What you did this week
    #[arg(long)]
    pub note: String,
    /// Whether you are on track: yes or no
    #[arg(long, value_name = "yes|no")]
    pub on_track: Option<String>,
}

#[derive(Debug, Args)]
pub struct PartnersArgs {
    #[command(subcommand)]
    pub command: Option<PartnersCommand>,
}

#[derive(Debug, Subcommand)]
pub enum PartnersCommand {
    /// Start a Hot Team partnership (written to your own folder)
    Add {
        /// Who you are (member id)
        #[arg(long, value_name = "ID")]
        member: Option<String>,
        /// The partner: a member's id or name, or someone outside the group
        #[arg(long)]
        partner: String,
        /// The skill or goal the partnership is for
        #[arg(long)]
        skill: String,
        /// The weekly check-in day
        #[arg(long, default_value = "friday")]
        day: String,
        /// What the partner should say when you fall off the horse
        #[arg(long)]
        slip: Option<String>,
        /// Do not ask when the partner is in your department or reporting line
        #[arg(long)]
        yes: bool,
    },
    /// Who offers a skill as a Hot Team partner, other departments than yours first
    Suggest {
        /// The skill, e.g. negotiation (case does not matter)
        #[arg(long)]
        skill: String,
        /// Who asks (member id) [default: the member remembered by `hotseat me`; without one, just the list]
        #[arg(long, value_name = "ID")]
        member: Option<String>,
        /// JSON for scripts: member, name, department, offers, same_department, same_line
        #[arg(long)]
        json: bool,
    },
    /// Set the skills you offer as a Hot Team partner (replaces the list)
    Offer {
        /// Who you are (member id)
        #[arg(long, value_name = "ID")]
        member: Option<String>,
        /// The skills, e.g. negotiation "public speaking"
        skills: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// todo.txt lines: creation date, text, +project, due:, hs:STEP_ID
    Todo(ExportArgs),
    /// JSON that `task import` reads
    Taskwarrior(ExportArgs),
    /// Markdown minutes of a meeting (the last closed one unless --meeting)
    Minutes(super::record_args::MinutesArgs),
    /// CSV, one row per action step (open ones unless --all)
    Csv(super::record_args::CsvArgs),
    /// iCalendar (RFC 5545): the next meeting and its recurrence to the term's end; --member adds their open steps as to-dos
    Ics(super::record_args::IcsArgs),
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Whose open steps (member id)
    #[arg(long, value_name = "ID")]
    pub member: Option<String>,
    /// Write to this file instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Lines marked done (`x `) with an hs: tag become progress done
    Todo(ImportArgs),
    /// `task export` output: completed → done, deleted → dropped
    Taskwarrior(ImportArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Whose steps (member id)
    #[arg(long, value_name = "ID")]
    pub member: Option<String>,
    /// The file to read
    pub file: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum GroupCommand {
    /// Change the group's settings (only what is given)
    Set(GroupSet),
}

#[derive(Debug, Args)]
pub struct GroupSet {
    /// The group's name
    #[arg(long, value_name = "N")]
    pub name: Option<String>,
    /// How often the group meets: weekly, biweekly or monthly
    #[arg(long)]
    pub cadence: Option<String>,
    /// Length of a meeting in minutes
    #[arg(long, value_name = "M")]
    pub minutes: Option<u32>,
    /// The confidentiality pledge read at every check-in
    #[arg(long, value_name = "TEXT")]
    pub pledge: Option<String>,
    /// Date of the next meeting (YYYY-MM-DD), today or later
    #[arg(long, value_name = "DATE")]
    pub next: Option<String>,
    /// Use this agenda template from now on: mastermind, forum, mentor or hot-team
    #[arg(long, value_name = "T")]
    pub template: Option<String>,
    /// Ring the bell when a hot-seat protocol step's time is up: on or off (default off)
    #[arg(long, value_name = "on|off")]
    pub step_bell: Option<String>,
}

#[derive(Debug, Args)]
pub struct ParkingArgs {
    /// JSON for scripts
    #[arg(long)]
    pub json: bool,
    /// Items done and dropped too
    #[arg(long)]
    pub all: bool,
    #[command(subcommand)]
    pub command: Option<ParkingCommand>,
}

#[derive(Debug, Subcommand)]
pub enum ParkingCommand {
    /// Park an item for a later meeting
    Add {
        /// What to come back to
        text: String,
        /// A (soonest), B or C
        #[arg(long, default_value = "B")]
        urgency: String,
        /// Whom it concerns (member id)
        #[arg(long, value_name = "ID")]
        member: Option<String>,
    },
    /// Mark an item done
    Done {
        /// The item's id, as `hotseat parking` lists it
        id: String,
    },
    /// Drop an item
    Drop {
        /// The item's id, as `hotseat parking` lists it
        id: String,
    },
}

#[derive(Debug, Args)]
pub struct RotationArgs {
    /// JSON for scripts
    #[arg(long)]
    pub json: bool,
}

//! The command line of `hotseat member`: add, list, remove, rename and set.

use clap::{Args, Subcommand};

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
    List {
        /// Archived (removed) members too, marked
        #[arg(long)]
        all: bool,
    },
    /// Archive a member: they leave future meetings; their history and steps stay
    Remove {
        /// The member id
        id: String,
    },
    /// Change a member's name (the id stays)
    Rename {
        /// The member id
        id: String,
        /// The new full name
        name: String,
    },
    /// Change a member's role, department or manager
    Set(MemberSet),
}

#[derive(Debug, Args)]
pub struct MemberSet {
    /// The member id
    pub id: String,
    /// Role or title ("" clears it)
    #[arg(long, value_name = "R")]
    pub role: Option<String>,
    /// Department ("" clears it)
    #[arg(long, value_name = "D")]
    pub department: Option<String>,
    /// The id of the member they report to ("" clears it)
    #[arg(long, value_name = "ID")]
    pub reports_to: Option<String>,
}

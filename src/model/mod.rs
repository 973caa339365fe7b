//! The domain model: plain data with serde, no terminal types.

pub mod agenda;
pub mod compact;
pub mod completion;
pub mod group;
pub mod ledger;
pub mod meeting;
mod meeting_life;
pub mod member_files;
pub mod merge;
pub mod pairing;
pub mod parking;
pub mod parse;
pub mod partition;
pub mod partners;
pub mod plan;
pub mod progress;
pub mod protocol;
pub mod rotation;
pub mod step;
pub mod templates;
pub mod term;
pub mod time;
pub mod trend;
pub mod words;

pub use group::{Cadence, Group, Member};
pub use meeting::{Attendance, Meeting, Phase, Presence, PrivateNote, Rating, Review, Status, Turn};
pub use member_files::{Goal, GoalsFile, MemberProgress, Prep, ProgressFile};
pub use partners::{Checkin, CheckinsFile, Partner, PartnersFile, Partnership};
pub use progress::{Completion, Progress, ProgressEntry, Reporter, StepReport};
pub use step::ActionStep;

/// The file format version this program writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// The author recorded on notes the facilitator writes.
pub const FACILITATOR: &str = "facilitator";

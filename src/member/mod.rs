//! The member's own view between meetings (`hotseat me`): my action steps, my goals, my
//! prep for the next meeting, my Hot Team partnerships and weekly check-ins.
//!
//! The same architecture as the facilitator's app: plain state ([`state`]), actions
//! through one key table ([`keymap`]), a pure `update` with time passed in ([`update`]),
//! a view that mutates nothing ([`ui`]), and a [`program::Member`] the one runtime loop
//! runs. Every write goes to the member's own folder.

pub mod action;
pub mod forms;
pub mod hot_team;
pub mod keymap;
pub mod load;
pub mod program;
pub mod queries;
pub mod state;
pub mod strings;
pub mod summary;
pub mod ui;
pub mod update;

pub use action::{MemberAction, MemberEffect};
pub use state::{MemberApp, Screen};
pub use update::update;

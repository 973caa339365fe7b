//! The facilitator's program: the meeting on the shared screen. State, actions, the
//! keymap, the pure `update`, and `ui/` that draws it.

pub mod action;
pub mod close;
pub mod disk;
pub mod fill_in;
pub mod keymap;
pub mod line_input;
pub mod notes;
pub mod parking;
pub mod phases;
pub mod plan;
pub mod pledge;
pub mod program;
pub mod protocol;
pub mod queries;
pub mod rating;
pub mod report;
pub mod state;
pub mod step_form;
pub mod strings;
pub mod term;
pub mod ui;
pub mod update;

pub use action::{Action, Effect, News};
pub use program::Facilitator;
pub use state::{App, Overlay, StatusKind, Ui};
pub use update::update;

//! The application: state, actions, the keymap and the pure `update`.

pub mod action;
pub mod capture;
pub mod derive;
pub mod keymap;
pub mod phases;
pub mod state;
pub mod update;

pub use action::{Action, Effect};
pub use state::{App, Overlay, StatusKind, Ui};
pub use update::update;

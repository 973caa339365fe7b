//! hotseat: run a mastermind group from the terminal.
//!
//! The crate is a library with a thin binary: the domain model ([`model`]) knows nothing
//! of terminals; the group folder is in [`store`]; [`app`] holds the state and the pure
//! `update`; [`ui`] draws it; [`runtime`] is the one loop that does I/O.

pub mod app;
pub mod cli;
pub mod commands;
pub mod context;
pub mod demo;
pub mod exchange;
pub mod lean_backend;
pub mod member;
pub mod model;
pub mod runtime;
pub mod store;
pub mod strings;
pub mod sync;
pub mod terminal;
pub mod ui;

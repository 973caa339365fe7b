//! hotseat: run a mastermind group from the terminal.
//!
//! A library with a thin binary. The layers, from the bottom up (ARCHITECTURE.md has the
//! picture and the path of one key press):
//! - [`model`]: the group, members, meetings and action steps — plain data and rules;
//! - [`store`]: the group folder and the user's own folders — the only module that
//!   touches the file system;
//! - [`tui`]: the terminal kit both programs share — the one loop, the keymap engine,
//!   theme and widgets;
//! - [`facilitator`] and [`member`]: the two full-screen programs, each an `update` with
//!   no I/O and a `view` that changes nothing;
//! - [`cli`]: the command line and the commands that are not full-screen;
//! - [`sync`]: git as the engine that shares the group folder between machines;
//! - [`exchange`]: todo.txt and Taskwarrior.

pub mod cli;
pub mod exchange;
pub mod facilitator;
pub mod member;
pub mod model;
pub mod store;
pub mod sync;
pub mod test_hooks;
pub mod tui;

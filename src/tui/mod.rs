//! The terminal kit both programs share: terminal set-up and restore, the lean backend,
//! the one event loop, the theme and the widgets.

pub mod error_screen;
pub mod format;
pub mod keymap;
pub mod lean_backend;
pub mod run;
pub mod strings;
pub mod terminal;
pub mod theme;
pub mod widgets;

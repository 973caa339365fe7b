//! The terminal kit both programs share: terminal set-up and restore, the lean backend,
//! the one event loop, the keymap engine, the theme and the widgets: the screen frame,
//! status line, confirm box, forms and editors.

pub mod confirm;
pub mod cursor;
pub mod error_screen;
pub mod form;
pub mod format;
pub mod input;
pub mod keymap;
pub mod lean_backend;
pub mod run;
pub mod screen;
pub mod split;
pub mod status;
pub mod strings;
pub mod terminal;
pub mod theme;
pub mod trend_chart;
pub mod widgets;
pub mod widgets_fit;

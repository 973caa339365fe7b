//! What the user (or the clock) asks for, and what `update` asks the runtime to do.

use crate::model::{Presence, Progress};

/// One thing that can happen to the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    // Moving around
    Next,
    Prev,
    Up,
    Down,
    Left,
    Right,
    // The timer
    ToggleTimer,
    AddMinute,
    RemoveMinute,
    // Capture
    AddStep,
    EditStep,
    DeleteStep,
    PrivateNote,
    // Check-in
    CyclePresence,
    SetPresence(Presence),
    AckPledge,
    // Report-back
    Mark(Progress),
    ReviewNote,
    // Prep review
    MoveEarlier,
    MoveLater,
    // Wrap-up
    Rate(u8),
    EditNextDate,
    // Home
    Start,
    // Anywhere
    Help,
    Quit,
    /// Ctrl-C typed as a key: like `q`.
    Interrupt,
    Confirm,
    Cancel,
    Blank,
    // While typing
    Submit,
    NextField,
    PrevField,
    Edit(tui_input::InputRequest),
    EditArea(ratatui_textarea::Input),
    Paste(String),
    // From the runtime
    Tick,
    Resize,
    /// A save is about to start: confirmations wait for it.
    Saving,
    Saved,
    SaveFailed(String),
}

/// Work `update` leaves to the runtime: the only I/O the app ever asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    SaveMeeting,
    SaveGroup,
    Bell,
    Quit,
}

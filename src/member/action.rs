//! What the member (or the clock) asks of their view, and what `update` leaves to the
//! runtime: saving one of the member's own files, or quitting.

use crate::model::Progress;

use super::state::Screen;

#[derive(Debug, Clone, PartialEq)]
pub enum MemberAction {
    /// The row above in the list in view.
    SelectPrev,
    /// The row below in the list in view.
    SelectNext,
    ScrollHelpUp,
    ScrollHelpDown,
    NextScreen,
    PrevScreen,
    Show(Screen),
    /// Mark the selected step (asks for a note).
    Mark(Progress),
    /// Add: a goal, or a partnership.
    Add,
    /// Edit the selected goal or prep field.
    Edit,
    /// Toggle "goals reviewed" in the prep.
    ToggleVision,
    /// Weekly check-in for the selected partnership.
    CheckIn,
    /// Edit the skills I offer.
    Offers,
    Help,
    Quit,
    /// Ctrl-C typed as a key: like `q`.
    Interrupt,
    Confirm,
    Cancel,
    // While typing
    Submit,
    NextField,
    PrevField,
    TypeLine(tui_input::InputRequest),
    TypeArea(ratatui_textarea::Input),
    Paste(String),
    // From the runtime
    Tick,
    /// The terminal's size (width, height).
    Resize(u16, u16),
    Saved,
    SaveFailed(String),
    /// A sync round in the background finished.
    Synced(Box<crate::sync::auto::Report>),
    /// Every one of my steps and my reports, after a first frame that showed only the
    /// front of them (`load::load_view`).
    StepsLoaded(Box<super::load::MySteps>),
    /// Reading them failed: the view closes and the command reports the error.
    LoadFailed(String),
}

/// Every write the member's view makes goes to the member's own folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberEffect {
    SaveProgress,
    SaveGoals,
    SavePrep,
    SavePartners,
    SaveCheckins,
    Quit,
}

crate::tui::keymap::typed_action!(MemberAction);

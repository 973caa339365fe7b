//! What the user (or the clock) asks for, and what `update` asks the runtime to do.

use crate::model::{Group, Meeting, Presence, Progress};
use crate::store::snapshot::{Context, Reports};

/// One thing that can happen to the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    // Moving around
    /// `]`: the next phase, member or item; in the wrap-up, close the meeting.
    Advance,
    /// `[`: the previous phase or turn.
    GoBack,
    /// The row above in the list in view.
    SelectPrev,
    /// The row below in the list in view.
    SelectNext,
    ScrollHelpUp,
    ScrollHelpDown,
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
    CyclePresenceBack,
    AckPledge,
    // Report-back
    Mark(Progress),
    ReviewNote,
    // Prep review
    MoveEarlier,
    MoveLater,
    // Wrap-up
    Rate(u8),
    RaiseRating,
    LowerRating,
    EditNextDate,
    /// `t`: open or close the checkpoint / term review (issue 11).
    TermStep,
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
    TypeLine(tui_input::InputRequest),
    TypeArea(ratatui_textarea::Input),
    Paste(String),
    // From the runtime
    Tick,
    Resize,
    /// A save is about to start: confirmations wait for it.
    Saving,
    Saved,
    SaveFailed(String),
    /// What the loop found on disk, for `update` to merge.
    FromDisk(Box<News>),
    /// A signal or a lost terminal: save what must be saved, now.
    Shutdown,
}

/// What the loop found on disk. Never equal to other news: each is a new reading. (Always
/// boxed in [`Action::FromDisk`], so the sizes of its variants do not matter.)
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum News {
    /// The members' progress reports, read after the first frame.
    ReportsLoaded(Reports),
    /// The members' files changed (a sync brought a member's update).
    MembersChanged(Context),
    /// Read-only: what the facilitator holding the group saved.
    Followed { ctx: Context, meeting: Option<Meeting> },
    /// The meeting file as someone else changed it, found when saving.
    MeetingChanged(Meeting),
    /// The group file as someone else changed it, found when saving.
    GroupChanged(Group),
}

impl PartialEq for News {
    fn eq(&self, other: &News) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Work `update` leaves to the runtime: the only I/O the app ever asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    SaveMeeting,
    SaveGroup,
    Bell,
    Quit,
}

impl crate::tui::keymap::TypedAction for Action {
    fn resize() -> Self {
        Action::Resize
    }
    fn paste(text: String) -> Self {
        Action::Paste(text)
    }
    fn type_line(request: tui_input::InputRequest) -> Self {
        Action::TypeLine(request)
    }
    fn type_area(input: ratatui_textarea::Input) -> Self {
        Action::TypeArea(input)
    }
}

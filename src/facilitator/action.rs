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
    // The hot-seat protocol (`facilitator::protocol`)
    NextProtocolStep,
    PrevProtocolStep,
    /// `f`: the wall clock on or off.
    ToggleWall,
    /// `PgDn` / `PgUp` in the hot seat: scroll the member's goals, questions and walk-away.
    ScrollPrepDown,
    ScrollPrepUp,
    /// `P`: park an item in the parking lot.
    Park,
    // Capture
    AddStep,
    EditStep,
    DeleteStep,
    PrivateNote,
    /// Show the private note being typed until the next key (it is masked otherwise).
    RevealNote,
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
    // Turn lengths and ending on time (`facilitator::plan`)
    LongerTurn,
    ShorterTurn,
    EvenTurns,
    /// Prep review: every turn as long as this group's turns usually take.
    HistoryTurns,
    /// Prep review: type in the selected member's prep and goals for them.
    FillIn,
    SkipTurn,
    PostponeLast,
    // Wrap-up
    Rate(u8),
    RaiseRating,
    LowerRating,
    /// Clear the selected member's rating (back to none).
    ClearRating,
    EditNextDate,
    /// `t`: open or close the checkpoint / term review (issue 11).
    TermStep,
    // Home
    Start,
    /// On a closed meeting's summary: start another meeting (only when asked).
    NewMeeting,
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
    /// The terminal's size (width, height).
    Resize(u16, u16),
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
    /// The group's hot-seat history, read after the first frame.
    SeatsLoaded(crate::model::rotation::Seats),
    /// Sync debris (conflict copies) found in the group folder, looked for after the
    /// first frame: shown in the banner, never loaded.
    Debris(Vec<String>),
    /// The members' files changed (a sync brought a member's update).
    MembersChanged(Context),
    /// Read-only: what the facilitator holding the group saved.
    Followed { ctx: Context, meeting: Option<Meeting> },
    /// The meeting file as someone else changed it, found when saving.
    MeetingChanged(Meeting),
    /// The group file as someone else changed it, found when saving.
    GroupChanged(Group),
    /// A sync round in the background finished.
    Synced(crate::sync::auto::Report),
    /// The group read afresh after a close, to start the next meeting.
    ForNewMeeting(Context),
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
    /// The parking lot (`parking.json`).
    SaveParking,
    /// Read the group afresh to start another meeting after one closed.
    ReadForNewMeeting,
    /// What the facilitator typed in for a member: their prep for this meeting and/or
    /// their goals, into `members/<id>/entered/`.
    SaveEntered {
        member: String,
        prep: bool,
        goals: bool,
    },
    Bell,
    Quit,
}

crate::tui::keymap::typed_action!(Action);

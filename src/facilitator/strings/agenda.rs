//! Sentences and labels of the agenda's pieces on the meeting screens: the hot-seat
//! protocol, the re-planned turns, the clock's cues, the parking lot and the rotation.

/// What the agenda's keys do, for the help overlay.
pub mod keys {
    pub const NEXT_PROTOCOL_STEP: &str = "next step of the hot-seat protocol";
    pub const PREV_PROTOCOL_STEP: &str = "back to the previous protocol step";
}

pub const LAST_PROTOCOL_STEP: &str = "This is the protocol's last step. ] ends the turn.";
pub const FIRST_PROTOCOL_STEP: &str = "This is the protocol's first step.";

/// The current protocol step in the bar: `Questions 2:10`.
pub fn step_now(name: &str, left: &str) -> String {
    format!("{name} {left}")
}
/// The cue when a step's time is up.
pub fn step_up(name: &str, over: &str) -> String {
    format!("⚑ {name}: time is up ({over}) · . next step")
}
pub const DONE_MARK: &str = "✓ ";
pub const CURRENT_MARK: &str = "▶ ";

/// The label under the big clock, in words, so no colour is needed to read it.
pub fn clock_label(left_ms: i64, running: bool) -> String {
    let words = if left_ms <= 0 {
        format!("OVERTIME {}", crate::tui::format::clock(left_ms))
    } else if left_ms <= 60_000 {
        format!("{} s left", (left_ms + 999) / 1000)
    } else {
        format!("{} min left", (left_ms + 59_999) / 60_000)
    };
    if running { words } else { format!("PAUSED · {words}") }
}

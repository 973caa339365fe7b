//! Sentences and labels of the agenda's pieces on the meeting screens: the hot-seat
//! protocol, the re-planned turns, the clock's cues, the parking lot and the rotation.

/// What the agenda's keys do, for the help overlay.
pub mod keys {
    pub const NEXT_PROTOCOL_STEP: &str = "next step of the hot-seat protocol";
    pub const PREV_PROTOCOL_STEP: &str = "back to the previous protocol step";
    pub const LONGER_TURN: &str = "the selected member's turn one minute longer";
    pub const SHORTER_TURN: &str = "the selected member's turn one minute shorter";
    pub const EVEN_TURNS: &str = "even out: the time left split evenly";
    pub const HISTORY_TURNS: &str = "every turn as long as this group's turns usually take";
    pub const SKIP_TURN: &str = "move the selected turn to the next meeting (again: back)";
    pub const WALL: &str = "wall clock on or off";
    pub const PARK: &str = "park an item (urgency A/B/C, about a member)";
    pub const POSTPONE_LAST: &str = "move the last turn to come to the next meeting";
}

pub const LAST_PROTOCOL_STEP: &str = "This is the protocol's last step. ] ends the turn.";
pub const FIRST_PROTOCOL_STEP: &str = "This is the protocol's first step.";

/// The current protocol step in the bar: `Questions 2:10`.
pub fn step_now(name: &str, left: &str) -> String {
    format!("{name} {left}")
}
/// The cue when a step's time is up. How far over it is shows once, in the bar above,
/// not again here: one number ticking each second, not two.
pub fn step_up(name: &str) -> String {
    format!("⚑ {name}: time is up · . next step")
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

/// A turn's box title: `16 min turn`, or `16 min turn (planned 17)` when re-planned.
pub fn turn_title(minutes: u32, planned: Option<u32>) -> String {
    match planned {
        Some(p) if p != minutes => format!("{minutes} min turn (planned {p})"),
        _ => format!("{minutes} min turn"),
    }
}
/// The prep review's line on turn lengths: the even split beside the group's history.
pub fn minutes_line(even: u32, usual: u32) -> String {
    format!("Even split {even} min · this group's turns take {usual} (median, last 8 meetings): h")
}
pub fn as_history(minutes: u32) -> String {
    format!("Every turn {minutes} min, as this group's turns usually take.")
}
pub const NO_HISTORY: &str = "No turns taken in earlier meetings yet: nothing to go by.";
/// Why a member is where they are in the order.
pub fn waited(n: u32) -> String {
    match n {
        0 => "Had the hot seat at their last meeting".to_string(),
        1 => "Waited 1 meeting for a hot seat".to_string(),
        n => format!("Waited {n} meetings for a hot seat"),
    }
}
pub fn evened(minutes: u32) -> String {
    format!("Every turn {minutes} min.")
}
pub fn postponed(name: &str) -> String {
    format!("{name}'s turn moves to the next meeting, first in its order; the time goes to the others.")
}
pub fn turn_back(name: &str) -> String {
    format!("{name}'s turn is back in today's order.")
}
pub const TURN_BEGUN: &str = "This turn has begun; it cannot move to the next meeting.";
pub const NO_TURN_TO_POSTPONE: &str = "No turn is left to move to the next meeting.";
pub fn over_floor(over: i64, floor: u32) -> String {
    format!(
        "Turns cannot get shorter than {floor} min: the meeting runs ~{over} min over. L moves the last turn to the next meeting."
    )
}
pub const POSTPONED_FLAG: &str = "next meeting";
/// The prep review's plan: the turns' time left, the wrap-up, the end they add up to.
pub fn plan_line(n: usize, total: i64, wrap: i64, end: &str) -> String {
    let turns = if n == 1 { "1 turn".to_string() } else { format!("{n} turns") };
    format!("{turns} = {total} min, wrap-up {wrap} min, ends ~{end} · ")
}
/// A turn's minutes in the prep review's order.
pub fn row_minutes(minutes: u32) -> String {
    format!(" {minutes} min")
}
/// The countdown kept in view under a dialog.
pub fn compact_clock(clock: &str, label: &str, name: &str) -> String {
    format!(" ⏱ {clock} · {label} · {name}")
}

// The parking lot
pub const PARK_NEEDS_TEXT: &str = "Write what to park first.";
pub fn parked(id: &str, urgency: &str) -> String {
    format!("Parked as {id} (urgency {urgency}).")
}
pub fn park_title(urgency: &str, member: Option<&str>) -> String {
    match member {
        Some(name) => format!("Park an item · urgency {urgency} (Tab) · about {name} (Shift-Tab)"),
        None => format!("Park an item · urgency {urgency} (Tab) · about nobody (Shift-Tab)"),
    }
}
pub fn parking_line(n: usize, first: &str) -> String {
    match n {
        0 => "Parking lot: nothing open".to_string(),
        1 => format!("Parking lot · 1 open: {first}"),
        n => format!("Parking lot · {n} open: {first} …"),
    }
}
pub fn parked_today(n: usize, list: &str) -> String {
    match n {
        0 => "Parked today: nothing".to_string(),
        _ => format!("Parked today · {n}: {list}"),
    }
}
pub fn parked_item(urgency: &str, text: &str) -> String {
    format!("{urgency} {text}")
}

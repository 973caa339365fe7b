//! The words of the meeting screen's accuracy in the room (issue 9): the marks' legend,
//! the timer's hint as it stands, clearing a rating, scrolling the member's prep in the
//! hot seat, and what a read-only follower is told when it leaves.

/// The footer hint of `Space` while the turn's timer runs, and while it is paused.
pub const HINT_PAUSE: &str = "pause";
pub const HINT_RESUME: &str = "resume";

/// The report-back's marks, as the list shows them, and what each means.
pub const MARKS_TITLE: &str = "Marks on the report-back";
pub const MARK_NEVER: &str = "·";
pub const MARK_NEVER_MEANS: &str = "not reported yet";
pub const MARK_BY_MEMBER: &str = "done*";
pub const MARK_BY_MEMBER_MEANS: &str = "* reported by the member between meetings, not yet confirmed here";
pub const MARK_EARLIER: &str = "(partial)";
pub const MARK_EARLIER_MEANS: &str = "( ) an earlier meeting's report; nothing reported this time yet";
/// The legend in the report-back list's bottom border.
pub const LEGEND: &str = " · not reported  * by member  ( ) earlier ";
pub const LEGEND_SHORT: &str = " · none * member ( ) earlier ";

/// The marks' legend as help rows (mark, what it means).
pub fn marks() -> Vec<(String, &'static str)> {
    vec![
        (MARK_NEVER.to_string(), MARK_NEVER_MEANS),
        (MARK_BY_MEMBER.to_string(), MARK_BY_MEMBER_MEANS),
        (MARK_EARLIER.to_string(), MARK_EARLIER_MEANS),
    ]
}

pub mod keys {
    pub const CLEAR_RATING: &str = "clear the selected member's rating (back to none)";
    pub const RATE_UP: &str = "rating +1 (from none: 1)";
    pub const RATE_DOWN: &str = "rating −1 (from 1: none again)";
    pub const SCROLL_PREP_DOWN: &str = "scroll the member's goals, questions and walk-away down";
    pub const SCROLL_PREP_UP: &str = "scroll the member's goals, questions and walk-away up";
    pub const BLANK_QUIT: &str = "quit (the question shows over the blank screen; the screen stays blank)";
}

/// The quit question of a read-only follower: nothing of its own to save.
pub const QUIT_FOLLOWER: &str = "This screen only follows the meeting; nothing here needs saving. The meeting goes on.";

/// The key named where the hot seat's goals, questions or walk-away go on below their box.
pub const SCROLL_KEY: &str = "PgDn";

/// The help of a read-only follower: the one section, of the keys that work.
pub const FOLLOWER_HELP_TITLE: &str = "Following read-only: these keys work here";

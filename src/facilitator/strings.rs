//! Every sentence and label of the facilitator's program (the meeting and the home
//! screen). The member's view has its own (`member::strings`), both share `tui::strings`,
//! and the domain's own words are in `model::words`.

use chrono::{DateTime, FixedOffset};

pub use crate::model::words::phase_label;
use crate::model::{Group, Meeting, Phase};
pub use crate::tui::strings::unreadable_banner;

pub const APP: &str = "hotseat";

/// The agenda's sentences (protocol, re-planning, clock cues, parking lot, rotation).
pub mod agenda;
pub mod fill_in;
pub mod report;
/// The screen's accuracy in the room (issue 9).
pub mod room;

/// What each key does, for the help overlay.
pub const SAVED_AGAIN: &str = "Saved. Everything is on disk again.";
pub fn save_failed(msg: &str) -> String {
    format!("NOT SAVED: {msg}. Kept in memory; the next change tries again.")
}

pub mod keys {
    pub use crate::tui::strings::keys::*;
    pub const CONFIRM_AGAIN: &str = "keep asking to close (another question: no)";
    pub const NOTE_DONE: &str = "save the private note and close it";
    pub const REVEAL_NOTE: &str = "show the private note on this screen until the next key (it is masked otherwise)";
    pub const BLANK_NOTE: &str = "privacy blank while writing a private note (b types a b here)";
    pub const START: &str = "start the next meeting, or resume the open one";
    pub const CYCLE_PRESENCE: &str = "present → late → absent";
    pub const CYCLE_PRESENCE_BACK: &str = "absent → late → present";
    pub const PRESENT: &str = "mark present (here)";
    pub const LATE: &str = "mark late";
    pub const ABSENT: &str = "mark absent";
    pub const PLEDGE: &str = "record that the group affirmed the confidentiality pledge";
    pub const PLEDGE_TAKE_BACK: &str = "once affirmed: take the affirmation back (asks first)";
    pub const DONE: &str = "step done";
    pub const PARTIAL: &str = "step partly done";
    pub const NOT_DONE: &str = "step not done (shows the member's slip words)";
    pub const DROPPED: &str = "step dropped";
    pub const REVIEW_NOTE: &str = "write a short note on the step's progress";
    pub const MOVE_EARLIER: &str = "move the member earlier in the hot-seat order";
    pub const MOVE_LATER: &str = "move the member later in the hot-seat order";
    pub const TURN_LONGER: &str = "one more minute per turn";
    pub const TURN_SHORTER: &str = "one minute less per turn";
    pub const PRIVATE_NOTE: &str = "private note about the member in the hot seat";
    pub const EDIT_STEP: &str = "edit the selected action step";
    pub const DELETE_STEP: &str = "remove the selected action step (asks first)";
    pub const REMOVE_MINUTE: &str = "one minute less on this turn";
    pub const RATE: &str = "rate the meeting 1–9 for the selected member";
    pub const RATE_TEN: &str = "rate 10";
    pub const RATE_UP: &str = "rating +1";
    pub const RATE_DOWN: &str = "rating −1";
    pub const NEXT_DATE: &str = "set the next meeting date";
    pub const CLOSE_MEETING: &str =
        "close the meeting (asks first; saves everything; the steps go to the next report-back)";
    pub const NEW_MEETING: &str = "start another meeting (the closed one stays as it is)";
    pub const NEXT: &str = "next phase / next member's turn / close the meeting";
    pub const PREV: &str = "back to the previous phase or turn";
    pub const TOGGLE_TIMER: &str = "pause or resume the hot-seat timer";
    pub const ADD_MINUTE: &str = "add a minute to the turn";
    pub const ADD_STEP: &str = "add an action step for the selected member";
    pub const BLANK: &str = "privacy blank: hide everything until pressed again";
    pub const QUIT: &str = "quit (asks while a meeting is open; it resumes where you left)";
}

pub fn help_scope_title(scope: crate::facilitator::keymap::Scope) -> String {
    use crate::facilitator::keymap::Screen;
    let screen = |s: Screen| match s {
        Screen::Home => "Home".to_string(),
        Screen::Phase(p) => phase_label(p).to_string(),
        Screen::Closed => "Closed meeting".to_string(),
    };
    crate::tui::strings::scope_title(scope, screen, "Private note")
}

pub const HOME_NO_MEETING: &str = "No meeting is open. Press Enter to start one.";
pub const READ_ONLY: &str = "Read-only: another facilitator has this group open.";
pub const FIRST_PHASE: &str = "This is the first phase.";
pub const NOBODY_HERE: &str = "Nobody is marked present, so there are no hot seats.";
pub const NO_TIMER_HERE: &str = "The timer runs during the hot seats.";
pub const PAUSED: &str = "Timer paused. Space resumes.";
pub const RUNNING: &str = "Timer running.";
pub const ABSENT_NOT_IN_ORDER: &str = "Absent members have no turn. Mark them present in the check-in.";
pub const CLOSED: &str = "Meeting closed and saved.";
pub const NO_MEMBER_SELECTED: &str = "Select a member first.";
pub const NO_STEP_SELECTED: &str = "Select an action step first.";
pub const STEP_REMOVED: &str = "Action step removed.";
pub const NOTHING_TO_REPORT: &str = "There are no open steps to report on.";
pub const ABSENT_NO_RATING: &str = "Absent members do not rate the meeting.";
pub const STEP_NEEDS_TEXT: &str = "Write what the step is first.";
pub const STEP_UPDATED: &str = "Action step updated.";
pub const NOTE_SAVED: &str = "Private note saved.";
pub const NEXT_DATE_AFTER: &str = "The next meeting must come after this one.";
/// The next meeting moved, and the steps due then with it.
pub fn dues_follow(n: usize, date: &str) -> String {
    format!("Next meeting {date}; {} due at the next meeting now due then too.", crate::model::words::count(n, "step"))
}
pub const NEXT_DATE_NEEDED: &str = "Type a date like 2026-12-06.";

pub use crate::tui::strings::bad_date;

pub fn step_captured(name: &str) -> String {
    format!("Action step captured for {name}.")
}

pub fn resumed(m: &Meeting, g: &Group, now: DateTime<FixedOffset>) -> String {
    match (m.phase, m.current_turn()) {
        (Phase::HotSeats, Some(t)) => format!(
            "Resumed in Hot seats: {}, {} left{}.",
            g.name_of(&t.member),
            crate::tui::format::clock(t.left_ms_at(now)),
            if t.is_running() { "" } else { ", timer paused (Space resumes)" }
        ),
        (p, _) => format!("Resumed in {}.", phase_label(p)),
    }
}

/// Labels and sentences of the screens.
pub mod ui {
    pub const BLANKED: &str = "Screen hidden for privacy · press b to show it again";
    pub fn ends_at(end: &str, left: &str) -> String {
        format!("ends {end} · {left} left")
    }
    pub fn ended_at(end: &str, over: &str) -> String {
        format!("was to end {end} · {over} over")
    }
    pub const ON_TIME: &str = "on time";
    pub fn projected_over(m: &str) -> String {
        format!("~{m} over")
    }
    pub fn meeting_suffix(date: &str) -> String {
        format!(" · meeting {date}")
    }
    pub const READ_ONLY_TAG: &str = " · READ-ONLY";
    pub const SAVING: &str = "Saving…";
    pub const UNSAVED: &str = "Unsaved changes: the last save failed. The next change tries again.";

    // Check-in
    pub fn attendance_title(here: usize, total: usize) -> String {
        format!("Attendance · {here} of {total} here")
    }
    pub const PLEDGE_TITLE: &str = "Pledge · not yet affirmed";
    pub const PLEDGE_TITLE_AFFIRMED: &str = "Pledge · ✓ affirmed";
    pub const PLEDGE_PENDING: &str = "Not yet affirmed. Read it aloud, then press p.";
    pub fn pledge_affirmed(at: &str) -> String {
        format!("✓ Affirmed by the group at {at}. (p takes it back, after asking)")
    }
    pub const TAKE_BACK_TITLE: &str = "Take back the pledge?";
    pub const TAKE_BACK_TEXT: &str = "The meeting will record the confidentiality pledge as not affirmed.";

    // Report-back
    pub fn report_title(n: usize, reviewed: usize) -> String {
        format!("Last time's action steps · {reviewed} of {n} reported")
    }
    pub const NO_OPEN_STEPS: &str = "No open action steps for the members here. Press ] to go on.";
    pub const GROUP: &str = "Group";
    pub const COMPLETION_TITLE: &str = "Completion";
    pub const STEP_TITLE: &str = "Step";
    pub fn due(date: &str) -> String {
        format!("due {date}")
    }
    pub fn from_meeting(id: &str) -> String {
        format!("from the meeting of {id}")
    }
    pub const RESULT_LABEL: &str = "Measurable result: ";
    pub const NOTE_LABEL: &str = "Note: ";
    pub fn member_reported(who: &str, progress: &str) -> String {
        format!("{who} reported: {progress} (press the key to confirm)")
    }
    pub const SLIP_LABEL: &str = "When I slip, tell me: ";

    // Prep review
    pub const ABSENT_FLAG: &str = "absent";
    pub const PREPARED_FLAG: &str = "✓ prepared";
    pub const UNPREPARED_FLAG: &str = "✗ not prepared";
    pub fn order_title(minutes: u32) -> String {
        format!("Hot-seat order · {minutes} min each")
    }
    pub fn plan_line(n: usize, minutes: u32, total: i64, wrap: i64, end: &str) -> String {
        format!("{n} turns × {minutes} min = {total} min, wrap-up {wrap} min, ends ~{end} · ")
    }
    pub const PREP_TITLE: &str = "Prep";
    pub const NO_PREP: &str = "No prep for this meeting: not prepared.";
    pub const VISION_LABEL: &str = "Goals reviewed: ";
    pub const YES: &str = "yes";
    pub const NO: &str = "no";
    pub const ACCOMPLISHED_LABEL: &str = "Since last time: ";
    pub const PLAN_LABEL: &str = "Action plan: ";
    pub const QUESTIONS_LABEL: &str = "Questions for the group: ";
    pub const NONE_YET: &str = "none yet";
    pub const WALK_AWAY_LABEL: &str = "Wants to walk away with: ";
    pub fn prep_of(name: &str) -> String {
        format!("{name} · prepared")
    }
    pub fn not_prepared(name: &str) -> String {
        format!("{name} · not prepared")
    }

    // Hot seats
    pub fn turn_of(pos: usize, n: usize, next: Option<&str>) -> String {
        match next {
            Some(next) => format!("turn {pos} of {n} · next: {next} "),
            None => format!("turn {pos} of {n} · last turn "),
        }
    }
    pub fn by_date(d: &str) -> String {
        format!("by {d}")
    }
    pub const NO_GOALS: &str = "No goals written yet.";
    pub const GOALS_TITLE: &str = "Goals";
    pub const QUESTIONS_TITLE: &str = "Questions for the group";
    pub const WALK_AWAY_TITLE: &str = "Wants to walk away with";
    pub fn steps_this_turn(n: usize) -> String {
        format!("Action steps this meeting · {n}")
    }
    pub const PRESS_A: &str = "None yet. Press a to capture one.";
    pub const NOTE_HIDDEN: &str = "Private note: written, hidden (n opens it)";
    pub const NOTE_NONE: &str = "Private note: none (n writes one; it is never shown to the group)";
    pub const TIMER_PAUSED: &str = "PAUSED";
    pub const OVERTIME: &str = "OVERTIME";
    pub const TIMER_RUNNING: &str = "running";
    pub fn countdown_title(minutes: u32) -> String {
        format!("{minutes} min turn")
    }

    // Wrap-up
    pub const ABSENT_RATING: &str = "absent";
    pub fn rating(r: u8) -> String {
        format!("rating {r}/10")
    }
    pub const NO_RATING: &str = "rating –";
    pub fn step_count(n: usize) -> String {
        match n {
            0 => "no new steps".into(),
            1 => "1 new step".into(),
            n => format!("{n} new steps"),
        }
    }
    pub fn wrap_title(n: usize, flagged: usize) -> String {
        if flagged == 0 {
            format!("New action steps · {n}")
        } else {
            format!("New action steps · {n} · ⚑ {flagged} to sharpen")
        }
    }
    pub const NEXT_MEETING_LABEL: &str = "Next meeting: ";
    pub const WRAP_HINT: &str = " · d changes it · ] closes the meeting";

    // Home
    pub const GROUP_TITLE: &str = "Group";
    pub const MEMBERS_LABEL: &str = "Members: ";
    pub fn member_count(n: usize) -> String {
        format!("{n}")
    }
    pub const RHYTHM_LABEL: &str = "Meets: ";
    pub fn rhythm(cadence: &str, minutes: u32) -> String {
        format!("{cadence}, {minutes} min")
    }
    pub const NOT_SET: &str = "not set";
    pub const LAST_MEETING_LABEL: &str = "Last meeting: ";
    pub fn open_meeting(id: &str, phase: &str, detail: &str) -> String {
        if detail.is_empty() {
            format!("The meeting of {id} is open in {phase}. Press Enter to resume it.")
        } else {
            format!("The meeting of {id} is open in {phase} ({detail}). Press Enter to resume it.")
        }
    }
    pub const ADD_MEMBERS_FIRST: &str = "No members yet: run `hotseat member add NAME` first.";
    pub const PRESS_ENTER: &str = "Press Enter to start the meeting.";
    pub fn open_count(n: usize) -> String {
        match n {
            1 => "1 open step".into(),
            n => format!("{n} open steps"),
        }
    }
    pub fn overdue_count(n: usize) -> String {
        format!("{n} overdue")
    }
    pub fn open_steps_title(n: usize) -> String {
        format!("Open action steps · {n}")
    }
    pub const SUMMARY_TITLE: &str = "Meeting closed";
    pub const CLOSED_HEADLINE: &str = "The meeting is closed and saved. Thank you, everyone.";
    pub const ATTENDED_LABEL: &str = "Attended: ";
    pub fn attended(here: usize, total: usize) -> String {
        format!("{here} of {total}")
    }
    pub const NEW_STEPS_LABEL: &str = "New action steps: ";
    pub const OPEN_NOW_LABEL: &str = "Open steps for next time: ";
    pub const RATING_LABEL: &str = "Average rating: ";
    pub const CLOSED_HINT: &str =
        "The next meeting's report-back starts with these steps. Press n to start another meeting, q to leave.";

    // Overlays
    pub const QUIT_TEXT: &str = "Everything is saved. `hotseat meeting` resumes right here.";
    pub const QUIT_UNSAVED: &str = "The last save FAILED: quitting now loses the latest changes.";
    pub const DELETE_TITLE: &str = "Remove this action step?";
    pub fn delete_text(what: &str) -> String {
        format!("“{what}”")
    }
    pub fn new_step_title(name: &str) -> String {
        format!("New action step for {name}")
    }
    pub fn edit_step_title(name: &str) -> String {
        format!("Edit {name}'s action step")
    }
    pub const FORM_TEXT: &str = "Action step";
    pub const FORM_RESULT: &str = "Measurable result";
    pub const FORM_DUE: &str = "Due (YYYY-MM-DD)";
    pub const FORM_GOAL: &str = "For goal";
    pub const NO_GOAL: &str = "(none)";
    pub const FORM_KEYS: &str = "Enter saves · Tab next field · ←→ pick the goal · Esc cancels";
    pub fn note_title(name: &str) -> String {
        format!("Private note about {name} · not shown to the group")
    }
    pub const NOTE_KEYS: &str = crate::tui::strings::EDITOR_KEYS;
    pub fn note_masked_title(name: &str) -> String {
        format!("Private note about {name} · hidden from the room")
    }
    pub const NOTE_BEING_WRITTEN: &str = "A private note is being written.";
    pub fn note_length(chars: usize, lines: usize) -> String {
        let c = if chars == 1 { "1 character".to_string() } else { format!("{chars} characters") };
        if lines > 1 { format!("{c} on {lines} lines") } else { c }
    }
    pub const NOTE_MASK: &str = "••••••••";
    pub const NOTE_REVEAL_HINT: &str = "Ctrl-R shows it here until the next key.";
    pub fn review_note_title(owner: &str) -> String {
        format!("Note on {owner}'s progress")
    }
    pub const NEXT_DATE_TITLE: &str = "Next meeting date";

    // The error screen
}

/// The close question (facilitator::close).
pub mod close;

pub fn merged(id: &str, taken: usize) -> String {
    format!("meetings/{id}.json was changed outside this hotseat; merged ({taken} item(s) taken from it) and saved.")
}

pub fn held_by(h: Option<&crate::store::lock::Holder>) -> String {
    match h {
        Some(h) => format!(
            "READ-ONLY: hotseat (pid {} on {}, since {}) has this group open; quit it there to take over",
            h.pid,
            h.host,
            h.since.format("%Y-%m-%d %H:%M")
        ),
        None => "READ-ONLY: another hotseat has this group open; quit it there to take over".to_string(),
    }
}

pub fn debris_banner(files: &[String]) -> String {
    match files {
        [one] => format!("Sync conflict copy found, not loaded: {one} (run `hotseat check`)"),
        [first, rest @ ..] => {
            format!("{} sync conflict copies found, not loaded: {first}… (run `hotseat check`)", rest.len() + 1)
        }
        [] => String::new(),
    }
}

pub fn notes_moved_out(n: usize, dir: &str) -> String {
    let notes = if n == 1 { "1 private note" } else { &format!("{n} private notes") };
    format!("Moved {notes} out of the shared group folder into {dir}.")
}
pub const NOTES_NOT_KEPT: &str = "Private notes are kept in memory only: this system has no data folder for them.";
pub fn notes_in_memory(why: &str) -> String {
    format!("Private notes are kept in memory only this time: {why}")
}
pub fn notes_not_moved(why: &str) -> String {
    format!("Private notes could not be moved out of the group folder: {why}")
}
pub fn lease_elsewhere(lease: &str) -> String {
    format!("READ-ONLY: {lease}; `hotseat meeting --take-over` hands it to this machine")
}
pub fn incoming_flags(first: &str, n: usize) -> String {
    if n == 1 { first.to_string() } else { format!("{first} (and {} more; run `hotseat sync`)", n - 1) }
}
pub fn refused_read_only(why: &str) -> String {
    format!("Read-only, not changed · {why}")
}

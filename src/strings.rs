//! Every sentence and label a user reads, in one place.

use chrono::{DateTime, FixedOffset};

use crate::model::{Group, Meeting, Phase};
use crate::store::StoreError;

pub const APP: &str = "hotseat";

pub const DEFAULT_PLEDGE: &str = "What is said in this group stays in this group. We speak for ourselves, \
listen without judging, and share what we know, not what we heard.";

pub fn phase_label(p: Phase) -> &'static str {
    match p {
        Phase::CheckIn => "Check-in",
        Phase::ReportBack => "Report-back",
        Phase::PrepReview => "Prep review",
        Phase::HotSeats => "Hot seats",
        Phase::WrapUp => "Wrap-up",
    }
}

pub const FLAG_NO_RESULT: &str = "no measurable result";
pub const FLAG_NO_DUE: &str = "no due date";

/// What each key does, for the help overlay.
pub mod keys {
    pub const SUBMIT: &str = "save what you typed";
    pub const CANCEL: &str = "close without saving";
    pub const NEXT_FIELD: &str = "next field";
    pub const PREV_FIELD: &str = "previous field";
    pub const NOTE_DONE: &str = "save the private note and close it";
    pub const START: &str = "start the next meeting, or resume the open one";
    pub const CYCLE_PRESENCE: &str = "present → late → absent";
    pub const CYCLE_PRESENCE_BACK: &str = "absent → late → present";
    pub const PRESENT: &str = "mark present (here)";
    pub const LATE: &str = "mark late";
    pub const ABSENT: &str = "mark absent";
    pub const PLEDGE: &str = "record that the group affirmed the confidentiality pledge";
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
    pub const CLOSE_MEETING: &str = "close the meeting (saves everything; the steps go to the next report-back)";
    pub const NEXT: &str = "next phase / next member's turn / close the meeting";
    pub const PREV: &str = "back to the previous phase or turn";
    pub const TOGGLE_TIMER: &str = "pause or resume the hot-seat timer";
    pub const ADD_MINUTE: &str = "add a minute to the turn";
    pub const ADD_STEP: &str = "add an action step for the selected member";
    pub const UP: &str = "move up";
    pub const DOWN: &str = "move down";
    pub const BLANK: &str = "privacy blank: hide everything until pressed again";
    pub const HELP: &str = "this help";
    pub const QUIT: &str = "quit (asks while a meeting is open; it resumes where you left)";
    pub const INTERRUPT: &str = "same as q";
    pub const CLOSE: &str = "close an input or overlay";
}

pub const HELP_TITLE: &str = " Keys — ↓ ↑ scroll, any other key closes ";
pub const HELP_MORE: &str = " ↓ more ";
pub fn help_scope_title(scope: crate::facilitator::keymap::Scope) -> String {
    use crate::facilitator::keymap::Scope;
    match scope {
        Scope::Global => "Every screen".into(),
        Scope::Home => "Home".into(),
        Scope::Phase(p) => phase_label(p).into(),
        Scope::Editing => "Typing".into(),
        Scope::Notes => "Private note".into(),
    }
}

pub fn unreadable_banner(warnings: &[StoreError]) -> String {
    match warnings {
        [one] => format!("Not shown: {one}"),
        [first, rest @ ..] => format!("Not shown: {first} (and {} more; run `hotseat check`)", rest.len()),
        [] => String::new(),
    }
}

pub const SAVED_AGAIN: &str = "Saved. Everything is on disk again.";
pub fn save_failed(msg: &str) -> String {
    format!("NOT SAVED: {msg}. Kept in memory; the next change tries again.")
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
pub const NEXT_DATE_NEEDED: &str = "Type a date like 2026-12-06.";

pub fn bad_date(t: &str) -> String {
    format!("\"{t}\" is not a date; type it as YYYY-MM-DD")
}

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
    pub fn too_small(w: u16, h: u16, min_w: u16, min_h: u16) -> String {
        format!("Enlarge the terminal to at least {min_w}×{min_h} (it is {w}×{h} now).")
    }
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
    pub const PLEDGE_TITLE: &str = "Confidentiality pledge";
    pub const PLEDGE_PENDING: &str = "Not yet affirmed. Read it aloud, then press p.";
    pub fn pledge_affirmed(at: &str) -> String {
        format!("✓ Affirmed by the group at {at}.")
    }

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
    pub const CLOSED_HINT: &str = "The next meeting's report-back starts with these steps. Press q to leave.";

    // Overlays
    pub const QUIT_TITLE: &str = "Quit?";
    pub const QUIT_TEXT: &str = "Everything is saved. `hotseat meeting` resumes right here.";
    pub const QUIT_UNSAVED: &str = "The last save FAILED: quitting now loses the latest changes.";
    pub const DELETE_TITLE: &str = "Remove this action step?";
    pub fn delete_text(what: &str) -> String {
        format!("“{what}”")
    }
    pub const CONFIRM_KEYS: &str = "y yes · any other key: no";
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
    pub const NOTE_KEYS: &str = " Esc saves and closes ";
    pub fn review_note_title(owner: &str) -> String {
        format!("Note on {owner}'s progress")
    }
    pub const NEXT_DATE_TITLE: &str = "Next meeting date";
    pub const LINE_KEYS: &str = "Enter saves · Esc cancels";

    // The error screen
    pub const ERROR_TITLE: &str = "hotseat cannot open this group";
    pub const ERROR_HEADLINE: &str = "Nothing was changed on disk.";
    pub const ERROR_HINT: &str = "Run `hotseat check` to list every problem. Press any key to leave.";
}

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

/// The member's own view (`hotseat me`), Hot Team partners, and the member commands.
pub mod member {
    pub const FLAG: &str = "⚑ ";
    pub const RB_CHECKINS_TITLE: &str = "Hot Team check-ins";
    pub fn missed_short(n: usize) -> String {
        format!("{n} missed")
    }

    /// What each key of the member's view does, for its help overlay.
    pub mod keys {
        pub const SUBMIT: &str = "save what you typed";
        pub const CANCEL: &str = "close without saving";
        pub const NEXT_FIELD: &str = "next field";
        pub const PREV_FIELD: &str = "previous field";
        pub const QUESTIONS_DONE: &str = "save the questions and close";
        pub const DONE: &str = "mark the step done (with a note)";
        pub const PARTIAL: &str = "mark it partly done";
        pub const NOT_DONE: &str = "mark it not done";
        pub const DROPPED: &str = "mark it dropped";
        pub const ADD_GOAL: &str = "add a goal";
        pub const EDIT_GOAL: &str = "edit the selected goal";
        pub const EDIT_PREP: &str = "edit the selected part of the prep";
        pub const TOGGLE_VISION: &str = "goals reviewed: yes / no";
        pub const CHECK_IN: &str = "weekly check-in for the selected partnership";
        pub const ADD_PARTNER: &str = "add a Hot Team partnership";
        pub const OFFERS: &str = "the skills I offer as a Hot Team partner";
        pub const NEXT_SCREEN: &str = "next screen";
        pub const PREV_SCREEN: &str = "previous screen";
        pub const SHOW_STEPS: &str = "my action steps";
        pub const SHOW_GOALS: &str = "my goals";
        pub const SHOW_PREP: &str = "my prep for the next meeting";
        pub const SHOW_PARTNERS: &str = "my Hot Team partners";
        pub const UP: &str = "move up";
        pub const DOWN: &str = "move down";
        pub const HELP: &str = "this help";
        pub const QUIT: &str = "quit (everything is already saved)";
        pub const INTERRUPT: &str = "same as q";
        pub const CLOSE: &str = "close an input or overlay";
    }

    pub fn help_scope_title(scope: crate::member::keymap::MemberScope) -> String {
        use crate::member::keymap::MemberScope;
        match scope {
            MemberScope::Screen(s) => screen_label(s).to_string(),
            MemberScope::Every => "Every screen".into(),
            MemberScope::Typing => "Typing".into(),
            MemberScope::Questions => "Questions for the group".into(),
        }
    }

    pub fn screen_label(s: crate::member::Screen) -> &'static str {
        use crate::member::Screen;
        match s {
            Screen::Steps => "My steps",
            Screen::Goals => "My goals",
            Screen::Prep => "My prep",
            Screen::Partners => "Hot Team",
        }
    }

    pub fn header(group: &str, me: &str) -> String {
        format!(" {group} · {me} · my view")
    }

    pub const SAVED_AGAIN: &str = "Saved. Everything is on disk again.";
    pub fn save_failed(msg: &str) -> String {
        format!("NOT SAVED: {msg}. The change is kept here; the next change tries again.")
    }
    pub const QUIT_UNSAVED: &str = "The last save FAILED: quitting now loses that change.";

    // My steps
    pub fn steps_title(open: usize, closed: usize) -> String {
        format!("My action steps · {open} open · {closed} done or dropped")
    }
    pub fn group_title(g: crate::member::derive::StepGroup, n: usize) -> String {
        use crate::member::derive::StepGroup;
        let what = match g {
            StepGroup::Overdue => "Overdue",
            StepGroup::ThisWeek => "Due this week",
            StepGroup::Later => "Later",
            StepGroup::Closed => "Done and dropped",
        };
        format!("{what} · {n}")
    }
    pub const NO_STEPS: &str = "No action steps yet. They are captured in your hot seat at a meeting.";
    pub const STEP_TITLE: &str = "Step";
    pub const NO_DUE: &str = "no due date";
    pub fn from_meeting(id: &str) -> String {
        format!("from the meeting of {id}")
    }
    pub fn due(date: &str, relative: &str) -> String {
        if date == relative { format!("due {date}") } else { format!("due {date} ({relative})") }
    }
    pub fn for_goal(title: &str) -> String {
        format!("for: {title}")
    }
    pub const RESULT_LABEL: &str = "Measurable result: ";
    pub const NO_RESULT: &str = "none written";
    pub const NO_HISTORY: &str = "No progress reported yet.";
    pub const BY_ME: &str = "by me";
    pub const BY_FACILITATOR: &str = "by the facilitator";
    pub fn in_meeting(id: &str) -> String {
        format!("in the meeting of {id}")
    }
    pub fn mark_title(progress: &str, step: &str) -> String {
        format!("Mark {progress}: {step}")
    }
    pub const FORM_NOTE: &str = "Note (optional)";
    pub fn marked(progress: &str) -> String {
        format!("Marked {progress}. The next report-back shows it for the facilitator to confirm.")
    }

    // My goals
    pub fn goals_title(n: usize) -> String {
        format!("My goals · {n}")
    }
    pub const GOAL_TITLE: &str = "Goal";
    pub const NO_GOALS_PRESS_A: &str = "No goals yet. Press a to write one.";
    pub const NOT_WRITTEN: &str = "not written yet";
    pub const DEADLINE_LABEL: &str = "Deadline: ";
    pub const WHY_LABEL: &str = "Why it matters: ";
    pub const SLIP_LABEL: &str = "When I slip, tell me: ";
    pub fn open_steps_for_goal(n: usize) -> String {
        match n {
            0 => "No open action steps for this goal.".into(),
            1 => "1 open action step for this goal.".into(),
            n => format!("{n} open action steps for this goal."),
        }
    }
    pub const NEW_GOAL_TITLE: &str = "New goal";
    pub const EDIT_GOAL_TITLE: &str = "Edit goal";
    pub const FORM_GOAL_TITLE: &str = "Goal";
    pub const FORM_RESULT: &str = "Measurable result";
    pub const FORM_DEADLINE: &str = "Deadline (Y-M-D)";
    pub const FORM_WHY: &str = "Why it matters";
    pub const FORM_SLIP: &str = "When I slip, say";
    pub const FORM_KEYS: &str = "Enter saves · Tab next field · Esc cancels";
    pub const GOAL_NEEDS_TITLE: &str = "Write the goal first.";
    pub const GOAL_SAVED: &str = "Goal saved.";

    // My prep
    pub fn prep_title(date: &str) -> String {
        format!("My prep for the meeting of {date}")
    }
    pub const PREPARED: &str = "✓ Prepared: goals reviewed, and you bring a question or a walk-away.";
    pub const NOT_PREPARED: &str = "✗ Not prepared yet: review your goals (v); add a question or a walk-away.";
    pub const PREP_FIELDS_TITLE: &str = "Prep · Enter edits";
    pub fn prep_label(f: crate::member::state::PrepField) -> &'static str {
        use crate::member::state::PrepField;
        match f {
            PrepField::VisionReviewed => "Goals reviewed",
            PrepField::Accomplished => "Accomplished since last",
            PrepField::ActionPlan => "Refreshed action plan",
            PrepField::Questions => "Questions for the group",
            PrepField::WalkAway => "I want to walk away with",
        }
    }
    pub fn prep_hint(f: crate::member::state::PrepField) -> &'static str {
        use crate::member::state::PrepField;
        match f {
            PrepField::VisionReviewed => "Read your goals and why they matter again, then press v.",
            PrepField::Questions => "Enter opens an editor: one question for the group per line.",
            _ => "Enter to write it.",
        }
    }
    pub const YES: &str = "yes";
    pub const NOT_YET: &str = "not yet";
    pub const EDIT_PREP_TITLE: &str = "My prep";
    pub const PREP_SAVED: &str = "Prep saved. The facilitator's prep review reads it.";
    pub const QUESTIONS_TITLE: &str = "Questions for the group · one per line";
    pub const QUESTIONS_KEYS: &str = " Esc saves and closes ";
    pub const MY_NOTES_TITLE: &str = "My private notes (written by me)";
    pub const FIELD_TITLE: &str = "Selected";

    // Hot Team
    pub fn partners_title(n: usize, missed: usize) -> String {
        if missed == 0 {
            format!("My Hot Team partnerships · {n}")
        } else {
            format!("My Hot Team partnerships · {n} · ⚑ {missed} missed check-in{}", if missed == 1 { "" } else { "s" })
        }
    }
    pub const NO_PARTNERSHIPS_PRESS_A: &str =
        "No Hot Team partner yet. Press a: one partner per skill you want to improve.";
    pub const PARTNERSHIP_ENDED: &str = "This partnership has ended.";
    pub const PARTNERSHIP_TITLE: &str = "Partnership";
    pub fn partnership_title(skill: &str) -> String {
        format!("Partnership · {skill}")
    }
    pub const ENDED: &str = "ended";
    pub const WEEK_DONE: &str = "✓ this week";
    pub fn week_due(d: &str) -> String {
        format!("due {d}")
    }
    pub fn week_late(d: &str) -> String {
        format!("late (was {d})")
    }
    pub const STARTS_NEXT_WEEK: &str = "starts next week";
    pub fn missed(n: usize) -> String {
        format!("⚑ {n} missed")
    }
    pub const IN_GROUP: &str = "member of the group";
    pub const OUTSIDE: &str = "outside partner";
    pub fn weekly_on(day: chrono::Weekday) -> String {
        let name = crate::model::partners::weekday_key(day);
        let mut c = name.chars();
        let cap: String = c.next().map(|f| f.to_ascii_uppercase()).into_iter().chain(c).collect();
        format!("check-in every {cap}")
    }
    pub const SLIP_PARTNER_LABEL: &str = "When I fall off the horse, my partner says: ";
    pub const MISSED_LABEL: &str = "Missed: ";
    pub fn week_of(d: &str) -> String {
        format!("week of {d}")
    }
    pub const NO_CHECKINS: &str = "No check-ins yet. Press c to report this week.";
    pub const ON_TRACK: &str = "on track";
    pub const OFF_TRACK: &str = "off track";
    pub const GROUP_PARTNERS_TITLE: &str = "In the group";
    pub fn chose_me(name: &str, skill: &str) -> String {
        format!("{name} has you as Hot Team partner for {skill}")
    }
    pub const SAY_LABEL: &str = "say ";
    pub const MY_OFFERS_LABEL: &str = "I offer: ";
    pub const OFFERED_LABEL: &str = "Others offer: ";
    pub const NONE_YET: &str = "nothing yet (o)";
    pub const NEW_PARTNER_TITLE: &str = "New Hot Team partnership";
    pub const FORM_PARTNER: &str = "Partner";
    pub const FORM_SKILL: &str = "Skill or goal";
    pub const FORM_DAY: &str = "Check-in day";
    pub const FORM_PARTNER_SLIP: &str = "When I slip, say";
    pub const PARTNER_NEEDED: &str = "Name the partner: a member's id or name, or someone outside the group.";
    pub const NOT_YOURSELF: &str = "You cannot be your own Hot Team partner.";
    pub const SKILL_NEEDED: &str = "Write the skill or goal the partnership is for.";
    pub fn bad_day(t: &str) -> String {
        format!("\"{t}\" is not a day of the week; type e.g. friday")
    }
    pub const PARTNERSHIP_SAVED: &str = "Partnership saved. Tell your partner the goal and its deadline.";
    pub fn checkin_title(who: &str) -> String {
        format!("Weekly check-in with {who}")
    }
    pub const FORM_CHECKIN_NOTE: &str = "This week";
    pub const FORM_ON_TRACK: &str = "On track (yes/no)";
    pub fn bad_yes_no(t: &str) -> String {
        format!("\"{t}\" is neither yes nor no")
    }
    pub const CHECKED_IN: &str = "Checked in for this week.";
    pub const OFFERS_TITLE: &str = "Skills I offer as a Hot Team partner";
    pub const FORM_OFFERS: &str = "Comma-separated";
    pub const OFFERS_SAVED: &str = "Offers saved.";
}

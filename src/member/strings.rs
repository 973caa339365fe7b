//! Every sentence and label of the member's own view (`hotseat me`), Hot Team partners,
//! and the member commands.

pub const FLAG: &str = "⚑ ";
pub const RB_CHECKINS_TITLE: &str = "Hot Team check-ins";
pub fn missed_short(n: usize) -> String {
    format!("{n} missed")
}

/// What each key of the member's view does, for its help overlay.
pub mod keys {
    pub use crate::tui::strings::keys::*;
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
    pub const QUIT: &str = "quit (everything is already saved)";
}

pub fn help_scope_title(scope: crate::member::keymap::MemberScope) -> String {
    crate::tui::strings::scope_title(scope, |s| screen_label(s).to_string(), "Questions for the group")
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
pub fn group_title(g: crate::member::queries::StepGroup, n: usize) -> String {
    use crate::member::queries::StepGroup;
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
/// Under the latest entries of a history: how many earlier ones are not shown.
pub fn earlier(n: usize) -> String {
    format!("… and {n} earlier")
}
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
pub const QUESTIONS_KEYS: &str = crate::tui::strings::EDITOR_KEYS;
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
pub const ON_TRACK: &str = "✓ on track";
pub const OFF_TRACK: &str = "✗ off track";
pub const TRACK_NOT_SAID: &str = "·";
pub const GROUP_PARTNERS_TITLE: &str = "In the group · who offers which skill";
pub fn chose_me(name: &str, skill: &str) -> String {
    format!("{name} has you as Hot Team partner for {skill}")
}
pub const SAY_LABEL: &str = "say ";
/// My row in the list of who offers which skill.
pub const ME: &str = "Me";
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
pub const FORM_ON_TRACK: &str = "On track";
pub const CHECKED_IN: &str = "Checked in for this week.";
pub const OFFERS_TITLE: &str = "Skills I offer as a Hot Team partner";
pub const FORM_OFFERS: &str = "Comma-separated";
pub const OFFERS_SAVED: &str = "Offers saved.";

// A partner close at work (same department or reporting line)
/// What a partner shares with the member at work, as clauses: "they report to you, and
/// you are both in Sales".
pub fn close_at_work(group: &crate::model::Group, close: &[crate::model::pairing::Closeness]) -> String {
    use crate::model::pairing::Closeness as C;
    let up = |levels: usize| if levels == 1 { "" } else { " up the line" };
    let parts: Vec<String> = close
        .iter()
        .map(|c| match c {
            C::SameDepartment(d) => format!("you are both in {d}"),
            C::ReportsToMe { levels } => format!("they report to you{}", up(*levels)),
            C::IReportTo { levels } => format!("you report to them{}", up(*levels)),
            C::SameManager(m) => format!("you both report to {}", group.name_of(m)),
        })
        .collect();
    parts.join(", and ")
}
/// The warning before a partnership with someone close at work, as one sentence.
pub fn close_warning(group: &crate::model::Group, partner: &str, close: &[crate::model::pairing::Closeness]) -> String {
    format!(
        "{} works close to you: {}; Hot Team partners work best across departments and reporting lines.",
        group.name_of(partner),
        close_at_work(group, close)
    )
}
pub const CLOSE_TITLE: &str = "Partner close at work";
pub const START_ANYWAY: &str = "Start the partnership anyway?";
pub const UPDATE_CHECKIN_TITLE: &str = "Already checked in this week";
pub const UPDATE_CHECKIN: &str = "You checked in with this partner this week already. Update this week's check-in?";
pub const CHECKIN_UPDATED: &str = "This week's check-in updated.";
pub const CHECK_ON: &str = "[x] yes";
pub const CHECK_OFF: &str = "[ ] no";
pub const CHECKIN_KEYS: &str = "Enter saves · Tab next field · Space ticks on track · Esc cancels";
/// After the prep's verdict, when the facilitator typed it in for the member.
pub const ENTERED_FOR_YOU: &str = " · entered for you by the facilitator";

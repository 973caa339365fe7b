//! The four agenda templates, in the product's own words: `hotseat init --template T`
//! copies one into `group.json`, `hotseat templates` lists them.

use super::Phase;
use super::agenda::{Agenda, AgendaPhase, ProtocolStep};

/// The template names, the default first.
pub const TEMPLATES: [&str; 4] = ["mastermind", "forum", "mentor", "hot-team"];

/// The reminder of every protocol's last step.
pub const COMMIT_REMINDER: &str = "Owner, measurable result, due date";
pub const QUESTIONS_REMINDER: &str = "Clarifying questions only — no advice yet";
pub const EXPERIENCE_REMINDER: &str = "Share experience, not advice";

/// A copy of the template called `name`.
pub fn template(name: &str) -> Option<Agenda> {
    let (name, (phases, protocol)) = match name.trim().to_ascii_lowercase().as_str() {
        "mastermind" => (TEMPLATES[0], mastermind()),
        "forum" => (TEMPLATES[1], forum()),
        "mentor" => (TEMPLATES[2], mentor()),
        "hot-team" | "hot_team" | "hotteam" => (TEMPLATES[3], hot_team()),
        _ => return None,
    };
    Some(Agenda { template: name.to_string(), phases, protocol, step_bell: false })
}

type Parts = (Vec<AgendaPhase>, Vec<ProtocolStep>);

fn phases(list: [(&str, u32, &str); 5]) -> Vec<AgendaPhase> {
    Phase::ALL
        .iter()
        .zip(list)
        .map(|(p, (label, minutes, about))| AgendaPhase {
            phase: *p,
            label: label.to_string(),
            minutes,
            about: about.to_string(),
        })
        .collect()
}

fn steps(list: &[(&str, u32, &str, Option<u32>)]) -> Vec<ProtocolStep> {
    list.iter()
        .map(|(name, share, reminder, max)| ProtocolStep {
            name: name.to_string(),
            share: *share,
            reminder: reminder.to_string(),
            max_minutes: *max,
        })
        .collect()
}

fn mastermind() -> Parts {
    (
        phases([
            ("Check-in", 10, "Attendance and the confidentiality pledge"),
            ("Report-back", 20, "Progress on last time's action steps"),
            ("Prep review", 5, "Who is prepared; hot-seat order and minutes"),
            ("Hot seats", 75, "One member at a time, the group's full attention"),
            ("Wrap-up", 10, "New action steps, a rating each, the next date"),
        ]),
        steps(&[
            ("Present", 30, "The member presents the challenge; the group listens", None),
            ("Questions", 25, QUESTIONS_REMINDER, None),
            ("Experience", 30, EXPERIENCE_REMINDER, None),
            ("Commit", 15, COMMIT_REMINDER, None),
        ]),
    )
}

fn forum() -> Parts {
    (
        phases([
            ("Updates", 25, "Each member's top and bottom 5 % of the month, a few minutes each"),
            ("Report-back", 15, "Progress on last time's commitments"),
            ("Parking lot", 10, "Parked items by urgency; who presents today"),
            ("Presentations", 60, "One or two presentations, with the protocol"),
            ("Wrap-up", 10, "Commitments, a process review, the next date"),
        ]),
        steps(&[
            ("Present", 35, "Present uninterrupted, 15 minutes at most", Some(15)),
            ("Clarifying questions", 20, QUESTIONS_REMINDER, None),
            ("Experience sharing", 25, EXPERIENCE_REMINDER, None),
            ("Presenter reflects", 10, "The presenter says what they heard and what they take away", None),
            ("Commit", 10, COMMIT_REMINDER, None),
        ]),
    )
}

fn mentor() -> Parts {
    (
        phases([
            ("Check-in", 5, "Confidentiality, and how the term is going"),
            ("Accomplished", 15, "Accomplished since last time"),
            ("Agenda", 5, "What the mentee brings today"),
            ("To discuss", 30, "What the mentee wants to discuss"),
            ("Agreements", 5, "Action steps agreed, and the next date"),
        ]),
        steps(&[
            ("Request", 20, "What the mentee asks for, specifically", None),
            ("Discuss", 60, "Listen first; share experience, not orders", None),
            ("Agreements", 20, COMMIT_REMINDER, None),
        ]),
    )
}

fn hot_team() -> Parts {
    (
        phases([
            ("Goal", 2, "The goal and its deadline"),
            ("This week", 4, "This week's report on last week's commitment"),
            ("Plan", 1, "Who goes first"),
            ("Partners", 6, "Each partner's turn"),
            ("Commitment", 2, "Next week's commitment"),
        ]),
        steps(&[
            ("Report", 40, "This week against the goal and its deadline", None),
            ("Horse", 30, "What to tell me when I fall off the horse, if a step slipped", None),
            ("Commit", 30, COMMIT_REMINDER, None),
        ]),
    )
}

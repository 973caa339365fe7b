//! The close question (`facilitator::close`).

pub const TITLE: &str = "Close the meeting?";
pub const STILL_MISSING: &str = "Still missing:";
pub const NOTHING_MISSING: &str = "Every rating, step and the pledge are in.";
pub const WHAT_CLOSING_DOES: &str = "Closing saves everything; the open steps go to the next report-back.";
pub const NO_PLEDGE: &str = "the confidentiality pledge was not affirmed";
pub fn unrated(names: &[&str]) -> String {
    format!("no rating from {}", names.join(", "))
}
pub fn flagged(n: usize) -> String {
    match n {
        1 => "1 action step without a due date or measurable result".to_string(),
        n => format!("{n} action steps without a due date or measurable result"),
    }
}

//! The facilitator filling in for a member who does not run hotseat.

pub const KEY: &str = "type in the selected member's prep and goals for them";
pub const VISION: &str = "Goals reviewed";
pub const ACCOMPLISHED: &str = "Since last time";
pub const ACTION_PLAN: &str = "Action plan";
pub const QUESTIONS: &str = "Questions (; between)";
pub const WALK_AWAY: &str = "Walk away with";
pub fn goal(n: usize) -> String {
    format!("Goal {n}")
}
pub const YES: &str = "yes";
pub const NO: &str = "no";
pub fn title(name: &str) -> String {
    format!("Fill in for {name} (saved as entered by the facilitator)")
}
pub const KEYS: &str = "Enter save · Esc cancel · Tab next · ← → yes/no";
pub fn own_files(name: &str) -> String {
    format!("{name} keeps their own prep and goals in hotseat: only they change them.")
}
pub fn saved(name: &str) -> String {
    format!("Saved for {name}, marked as entered by the facilitator.")
}
/// The mark after a member's name where the facilitator entered what is shown.
pub const ENTERED_MARK: &str = "by facilitator";

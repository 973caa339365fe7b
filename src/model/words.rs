//! The product's own words for its domain values: the phase labels of the contract, the
//! default confidentiality pledge, and what the wrap-up flags a vague step for. The
//! screens and the command line take them from here; the model needs no UI strings.

use super::Phase;

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

/// `1 file`, `2 files`: a count with its noun, plural when it is not one (nouns that
/// take an `s`).
pub fn count(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

//! The report-back's words for what members reported themselves and the room has yet to
//! confirm.

/// After a completion: `+2*`, reported by the members, not counted until confirmed.
pub fn to_confirm_short(n: usize) -> String {
    format!(" +{n}*")
}

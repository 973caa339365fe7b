//! Selections in lists: a cursor kept inside its rows and moved by a step.

/// A cursor kept inside a list of `len` rows.
pub fn clamp(cursor: usize, len: usize) -> usize {
    cursor.min(len.saturating_sub(1))
}

/// Move `cursor` by `delta` rows, staying inside a list of `len` rows.
pub fn step(cursor: &mut usize, delta: isize, len: usize) {
    let at = clamp(*cursor, len) as isize + delta;
    *cursor = clamp(at.max(0) as usize, len);
}

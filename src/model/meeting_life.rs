//! A meeting's life after its close: reopened the same day when closed by mistake, or,
//! while open with nothing captured, discarded.

use super::meeting::{Meeting, Status};

impl Meeting {
    /// Open again a meeting closed by mistake: everything it holds stays; only the close
    /// (its time and the snapshot of open steps) is undone. It resumes where it closed.
    pub fn reopen(&mut self) {
        self.status = Status::Open;
        self.closed_at = None;
        self.open_after = None;
    }

    /// Whether anything was captured in it: steps, progress, ratings or private notes.
    pub fn has_captured(&self) -> bool {
        !(self.steps.is_empty() && self.reviews.is_empty() && self.ratings.is_empty() && self.private_notes.is_empty())
    }
}

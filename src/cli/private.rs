//! Private notes stay out of the shared group folder: when the facilitator opens the
//! group, the group gets its stable id if it has none, notes an older hotseat left in
//! meeting files are moved to the facilitator's own folder (with a line saying so), and
//! the open meeting's notes are read back from there.

use std::path::PathBuf;

use anyhow::Result;

use crate::facilitator::strings;
use crate::store::Store;
use crate::store::private::{self, Private};
use crate::store::snapshot::Context;

/// The facilitator's private folder for this group, `None` where the platform has no
/// data folder (then notes live in memory only, and the room is told).
pub fn folder(store: &Store, ctx: &mut Context) -> Result<Option<Private>> {
    let env = std::env::var_os("HOTSEAT_PRIVATE_DIR").filter(|d| !d.is_empty()).map(PathBuf::from);
    let Some(root) = private::root(env) else { return Ok(None) };
    if ctx.group.id.is_empty() {
        ctx.group.id = private::new_group_id(&ctx.group.name);
        store.save_group(&ctx.group)?;
    }
    Ok(Some(Private::new(&root, &ctx.group.id)))
}

/// Move notes out of the group folder and read the open meeting's back. Returns the
/// sentence to show when any were moved.
pub fn take_in(store: &Store, ctx: &mut Context, private: &Private) -> Result<Option<String>> {
    // The open meeting was just read: its file needs no second look when it held no note.
    let open = ctx.open_meeting.as_ref().map(|m| (m.id.clone(), !m.private_notes.is_empty()));
    let moved = private.move_out(store, &ctx.meeting_ids, open.as_ref().map(|(id, notes)| (id.as_str(), *notes)))?;
    if let Some(m) = ctx.open_meeting.as_mut() {
        let mut notes = private.load_notes(&m.id)?;
        private::add_new(&mut notes, m.private_notes.drain(..));
        m.private_notes = notes;
    }
    Ok((moved > 0).then(|| strings::notes_moved_out(moved, &private.dir.display().to_string())))
}

/// A read-only session shows no private note, whatever a meeting file still holds.
pub fn forget(ctx: &mut Context) {
    if let Some(m) = ctx.open_meeting.as_mut() {
        m.private_notes.clear();
    }
}

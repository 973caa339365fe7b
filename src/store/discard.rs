//! Removing a meeting file: only a meeting opened by mistake, with nothing captured
//! (`hotseat meeting --discard`, which asks first), ever goes.

use super::private::Private;
use super::{Result, Store, StoreError, fsio};

impl Store {
    /// Remove `meetings/<id>.json` and make the removal durable.
    pub fn discard_meeting(&self, id: &str) -> Result<()> {
        let path = self.layout.meeting(id);
        fsio::refuse_links(self.root(), &path)?;
        std::fs::remove_file(&path).map_err(|e| StoreError::io(&path, "remove", &e))?;
        self.forget(&path);
        let dir = self.layout.meetings_dir();
        fsio::sync_dir(&dir).map_err(|e| StoreError::io(&dir, "sync", &e))
    }
}

impl Private {
    /// Remove the private notes of a discarded meeting, if it had a file.
    pub fn discard_notes(&self, meeting: &str) -> Result<()> {
        let path = self.dir.join("notes").join(format!("{meeting}.json"));
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(StoreError::io(&path, "remove", &e)),
        }
    }
}

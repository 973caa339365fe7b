//! The facilitator's own folder for what must never be in the shared group folder:
//! private notes, one file per meeting, under the platform data folder
//! (`~/.local/share/hotseat/private/<group id>/notes/<meeting>.json` on Linux), 0700
//! folders and 0600 files like every file hotseat writes. The group folder is synced to
//! every member (git, Syncthing, Dropbox); this folder never is.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{StoreError, decode, fsio};
use crate::model::group::slug;
use crate::model::{FORMAT_VERSION, PrivateNote};

/// `notes/<meeting id>.json`: the private notes taken in one meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotesFile {
    pub version: u32,
    pub meeting: String,
    #[serde(default)]
    pub notes: Vec<PrivateNote>,
}

/// One group's private folder.
#[derive(Debug, Clone)]
pub struct Private {
    pub dir: PathBuf,
}

/// Where every group's private folder lives: `HOTSEAT_PRIVATE_DIR` if set (tests,
/// unusual set-ups), else `private/` in the platform data folder.
pub fn root(env: Option<PathBuf>) -> Option<PathBuf> {
    env.or_else(|| directories::ProjectDirs::from("", "", "hotseat").map(|p| p.data_dir().join("private")))
}

/// A new stable id for a group: its name's slug and a short hash of the moment, the
/// process and the name, so two groups of the same name never share a private folder.
pub fn new_group_id(name: &str) -> String {
    let mut h = DefaultHasher::new();
    name.hash(&mut h);
    std::process::id().hash(&mut h);
    std::time::SystemTime::now().hash(&mut h);
    format!("{}-{:08x}", slug(name), h.finish() as u32)
}

impl Private {
    pub fn new(root: &Path, group_id: &str) -> Private {
        Private { dir: root.join(group_id) }
    }

    fn notes_file(&self, meeting: &str) -> PathBuf {
        self.dir.join("notes").join(format!("{meeting}.json"))
    }

    /// The private notes of one meeting; none if there is no file yet.
    pub fn load_notes(&self, meeting: &str) -> Result<Vec<PrivateNote>, StoreError> {
        let path = self.notes_file(meeting);
        if !path.exists() {
            return Ok(Vec::new());
        }
        let bytes = fsio::read(&path)?;
        let file: NotesFile = decode::decode(&path, &bytes)?;
        Ok(file.notes)
    }

    /// Write the private notes of one meeting, atomically, 0600 in 0700 folders.
    pub fn save_notes(&self, meeting: &str, notes: &[PrivateNote]) -> Result<(), StoreError> {
        let path = self.notes_file(meeting);
        if notes.is_empty() && !path.exists() {
            return Ok(());
        }
        fsio::ensure_dir(path.parent().expect("notes/ has a parent"))?;
        let file = NotesFile { version: FORMAT_VERSION, meeting: meeting.to_string(), notes: notes.to_vec() };
        fsio::write_atomic(&path, &decode::encode(&file), None)
    }
}

/// Add to `notes` those of `more` it does not hold yet.
pub fn add_new(notes: &mut Vec<PrivateNote>, more: impl IntoIterator<Item = PrivateNote>) {
    for n in more {
        if !notes.contains(&n) {
            notes.push(n);
        }
    }
}

/// What `hotseat check` says of a meeting file in the shared folder that holds notes.
pub fn in_shared_folder(n: usize) -> String {
    let notes = if n == 1 { "a private note".to_string() } else { format!("{n} private notes") };
    format!(
        "{notes} in the shared group folder, where every member can read them; open the meeting once (`hotseat meeting`) to move them to your own folder"
    )
}

/// Whether a meeting file's bytes may hold private notes (an older hotseat wrote them
/// there): a quick look before decoding.
fn may_hold_notes(bytes: &[u8]) -> bool {
    let key = b"\"private_notes\"";
    bytes.windows(key.len()).any(|w| w == key)
}

impl Private {
    fn scanned_marker(&self) -> PathBuf {
        self.dir.join("moved-out.json")
    }

    /// Move the private notes that meeting files in the shared group folder still hold
    /// into this folder, and rewrite those files without them (atomically). The first
    /// time, every meeting file of `ids` is looked at; after that only the open meeting
    /// (`open`: its id, and whether it held notes when the session read it). Returns how
    /// many notes were moved.
    pub fn move_out(
        &self,
        store: &super::Store,
        ids: &[String],
        open: Option<(&str, bool)>,
    ) -> Result<usize, StoreError> {
        let first_time = !self.scanned_marker().exists();
        let look_at: Vec<&str> = if first_time {
            ids.iter().map(String::as_str).collect()
        } else {
            open.filter(|(_, notes)| *notes).map(|(id, _)| id).into_iter().collect()
        };
        let mut moved = 0;
        for id in look_at {
            let bytes = fsio::read(&store.layout.meeting(id))?;
            if !may_hold_notes(&bytes) {
                continue;
            }
            let m = store.load_meeting(id)?;
            if m.private_notes.is_empty() {
                continue;
            }
            let mut notes = self.load_notes(id)?;
            add_new(&mut notes, m.private_notes.iter().cloned());
            self.save_notes(id, &notes)?;
            // The meeting file is written without them: notes are never serialised.
            store.save_meeting(&m)?;
            moved += m.private_notes.len();
        }
        if first_time {
            fsio::ensure_dir(&self.dir)?;
            let marker = serde_json::json!({ "version": FORMAT_VERSION, "moved": moved });
            fsio::write_atomic(&self.scanned_marker(), &decode::encode(&marker), None)?;
        }
        Ok(moved)
    }
}

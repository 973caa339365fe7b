//! The group folder on disk: reading with exact error positions, atomic private writes,
//! and refusing to overwrite what someone else changed.

pub mod binary;
pub mod cache;
pub mod check;
pub mod debris;
pub mod decode;
pub mod demo;
mod discard;
mod entered;
pub mod error;
pub mod fsio;
pub mod head_cache;
pub mod heads;
pub mod history;
pub mod layout;
mod listing;
pub mod locate;
pub mod lock;
pub mod member_front;
pub mod open_steps;
pub mod own_files;
pub mod parking;
pub mod private;
pub mod record;
pub mod remember;
pub mod reports;
pub mod snapshot;
pub mod stamp;
pub mod turns;
pub mod user_files;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;
use serde::de::DeserializeOwned;

pub use error::StoreError;
pub use fsio::FaultPoint;
pub use layout::Layout;

use crate::model::group::is_valid_id;
use crate::model::{GoalsFile, Group, Meeting, Prep, ProgressFile};

pub type Result<T> = std::result::Result<T, StoreError>;

/// Access to one group folder.
#[derive(Debug)]
pub struct Store {
    pub layout: Layout,
    fault: Cell<Option<FaultPoint>>,
    /// Hash of each file's bytes as last read or written, to notice changes by others.
    seen: RefCell<HashMap<PathBuf, u64>>,
    /// The group's cache folder, found once.
    cache: std::cell::OnceCell<Option<cache::Cache>>,
}

fn digest(bytes: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

impl Store {
    /// The store of the group folder `root`.
    pub fn new(root: impl Into<PathBuf>) -> Store {
        Store {
            layout: Layout::new(root),
            fault: Cell::new(None),
            seen: RefCell::new(HashMap::new()),
            cache: std::cell::OnceCell::new(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.layout.root
    }

    /// The group's cache folder (see [`cache`]), when there is a place for one.
    pub fn cache(&self) -> Option<&cache::Cache> {
        self.cache.get_or_init(|| cache::Cache::for_group(self.root())).as_ref()
    }

    /// Make the next saves fail at `point` (tests of failed writes).
    pub fn inject_fault(&self, point: Option<FaultPoint>) {
        self.fault.set(point);
    }

    pub fn has_group(&self) -> bool {
        self.layout.group().exists()
    }

    /// Read and decode one file, remembering what it held.
    pub fn read<T: DeserializeOwned>(&self, path: &Path) -> Result<T> {
        self.read_with_bytes(path).map(|(value, _)| value)
    }

    /// [`Store::read`], also handing back the bytes (for positions in later checks).
    fn read_with_bytes<T: DeserializeOwned>(&self, path: &Path) -> Result<(T, Vec<u8>)> {
        let bytes = self.read_bytes(path)?;
        let value = decode::decode(path, &bytes)?;
        self.remember(path, &bytes);
        Ok((value, bytes))
    }

    /// The bytes of a file (never through a link, never more than the limit). Not yet
    /// remembered as read: see [`Store::remember`].
    pub(super) fn read_bytes(&self, path: &Path) -> Result<Vec<u8>> {
        fsio::refuse_links(self.root(), path)?;
        fsio::read(path)
    }

    /// `bytes`, read from `path`, decoded well: a later save may replace them. A file that
    /// did not decode is never remembered, so nothing overwrites it.
    pub(super) fn remember(&self, path: &Path, bytes: &[u8]) {
        self.seen.borrow_mut().insert(path.to_path_buf(), digest(bytes));
    }

    /// Read a file that may not exist yet.
    pub fn read_or<T: DeserializeOwned>(&self, path: &Path, missing: impl FnOnce() -> T) -> Result<T> {
        match fs::symlink_metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(missing()),
            _ => self.read(path),
        }
    }

    /// Write a value atomically. Refuses when the file changed on disk since it was read
    /// or last written here, or exists though it was never read here.
    pub fn write<T: Serialize>(&self, path: &Path, value: &T) -> Result<()> {
        let bytes = decode::encode(value);
        self.write_bytes(path, &bytes)
    }

    pub fn write_bytes(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        fsio::refuse_links(self.root(), path)?;
        let known = self.seen.borrow().get(path).copied();
        match fs::read(path) {
            Ok(current) => {
                if known != Some(digest(&current)) {
                    return Err(StoreError::ChangedOnDisk { path: path.to_path_buf() });
                }
                if current == bytes {
                    return Ok(());
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(StoreError::io(path, "read", &e)),
        }
        fsio::write_atomic(path, bytes, self.fault.get())?;
        self.seen.borrow_mut().insert(path.to_path_buf(), digest(bytes));
        Ok(())
    }

    /// Forget what was read of `path`, so that the next write of it is not checked
    /// against it (after the user chose to overwrite).
    pub fn forget(&self, path: &Path) {
        self.seen.borrow_mut().remove(path);
    }

    // ----- group -----

    pub fn load_group(&self) -> Result<Group> {
        let path = self.layout.group();
        if !path.exists() {
            return Err(StoreError::NoGroup { dir: self.root().to_path_buf() });
        }
        let (group, bytes) = self.read_with_bytes::<Group>(&path)?;
        validate_group(&path, &group, &bytes)?;
        Ok(group)
    }

    pub fn save_group(&self, group: &Group) -> Result<()> {
        self.write(&self.layout.group(), group)
    }

    // ----- meetings -----

    /// Ids of all meeting files, oldest first.
    pub fn meeting_ids(&self) -> Result<Vec<String>> {
        self.meetings_listing().map(|names| meeting_ids_in(&names))
    }

    /// The names in the meetings folder: one listing serves everything a start needs of
    /// it (leftover temporary files, the meeting ids, conflict copies).
    pub fn meetings_listing(&self) -> Result<Vec<String>> {
        let dir = self.layout.meetings_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::io(&dir, "read the folder", &e)),
        };
        Ok(entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
    }

    pub fn load_meeting(&self, id: &str) -> Result<Meeting> {
        let path = self.layout.meeting(id);
        let (m, _) = self.read_with_bytes::<Meeting>(&path)?;
        Self::named(id, &path, m)
    }

    /// The meeting `id` from the bytes of its file, already read (and remembered) by
    /// [`Store::read_with_bytes`].
    pub(super) fn meeting_from(&self, id: &str, path: &Path, bytes: &[u8]) -> Result<Meeting> {
        Self::named(id, path, decode::decode(path, bytes)?)
    }

    /// A meeting whose file names it `id`.
    fn named(id: &str, path: &Path, m: Meeting) -> Result<Meeting> {
        if m.id != id {
            return Err(StoreError::invalid(
                path,
                1,
                1,
                format!("id: the file is named {id}.json but says it is meeting \"{}\"", m.id),
            ));
        }
        Ok(m)
    }

    pub fn save_meeting(&self, m: &Meeting) -> Result<()> {
        self.write(&self.layout.meeting(&m.id), m)
    }

    // ----- a member's own files -----

    /// The member's goals: their own file, else (when theirs is missing or holds no
    /// goal) what the facilitator entered for them.
    pub fn load_goals(&self, member: &str) -> Result<GoalsFile> {
        let own = self.read_or(&self.layout.goals(member), GoalsFile::default)?;
        let entered = self.layout.entered_goals(member);
        if own.goals.is_empty() && entered.exists() {
            return self.read(&entered);
        }
        Ok(own)
    }

    /// The member's own goals file: what they save is theirs, whoever typed it first.
    pub fn save_goals(&self, member: &str, goals: &GoalsFile) -> Result<()> {
        if goals.entered_by.is_some() {
            return self.write(&self.layout.goals(member), &GoalsFile { entered_by: None, ..goals.clone() });
        }
        self.write(&self.layout.goals(member), goals)
    }

    pub fn load_progress(&self, member: &str) -> Result<ProgressFile> {
        self.read_or(&self.layout.progress(member), ProgressFile::default)
    }

    pub fn save_progress(&self, member: &str, p: &ProgressFile) -> Result<()> {
        self.write(&self.layout.progress(member), p)
    }

    /// Dates of the member's prep files, oldest first.
    pub fn prep_dates(&self, member: &str) -> Vec<NaiveDate> {
        let mut dates: Vec<NaiveDate> = fs::read_dir(self.layout.prep_dir(member))
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                layout::parse_date(name.strip_suffix(".json")?)
            })
            .collect();
        dates.sort();
        dates
    }

    /// The date of the member's newest prep made for a meeting after `after` (the previous
    /// meeting), in one pass over the folder: the newest after it is the newest of all, if
    /// that is after it.
    pub fn newest_prep_after(&self, member: &str, after: Option<NaiveDate>) -> Option<NaiveDate> {
        let entries = fs::read_dir(self.layout.prep_dir(member)).ok()?;
        let newest =
            entries.flatten().filter_map(|e| layout::parse_date(e.file_name().to_str()?.strip_suffix(".json")?)).max();
        newest.filter(|d| after.is_none_or(|a| *d > a))
    }

    /// The member's newest prep made for a meeting after `after` (the previous meeting).
    pub fn current_prep(&self, member: &str, after: Option<NaiveDate>) -> Result<Option<Prep>> {
        match self.newest_prep_after(member, after) {
            Some(d) => self.read(&self.layout.prep(member, d)).map(Some),
            None => Ok(None),
        }
    }

    /// The member's own prep: what they save is theirs, whoever typed it first.
    pub fn save_prep(&self, member: &str, prep: &Prep) -> Result<()> {
        if prep.entered_by.is_some() {
            return self.write(&self.layout.prep(member, prep.meeting), &Prep { entered_by: None, ..prep.clone() });
        }
        self.write(&self.layout.prep(member, prep.meeting), prep)
    }

    /// The member's prep for the meeting on `date`, if written.
    pub fn load_prep(&self, member: &str, date: NaiveDate) -> Result<Option<Prep>> {
        let path = self.layout.prep(member, date);
        if !path.exists() {
            return Ok(None);
        }
        self.read(&path).map(Some)
    }

    pub fn load_partners(&self, member: &str) -> Result<crate::model::PartnersFile> {
        self.read_or(&self.layout.partners(member), Default::default)
    }

    pub fn save_partners(&self, member: &str, p: &crate::model::PartnersFile) -> Result<()> {
        self.write(&self.layout.partners(member), p)
    }

    pub fn load_checkins(&self, member: &str) -> Result<crate::model::CheckinsFile> {
        self.read_or(&self.layout.checkins(member), Default::default)
    }

    pub fn save_checkins(&self, member: &str, c: &crate::model::CheckinsFile) -> Result<()> {
        self.write(&self.layout.checkins(member), c)
    }
}

/// Member ids become folder names: refuse any that are unsafe or repeated.
fn validate_group(path: &Path, g: &Group, bytes: &[u8]) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for (i, m) in g.members.iter().enumerate() {
        let valid = is_valid_id(&m.id);
        let repeated = valid && !seen.insert(m.id.as_str());
        if valid && !repeated {
            continue;
        }
        let quoted = serde_json::to_string(&m.id).unwrap_or_default();
        use locate::Seg;
        let text = String::from_utf8_lossy(bytes);
        let (l, c) = locate::locate(&text, &[Seg::Key("members".into()), Seg::Index(i), Seg::Key("id".into())]);
        if !valid {
            return Err(StoreError::invalid(
                path,
                l,
                c,
                format!(
                    "members[{i}].id: {quoted} is not a valid member id (use lowercase letters, digits and -, at most {} characters)",
                    crate::model::group::MAX_ID_LEN
                ),
            ));
        }
        return Err(StoreError::invalid(path, l, c, format!("members[{i}].id: {quoted} is used by two members")));
    }
    Ok(())
}

/// Ids of the meeting files among `names` (a listing of the meetings folder), oldest first.
pub fn meeting_ids_in(names: &[String]) -> Vec<String> {
    let mut ids: Vec<((NaiveDate, u32), String)> = names
        .iter()
        .filter_map(|name| {
            let id = name.strip_suffix(".json")?.to_string();
            Some((layout::meeting_sort_key(&id)?, id))
        })
        .collect();
    ids.sort();
    ids.into_iter().map(|(_, id)| id).collect()
}

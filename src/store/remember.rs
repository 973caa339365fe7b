//! Which member this user is, per group folder: kept in the user's own config folder
//! (never inside the group folder, whose root belongs to the facilitator), keyed by the
//! group folder's canonical path, so that a plain `hotseat me` knows who is asking.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::FORMAT_VERSION;
use crate::store::{StoreError, decode, fsio};

/// `<config dir>/hotseat/members.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered {
    pub version: u32,
    /// Canonical group folder → member id.
    #[serde(default)]
    pub members: BTreeMap<String, String>,
}

impl Default for Remembered {
    fn default() -> Self {
        Remembered { version: FORMAT_VERSION, members: BTreeMap::new() }
    }
}

/// The file, in the platform's config folder (`~/.config/hotseat/members.json` on Linux).
pub fn config_file() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "hotseat").map(|p| p.config_dir().join("members.json"))
}

fn key(data_dir: &Path) -> String {
    std::fs::canonicalize(data_dir).unwrap_or_else(|_| data_dir.to_path_buf()).display().to_string()
}

fn load(file: &Path) -> Result<Remembered, StoreError> {
    if !file.exists() {
        return Ok(Remembered::default());
    }
    decode::decode(file, &fsio::read(file)?)
}

/// The member remembered for `data_dir`, if any.
pub fn recall(data_dir: &Path) -> Result<Option<String>, StoreError> {
    let Some(file) = config_file() else { return Ok(None) };
    Ok(load(&file)?.members.get(&key(data_dir)).cloned())
}

/// Remember `member` for `data_dir` (atomic write, 0600, folder 0700). A config file that
/// does not parse is left as it is and reported.
pub fn remember(data_dir: &Path, member: &str) -> Result<(), StoreError> {
    let Some(file) = config_file() else { return Ok(()) };
    let mut r = load(&file)?;
    let k = key(data_dir);
    if r.members.get(&k).map(String::as_str) == Some(member) {
        return Ok(());
    }
    r.members.insert(k, member.to_string());
    fsio::write_atomic(&file, &decode::encode(&r), None)
}

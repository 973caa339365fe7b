//! What a folder holds, to check what a command wrote or left alone.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Every file under `dir`, relative, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("readable folder").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).expect("under dir").to_path_buf());
            }
        }
    }
    out.sort();
    out
}

/// A folder's contents: relative path (folders end in `/`) → (bytes, modification time).
pub type Tree = BTreeMap<String, (Vec<u8>, SystemTime)>;

/// Every file and folder under `root`, links not followed.
pub fn tree(root: &Path) -> Tree {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            let meta = std::fs::symlink_metadata(&p).unwrap();
            let rel = p.strip_prefix(root).unwrap().display().to_string();
            if meta.is_dir() {
                out.insert(format!("{rel}/"), (Vec::new(), meta.modified().unwrap()));
                stack.push(p);
            } else {
                out.insert(rel, (std::fs::read(&p).unwrap(), meta.modified().unwrap()));
            }
        }
    }
    out
}

/// Paths whose bytes or mtime changed, appeared or disappeared between two trees.
pub fn changed(before: &Tree, after: &Tree) -> Vec<String> {
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter().filter(|k| before.get(*k) != after.get(*k)).cloned().collect()
}

/// Write private notes into a meeting file of the group folder, as an older hotseat did
/// (today's never writes them there): `(member, author, text)` each.
pub fn plant_legacy_notes(store: &hotseat::store::Store, meeting: &str, notes: &[(&str, &str, &str)]) {
    let path = store.layout.meeting(meeting);
    let mut json: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).expect("meeting")).expect("json");
    let at = json["started_at"].clone();
    let list: Vec<serde_json::Value> = notes
        .iter()
        .map(|(member, author, text)| serde_json::json!({"member": member, "author": author, "text": text, "updated_at": at}))
        .collect();
    json["private_notes"] = serde_json::Value::Array(list);
    std::fs::write(&path, serde_json::to_string_pretty(&json).expect("json") + "\n").expect("write");
}

/// Every file under `dir` (relative) whose text holds `needle`.
pub fn files_holding(dir: &Path, needle: &str) -> Vec<PathBuf> {
    let holds = |f: &PathBuf| std::fs::read_to_string(dir.join(f)).is_ok_and(|t| t.contains(needle));
    files_under(dir).into_iter().filter(holds).collect()
}

/// Replace `from` by `to` in a file in place, then set its modification time back: a
/// change a cache keyed by stamps must still see.
pub fn edit_behind_the_cache(path: &Path, from: &str, to: &str) {
    let before = std::fs::metadata(path).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} in {}", path.display());
    let f = std::fs::OpenOptions::new().write(true).truncate(true).open(path).unwrap();
    std::io::Write::write_all(&mut &f, text.replacen(from, to, 1).as_bytes()).unwrap();
    f.set_modified(before).unwrap();
    drop(f);
    assert_eq!(std::fs::metadata(path).unwrap().modified().unwrap(), before);
}

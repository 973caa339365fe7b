//! `hotseat check`: read every file of a group folder, report each problem as
//! `path:line:col: message`, and change nothing.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

mod agenda;
mod meeting;
mod members;

use super::decode::decode;
use super::error::StoreError;
use super::layout::{Layout, is_sync_debris, meeting_sort_key};
use super::locate::{Seg, display, locate};
use crate::model::group::is_valid_id;
use crate::model::{Group, Meeting, Status};

/// One thing wrong with the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}: {}", self.path.display(), self.line, self.col, self.message)
    }
}

impl From<StoreError> for Problem {
    fn from(e: StoreError) -> Problem {
        match e {
            StoreError::Invalid { path, line, col, message } => Problem { path, line, col, message },
            other => {
                let message = other.to_string();
                let path = other.path().map(Path::to_path_buf).unwrap_or_default();
                let prefix = format!("{}:1:1: ", path.display());
                let message = message.strip_prefix(&prefix).map(str::to_string).unwrap_or(message);
                Problem { path, line: 1, col: 1, message }
            }
        }
    }
}

/// What a check found.
#[derive(Debug, Default)]
pub struct Report {
    pub problems: Vec<Problem>,
    pub files: usize,
}

struct Checker {
    layout: Layout,
    report: Report,
    /// Problems found inside each file's content, to stop listing after a screenful.
    per_file: std::collections::HashMap<PathBuf, usize>,
}

/// A symbolic link or special file in the group folder.
const NOT_FOLLOWED: &str = "a symbolic link or special file; hotseat never follows or reads it — if a sync brought it, delete it and tell the group";

/// After this many problems in one file's content, the rest are counted, not listed.
const MAX_PER_FILE: usize = 50;

impl Checker {
    fn problem(&mut self, path: &Path, line: usize, col: usize, message: impl Into<String>) {
        self.report.problems.push(Problem { path: path.to_path_buf(), line, col, message: message.into() });
    }

    fn at(&mut self, path: &Path, text: &str, seg: &[Seg], message: impl Into<String>) {
        let n = self.per_file.entry(path.to_path_buf()).or_default();
        *n += 1;
        if *n > MAX_PER_FILE {
            return;
        }
        let (l, c) = locate(text, seg);
        self.problem(path, l, c, format!("{}: {}", display(seg), message.into()));
    }

    /// One line for what a file held beyond the first [`MAX_PER_FILE`] problems.
    fn summarise(&mut self) {
        let mut over: Vec<(PathBuf, usize)> =
            self.per_file.iter().filter(|(_, n)| **n > MAX_PER_FILE).map(|(p, n)| (p.clone(), *n)).collect();
        over.sort();
        for (path, n) in over {
            self.problem(
                &path,
                1,
                1,
                format!(
                    "{} like the ones above in this file",
                    crate::model::words::count(n - MAX_PER_FILE, "more problem")
                ),
            );
        }
    }

    /// Read and decode a file, recording any problem.
    fn load<T: serde::de::DeserializeOwned>(&mut self, path: &Path) -> Option<(T, String)> {
        self.loaded(path, read_decoded(path))
    }

    /// What [`read_decoded`] gave for `path` (perhaps on another thread), recorded.
    fn loaded<T>(&mut self, path: &Path, read: Result<(T, String), StoreError>) -> Option<(T, String)> {
        self.report.files += 1;
        self.permissions(path, false);
        read.map_err(|e| self.report.problems.push(e.into())).ok()
    }

    fn permissions(&mut self, path: &Path, dir: bool) {
        let Ok(meta) = fs::symlink_metadata(path) else { return };
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            let fix = if dir { "chmod 700" } else { "chmod 600" };
            let what = if dir { "folder" } else { "file" };
            self.problem(
                path,
                1,
                1,
                format!(
                    "this {what} can be read by other users of this machine (mode {mode:o}); run `{fix} {}`",
                    path.display()
                ),
            );
        }
    }

    /// List a folder: data files, sub-folders; report sync debris.
    fn list(&mut self, dir: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
        let (mut files, mut dirs) = (Vec::new(), Vec::new());
        if fs::symlink_metadata(dir).is_ok_and(|m| !m.is_dir()) {
            return (files, dirs); // reported where it is listed; never followed
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (files, dirs),
            Err(e) => {
                self.problem(dir, 1, 1, format!("could not read this folder: {}", super::error::describe_io(&e)));
                return (files, dirs);
            }
        };
        self.permissions(dir, true);
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let path = e.path();
            if is_sync_debris(&name) {
                self.problem(
                    &path,
                    1,
                    1,
                    "a conflict copy left by a sync tool; hotseat never reads or deletes it — compare it with the real file, keep what matters, then delete it yourself",
                );
                continue;
            }
            if name.starts_with('.') {
                continue;
            }
            if e.file_type().is_ok_and(|t| !t.is_dir() && !t.is_file()) {
                self.problem(&path, 1, 1, NOT_FOLLOWED);
                continue;
            }
            if path.is_dir() {
                dirs.push(path);
            } else if name.ends_with(".json") {
                files.push(path);
            }
        }
        files.sort();
        dirs.sort();
        (files, dirs)
    }
}

/// Check the whole group folder at `root`.
pub fn check(root: &Path) -> Report {
    let mut c = Checker { layout: Layout::new(root), report: Report::default(), per_file: Default::default() };
    let group_path = c.layout.group();
    let (_, top_dirs) = c.list(root);
    if !group_path.exists() {
        c.problem(&group_path, 1, 1, "missing: this folder has no group (run `hotseat init --name \"…\"`)");
        return c.report;
    }
    let group = c.load::<Group>(&group_path);
    let members: HashSet<String> = match &group {
        Some((g, text)) => {
            let mut known = check_group(&mut c, &group_path, g, text);
            // Members archived at a term review (issue 11) are still named by older files.
            known.extend(g.term.iter().flat_map(|t| t.moved_on.iter().map(|m| m.id.clone())));
            known
        }
        None => HashSet::new(),
    };
    let _ = top_dirs;
    agenda::check_parking(&mut c, root, &members);

    // Meetings.
    let mut step_ids: HashMap<String, PathBuf> = HashMap::new();
    let mut open = Vec::new();
    let (files, _) = c.list(&c.layout.meetings_dir());
    let stem = |path: &Path| path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    // Meeting files are most of the work: a second thread reads and decodes the next ones
    // while this one checks, a few at a time.
    let wanted: Vec<PathBuf> = files.iter().filter(|p| meeting_sort_key(&stem(p)).is_some()).cloned().collect();
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel(0);
        scope.spawn(move || {
            for path in wanted {
                if tx.send(read_decoded::<Meeting>(&path)).is_err() {
                    return;
                }
            }
        });
        let mut decoded = rx.into_iter();
        for path in files {
            let stem = stem(&path);
            if meeting_sort_key(&stem).is_none() {
                c.problem(
                    &path,
                    1,
                    1,
                    "not a meeting file name (expected YYYY-MM-DD.json or YYYY-MM-DD-N.json); hotseat ignores it",
                );
                continue;
            }
            let read = decoded.next().expect("one decoded file for each meeting file");
            let Some((m, text)) = c.loaded::<Meeting>(&path, read) else { continue };
            if m.id != stem {
                c.at(
                    &path,
                    &text,
                    &[Seg::Key("id".into())],
                    format!("\"{}\" does not match the file name {stem}.json", m.id),
                );
            }
            if m.status == Status::Open {
                open.push(stem.clone());
            }
            meeting::check_meeting(&mut c, &path, &text, &m, &members, &mut step_ids);
        }
    });
    if open.len() > 1 {
        let path = c.layout.meetings_dir();
        c.problem(
            &path,
            1,
            1,
            format!("{} meetings are open at once ({}); close all but the newest", open.len(), open.join(", ")),
        );
    }

    members::check_members(&mut c, group.is_some(), &members);
    c.summarise();
    c.report
}

fn check_group(c: &mut Checker, path: &Path, g: &Group, text: &str) -> HashSet<String> {
    let mut ids = HashSet::new();
    for (i, m) in g.members.iter().enumerate() {
        let seg = [Seg::Key("members".into()), Seg::Index(i), Seg::Key("id".into())];
        if !is_valid_id(&m.id) {
            c.at(path, text, &seg, format!("{:?} is not a valid member id (lowercase letters, digits and -)", m.id));
        } else if !ids.insert(m.id.clone()) {
            c.at(path, text, &seg, format!("\"{}\" is used by two members", m.id));
        }
        if m.name.trim().is_empty() {
            c.at(
                path,
                text,
                &[Seg::Key("members".into()), Seg::Index(i), Seg::Key("name".into())],
                "a member needs a name",
            );
        }
    }
    for (i, m) in g.members.iter().enumerate() {
        if let Some(boss) = &m.reports_to
            && g.member(boss).is_none()
        {
            let seg = [Seg::Key("members".into()), Seg::Index(i), Seg::Key("reports_to".into())];
            c.at(path, text, &seg, format!("\"{boss}\" is not a member of the group"));
        }
    }
    if g.meeting_minutes == 0 {
        c.at(path, text, &[Seg::Key("meeting_minutes".into())], "a meeting must last at least a minute");
    }
    agenda::check(c, path, g, text);
    ids
}

/// Read and decode a file, with its text for positions in later checks.
fn read_decoded<T: serde::de::DeserializeOwned>(path: &Path) -> Result<(T, String), StoreError> {
    let bytes = super::fsio::read(path)?;
    let value = decode::<T>(path, &bytes)?;
    Ok((value, String::from_utf8_lossy(&bytes).into_owned()))
}

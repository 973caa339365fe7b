//! What `hotseat check` looks for inside one meeting file: owners and attendees who are
//! members, step ids used once, steps with a text, ratings from 1 to 10, and no private
//! note in the shared folder.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::Checker;
use crate::model::Meeting;
use crate::store::locate::Seg;

pub(super) fn check_meeting(
    c: &mut Checker,
    path: &Path,
    text: &str,
    m: &Meeting,
    members: &HashSet<String>,
    step_ids: &mut HashMap<String, PathBuf>,
) {
    let known = |id: &str| members.is_empty() || members.contains(id);
    if !m.private_notes.is_empty() {
        let n = m.private_notes.len();
        c.at(path, text, &[Seg::Key("private_notes".into())], crate::store::private::in_shared_folder(n));
    }
    for (i, s) in m.steps.iter().enumerate() {
        let base = || vec![Seg::Key("steps".into()), Seg::Index(i)];
        if !known(&s.owner) {
            let mut seg = base();
            seg.push(Seg::Key("owner".into()));
            c.at(path, text, &seg, format!("\"{}\" is not a member of the group", s.owner));
        }
        if let Some(other) = step_ids.insert(s.id.clone(), path.to_path_buf()) {
            let mut seg = base();
            seg.push(Seg::Key("id".into()));
            c.at(path, text, &seg, format!("step id \"{}\" is also used in {}", s.id, other.display()));
        }
        if s.text.trim().is_empty() {
            let mut seg = base();
            seg.push(Seg::Key("text".into()));
            c.at(path, text, &seg, "an action step needs a text");
        }
    }
    for (i, a) in m.attendance.iter().enumerate() {
        if !known(&a.member) {
            c.at(
                path,
                text,
                &[Seg::Key("attendance".into()), Seg::Index(i), Seg::Key("member".into())],
                format!("\"{}\" is not a member of the group", a.member),
            );
        }
    }
    for (i, r) in m.ratings.iter().enumerate() {
        if !(1..=10).contains(&r.score) {
            c.at(
                path,
                text,
                &[Seg::Key("ratings".into()), Seg::Index(i), Seg::Key("score".into())],
                format!("a rating is 1 to 10, not {}", r.score),
            );
        }
    }
}

//! `hotseat check` on a hand-edited agenda in `group.json`.

use std::path::Path;

use super::Checker;
use crate::model::Group;
use crate::model::agenda::At;
use crate::store::locate::Seg;

/// Report what is wrong with the group's agenda, each at its place in the file.
pub(super) fn check(c: &mut Checker, path: &Path, g: &Group, text: &str) {
    let Some(agenda) = &g.agenda else { return };
    for p in agenda.problems() {
        let mut seg = vec![Seg::Key("agenda".into())];
        seg.extend(p.at.iter().map(|a| match a {
            At::Key(k) => Seg::Key((*k).into()),
            At::Index(i) => Seg::Index(*i),
        }));
        c.at(path, text, &seg, p.message);
    }
}

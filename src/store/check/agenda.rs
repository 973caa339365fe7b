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

/// `parking.json`, when there is one: it parses, and names only members of the group.
pub(super) fn check_parking(c: &mut Checker, root: &Path, members: &std::collections::HashSet<String>) {
    let path = root.join(crate::store::parking::PARKING_FILE);
    if std::fs::symlink_metadata(&path).is_err() {
        return;
    }
    let Some((lot, text)) = c.load::<crate::model::parking::ParkingLot>(&path) else { return };
    for (i, item) in lot.items.iter().enumerate() {
        if let Some(m) = &item.member
            && !members.is_empty()
            && !members.contains(m)
        {
            let seg = [Seg::Key("items".into()), Seg::Index(i), Seg::Key("member".into())];
            c.at(&path, &text, &seg, format!("\"{m}\" is not a member in group.json"));
        }
    }
}

//! What `hotseat check` looks for in the members' folders: a folder for each member of
//! the group only, their goals, progress, prep (named for its meeting), Hot Team files,
//! and what the facilitator entered for them (`entered/`).

use std::collections::HashSet;
use std::path::Path;

use super::Checker;
use crate::model::{CheckinsFile, GoalsFile, PartnersFile, Prep, ProgressFile};
use crate::store::locate::Seg;

pub(super) fn check_members(c: &mut Checker, has_group: bool, members: &HashSet<String>) {
    let (_, dirs) = c.list(&c.layout.members_dir());
    for dir in dirs {
        let id = dir.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if has_group && !members.contains(&id) {
            c.problem(&dir, 1, 1, format!("a folder for \"{id}\", who is not a member in group.json"));
        }
        let (files, subdirs) = c.list(&dir);
        for f in files {
            match f.file_name().and_then(|n| n.to_str()) {
                Some("goals.json") => {
                    c.load::<GoalsFile>(&f);
                }
                Some("progress.json") => {
                    c.load::<ProgressFile>(&f);
                }
                _ => {}
            }
        }
        check_hot_team(c, &dir, &id, members);
        for sub in subdirs {
            // What the facilitator entered for the member: goals.json and prep/.
            if sub.file_name().and_then(|n| n.to_str()) == Some("entered") {
                let (files, inner) = c.list(&sub);
                for f in files.iter().filter(|f| f.file_name().and_then(|n| n.to_str()) == Some("goals.json")) {
                    c.load::<GoalsFile>(f);
                }
                for p in inner.iter().filter(|d| d.file_name().and_then(|n| n.to_str()) == Some("prep")) {
                    for f in c.list(p).0 {
                        c.load::<Prep>(&f);
                    }
                }
            }
            if sub.file_name().and_then(|n| n.to_str()) == Some("prep") {
                let (preps, _) = c.list(&sub);
                for p in preps {
                    if let Some((prep, text)) = c.load::<Prep>(&p) {
                        let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                        if prep.meeting.to_string() != stem {
                            c.at(
                                &p,
                                &text,
                                &[Seg::Key("meeting".into())],
                                format!("{} does not match the file name {stem}.json", prep.meeting),
                            );
                        }
                    }
                }
            }
        }
    }
}

/// A member's Hot Team files: `partners.json` (partners are members of the group or named
/// outsiders, ids unique) and `checkins.json` (each check-in names a partnership).
fn check_hot_team(c: &mut Checker, dir: &Path, member: &str, members: &HashSet<String>) {
    let partners_path = dir.join("partners.json");
    let mut ids: Option<HashSet<String>> = None;
    if partners_path.exists()
        && let Some((p, text)) = c.load::<PartnersFile>(&partners_path)
    {
        let mut seen = HashSet::new();
        for (i, ps) in p.partnerships.iter().enumerate() {
            let at = |k: &str| vec![Seg::Key("partnerships".into()), Seg::Index(i), Seg::Key(k.into())];
            if ps.id.trim().is_empty() {
                c.at(&partners_path, &text, &at("id"), "a partnership needs an id");
            } else if !seen.insert(ps.id.clone()) {
                c.at(&partners_path, &text, &at("id"), format!("\"{}\" is used by two partnerships", ps.id));
            }
            if ps.skill.trim().is_empty() {
                c.at(&partners_path, &text, &at("skill"), "a partnership needs the skill or goal it is for");
            }
            match &ps.partner {
                crate::model::Partner::Member(id) if id == member => {
                    c.at(&partners_path, &text, &at("partner"), "a member cannot be their own Hot Team partner")
                }
                crate::model::Partner::Member(id) if !members.is_empty() && !members.contains(id) => c.at(
                    &partners_path,
                    &text,
                    &at("partner"),
                    format!(
                        "\"{id}\" is not a member of the group (name an outside partner with {{\"outside\": \"Name\"}})"
                    ),
                ),
                crate::model::Partner::Outside(name) if name.trim().is_empty() => {
                    c.at(&partners_path, &text, &at("partner"), "an outside partner needs a name")
                }
                _ => {}
            }
            if let Some(end) = ps.ended
                && end < ps.since
            {
                c.at(&partners_path, &text, &at("ended"), format!("ends on {end}, before it began on {}", ps.since));
            }
        }
        ids = Some(seen);
    }
    let checkins_path = dir.join("checkins.json");
    if checkins_path.exists()
        && let Some((log, text)) = c.load::<CheckinsFile>(&checkins_path)
    {
        for (i, ck) in log.checkins.iter().enumerate() {
            if !ids.as_ref().is_some_and(|ids| ids.contains(&ck.partnership)) {
                c.at(
                    &checkins_path,
                    &text,
                    &[Seg::Key("checkins".into()), Seg::Index(i), Seg::Key("partnership".into())],
                    format!("\"{}\" is not a partnership in {}", ck.partnership, partners_path.display()),
                );
            }
        }
    }
}

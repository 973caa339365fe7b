//! The bundled demo group, compiled into the binary so that `cargo install` users have
//! it too. Its dates are written around 2030-01-15 and moved to today when copied, so
//! the demo always has a meeting today, one two weeks ago and one before that.

use std::path::Path;

use chrono::{Days, NaiveDate};

use crate::store::{StoreError, fsio};

/// The date the demo files are written around.
pub const ANCHOR: &str = "2030-01-15";

macro_rules! demo_files {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../assets/demo/", $path)))),*]
    };
}

/// Every demo file: (path inside the group folder, contents).
pub const FILES: &[(&str, &str)] = demo_files![
    "group.json",
    "meetings/2029-12-18.json",
    "meetings/2030-01-01.json",
    "members/ada/goals.json",
    "members/ada/prep/2030-01-15.json",
    "members/ben/goals.json",
    "members/ben/prep/2030-01-15.json",
    "members/ben/progress.json",
    "members/ben/partners.json",
    "members/ben/checkins.json",
    "members/chloe/goals.json",
    "members/chloe/prep/2030-01-15.json",
    "members/dev/goals.json",
    "members/dev/prep/2030-01-15.json",
    "members/dev/progress.json",
    "members/dev/partners.json",
    "members/dev/checkins.json",
    "members/elena/goals.json",
    "members/elena/prep/2030-01-15.json",
    "members/farid/goals.json",
];

/// Move a string that starts with a date by `days` (ids and file names start with dates).
fn shift_str(s: &str, days: i64) -> Option<String> {
    let head = s.get(..10)?;
    let d = NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()?;
    let moved = if days >= 0 {
        d.checked_add_days(Days::new(days as u64))
    } else {
        d.checked_sub_days(Days::new((-days) as u64))
    }?;
    Some(format!("{moved}{}", &s[10..]))
}

/// Move every JSON string that starts with a date, keeping the file as written.
fn shift_text(text: &str, days: i64) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('"') {
        out.push_str(&rest[..=i]);
        rest = &rest[i + 1..];
        if let Some(head) = rest.get(..10)
            && let Some(moved) = shift_str(head, days)
        {
            out.push_str(&moved);
            rest = &rest[10..];
        }
    }
    out.push_str(rest);
    out
}

/// Copy the demo into `dir` (which must be empty or absent), with its meeting today.
pub fn install(dir: &Path, today: NaiveDate) -> Result<(), StoreError> {
    let anchor = NaiveDate::parse_from_str(ANCHOR, "%Y-%m-%d").expect("valid anchor");
    let days = (today - anchor).num_days();
    fsio::ensure_dir(dir)?;
    // The folder is empty or new: make it private like every folder we create.
    std::fs::set_permissions(dir, std::os::unix::fs::PermissionsExt::from_mode(fsio::DIR_MODE))
        .map_err(|e| StoreError::io(dir, "set permissions on", &e))?;
    for (path, text) in FILES {
        let shifted = shift_text(text, days);
        let moved = path
            .split('/')
            .map(|part| shift_str(part, days).unwrap_or_else(|| part.to_string()))
            .collect::<Vec<_>>()
            .join("/");
        let target = dir.join(moved);
        if let Some(parent) = target.parent() {
            fsio::ensure_dir(parent)?;
        }
        fsio::write_atomic(&target, shifted.as_bytes(), None)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::partners::{CheckinsFile, PartnersFile};
    use crate::model::{GoalsFile, Group, Meeting, Prep, ProgressFile};
    use crate::store::decode::{decode, encode};

    fn resave<T: serde::de::DeserializeOwned + serde::Serialize>(path: &str, text: &str) -> Vec<u8> {
        encode(&decode::<T>(Path::new(path), text.as_bytes()).unwrap())
    }

    /// The demo files are exactly what hotseat itself would write, so saving a demo
    /// meeting changes only what the meeting changed.
    #[test]
    fn the_bundled_files_are_in_saved_form() {
        for (path, text) in FILES {
            let saved = match *path {
                "group.json" => resave::<Group>(path, text),
                p if p.starts_with("meetings/") => resave::<Meeting>(path, text),
                p if p.ends_with("goals.json") => resave::<GoalsFile>(path, text),
                p if p.ends_with("progress.json") => resave::<ProgressFile>(path, text),
                p if p.ends_with("partners.json") => resave::<PartnersFile>(path, text),
                p if p.ends_with("checkins.json") => resave::<CheckinsFile>(path, text),
                p if p.contains("/prep/") => resave::<Prep>(path, text),
                other => panic!("no type for {other}"),
            };
            assert_eq!(String::from_utf8(saved).unwrap(), *text, "{path} is not in saved form");
        }
    }

    #[test]
    fn shifting_moves_dates_ids_and_times_but_not_text() {
        assert_eq!(shift_str("2030-01-01", 3).as_deref(), Some("2030-01-04"));
        assert_eq!(shift_str("2030-01-01-4", -1).as_deref(), Some("2029-12-31-4"));
        assert_eq!(shift_str("2030-01-01T19:00:00+00:00", 1).as_deref(), Some("2030-01-02T19:00:00+00:00"));
        assert_eq!(shift_str("2030-01-01.json", 1).as_deref(), Some("2030-01-02.json"));
        assert_eq!(shift_str("Call ten accounts", 1), None);
        assert_eq!(shift_str("é", 1), None);
        let text = "{\"id\": \"2030-01-01-2\", \"note\": \"met on 2030-01-01\"}";
        assert_eq!(shift_text(text, 1), "{\"id\": \"2030-01-02-2\", \"note\": \"met on 2030-01-01\"}");
    }
}

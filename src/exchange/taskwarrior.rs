//! Taskwarrior (<https://taskwarrior.org>): `task import` reads a JSON array of tasks, and
//! `task export` writes one. We write plain tasks with no user-defined attributes: the
//! description, `due`, `project`, the tag `hotseat`, and our step id in an annotation
//! (`hs:<id>`). Each task's uuid is derived from the group and the step, so importing
//! a newer export updates the same tasks instead of adding copies.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use super::{Completion, TAG, one_line, project};
use crate::model::{ActionStep, Progress};

/// The tag on every task we write.
pub const TASK_TAG: &str = "hotseat";

#[derive(Debug, Serialize)]
struct Annotation {
    entry: String,
    description: String,
}

#[derive(Debug, Serialize)]
struct Task {
    uuid: String,
    description: String,
    status: &'static str,
    entry: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    project: String,
    tags: Vec<&'static str>,
    annotations: Vec<Annotation>,
}

/// Taskwarrior's date format: `20261121T230000Z` (UTC).
pub fn tw_date(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

fn parse_tw_date(s: &str) -> Option<DateTime<Utc>> {
    chrono::NaiveDateTime::parse_from_str(s, "%Y%m%dT%H%M%SZ").ok().map(|n| n.and_utc())
}

/// A due date as Taskwarrior stores `due:DATE` typed by a user at `offset`: local
/// midnight, in UTC.
fn due_at(d: NaiveDate, offset: FixedOffset) -> DateTime<Utc> {
    offset
        .from_local_datetime(&d.and_time(NaiveTime::MIN))
        .single()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| d.and_time(NaiveTime::MIN).and_utc())
}

/// A stable uuid for a step of a group: FNV-1a over both, formatted as a version-4-style
/// uuid (Taskwarrior checks the form, not the version).
pub fn uuid(group_name: &str, step: &str) -> String {
    let hash = |seed: u64| {
        let mut h = seed;
        for b in group_name.bytes().chain([0u8]).chain(step.bytes()) {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        // A finaliser spreads nearby inputs over the whole range.
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51afd7ed558ccd);
        h ^= h >> 33;
        h
    };
    let (a, b) = (hash(0xcbf29ce484222325), hash(0x84222325cbf29ce4));
    let x = ((a as u128) << 64) | b as u128;
    let hex = format!("{x:032x}");
    format!(
        "{}-{}-4{}-{:x}{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        (u8::from_str_radix(&hex[16..17], 16).unwrap_or(0) & 0x3) | 0x8,
        &hex[17..20],
        &hex[20..32]
    )
}

/// The JSON array `task import` reads.
pub fn export(group_name: &str, steps: &[&ActionStep], offset: FixedOffset) -> String {
    let tasks: Vec<Task> = steps
        .iter()
        .map(|s| {
            let entry = tw_date(s.created_at.with_timezone(&Utc));
            let mut annotations = vec![Annotation { entry: entry.clone(), description: format!("{TAG}{}", s.id) }];
            if !s.measurable_result.trim().is_empty() {
                annotations.push(Annotation {
                    entry: entry.clone(),
                    description: format!("Measurable result: {}", one_line(&s.measurable_result)),
                });
            }
            Task {
                uuid: uuid(group_name, &s.id),
                description: one_line(&s.text),
                status: "pending",
                entry,
                due: s.due.map(|d| tw_date(due_at(d, offset))),
                project: project(group_name),
                tags: vec![TASK_TAG],
                annotations,
            }
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&tasks).expect("tasks always serialise");
    out.push('\n');
    out
}

#[derive(Debug, Deserialize)]
struct InAnnotation {
    #[serde(default)]
    description: String,
}

#[derive(Debug, Deserialize)]
struct InTask {
    #[serde(default)]
    status: String,
    #[serde(default)]
    end: Option<String>,
    #[serde(default)]
    annotations: Vec<InAnnotation>,
}

/// Why a `task export` file could not be read: line, column, message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadExport {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

/// Completed (→ done) and deleted (→ dropped) tasks that carry our id. Reads the JSON
/// array `task export` writes, and also one task object per line (older versions).
pub fn completions(text: &str) -> Result<Vec<Completion>, BadExport> {
    let bad = |e: serde_json::Error| BadExport {
        line: e.line().max(1),
        col: e.column().max(1),
        message: {
            let m = e.to_string();
            match m.rfind(" at line ") {
                Some(i) => m[..i].to_string(),
                None => m,
            }
        },
    };
    let trimmed = text.trim_start();
    let tasks: Vec<(usize, InTask)> = if trimmed.starts_with('[') || trimmed.is_empty() {
        if trimmed.is_empty() {
            return Err(BadExport {
                line: 1,
                col: 1,
                message: "the file is empty; expected `task export` output".into(),
            });
        }
        let values: Vec<serde_json::Value> = serde_json::from_str(text).map_err(bad)?;
        let mut out = Vec::new();
        for (i, v) in values.into_iter().enumerate() {
            let t: InTask = serde_json::from_value(v).map_err(|e| BadExport {
                line: 1,
                col: 1,
                message: format!("task {}: {}", i + 1, e),
            })?;
            out.push((i + 1, t));
        }
        out
    } else {
        let mut out = Vec::new();
        for (i, l) in text.lines().enumerate() {
            let l = l.trim().trim_end_matches(',');
            if l.is_empty() {
                continue;
            }
            let t: InTask = serde_json::from_str(l).map_err(|e| BadExport { line: i + 1, ..bad(e) })?;
            out.push((i + 1, t));
        }
        out
    };
    let mut found = Vec::new();
    for (n, t) in tasks {
        let progress = match t.status.as_str() {
            "completed" => Progress::Done,
            "deleted" => Progress::Dropped,
            _ => continue,
        };
        let Some(step) = t.annotations.iter().find_map(|a| a.description.trim().strip_prefix(TAG)) else { continue };
        let step = step.trim();
        if step.is_empty() {
            continue;
        }
        let on = t.end.as_deref().and_then(parse_tw_date).map(|d| d.date_naive());
        found.push(Completion { step: step.to_string(), progress, on, line: n });
    }
    Ok(found)
}

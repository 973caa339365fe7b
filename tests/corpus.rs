//! A corpus of broken files: each kind of damage, in the group file, a meeting file and
//! the member files. For every one: no panic; `hotseat check` and `hotseat actions` exit
//! non-zero naming `path:line:col` and what was expected; a meeting either refuses with
//! the same sentence or goes on with a banner; the file's bytes are never changed.

mod support;

use std::fs;
use std::path::Path;
use std::process::Command;

use hotseat::store::snapshot::{Context, Strictness};
use support::*;

const GROUP: &str = "group.json";
const MEETING: &str = "meetings/2030-01-01.json";
const GOALS: &str = "members/ada/goals.json";
const PROGRESS: &str = "members/ben/progress.json";
const PREP: &str = "members/ada/prep/2030-01-15.json";
const ALL: [&str; 5] = [GROUP, MEETING, GOALS, PROGRESS, PREP];

/// One broken file and what hotseat must say about it.
struct Case {
    name: String,
    target: &'static str,
    bytes: Vec<u8>,
    line: usize,
    /// The column, where it is exact.
    col: Option<usize>,
    /// What the message must contain after `path:line:col: `.
    says: String,
}

fn original(target: &str) -> String {
    hotseat::store::demo::FILES.iter().find(|(p, _)| *p == target).map(|(_, t)| t.to_string()).expect("a demo file")
}

/// 1-based line and column (in characters) of the first `needle`.
fn find(text: &str, needle: &str) -> (usize, usize) {
    let i = text.find(needle).unwrap_or_else(|| panic!("{needle:?} is in the file"));
    let line = text[..i].matches('\n').count() + 1;
    let start = text[..i].rfind('\n').map(|j| j + 1).unwrap_or(0);
    (line, text[start..i].chars().count() + 1)
}

fn replaced(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from:?} is in the file");
    text.replacen(from, to, 1)
}

fn case(
    name: &str,
    target: &'static str,
    bytes: impl Into<Vec<u8>>,
    line: usize,
    col: Option<usize>,
    says: &str,
) -> Case {
    Case { name: name.to_string(), target, bytes: bytes.into(), line, col, says: says.to_string() }
}

fn run(args: &[&str], dir: &Path) -> (i32, String, String) {
    let o = Command::new(bin())
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .env_remove("HOTSEAT_DATA_DIR")
        .output()
        .expect("runs");
    let code = o.status.code().unwrap_or(-1);
    (code, String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

fn is_member_file(target: &str) -> bool {
    target.starts_with("members/")
}

/// Put the broken file in a fresh demo and hold hotseat to its promises.
fn verify(c: &Case) {
    let demo = Demo::quick();
    let path = demo.path(c.target);
    fs::write(&path, &c.bytes).expect("write the broken file");
    let at = match c.col {
        Some(col) => format!("{}:{}:{col}: ", path.display(), c.line),
        None => format!("{}:{}:", path.display(), c.line),
    };
    let ctx = format!("{} in {}", c.name, c.target);

    // The library: the error names the place; a meeting goes on without a member file.
    let strict = Context::load(&demo.store(), Strictness::Strict).map(|_| ()).expect_err(&ctx).to_string();
    assert!(strict.starts_with(&at), "{ctx}: {strict}");
    assert!(strict.contains(&c.says), "{ctx}: {strict}");
    match Context::load(&demo.store(), Strictness::Lenient) {
        Ok(loaded) => {
            assert!(is_member_file(c.target), "{ctx}: loaded anyway");
            let app = hotseat::facilitator::App::new(loaded);
            let banner = app.ui.banner.clone().unwrap_or_default();
            assert!(banner.starts_with("Not shown: ") && banner.contains(&at), "{ctx}: {banner}");
            let screen = shown(&app, 80, 24, at_time());
            assert!(screen.contains("Not shown: "), "{ctx}: no banner on screen\n{screen}");
        }
        Err(e) => assert!(!is_member_file(c.target), "{ctx}: a member file stopped the meeting: {e}"),
    }

    // `hotseat check`: every problem on stdout, exit 1.
    let (code, out, err) = run(&["check"], &demo.root);
    assert_eq!(code, 1, "{ctx}: check exit\n{out}{err}");
    let line = out.lines().find(|l| l.starts_with(&at)).unwrap_or_else(|| panic!("{ctx}: check says\n{out}"));
    assert!(line.contains(&c.says), "{ctx}: {line}");
    assert!(err.starts_with("hotseat: ") && err.contains("found in"), "{ctx}: {err}");

    // `hotseat actions` (and with --json): one sentence on stderr, exit 1.
    for args in [&["actions"][..], &["actions", "--json"][..]] {
        let (code, out, err) = run(args, &demo.root);
        assert_eq!((code, out.as_str()), (1, ""), "{ctx}: {args:?}\n{err}");
        assert!(err.starts_with(&format!("hotseat: {at}")), "{ctx}: {args:?}: {err}");
        assert!(err.contains(&c.says), "{ctx}: {err}");
        assert_eq!(err.lines().count(), 1, "{ctx}: {err}");
    }

    // `hotseat meeting`: refuses with the same sentence, or (a member file) gets as far
    // as asking for a terminal — the TUI would show the banner.
    let (code, _, err) = run(&["meeting"], &demo.root);
    assert_eq!(code, 1, "{ctx}: {err}");
    if is_member_file(c.target) {
        assert!(err.contains("needs a terminal"), "{ctx}: {err}");
    } else {
        assert!(err.starts_with(&format!("hotseat: {at}")), "{ctx}: {err}");
    }

    for (_, _, err) in [run(&["check"], &demo.root), run(&["actions", "--all"], &demo.root)] {
        assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "{ctx}: {err}");
    }
    assert_eq!(fs::read(&path).expect("read"), c.bytes, "{ctx}: the file was changed");
    assert!(!files_under(&demo.root).iter().any(|p| p.to_string_lossy().contains(".tmp-")), "{ctx}");
}

fn at_time() -> chrono::DateTime<chrono::FixedOffset> {
    at(17, 55, 0)
}

fn verify_all(cases: &[Case]) {
    assert!(!cases.is_empty());
    for c in cases {
        verify(c);
    }
}

#[test]
fn truncated() {
    let cases: Vec<Case> = ALL
        .iter()
        .map(|&t| {
            let text = original(t);
            let mut cut = text.len() * 3 / 5;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let head = &text[..cut];
            let line = head.matches('\n').count() + 1;
            case("truncated", t, head, line, None, "the file ends too early")
        })
        .collect();
    verify_all(&cases);
}

#[test]
fn trailing_garbage() {
    let cases: Vec<Case> = ALL
        .iter()
        .map(|&t| {
            let text = original(t);
            let line = text.matches('\n').count() + 2;
            case("trailing garbage", t, format!("{text}\n}},\"oops\"\n"), line, Some(1), "trailing characters")
        })
        .collect();
    verify_all(&cases);
}

#[test]
fn empty_and_blank() {
    let mut cases = Vec::new();
    for t in ALL {
        cases.push(case("empty", t, "", 1, Some(1), "the file is empty; expected a JSON object"));
        cases.push(case("blank", t, "  \n\n", 1, Some(1), "the file is empty; expected a JSON object"));
    }
    verify_all(&cases);
}

#[test]
fn nul_bytes() {
    let cases: Vec<Case> = ALL
        .iter()
        .map(|&t| {
            let text = original(t);
            let (line, col) = find(&text, "\"version\"");
            case("NUL byte", t, replaced(&text, "\"version\"", "\0\"version\""), line, Some(col), "contains a NUL byte")
        })
        .collect();
    verify_all(&cases);
}

#[test]
fn byte_order_mark() {
    let cases: Vec<Case> = ALL
        .iter()
        .map(|&t| {
            let mut b = vec![0xEF, 0xBB, 0xBF];
            b.extend_from_slice(original(t).as_bytes());
            case("BOM", t, b, 1, Some(1), "starts with a byte-order mark; save it as UTF-8 without a BOM")
        })
        .collect();
    verify_all(&cases);
}

#[test]
fn invalid_utf8() {
    let cases: Vec<Case> = ALL
        .iter()
        .map(|&t| {
            let text = original(t);
            // Break the first string value after "version": the third line's.
            let third = text.lines().nth(2).expect("a third line").to_string();
            let quote = third.rfind('"').expect("a string on the third line");
            let offset = text.find(&third).expect("line") + quote - 1;
            let col = third[..quote - 1].chars().count() + 1;
            let mut b = text.into_bytes();
            b[offset] = 0xFF;
            case("invalid UTF-8", t, b, 3, Some(col), "the file is not valid UTF-8 text")
        })
        .collect();
    verify_all(&cases);
}

#[test]
fn deeply_nested() {
    let mut cases = Vec::new();
    for t in ALL {
        let text = original(t);
        let deep = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
        let nested = replaced(&text, "\"version\": 1,", &format!("\"version\": 1,\n  \"deep\": {deep},"));
        cases.push(case("deeply nested", t, nested, 3, None, "recursion limit exceeded"));
        let open =
            replaced(&text, "\"version\": 1,", &format!("\"version\": 1,\n  \"deep\": {}", "{\"a\":".repeat(30_000)));
        cases.push(case("deeply nested, unclosed", t, open, 3, None, "recursion limit exceeded"));
    }
    verify_all(&cases);
}

#[test]
fn very_large() {
    // Generated here, never committed: a valid file padded past the 64 MB limit.
    let mut cases = Vec::new();
    for t in [GOALS, MEETING] {
        let text = original(t);
        let padded = replaced(&text, "\"version\": 1,", &format!("\"version\": 1,{}", " ".repeat(65 * 1024 * 1024)));
        cases.push(case(
            "very large",
            t,
            padded,
            1,
            Some(1),
            "the file is too large (65 MB; hotseat reads files up to 64 MB)",
        ));
    }
    verify_all(&cases);
}

#[test]
fn a_large_file_within_the_limit_is_read() {
    let demo = Demo::quick();
    let path = demo.path(GOALS);
    let long = "x".repeat(8 * 1024 * 1024);
    let text = replaced(&original(GOALS), "Close the seed extension", &long);
    fs::write(&path, &text).expect("write");
    let (code, out, err) = run(&["check"], &demo.root);
    assert_eq!(code, 0, "{out}{err}");
    let ctx = Context::load(&demo.store(), Strictness::Strict).expect("loads");
    assert_eq!(ctx.goals_of("ada")[0].title.len(), long.len());
}

#[test]
fn wrong_types() {
    let g = original(GROUP);
    let m = original(MEETING);
    let goals = original(GOALS);
    let p = original(PROGRESS);
    let prep = original(PREP);
    let at = |text: &str, needle: &str| find(text, needle).0;
    let cases = vec![
        case(
            "minutes as words",
            GROUP,
            replaced(&g, "\"meeting_minutes\": 120", "\"meeting_minutes\": \"two hours\""),
            at(&g, "\"meeting_minutes\""),
            None,
            "meeting_minutes: invalid type: string \"two hours\", expected u32",
        ),
        case(
            "a name as a number",
            GROUP,
            replaced(&g, "\"name\": \"Chloé Martin\"", "\"name\": 42"),
            at(&g, "Chloé Martin"),
            None,
            "members[2].name: invalid type: integer `42`, expected a string",
        ),
        case(
            "negative minutes",
            GROUP,
            replaced(&g, "\"meeting_minutes\": 120", "\"meeting_minutes\": -5"),
            at(&g, "\"meeting_minutes\""),
            None,
            "meeting_minutes: invalid value: integer `-5`, expected u32",
        ),
        case(
            "a due date as a number",
            MEETING,
            replaced(&m, "\"due\": \"2030-01-13\"", "\"due\": 20300113"),
            at(&m, "\"due\": \"2030-01-13\""),
            None,
            "steps[3].due: invalid type: integer `20300113`",
        ),
        case(
            "a date that is not a date",
            MEETING,
            replaced(&m, "\"due\": \"2030-01-13\"", "\"due\": \"2030-02-30\""),
            at(&m, "\"due\": \"2030-01-13\""),
            None,
            "steps[3].due: input is out of range",
        ),
        case(
            "a progress as a number, deep in the history",
            MEETING,
            replaced(&m, "\"progress\": \"not_done\",\n          \"note\"", "\"progress\": 3,\n          \"note\""),
            at(&m, "\"progress\": \"not_done\",\n          \"note\""),
            None,
            "open_after[1].history[0].progress: invalid type: expected a string",
        ),
        case(
            "a deadline as a boolean",
            GOALS,
            replaced(&goals, "\"deadline\": \"2030-06-30\"", "\"deadline\": true"),
            at(&goals, "\"deadline\": \"2030-06-30\""),
            None,
            "goals[1].deadline: invalid type: boolean `true`",
        ),
        case(
            "a time as a number",
            PROGRESS,
            replaced(&p, "\"at\": \"2030-01-13T17:30:00Z\"", "\"at\": 17"),
            at(&p, "\"at\""),
            None,
            "entries[0].at: invalid type: integer `17`",
        ),
        case(
            "questions as one string",
            PREP,
            {
                let start = prep.find("\"questions\": [").expect("questions");
                let end = start + prep[start..].find(']').expect("end of questions");
                format!("{}\"questions\": \"just one\"{}", &prep[..start], &prep[end + 1..])
            },
            at(&prep, "\"questions\""),
            None,
            "questions: invalid type: string \"just one\", expected a sequence",
        ),
        case(
            "an array for the whole file",
            GOALS,
            "[\n  {\"version\": 1}\n]\n",
            1,
            Some(1),
            "expected a JSON object starting with `{`",
        ),
        case("null for the whole file", PREP, "null\n", 1, Some(1), "expected a JSON object starting with `{`"),
        case(
            "the version as a string",
            PROGRESS,
            replaced(&p, "\"version\": 1", "\"version\": \"1\""),
            2,
            Some(3),
            "version: expected a positive whole number, found \"1\"",
        ),
        case(
            "version zero",
            GROUP,
            replaced(&g, "\"version\": 1", "\"version\": 0"),
            2,
            Some(3),
            "version: expected a positive whole number, found 0",
        ),
    ];
    verify_all(&cases);
}

#[test]
fn unknown_enum_values() {
    let g = original(GROUP);
    let m = original(MEETING);
    let p = original(PROGRESS);
    let at = |text: &str, needle: &str| find(text, needle).0;
    let cases = vec![
        case(
            "a cadence nobody knows",
            GROUP,
            replaced(&g, "\"cadence\": \"biweekly\"", "\"cadence\": \"yearly\""),
            at(&g, "\"cadence\""),
            None,
            "cadence: unknown variant `yearly`, expected one of `weekly`, `biweekly`, `monthly`",
        ),
        case(
            "a status nobody knows",
            MEETING,
            replaced(&m, "\"status\": \"closed\"", "\"status\": \"archived\""),
            at(&m, "\"status\""),
            None,
            "status: unknown variant `archived`, expected `open` or `closed`",
        ),
        case(
            "a progress nobody knows",
            MEETING,
            replaced(&m, "\"progress\": \"partial\"", "\"progress\": \"halfway\""),
            at(&m, "\"progress\": \"partial\""),
            None,
            "reviews[2].progress: unknown variant `halfway`, expected one of `open`, `done`, `partial`, `not_done`, `dropped`",
        ),
        case(
            "a presence nobody knows",
            MEETING,
            replaced(&m, "\"presence\": \"present\"", "\"presence\": \"zoom\""),
            at(&m, "\"presence\""),
            None,
            "attendance[0].presence: unknown variant `zoom`",
        ),
        case(
            "a member's progress nobody knows",
            PROGRESS,
            replaced(&p, "\"progress\": \"done\"", "\"progress\": \"finished\""),
            at(&p, "\"progress\""),
            None,
            "entries[0].progress: unknown variant `finished`",
        ),
    ];
    verify_all(&cases);
}

#[test]
fn missing_required_fields() {
    let g = original(GROUP);
    let m = original(MEETING);
    let goals = original(GOALS);
    let p = original(PROGRESS);
    let prep = original(PREP);
    let lines = |t: &str| t.matches('\n').count();
    // serde reports a missing field where the object ends.
    let end_of = |text: &str, after: &str| {
        let i = text.find(after).expect("anchor");
        let close = i + text[i..].find('}').expect("the object's end");
        text[..close].matches('\n').count() + 1
    };
    let no_name = replaced(&g, "  \"name\": \"Northside Leaders\",\n", "");
    let no_id = replaced(&g, "      \"id\": \"ben\",\n", "");
    let no_owner = replaced(&m, "      \"owner\": \"ben\",\n", "");
    let no_start = replaced(&m, "  \"started_at\": \"2030-01-01T19:00:00Z\",\n", "");
    let no_title = replaced(&goals, "      \"title\": \"Close the seed extension\",\n", "");
    let no_step = replaced(&p, "      \"step\": \"2030-01-01-3\",\n", "");
    let no_date = replaced(&prep, "  \"meeting\": \"2030-01-15\",\n", "");
    let cases = vec![
        case("no group name", GROUP, no_name.clone(), lines(&no_name), None, "missing field `name`"),
        case(
            "a member without an id",
            GROUP,
            no_id.clone(),
            end_of(&no_id, "Ben Hartley"),
            None,
            "members[1]: missing field `id`",
        ),
        case(
            "a step without an owner",
            MEETING,
            no_owner.clone(),
            end_of(&no_owner, "Call the 10 dormant"),
            None,
            "steps[2]: missing field `owner`",
        ),
        case("no start time", MEETING, no_start.clone(), lines(&no_start), None, "missing field `started_at`"),
        case(
            "a goal without a title",
            GOALS,
            no_title.clone(),
            end_of(&no_title, "\"g1\""),
            None,
            "goals[0]: missing field `title`",
        ),
        case(
            "a report without its step",
            PROGRESS,
            no_step.clone(),
            end_of(&no_step, "\"done\""),
            None,
            "entries[0]: missing field `step`",
        ),
        case("prep without its meeting", PREP, no_date.clone(), lines(&no_date), None, "missing field `meeting`"),
    ];
    let mut cases = cases;
    for t in ALL {
        let text = replaced(&original(t), "  \"version\": 1,\n", "");
        cases.push(case("no version", t, text, 1, Some(1), "missing field `version`"));
    }
    verify_all(&cases);
}

#[test]
fn git_conflict_markers() {
    let cases: Vec<Case> = ALL
        .iter()
        .map(|&t| {
            let text = original(t);
            let third = text.lines().nth(2).expect("a third line").to_string();
            let conflicted = replaced(
                &text,
                &format!("{third}\n"),
                &format!("<<<<<<< HEAD\n{third}\n=======\n{}\n>>>>>>> theirs\n", third.replace('"', "\"x")),
            );
            case("conflict markers", t, conflicted, 3, Some(1), "unresolved merge conflict")
        })
        .collect();
    verify_all(&cases);
}

#[test]
fn newer_version() {
    let cases: Vec<Case> = ALL
        .iter()
        .map(|&t| {
            let text = replaced(&original(t), "\"version\": 1", "\"version\": 2");
            case(
                "newer version",
                t,
                text,
                1,
                Some(1),
                "written by a newer hotseat (format version 2; this one reads up to 1)",
            )
        })
        .collect();
    verify_all(&cases);
}

#[test]
fn values_that_parse_but_make_no_sense_are_checked_too() {
    let g = original(GROUP);
    let cases = vec![
        case(
            "an unsafe member id",
            GROUP,
            replaced(&g, "\"id\": \"ben\"", "\"id\": \"../ben\""),
            find(&g, "\"id\": \"ben\"").0,
            None,
            "members[1].id: \"../ben\" is not a valid member id",
        ),
        case(
            "two members with one id",
            GROUP,
            replaced(&g, "\"id\": \"ben\"", "\"id\": \"ada\""),
            find(&g, "\"id\": \"ben\"").0,
            None,
            "\"ada\" is used by two members",
        ),
    ];
    verify_all(&cases);
}

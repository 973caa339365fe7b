//! The broken-file corpus's harness: one damaged file in a fresh demo, and what
//! hotseat must say about it everywhere it is read (tests/corpus.rs, tests/corpus_schema.rs).

use std::fs;
use std::path::Path;
use std::process::Command;

use hotseat::store::snapshot::{Context, Strictness};

use super::{Demo, at, bin, files_under, shown};

pub const GROUP: &str = "group.json";
pub const MEETING: &str = "meetings/2030-01-01.json";
pub const GOALS: &str = "members/ada/goals.json";
pub const PROGRESS: &str = "members/ben/progress.json";
pub const PREP: &str = "members/ada/prep/2030-01-15.json";
pub const ALL: [&str; 5] = [GROUP, MEETING, GOALS, PROGRESS, PREP];

/// One broken file and what hotseat must say about it.
pub struct Case {
    pub name: String,
    pub target: &'static str,
    pub bytes: Vec<u8>,
    pub line: usize,
    /// The column, where it is exact.
    pub col: Option<usize>,
    /// What the message must contain after `path:line:col: `.
    pub says: String,
}

pub fn original(target: &str) -> String {
    hotseat::store::demo::FILES.iter().find(|(p, _)| *p == target).map(|(_, t)| t.to_string()).expect("a demo file")
}

/// 1-based line and column (in characters) of the first `needle`.
pub fn find(text: &str, needle: &str) -> (usize, usize) {
    let i = text.find(needle).unwrap_or_else(|| panic!("{needle:?} is in the file"));
    let line = text[..i].matches('\n').count() + 1;
    let start = text[..i].rfind('\n').map(|j| j + 1).unwrap_or(0);
    (line, text[start..i].chars().count() + 1)
}

pub fn replaced(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from:?} is in the file");
    text.replacen(from, to, 1)
}

pub fn case(
    name: &str,
    target: &'static str,
    bytes: impl Into<Vec<u8>>,
    line: usize,
    col: Option<usize>,
    says: &str,
) -> Case {
    Case { name: name.to_string(), target, bytes: bytes.into(), line, col, says: says.to_string() }
}

pub fn run(args: &[&str], dir: &Path) -> (i32, String, String) {
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

pub fn is_member_file(target: &str) -> bool {
    target.starts_with("members/")
}

/// Put the broken file in a fresh demo and hold hotseat to its promises.
pub fn verify(c: &Case) {
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

pub fn at_time() -> chrono::DateTime<chrono::FixedOffset> {
    at(17, 55, 0)
}

pub fn verify_all(cases: &[Case]) {
    assert!(!cases.is_empty());
    for c in cases {
        verify(c);
    }
}

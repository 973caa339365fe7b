//! A corpus of broken files: each kind of damage, in the group file, a meeting file and
//! the member files. For every one: no panic; `hotseat check` and `hotseat actions` exit
//! non-zero naming `path:line:col` and what was expected; a meeting either refuses with
//! the same sentence or goes on with a banner; the file's bytes are never changed.

mod support;

use std::fs;

use hotseat::store::snapshot::{Context, Strictness};
use support::corpus::*;
use support::*;

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

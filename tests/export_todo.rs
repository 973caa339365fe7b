//! `hotseat export todo` and `hotseat import todo`, including a round trip through the
//! real todo.txt CLI (Debian's todotxt-cli, command `todo-txt`; `todo.sh` elsewhere).

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use support::*;

fn setup() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    cli_folder(install_demo)
}

#[test]
fn exports_open_steps_as_todo_txt_lines() {
    let (_t, data, home) = setup();
    let out = succeeds(hs(&data, &home).args(["export", "todo", "--member", "ada"]));
    assert_eq!(
        out,
        "2030-01-01 Send the investor update to the 5 warmest leads +northside-leaders due:2030-01-12 hs:2030-01-01-1\n\
         2030-01-01 Hand the weekly ops meeting to the head of operations +northside-leaders due:2030-01-15 hs:2030-01-01-2\n"
    );
    // --out writes the same bytes atomically, private.
    let file = data.parent().unwrap().join("ada.todo.txt");
    hs(&data, &home).args(["export", "todo", "--member", "ada", "--out"]).arg(&file).assert().success();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), out);
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
}

#[test]
fn import_reads_completed_lines_with_our_tag_and_ignores_the_rest() {
    let (t, data, home) = setup();
    let file = t.path().join("todo.txt");
    std::fs::write(
        &file,
        "x 2030-01-10 2030-01-01 Send the investor update +northside-leaders hs:2030-01-01-1\n\
         x 2030-01-09 Buy milk\n\
         2030-01-01 Hand the weekly ops meeting hs:2030-01-01-2\n\
         (A) call mum @phone\n",
    )
    .unwrap();
    let out = succeeds(hs(&data, &home).args(["import", "todo", "--member", "ada"]).arg(&file));
    assert!(out.contains("2030-01-01-1  done") && out.contains("Recorded 1 step"), "{out}");
    let progress = std::fs::read_to_string(data.join("members/ada/progress.json")).unwrap();
    assert!(progress.contains("done in todo.txt on 2030-01-10"), "{progress}");
    assert!(!progress.contains("2030-01-01-2"), "an open line is not progress");
    // Importing again adds nothing.
    let before = std::fs::read(data.join("members/ada/progress.json")).unwrap();
    assert!(succeeds(hs(&data, &home).args(["import", "todo", "--member", "ada"]).arg(&file)).contains("Nothing new"));
    assert_eq!(std::fs::read(data.join("members/ada/progress.json")).unwrap(), before);
}

#[test]
fn bad_input_is_one_sentence_and_writes_nothing() {
    let (t, data, home) = setup();
    let before = tree(&data);
    fails_with(hs(&data, &home).args(["export", "todo", "--member", "zed"]), "there is no member \"zed\"");
    fails_with(
        hs(&data, &home).args(["export", "todo", "--member", "ada", "--out"]).arg(t.path().join("no/such/dir/x.txt")),
        "does not exist",
    );
    let theirs = t.path().join("theirs.txt");
    std::fs::write(&theirs, "x 2030-01-10 ok hs:2030-01-01-1\nx 2030-01-10 Ben's hs:2030-01-01-3\n").unwrap();
    fails_with(
        hs(&data, &home).args(["import", "todo", "--member", "ada"]).arg(&theirs),
        "theirs.txt:2: hs:2030-01-01-3 is not one of Ada Okafor's action steps",
    );
    let unknown = t.path().join("unknown.txt");
    std::fs::write(&unknown, "x 2030-01-10 gone hs:1999-01-01-1\n").unwrap();
    fails_with(
        hs(&data, &home).args(["import", "todo", "--member", "ada"]).arg(&unknown),
        "hs:1999-01-01-1 is not one of",
    );
    let binary = t.path().join("binary.txt");
    std::fs::write(&binary, b"x 2030-01-10 \xff\xfe hs:2030-01-01-1\n").unwrap();
    fails_with(
        hs(&data, &home).args(["import", "todo", "--member", "ada"]).arg(&binary),
        "binary.txt:1:14: the file is not valid UTF-8",
    );
    fails_with(
        hs(&data, &home).args(["import", "todo", "--member", "ada"]).arg(t.path().join("missing.txt")),
        "could not read",
    );
    fails_with(hs(&data, &home).args(["import", "todo", "--member", "zed"]).arg(&theirs), "there is no member \"zed\"");
    assert_eq!(changed(&before, &tree(&data)), Vec::<String>::new());
}

/// The todo.txt CLI, if installed: `todo-txt` (Debian) or `todo.sh`. Under CI it must be.
fn todo_cli() -> Option<&'static str> {
    for c in ["todo-txt", "todo.sh"] {
        if Command::new("sh").arg("-c").arg(format!("command -v {c}")).output().is_ok_and(|o| o.status.success()) {
            return Some(c);
        }
    }
    assert!(std::env::var_os("CI").is_none(), "CI must install todotxt-cli (see .ci/run)");
    eprintln!("todo.txt CLI not installed; skipping the interop test (apt-get install todotxt-cli)");
    None
}

fn todo(cli: &str, cfg: &Path, home: &Path, args: &[&str]) -> String {
    let out = Command::new(cli)
        .env("HOME", home)
        .env_remove("TODOTXT_CFG_FILE")
        .env_remove("TODO_DIR")
        .arg("-d")
        .arg(cfg)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{cli} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn round_trip_through_the_real_todo_txt_cli() {
    let Some(cli) = todo_cli() else { return };
    let (t, data, home) = setup();
    let dir = t.path().join("todo");
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = t.path().join("todo.cfg");
    std::fs::write(
        &cfg,
        format!(
            "export TODO_DIR=\"{}\"\nexport TODO_FILE=\"$TODO_DIR/todo.txt\"\nexport DONE_FILE=\"$TODO_DIR/done.txt\"\nexport REPORT_FILE=\"$TODO_DIR/report.txt\"\n",
            dir.display()
        ),
    )
    .unwrap();
    hs(&data, &home).args(["export", "todo", "--member", "ada", "--out"]).arg(dir.join("todo.txt")).assert().success();
    // The CLI lists both, in our project, with the due dates and our tags.
    let listed = todo(cli, &cfg, &home, &["-p", "ls"]);
    assert!(listed.contains("1 2030-01-01 Send the investor update to the 5 warmest leads +northside-leaders due:2030-01-12 hs:2030-01-01-1"), "{listed}");
    assert!(listed.contains("TODO: 2 of 2 tasks shown"), "{listed}");
    assert_eq!(todo(cli, &cfg, &home, &["-p", "listproj"]).trim(), "+northside-leaders");
    assert!(todo(cli, &cfg, &home, &["-p", "ls", "+northside-leaders", "due:2030-01-15"]).contains("hs:2030-01-01-2"));
    // Complete one there (archived to done.txt by default), and read it back.
    todo(cli, &cfg, &home, &["-p", "do", "2"]);
    let done = std::fs::read_to_string(dir.join("done.txt")).unwrap();
    assert!(done.starts_with("x "), "{done}");
    let out = succeeds(hs(&data, &home).args(["import", "todo", "--member", "ada"]).arg(dir.join("done.txt")));
    assert!(out.contains("2030-01-01-2  done"), "{out}");
    // And without archiving (-a): the x line stays in todo.txt.
    todo(cli, &cfg, &home, &["-p", "-a", "do", "1"]);
    let out = succeeds(hs(&data, &home).args(["import", "todo", "--member", "ada"]).arg(dir.join("todo.txt")));
    assert!(out.contains("2030-01-01-1  done"), "{out}");
    let json = succeeds(hs(&data, &home).args(["actions", "--member", "ada", "--json"]));
    assert_eq!(json.trim(), "[]", "both steps are done now");
}

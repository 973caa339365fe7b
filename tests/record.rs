//! The record (issue 11) on the real binary: the iCalendar export read by Python's
//! `icalendar` and imported into khal, the CSV read by Python's csv module, the minutes,
//! no private note in any export, `term --json`, `trend --json`, completions and the man
//! page.

mod support;

use std::path::Path;
use std::process::Command;

use hotseat::model::{FACILITATOR, PrivateNote};
use hotseat::store::Store;
use support::*;

const SENTINEL: &str = "SENTINEL-private-7f3a";

/// A Python that can `import icalendar` (the system one, where a version manager's comes
/// first on PATH without it).
fn python() -> &'static str {
    for p in ["python3", "/usr/bin/python3"] {
        if Command::new(p).args(["-c", "import icalendar"]).output().is_ok_and(|o| o.status.success()) {
            return p;
        }
    }
    panic!("Python's icalendar is not installed (.ci/run installs it)");
}

fn py(script: &str, input: &Path) -> String {
    let out = Command::new(python()).args(["-c", script]).arg(input).output().expect("python runs");
    assert!(out.status.success(), "python failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The demo (today's dates) with private notes planted in its meeting files, as an older
/// hotseat wrote them, and in the facilitator's private folder.
fn demo() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let (tmp, data, home) = cli_folder(install_demo_today);
    let store = Store::new(&data);
    let ids = store.meeting_ids().unwrap();
    for id in &ids {
        plant_legacy_notes(&store, id, &[("ada", FACILITATOR, &format!("about Ada: {SENTINEL}"))]);
    }
    let private = hotseat::store::private::Private::new(&home.join("private"), "northside");
    let at = chrono::Local::now().fixed_offset();
    let note = PrivateNote {
        member: "ben".into(),
        author: FACILITATOR.into(),
        text: format!("{SENTINEL} ben"),
        updated_at: at,
    };
    private.save_notes(&ids[ids.len() - 1], &[note]).unwrap();
    (tmp, data, home)
}

fn ics(data: &Path, home: &Path, extra: &[&str]) -> Vec<u8> {
    let mut c = hs(data, home);
    c.args(["export", "ics"]).args(extra);
    c.assert().success().get_output().stdout.clone()
}

fn uids(text: &str) -> Vec<String> {
    text.split("\r\n").filter_map(|l| l.strip_prefix("UID:")).map(str::to_string).collect()
}

#[test]
fn ics_is_rfc_5545_parses_with_icalendar_and_imports_into_khal() {
    let (tmp, data, home) = demo();
    let bytes = ics(&data, &home, &["--member", "ada"]);
    let text = String::from_utf8(bytes.clone()).expect("UTF-8");
    // Every line ends in CRLF, none is longer than 75 octets.
    assert!(text.ends_with("\r\n"));
    for line in text.split_terminator("\r\n") {
        assert!(!line.contains('\n') && !line.contains('\r'), "a bare line break: {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    assert!(!text.contains(SENTINEL));
    // The same UIDs from a second export.
    let again = String::from_utf8(ics(&data, &home, &["--member", "ada"])).unwrap();
    assert_eq!(uids(&text), uids(&again));
    assert_eq!(uids(&text).len(), 3, "{text}");

    let file = tmp.path().join("demo.ics");
    std::fs::write(&file, &bytes).unwrap();
    let parsed = py(
        r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for c in cal.walk():
    if c.name in ('VEVENT', 'VTODO'):
        rr = c.get('rrule')
        due = c.get('due')
        print('|'.join([c.name, str(c.get('uid')), str('DTSTAMP' in c),
              ';'.join(f"{k}={','.join(str(x) for x in v)}" for k, v in rr.items() if k != 'UNTIL') if rr else '-',
              due.dt.isoformat() if due else '-', str(c.get('summary'))]))
"#,
        &file,
    );
    let lines: Vec<&str> = parsed.lines().collect();
    let event = lines.iter().find(|l| l.starts_with("VEVENT")).expect("a VEVENT");
    assert!(event.contains("|True|FREQ=WEEKLY;INTERVAL=2|"), "the demo meets every two weeks: {event}");
    let todos: Vec<&&str> = lines.iter().filter(|l| l.starts_with("VTODO")).collect();
    assert_eq!(todos.len(), 2, "Ada's two open steps: {parsed}");
    assert!(todos.iter().all(|t| t.contains("|True|-|20")), "DTSTAMP and DUE: {parsed}");
    assert!(parsed.contains("Send the investor update to the 5 warmest leads"), "{parsed}");

    // khal, on a calendar in a temp folder (never the real home).
    let cal = tmp.path().join("khal-cal");
    std::fs::create_dir_all(&cal).unwrap();
    let config = tmp.path().join("khal.conf");
    std::fs::write(
        &config,
        format!(
            "[calendars]\n[[hotseat]]\npath = {}\ntype = calendar\n[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\n\
             longdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n\
             default_timezone = UTC\nlocal_timezone = UTC\n",
            cal.display()
        ),
    )
    .unwrap();
    let khal = |args: &[&str]| {
        Command::new("khal")
            .arg("-c")
            .arg(&config)
            .args(args)
            .env("HOME", tmp.path())
            .env("XDG_CONFIG_HOME", tmp.path().join("xdg-config"))
            .env("XDG_DATA_HOME", tmp.path().join("xdg-data"))
            .output()
            .expect("khal runs (.ci/run installs it)")
    };
    let event_only = tmp.path().join("meeting.ics");
    std::fs::write(&event_only, ics(&data, &home, &[])).unwrap();
    let imported = khal(&["import", "--batch", "-a", "hotseat", event_only.to_str().unwrap()]);
    assert!(imported.status.success(), "khal import: {}", String::from_utf8_lossy(&imported.stderr));
    let today = chrono::Local::now().date_naive();
    let until = today + chrono::Days::new(60);
    let listed = khal(&["list", &today.to_string(), &until.to_string()]);
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(listed.matches("Northside Leaders").count() >= 4, "a recurring meeting every two weeks: {listed}");
}

#[test]
fn csv_and_minutes_hold_what_was_captured_and_no_private_note() {
    let (tmp, data, home) = demo();
    let csv = succeeds(hs(&data, &home).args(["export", "csv", "--all"]));
    assert!(!csv.contains(SENTINEL));
    let file = tmp.path().join("steps.csv");
    std::fs::write(&file, &csv).unwrap();
    let read = py(
        r#"
import sys, csv
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
need = ['id','owner','text','measurable_result','due','progress','meeting']
assert all(k in rows[0] for k in need), rows[0].keys()
print(len(rows))
for r in rows: print(r['id'], r['owner'], r['progress'])
"#,
        &file,
    );
    let n: usize = read.lines().next().unwrap().parse().unwrap();
    assert_eq!(n, 10, "every step of the demo's history: {read}");
    let open = succeeds(hs(&data, &home).args(["export", "csv", "--member", "ada"]));
    assert!(open.starts_with("id,owner,text,measurable_result,due,progress,meeting"));
    assert!(open.lines().skip(1).all(|l| l.contains(",ada,")), "{open}");

    let minutes = succeeds(hs(&data, &home).args(["export", "minutes"]));
    assert!(!minutes.contains(SENTINEL));
    let store = Store::new(&data);
    let ids = store.meeting_ids().unwrap();
    let last = store.load_meeting(ids.last().unwrap()).unwrap();
    let group = store.load_group().unwrap();
    for a in last.attendance.iter().filter(|a| a.presence.is_here()) {
        assert!(minutes.contains(group.name_of(&a.member)), "{} is missing:\n{minutes}", a.member);
    }
    for s in &last.steps {
        assert!(minutes.contains(&s.text) && minutes.contains(&s.id), "{} is missing:\n{minutes}", s.text);
    }
    assert!(minutes.contains("affirmed") && minutes.contains("Average rating") && minutes.contains("Next meeting"));
    // An earlier meeting by its date, and to a file.
    let out = tmp.path().join("first.md");
    hs(&data, &home)
        .args(["export", "minutes", "--meeting", &ids[0], "--out", out.to_str().unwrap()])
        .assert()
        .success();
    let first = std::fs::read_to_string(&out).unwrap();
    assert!(first.contains(&ids[0]) && !first.contains(SENTINEL));
    fails_with(hs(&data, &home).args(["export", "minutes", "--meeting", "1999-01-01"]), "no meeting on 1999-01-01");

    // Nothing of the private folder anywhere: every export, every member.
    for args in [
        vec!["export", "ics"],
        vec!["export", "ics", "--member", "ben"],
        vec!["export", "csv"],
        vec!["trend", "--json"],
        vec!["term", "--json"],
    ] {
        let o = hs(&data, &home).args(&args).output().unwrap();
        assert!(!String::from_utf8_lossy(&[o.stdout, o.stderr].concat()).contains(SENTINEL), "{args:?}");
    }
}

#[test]
fn term_and_trend_give_their_fields() {
    let (_tmp, data, home) = demo();
    let term: serde_json::Value = serde_json::from_str(&succeeds(hs(&data, &home).args(["term", "--json"]))).unwrap();
    for k in ["start", "end", "checkpoint", "meetings_held", "meetings_planned"] {
        assert!(term.get(k).is_some(), "{k} missing: {term}");
    }
    assert_eq!(term["meetings_held"], 2);
    assert!(term["start"].as_str() < term["checkpoint"].as_str() && term["checkpoint"].as_str() < term["end"].as_str());

    for extra in [vec![], vec!["--all-time"], vec!["--member", "ada"]] {
        let mut c = hs(&data, &home);
        c.args(["trend", "--json"]).args(&extra);
        let v: serde_json::Value = serde_json::from_str(&succeeds(&mut c)).unwrap();
        let entries = v.as_array().expect("an array");
        assert!(!entries.is_empty(), "{extra:?}: {v}");
        for e in entries {
            assert!(e["meeting"].is_string(), "{e}");
            let c = e["completion"].as_u64().expect("a number");
            assert!(c <= 100, "{e}");
            assert!(e.get("rating").is_some(), "{e}");
        }
    }
    // Piped: plain rows.
    let plain = succeeds(hs(&data, &home).args(["trend"]));
    assert!(plain.contains("completion") && plain.contains('%'), "{plain}");
    fails_with(hs(&data, &home).args(["trend", "--member", "nobody"]), "no member \"nobody\"");
}

#[test]
fn a_request_and_renewing_the_term() {
    let (_tmp, data, home) = cli_folder(install_demo_today);
    succeeds(hs(&data, &home).args(["term", "request", "--member", "ada", "Introductions to two Series A leads"]));
    let term: serde_json::Value = serde_json::from_str(&succeeds(hs(&data, &home).args(["term", "--json"]))).unwrap();
    assert_eq!(term["requests"]["ada"], "Introductions to two Series A leads");
    assert_eq!(term["derived"], false, "recording a request records the term");
    let start = term["start"].as_str().unwrap().to_string();
    let end = term["end"].as_str().unwrap().to_string();

    // Farid chose to move on at the term review of the last meeting.
    let store = Store::new(&data);
    let id = store.meeting_ids().unwrap().last().unwrap().clone();
    let path = store.layout.meeting(&id);
    let mut json: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    json["term_record"] = serde_json::json!({"decisions": [
        {"member": "farid", "decision": "move_on"}, {"member": "ada", "decision": "renew"},
        {"member": "ben", "decision": "looser_contact"}]});
    std::fs::write(&path, serde_json::to_string_pretty(&json).unwrap() + "\n").unwrap();
    let said = succeeds(hs(&data, &home).args(["term", "renew"]));
    assert!(said.contains("Moved on") && said.contains("Farid Haddad"), "{said}");
    let term: serde_json::Value = serde_json::from_str(&succeeds(hs(&data, &home).args(["term", "--json"]))).unwrap();
    assert!(term["start"].as_str().unwrap() > end.as_str() && start < end, "{term}");
    let group = Store::new(&data).load_group().unwrap();
    assert!(group.member("farid").is_none() && group.member("ben").is_some());
    assert_eq!(group.name_of("farid"), "Farid Haddad", "old meetings still name him");
    // The folder still checks: archived members are known.
    succeeds(hs(&data, &home).args(["check"]));
}

#[test]
fn init_records_a_term() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, home) = (tmp.path().join("g"), tmp.path().join("h"));
    std::fs::create_dir_all(&home).unwrap();
    succeeds(
        hs(&data, &home)
            .args(["init", "--name", "Pair", "--cadence", "monthly", "--next", "2031-03-01"])
            .args(["--term-months", "3"]),
    );
    let g = Store::new(&data).load_group().unwrap();
    let t = g.term.expect("a term");
    assert_eq!((t.start.to_string(), t.months, t.end().to_string()), ("2031-03-01".into(), 3, "2031-05-31".into()));
    fails_with(hs(&data, &home).args(["init", "--name", "X", "--term-months", "0"]), "already holds");
}

#[test]
fn completions_and_the_man_page() {
    let tmp = tempfile::tempdir().unwrap();
    let script = tmp.path().join("hotseat.bash");
    std::fs::write(&script, ok(&["completions", "bash"])).unwrap();
    let n = Command::new("bash").arg("-n").arg(&script).output().unwrap();
    assert!(n.status.success(), "bash -n: {}", String::from_utf8_lossy(&n.stderr));
    for shell in ["zsh", "fish", "powershell"] {
        assert!(ok(&["completions", shell]).contains("hotseat"), "{shell}");
    }
    let page = tmp.path().join("hotseat.1");
    std::fs::write(&page, ok(&["man"])).unwrap();
    let man = Command::new("man").arg("-l").arg(&page).env("MANPAGER", "cat").env("MANWIDTH", "80").output().unwrap();
    assert!(man.status.success(), "man -l: {}", String::from_utf8_lossy(&man.stderr));
    let text = String::from_utf8_lossy(&man.stdout);
    for needle in ["hotseat term", "hotseat trend", "hotseat export ics", "--term-months"] {
        assert!(text.contains(needle), "{needle} missing from the man page");
    }
}

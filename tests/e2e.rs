//! End to end through the runtime's `Facilitator` program: real key events, real files,
//! two consecutive meetings. Steps captured in the first are reported back in the second.

mod support;

use chrono::{DateTime, FixedOffset};
use hotseat::facilitator::Facilitator;
use hotseat::facilitator::queries;
use hotseat::model::{Phase, Progress, Status};
use hotseat::store::Store;
use hotseat::tui::run::{self, Program};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode};
use support::*;

type Time = DateTime<FixedOffset>;

/// What the loop does after an event: go on (drawing or not) or quit.
#[derive(Debug, PartialEq)]
enum Step {
    Continue { redraw: bool },
    Quit,
}

fn step((redraw, quit): (bool, bool)) -> Step {
    if quit { Step::Quit } else { Step::Continue { redraw } }
}

const SECRET: &str = "ZQX-42 private worry about the co-founder";

struct Room<'a> {
    program: Facilitator<'a>,
    term: Terminal<TestBackend>,
}

impl<'a> Room<'a> {
    fn open(store: &'a Store) -> Room<'a> {
        Room {
            program: Facilitator::new(load(store), store),
            term: Terminal::new(TestBackend::new(80, 24)).expect("term"),
        }
    }

    fn press(&mut self, ev: Event, now: Time) -> Step {
        let step = step(run::on_event(&mut self.program, &ev, now, None).expect("no terminal to fail"));
        self.term.draw(|f| self.program.draw(f, now)).expect("draws");
        step
    }

    fn keys(&mut self, keys: &str, now: Time) {
        for c in keys.chars() {
            assert_eq!(self.press(ch(c), now), Step::Continue { redraw: true }, "{c:?}");
        }
    }

    fn enter(&mut self, now: Time) {
        self.press(key(KeyCode::Enter), now);
    }

    fn tick(&mut self, now: Time) -> Step {
        step(run::on_clock(&mut self.program, now, None).expect("no terminal to fail"))
    }

    fn screen(&self) -> String {
        text_of(self.term.backend().buffer())
    }

    fn phase(&self) -> Phase {
        self.program.app.meeting.as_ref().expect("a meeting").phase
    }

    fn hot_seat(&self) -> Option<String> {
        self.program.app.meeting.as_ref().and_then(|m| m.hot_seat.clone())
    }

    /// Capture a step for the member in focus, as typed in the room.
    fn capture(&mut self, text: &str, result: &str, now: Time) {
        self.keys("a", now);
        assert!(self.screen().contains("New action step for"), "{}", self.screen());
        self.keys(text, now);
        self.press(key(KeyCode::Tab), now);
        self.keys(result, now);
        self.enter(now);
        assert!(self.screen().contains("Action step captured for"), "{}", self.screen());
    }

    fn unsaved(&self) -> bool {
        self.program.app.ui.unsaved
    }
}

fn actions_json(root: &std::path::Path, extra: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["actions", "--json", "--data-dir", root.to_str().expect("utf-8")];
    args.extend_from_slice(extra);
    let o = std::process::Command::new(bin()).args(&args).output().expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(o.stdout).expect("utf-8");
    assert!(!text.contains("ZQX-42"), "a private note leaked into `hotseat actions`");
    serde_json::from_str::<serde_json::Value>(&text).expect("json").as_array().expect("array").clone()
}

fn has_step(steps: &[serde_json::Value], text: &str, owner: &str) -> bool {
    steps.iter().any(|s| s["text"] == text && s["owner"] == owner)
}

#[test]
fn two_consecutive_meetings_report_back_what_the_first_captured() {
    let demo = Demo::new();

    // ----- Meeting 1, on the 15th -----
    {
        let store = demo.store();
        let mut room = Room::open(&store);
        room.enter(at(18, 0, 0));
        assert!(room.screen().contains(" Check-in "), "{}", room.screen());
        room.keys("]]]", at(18, 5, 0));
        assert_eq!(room.phase(), Phase::HotSeats);
        assert_eq!(room.hot_seat().as_deref(), Some("ada"));
        assert!(room.screen().contains("Ada Okafor · CEO, Lumen Robotics"), "{}", room.screen());

        room.capture("Send the term sheet to Northwind", "Signed by Friday", at(18, 10, 0));
        // Saved the moment it was captured.
        let on_disk = Store::new(&demo.root).load_meeting("2030-01-15").expect("saved");
        assert_eq!(on_disk.steps.len(), 1);
        assert_eq!(on_disk.steps[0].text, "Send the term sheet to Northwind");

        room.keys("n", at(18, 11, 0));
        room.keys(SECRET, at(18, 11, 0));
        room.press(ctrl('s'), at(18, 12, 0));
        assert!(!room.screen().contains("ZQX"), "the private note is not on the shared screen");

        // The bell: a tick past the end of Ada's turn asks for it, the screen says so.
        assert_eq!(room.tick(at(19, 30, 0)), Step::Continue { redraw: true });
        room.term.draw(|f| room.program.draw(f, at(19, 30, 0))).expect("draws");
        assert!(room.screen().contains("OVERTIME"), "{}", room.screen());

        room.keys("]", at(19, 31, 0));
        assert_eq!(room.hot_seat().as_deref(), Some("ben"));
        room.capture("Ask two customers for references", "", at(19, 32, 0));
        while room.phase() == Phase::HotSeats {
            room.keys("]", at(19, 40, 0));
        }
        assert_eq!(room.phase(), Phase::WrapUp);
        assert!(room.screen().contains("New action steps · 2 · ⚑ 1 to sharpen"), "{}", room.screen());
        room.keys("9", at(19, 50, 0));
        room.keys("]y", at(19, 55, 0));
        assert!(room.screen().contains("The meeting is closed and saved"), "{}", room.screen());
        assert!(!room.unsaved());
        assert_eq!(room.press(ch('q'), at(19, 56, 0)), Step::Quit);
    }

    let store = Store::new(&demo.root);
    let first = store.load_meeting("2030-01-15").expect("meeting 1");
    assert_eq!(first.status, Status::Closed);
    assert_eq!(first.ratings.len(), 1);
    let snapshot = first.open_after.as_ref().expect("a snapshot of open steps");
    assert!(snapshot.iter().any(|s| s.text == "Send the term sheet to Northwind" && s.owner == "ada"));
    assert!(snapshot.iter().any(|s| s.text == "Ask two customers for references" && s.owner == "ben"));
    assert_eq!(store.load_group().expect("group").next_meeting, Some(date(2030, 1, 29)));
    let open = actions_json(&demo.root, &[]);
    assert!(has_step(&open, "Send the term sheet to Northwind", "ada"));
    assert!(has_step(&open, "Ask two customers for references", "ben"));

    // ----- Meeting 2, two weeks later, from the files alone -----
    let day2 = |h, m| on(2030, 1, 29, h, m, 0);
    {
        let store = Store::new(&demo.root);
        let mut room = Room::open(&store);
        room.enter(day2(18, 0));
        assert_eq!(room.program.app.meeting.as_ref().map(|m| m.id.as_str()), Some("2030-01-29"));
        room.keys("]", day2(18, 5));
        assert_eq!(room.phase(), Phase::ReportBack);
        let items = queries::report_items(&room.program.app);
        let pos = items.iter().position(|s| s.text == "Send the term sheet to Northwind").expect("reported back");
        assert!(items.iter().any(|s| s.text == "Ask two customers for references"), "both are reported back");
        let screen = room.screen();
        assert!(screen.contains("Send the term sheet"), "{screen}");
        assert!(screen.contains("Ask two customers"), "{screen}");

        for _ in 0..pos {
            room.keys("j", day2(18, 6));
        }
        let screen = squeezed(&room.screen());
        assert!(screen.contains("Send the term sheet to Northwind"), "{screen}");
        assert!(screen.contains("Measurable result: Signed by Friday"), "{screen}");
        assert!(screen.contains("from the meeting of 2030-01-15"), "{screen}");
        room.keys("d", day2(18, 7));
        let m = room.program.app.meeting.as_ref().expect("meeting");
        assert_eq!(m.review(&items[pos].id).map(|r| r.progress), Some(Progress::Done));

        room.keys("]]", day2(18, 10));
        while room.phase() == Phase::HotSeats {
            room.keys("]", day2(18, 20));
        }
        room.keys("]y", day2(19, 50));
        assert_eq!(room.press(ch('q'), day2(19, 51)), Step::Quit);
        assert!(!room.unsaved());
    }

    let store = Store::new(&demo.root);
    let second = store.load_meeting("2030-01-29").expect("meeting 2");
    assert_eq!(second.status, Status::Closed);
    let snapshot = second.open_after.as_ref().expect("snapshot");
    assert!(!snapshot.iter().any(|s| s.text == "Send the term sheet to Northwind"), "done, so not open any more");
    assert!(snapshot.iter().any(|s| s.text == "Ask two customers for references"), "still open");
    let open = actions_json(&demo.root, &[]);
    assert!(!has_step(&open, "Send the term sheet to Northwind", "ada"));
    assert!(has_step(&open, "Ask two customers for references", "ben"));
    let all = actions_json(&demo.root, &["--all"]);
    let done = all.iter().find(|s| s["text"] == "Send the term sheet to Northwind").expect("in the history");
    assert_eq!(done["progress"], "done");
    assert_eq!(done["owner"], "ada");

    // Every file the two meetings wrote is valid.
    let o = std::process::Command::new(bin()).args(["check", "--data-dir"]).arg(&demo.root).output().expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
}

#[test]
fn quit_in_the_hot_seat_and_resume_from_the_files() {
    let demo = Demo::new();
    {
        let store = demo.store();
        let mut room = Room::open(&store);
        room.enter(at(18, 0, 0));
        room.keys("]]]", at(18, 2, 0));
        room.capture("Call the lead investor", "A yes or a no", at(18, 4, 0));
        assert_eq!(room.press(ch('q'), at(18, 6, 30)), Step::Continue { redraw: true });
        assert!(room.screen().contains("Quit?"), "{}", room.screen());
        assert_eq!(room.press(ch('y'), at(18, 6, 30)), Step::Quit);
    }
    let steps = actions_json(&demo.root, &[]);
    let st = steps.iter().find(|s| s["text"] == "Call the lead investor").expect("listed");
    assert_eq!(st["owner"], "ada");
    assert_eq!(st["progress"], "open");
    assert_eq!(st["due"], "2030-01-29");

    let store = demo.store();
    let mut room = Room::open(&store);
    room.term.draw(|f| room.program.draw(f, at(18, 30, 0))).expect("draws");
    assert!(squeezed(&room.screen()).contains("is open in Hot seats (Ada Okafor,"), "{}", room.screen());
    room.enter(at(18, 30, 0));
    assert_eq!(room.phase(), Phase::HotSeats);
    assert_eq!(room.hot_seat().as_deref(), Some("ada"));
    let t = room.program.app.meeting.as_ref().and_then(|m| m.current_turn()).expect("Ada's turn").clone();
    assert!(!t.is_running(), "paused while nobody was there");
    // 17-minute turns (118 min left − 15, among 6); 4:30 used before the quit.
    assert_eq!(t.planned_secs, 17 * 60);
    assert_eq!(t.left_ms_at(at(18, 30, 0)), 17 * 60_000 - 270_000);
    assert!(room.screen().contains("PAUSED"), "{}", room.screen());
    room.keys(" ", at(18, 31, 0));
    assert!(room.program.app.meeting.as_ref().and_then(|m| m.current_turn()).is_some_and(|t| t.is_running()));
}

#[test]
fn resize_and_unknown_keys_change_nothing_on_disk() {
    let demo = Demo::new();
    let store = demo.store();
    let mut room = Room::open(&store);
    room.enter(at(18, 0, 0));
    let path = store.layout.meeting("2030-01-15");
    let before = std::fs::read(&path).expect("saved");
    assert_eq!(room.press(Event::Resize(120, 40), at(18, 1, 0)), Step::Continue { redraw: true });
    assert_eq!(room.press(ch('§'), at(18, 1, 0)), Step::Continue { redraw: false });
    assert_eq!(room.press(Event::FocusGained, at(18, 1, 0)), Step::Continue { redraw: false });
    assert_eq!(room.tick(at(18, 2, 0)), Step::Continue { redraw: false }, "no timer in the check-in");
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

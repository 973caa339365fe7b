//! Each screen is a widget: drawn onto a bare `Buffer`, with no terminal or frame.

mod support;

use hotseat::facilitator::Action;
use hotseat::facilitator::ui::CheckIn;
use hotseat::member::ui::Goals;
use hotseat::member::{MemberAction, Screen};
use hotseat::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

fn lines(buf: &Buffer) -> Vec<String> {
    support::text_of(buf).lines().map(str::to_string).collect()
}

#[test]
fn the_check_in_screen_renders_onto_a_bare_buffer() {
    let demo = support::Demo::new();
    let mut app = support::load(&demo.store());
    let now = support::at(18, 1, 0);
    support::act(&mut app, Action::Start, now);
    let mut buf = Buffer::empty(Rect::new(0, 0, 80, 20));
    CheckIn { app: &app, now, theme: Theme { color: false } }.render(buf.area, &mut buf);
    let shown = lines(&buf);
    assert!(shown[0].starts_with("╭ Attendance · 6 of 6 here"), "{shown:#?}");
    assert!(shown[1].starts_with("│▸ Ada Okafor                  present ││"), "{shown:#?}");
    assert!(shown[6].contains("Not yet affirmed."), "{shown:#?}");
}

#[test]
fn the_goals_screen_renders_onto_a_bare_buffer() {
    let dir = tempfile::tempdir().unwrap();
    let store = support::install_demo(dir.path());
    let now = support::evening_before();
    let mut app = support::load_member(&store, "ada", now);
    hotseat::member::update(&mut app, MemberAction::Show(Screen::Goals), now);
    let mut buf = Buffer::empty(Rect::new(0, 0, 80, 20));
    Goals { app: &app, now, theme: Theme { color: false } }.render(buf.area, &mut buf);
    let shown = lines(&buf);
    assert!(shown[0].starts_with("╭ My goals"), "{shown:#?}");
    assert!(shown[0].trim_end().ends_with('╮'), "{shown:#?}");
}

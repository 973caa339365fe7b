//! The parking lot: `hotseat parking` on the command line, `P` in the meeting, what the
//! wrap-up and the next prep review show; and a postponed turn heading the next order.

mod support;

use hotseat::facilitator::program::run_effects;
use hotseat::facilitator::{Action, Effect};
use hotseat::model::parking::{ParkStatus, Urgency};
use support::walk::*;
use support::*;

#[test]
fn parking_add_then_json_lists_it_and_done_and_drop_close_items() {
    let (_tmp, data, home) = cli_folder(install_demo);
    succeeds(hs(&data, &home).args([
        "parking",
        "add",
        "Pricing for the Q3 offsite",
        "--urgency",
        "A",
        "--member",
        "ada",
    ]));
    succeeds(hs(&data, &home).args(["parking", "add", "Offsite venue"]));
    let json: serde_json::Value =
        serde_json::from_str(&succeeds(hs(&data, &home).args(["parking", "--json"]))).unwrap();
    let items = json.as_array().unwrap();
    assert_eq!(items.len(), 2);
    let first = &items[0];
    for field in ["id", "text", "urgency", "member", "created", "status"] {
        assert!(first.get(field).is_some(), "{field}: {first}");
    }
    assert_eq!((first["text"].as_str(), first["urgency"].as_str()), (Some("Pricing for the Q3 offsite"), Some("A")));
    assert_eq!((first["member"].as_str(), first["status"].as_str()), (Some("ada"), Some("open")));
    assert_eq!(items[1]["urgency"], "B", "B unless told");
    let id = first["id"].as_str().unwrap().to_string();
    succeeds(hs(&data, &home).args(["parking", "done", &id]));
    let text = succeeds(hs(&data, &home).args(["parking"]));
    assert!(!text.contains("Pricing") && text.contains("Offsite venue"), "{text}");
    succeeds(hs(&data, &home).args(["parking", "drop", "p2"]));
    let all = succeeds(hs(&data, &home).args(["parking", "--all"]));
    assert!(all.contains("(done)") && all.contains("(dropped)"), "{all}");
    fails_with(hs(&data, &home).args(["parking", "add", "x", "--urgency", "D"]), "A, B or C");
    fails_with(hs(&data, &home).args(["parking", "done", "p9"]), "no parked item");
    succeeds(hs(&data, &home).arg("check"));
}

#[test]
fn p_parks_an_item_in_any_phase_and_the_wrap_up_and_next_prep_review_show_it() {
    let (demo, mut app) = prep_reviewed();
    next(&mut app, at(18, 25, 0));
    act(&mut app, Action::Park, at(18, 26, 0));
    type_text(&mut app, "Board seat question", at(18, 26, 0));
    act(&mut app, Action::NextField, at(18, 26, 0));
    act(&mut app, Action::NextField, at(18, 26, 0));
    let screen = text_of(&draw(&app, 80, 24, at(18, 26, 0)));
    assert!(screen.contains("urgency A") && screen.contains("about Ben Hartley"), "{screen}");
    assert!(screen.contains("⏱"), "the clock stays in view: {screen}");
    assert_eq!(act(&mut app, Action::Submit, at(18, 26, 10)), vec![Effect::SaveParking]);
    let item = &app.ctx.parking.items[0];
    assert_eq!((item.urgency, item.member.as_deref(), item.status), (Urgency::A, Some("ben"), ParkStatus::Open));
    run_effects(&mut app, &demo.store(), vec![Effect::SaveParking], at(18, 26, 10));
    assert!(std::fs::read_to_string(demo.path("parking.json")).unwrap().contains("Board seat question"));

    let (_demo2, mut wrap) = wrapping_up();
    wrap.ctx.parking = app.ctx.parking.clone();
    let screen = text_of(&draw(&wrap, 80, 24, at(19, 46, 0)));
    assert!(screen.contains("Parked today · 1: A Board seat question"), "{screen}");

    let (_demo3, mut prep) = prep_reviewed();
    prep.ctx.parking = app.ctx.parking.clone();
    prep.ctx.parking.park("Later", Urgency::C, None, None, at(18, 27, 0));
    let screen = text_of(&draw(&prep, 80, 24, at(18, 21, 0)));
    assert!(screen.contains("Parking lot · 2 open: A Board seat question"), "{screen}");
}

#[test]
fn a_postponed_turn_heads_the_next_meeting_order() {
    let (demo, mut app) = prep_reviewed();
    act(&mut app, Action::SelectNext, at(18, 22, 0));
    act(&mut app, Action::SkipTurn, at(18, 22, 0));
    assert_eq!(meeting(&app).postponed, ["ada"]);
    let mut t = at(18, 25, 0);
    while phase(&app) != hotseat::model::Phase::WrapUp {
        next(&mut app, t);
        t += chrono::Duration::minutes(5);
    }
    next(&mut app, at(19, 50, 0));
    act(&mut app, Action::Confirm, at(19, 50, 0));
    let store = demo.store();
    run_effects(&mut app, &store, vec![Effect::SaveMeeting, Effect::SaveGroup], at(19, 50, 0));
    let mut later = load(&demo.store());
    act(&mut later, Action::Start, on(2030, 1, 29, 18, 0, 0));
    next(&mut later, on(2030, 1, 29, 18, 5, 0));
    next(&mut later, on(2030, 1, 29, 18, 20, 0));
    assert_eq!(meeting(&later).order.first().map(String::as_str), Some("ada"));
}

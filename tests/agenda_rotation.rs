//! `hotseat rotation`: the fair-rotation ledger from the meetings' attendance and turns.

mod support;

use support::*;

#[test]
fn rotation_json_lists_every_demo_member_with_seats_and_last_seat() {
    let (_tmp, data, home) = cli_folder(install_demo);
    let json: serde_json::Value =
        serde_json::from_str(&succeeds(hs(&data, &home).args(["rotation", "--json"]))).unwrap();
    let rows = json.as_array().unwrap();
    let members: Vec<&str> = rows.iter().map(|r| r["member"].as_str().unwrap()).collect();
    assert_eq!(members, ["ada", "ben", "chloe", "dev", "elena", "farid"]);
    for r in rows {
        for field in ["member", "seats", "last_seat", "minutes_used", "minutes_planned", "meetings_attended"] {
            assert!(r.get(field).is_some(), "{field}: {r}");
        }
        assert!(r["seats"].as_u64().unwrap() >= 1, "every demo member has had a seat: {r}");
        assert!(r["last_seat"].is_string(), "{r}");
    }
    let text = succeeds(hs(&data, &home).arg("rotation"));
    assert!(text.contains("Ada Okafor") && text.contains("last seat"), "{text}");
}

#[test]
fn a_damaged_meeting_file_is_named_with_its_line_and_column() {
    let (_tmp, data, home) = cli_folder(install_demo);
    let meetings = data.join("meetings");
    let first = std::fs::read_dir(&meetings).unwrap().flatten().map(|e| e.path()).min().unwrap();
    let text = std::fs::read_to_string(&first).unwrap();
    std::fs::write(&first, text.replacen("\"turns\": [", "\"turns\": [,", 1)).unwrap();
    let name = first.file_name().unwrap().to_str().unwrap().to_string();
    fails_with(hs(&data, &home).args(["rotation", "--json"]), &name);
}

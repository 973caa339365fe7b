//! The broken-file corpus, continued: files that parse as JSON but not as hotseat's
//! (wrong types, unknown values, missing fields, conflict markers, a newer version,
//! values that make no sense). Syntax damage is in corpus.rs.

mod support;

use support::corpus::*;

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

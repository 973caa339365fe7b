//! Fixed moments, never the real clock: the demo's meeting day in the room's time zone.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

/// The day every test meeting is held: the demo's own anchor date, so nothing shifts.
pub const YEAR: i32 = 2030;
pub const MONTH: u32 = 1;
pub const DAY: u32 = 15;

/// The same day written out: the demo's next meeting is on this day.
pub const ANCHOR: &str = "2030-01-15";

/// The room's time zone: one hour east of UTC.
pub fn tz() -> FixedOffset {
    FixedOffset::east_opt(3600).expect("valid offset")
}

/// A moment on the meeting day, in the room's time zone.
pub fn at(h: u32, m: u32, s: u32) -> DateTime<FixedOffset> {
    tz().with_ymd_and_hms(YEAR, MONTH, DAY, h, m, s).single().expect("valid time")
}

/// A moment on another day.
pub fn on(y: i32, mo: u32, d: u32, h: u32, m: u32, s: u32) -> DateTime<FixedOffset> {
    tz().with_ymd_and_hms(y, mo, d, h, m, s).single().expect("valid time")
}

/// A moment written out in RFC 3339, e.g. `2030-01-14T20:00:00+01:00`.
pub fn moment(rfc3339: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap()
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A date written out as `YYYY-MM-DD`.
pub fn day(ymd: &str) -> NaiveDate {
    NaiveDate::parse_from_str(ymd, "%Y-%m-%d").unwrap()
}

/// The meeting day.
pub fn today() -> NaiveDate {
    date(YEAR, MONTH, DAY)
}

/// The evening before the demo meeting (a Monday), when members prepare.
pub fn evening_before() -> DateTime<FixedOffset> {
    moment("2030-01-14T20:00:00+01:00")
}

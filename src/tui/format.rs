//! Times and dates as the screens show them.

use chrono::{DateTime, FixedOffset, NaiveDate};

/// A countdown: `12:34` while time is left (rounded up, so a fresh 12-minute turn shows
/// 12:00), `+0:05` in overtime, `1:02:03` past an hour.
pub fn clock(left_ms: i64) -> String {
    if left_ms > 0 {
        hms((left_ms + 999) / 1000, "")
    } else {
        let over = (-left_ms) / 1000;
        if over == 0 { "0:00".to_string() } else { hms(over, "+") }
    }
}

fn hms(secs: i64, sign: &str) -> String {
    let (h, m, s) = (secs / 3600, (secs / 60) % 60, secs % 60);
    if h > 0 { format!("{sign}{h}:{m:02}:{s:02}") } else { format!("{sign}{m}:{s:02}") }
}

/// The second shown by [`clock`], used to decide when to redraw.
pub fn shown_second(left_ms: i64) -> i64 {
    if left_ms > 0 { (left_ms + 999) / 1000 } else { left_ms / 1000 }
}

/// Milliseconds until [`clock`] shows a different value, with the timer running.
pub fn ms_to_next_second(left_ms: i64) -> i64 {
    if left_ms > 0 {
        let r = left_ms % 1000;
        if r == 0 { 1000 } else { r }
    } else {
        1000 - (-left_ms) % 1000
    }
}

pub fn hhmm(t: DateTime<FixedOffset>) -> String {
    t.format("%H:%M").to_string()
}

/// `Sun 6 Dec` for dates near today, with the year when it differs.
pub fn date(d: NaiveDate, today: NaiveDate) -> String {
    if d == today {
        return "today".to_string();
    }
    if d.format("%Y").to_string() == today.format("%Y").to_string() {
        d.format("%a %-d %b").to_string()
    } else {
        d.format("%a %-d %b %Y").to_string()
    }
}

/// `in 3 days`, `2 days ago`, `tomorrow`…
pub fn relative_days(d: NaiveDate, today: NaiveDate) -> String {
    let n = (d - today).num_days();
    match n {
        0 => "today".into(),
        1 => "tomorrow".into(),
        -1 => "yesterday".into(),
        n if n > 1 => format!("in {n} days"),
        n => format!("{} days ago", -n),
    }
}

/// Minutes, as `78 min` or `1 h 18 min`.
pub fn minutes(m: i64) -> String {
    if m.abs() >= 60 { format!("{} h {:02} min", m / 60, (m % 60).abs()) } else { format!("{m} min") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdown_rounds_up_and_shows_overtime() {
        assert_eq!(clock(12 * 60_000), "12:00");
        assert_eq!(clock(12 * 60_000 - 1), "12:00");
        assert_eq!(clock(12 * 60_000 - 1000), "11:59");
        assert_eq!(clock(1), "0:01");
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(-999), "0:00");
        assert_eq!(clock(-65_000), "+1:05");
        assert_eq!(clock(3_723_000), "1:02:03");
    }

    #[test]
    fn next_second_boundaries() {
        assert_eq!(ms_to_next_second(5300), 300);
        assert_eq!(ms_to_next_second(5000), 1000);
        assert_eq!(ms_to_next_second(-200), 800);
        assert_eq!(shown_second(5300), shown_second(5001));
        assert_ne!(shown_second(5300), shown_second(5000));
    }
}

//! Reading timestamps quickly. A group's files hold tens of thousands of them (every
//! progress report, review and step has one), and chrono's general parser takes most of
//! the time of reading a file. The form hotseat writes, `2026-11-17T18:30:00+01:00` (with
//! optional fractions of a second, or `Z`), is read here directly; anything else goes to
//! chrono, so exactly the same texts are accepted and give the same instants.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use serde::{Deserialize, Deserializer};

/// `#[serde(deserialize_with = "crate::model::time::de")]` for a `DateTime<FixedOffset>`.
pub fn de<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
    let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
    parse(&s).map_err(serde::de::Error::custom)
}

/// Parse an RFC 3339 timestamp as chrono does, quickly when it is in hotseat's own form.
pub fn parse(s: &str) -> Result<DateTime<FixedOffset>, chrono::ParseError> {
    match quick(s.as_bytes()) {
        Some(t) => Ok(t),
        None => s.parse(),
    }
}

fn digits(s: &[u8]) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    s.iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + (c - b'0') as u32))
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, or `None` for anything else.
fn quick(s: &[u8]) -> Option<DateTime<FixedOffset>> {
    if s.len() < 20 || s[4] != b'-' || s[7] != b'-' || s[10] != b'T' || s[13] != b':' || s[16] != b':' {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(digits(&s[0..4])? as i32, digits(&s[5..7])?, digits(&s[8..10])?)?;
    let (h, m, sec) = (digits(&s[11..13])?, digits(&s[14..16])?, digits(&s[17..19])?);
    let mut rest = &s[19..];
    let mut nano = 0;
    if let Some(frac) = rest.strip_prefix(b".") {
        let n = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 || n > 9 {
            return None;
        }
        nano = digits(&frac[..n])? * 10u32.pow(9 - n as u32);
        rest = &frac[n..];
    }
    let offset = match rest {
        b"Z" => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let secs = (digits(&[*h1, *h2])? * 3600 + digits(&[*m1, *m2])? * 60) as i32;
            if *sign == b'-' { -secs } else { secs }
        }
        _ => return None,
    };
    // Leap seconds and other rarities are left to chrono.
    if sec > 59 || h > 23 || m > 59 {
        return None;
    }
    let time = NaiveTime::from_hms_nano_opt(h, m, sec, nano)?;
    FixedOffset::east_opt(offset)?.from_local_datetime(&date.and_time(time)).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_reading_agrees_with_chrono() {
        let samples = [
            "2026-11-17T18:30:00+01:00",
            "2026-11-17T18:30:00-05:30",
            "2026-11-17T18:30:00+00:00",
            "2026-11-17T18:30:00Z",
            "2026-11-17T18:30:00.5+01:00",
            "2026-11-17T18:30:00.123456789+14:00",
            "2024-02-29T23:59:59.999-12:00",
            "1999-12-31T00:00:00+00:00",
        ];
        for s in samples {
            let want: DateTime<FixedOffset> = s.parse().unwrap();
            assert_eq!(quick(s.as_bytes()), Some(want), "{s}");
            assert_eq!(parse(s).unwrap().offset(), want.offset(), "{s}");
        }
        // What hotseat writes reads back the same.
        let t = FixedOffset::east_opt(3600).unwrap().with_ymd_and_hms(2026, 11, 17, 18, 30, 5).unwrap();
        for nanos in [0, 1, 120_000_000, 999_999_999] {
            let t = t + chrono::Duration::nanoseconds(nanos);
            let text = serde_json::to_string(&t).unwrap();
            assert_eq!(quick(text.trim_matches('"').as_bytes()), Some(t), "{text}");
        }
    }

    #[test]
    fn anything_else_is_chronos_to_accept_or_refuse() {
        for s in [
            "2026-11-17 18:30:00+01:00",
            "2026-11-17t18:30:00+01:00",
            "2026-02-30T18:30:00+01:00",
            "2026-11-17T24:00:00+01:00",
            "2026-11-17T18:30:60+01:00",
            "2026-11-17T18:30:00",
            "2026-11-17T18:30:00.+01:00",
            "2026-11-17T18:30:00+0100",
            "+2026-11-17T18:30:00+01:00",
            "２０２６-11-17T18:30:00+01:00",
            "",
        ] {
            assert_eq!(quick(s.as_bytes()), None, "{s}");
            assert_eq!(parse(s).ok(), s.parse::<DateTime<FixedOffset>>().ok(), "{s}");
        }
    }
}

//! RFC 3339 timestamps read by hand, for the dates the server sends (`2022-01-17T11:21:53Z`).
//!
//! chrono's `Deserialize` for `DateTime` goes through its general parser, which brings the
//! whole of chrono's format-items engine (RFC 2822 included) into the browser's wasm. Fields
//! use these functions with `#[serde(deserialize_with = ...)]`; they write with chrono as
//! before, and the tests hold the reader to chrono's own RFC 3339 parser.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::Deserializer;
use serde::de::{Error, Visitor};
use std::fmt;

/// `YYYY-MM-DD(T|t| )HH:MM:SS[.fraction](Z|z|±HH:MM)`, as chrono's `parse_from_rfc3339`
/// accepts it, in UTC.
pub fn parse(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    let digits = |at: usize, n: usize| digits(b, at, n);
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let separators = matches!(b.get(10), Some(b'T' | b't' | b' ')) && at(13, b':') && at(16, b':');
    if !separators {
        return None;
    }
    let date = day_at(b)?;
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    let mut i = 19;
    let mut nano = 0u32;
    if at(i, b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            // Nanoseconds: digits past the ninth are dropped, as chrono does.
            if i - start < 9 {
                nano = nano * 10 + u32::from(b[i] - b'0');
            }
            i += 1;
        }
        if i == start {
            return None;
        }
        for _ in (i - start)..9 {
            nano *= 10;
        }
    }
    let offset = match b.get(i) {
        Some(b'Z' | b'z') if i + 1 == b.len() => 0,
        Some(&sign @ (b'+' | b'-')) if i + 6 == b.len() && at(i + 3, b':') => {
            let (h, m) = (digits(i + 1, 2)?, digits(i + 4, 2)?);
            if h > 23 || m > 59 {
                return None;
            }
            let seconds = (h * 3600 + m * 60) as i32;
            if sign == b'-' { -seconds } else { seconds }
        }
        _ => return None,
    };
    // A leap second (`:60`) is kept as chrono keeps it, in the nanoseconds.
    let time = if second == 60 {
        NaiveTime::from_hms_nano_opt(hour, minute, 59, nano.checked_add(1_000_000_000)?)?
    } else {
        NaiveTime::from_hms_nano_opt(hour, minute, second, nano)?
    };
    let local = date.and_time(time);
    let at = FixedOffset::east_opt(offset)?
        .from_local_datetime(&local)
        .single()?;
    Some(at.with_timezone(&Utc))
}

/// The `n` ASCII digits of `b` from `at`, as a number.
fn digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    let part = b.get(at..at + n)?;
    part.iter().try_fold(0u32, |acc, &d| {
        d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
    })
}

/// The `YYYY-MM-DD` that starts `b`.
fn day_at(b: &[u8]) -> Option<NaiveDate> {
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(b, 0, 4)? as i32, digits(b, 5, 2)?, digits(b, 8, 2)?)
}

/// A day as chrono writes one (`2022-01-17`), for `NaiveDate` fields (chrono's reader is the
/// same format-items engine).
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    (s.len() == 10).then(|| day_at(s.as_bytes())).flatten()
}

/// A string field read by `parse`: `what` it is, in "expected" messages, and what a refused
/// string is called in the error.
struct Text<T> {
    parse: fn(&str) -> Option<T>,
    what: &'static str,
    refused: &'static str,
}

const MOMENT: Text<DateTime<Utc>> = Text {
    parse,
    what: "an RFC 3339 date and time",
    refused: "not an RFC 3339 date and time",
};

const DAY: Text<NaiveDate> = Text {
    parse: parse_day,
    what: "a day, YYYY-MM-DD",
    refused: "not a day (YYYY-MM-DD)",
};

impl<T> Visitor<'_> for Text<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.what)
    }

    fn visit_str<E: Error>(self, s: &str) -> Result<T, E> {
        (self.parse)(s).ok_or_else(|| E::custom(format!("{}: {s:?}", self.refused)))
    }
}

/// The same field, or `null`.
struct Maybe<T>(Text<T>);

impl<'de, T> Visitor<'de> for Maybe<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}, or null", self.0.what)
    }

    fn visit_none<E: Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        d.deserialize_str(self.0).map(Some)
    }
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    d.deserialize_str(MOMENT)
}

/// For `Option<DateTime<Utc>>` fields (give them `#[serde(default)]` too: with
/// `deserialize_with`, serde no longer treats a missing field as `None`).
pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    d.deserialize_option(Maybe(MOMENT))
}

pub fn day<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(DAY)
}

/// For `Option<NaiveDate>` fields (with `#[serde(default)]`, as for [`option`]).
pub fn day_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    d.deserialize_option(Maybe(DAY))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chrono(s: &str) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(s)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }

    #[test]
    fn reads_what_chrono_writes_and_what_chrono_reads() {
        let start = Utc.with_ymd_and_hms(1999, 12, 31, 23, 59, 59).unwrap();
        for n in 0..3000i64 {
            let at = start
                + chrono::Duration::seconds(n * 86_413 + n * n % 3_607)
                + chrono::Duration::nanoseconds(n * 7_919_113 % 1_000_000_000);
            let written = serde_json::to_string(&at).unwrap();
            let text = written.trim_matches('"');
            assert_eq!(parse(text), Some(at), "{text}");
            for offset in ["+05:30", "-03:00", "+00:00", "-00:00", "+14:00"] {
                let local = format!("{}{offset}", &at.naive_utc().format("%Y-%m-%dT%H:%M:%S%.f"));
                assert_eq!(parse(&local), chrono(&local), "{local}");
            }
        }
    }

    #[test]
    fn refuses_what_chrono_refuses() {
        for s in [
            "",
            "2022-01-17",
            "2022-01-17T11:21:53",
            "2022-01-17T11:21:53+0530",
            "2022-01-17T11:21:53+05:3",
            "2022-01-17T11:21:53.Z",
            "2022-01-17T11:21:53ZZ",
            "2022-01-17T11:21:53Z ",
            "2022-02-30T11:21:53Z",
            "2022-13-01T11:21:53Z",
            "2022-01-17T24:00:00Z",
            "2022-01-17T11:60:00Z",
            "2022-01-17X11:21:53Z",
            "2022/01/17T11:21:53Z",
            "22-01-17T11:21:53Z",
            "+2022-01-17T11:21:53Z",
            "2022-01-17T11:21:53+24:00",
            "٢٠٢٢-01-17T11:21:53Z",
        ] {
            assert_eq!(parse(s), None, "{s:?}");
            assert_eq!(chrono(s), None, "chrono takes {s:?}");
        }
        for s in [
            "2022-01-17t11:21:53z",
            "2022-01-17 11:21:53Z",
            "2022-01-17T11:21:53.123456789123Z",
            "2016-12-31T23:59:60Z",
            "2022-01-17T11:21:53.5-00:00",
        ] {
            assert_eq!(parse(s), chrono(s), "{s:?}");
            assert!(parse(s).is_some(), "{s:?}");
        }
    }

    #[test]
    fn days_read_as_chrono_reads_them() {
        let start = NaiveDate::from_ymd_opt(1999, 12, 25).unwrap();
        for n in 0..5000 {
            let day = start + chrono::Duration::days(n);
            let written = serde_json::to_string(&day).unwrap();
            assert_eq!(parse_day(written.trim_matches('"')), Some(day), "{written}");
        }
        // chrono also takes one-digit months and days, and trailing spaces; the server never
        // writes them.
        for s in ["2022-1-17", "2022-01-7", "2022-01-17 "] {
            assert_eq!(parse_day(s), None, "{s:?}");
        }
        for s in [
            "",
            "2022-02-29",
            "2022-13-01",
            "2022/01/17",
            "2022-01-17T00:00:00Z",
            "٢٠٢٢-01-17",
        ] {
            assert_eq!(parse_day(s), None, "{s:?}");
            assert!(s.parse::<NaiveDate>().is_err(), "chrono takes {s:?}");
        }
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Doc {
            #[serde(deserialize_with = "day")]
            day: NaiveDate,
            #[serde(default, deserialize_with = "day_option")]
            maybe: Option<NaiveDate>,
        }
        let day = NaiveDate::from_ymd_opt(2022, 1, 17).unwrap();
        let read = |s: &str| serde_json::from_str::<Doc>(s);
        assert_eq!(
            read(r#"{"day":"2022-01-17"}"#).unwrap(),
            Doc { day, maybe: None }
        );
        assert_eq!(
            read(r#"{"day":"2022-01-17","maybe":"2022-01-17"}"#).unwrap(),
            Doc {
                day,
                maybe: Some(day)
            }
        );
        assert!(
            read(r#"{"day":"17 January"}"#)
                .unwrap_err()
                .to_string()
                .contains("not a day")
        );
    }

    #[test]
    fn fields_read_through_serde() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Doc {
            #[serde(deserialize_with = "deserialize")]
            at: DateTime<Utc>,
            #[serde(default, deserialize_with = "option")]
            maybe: Option<DateTime<Utc>>,
        }
        let at = Utc.with_ymd_and_hms(2022, 1, 17, 11, 21, 53).unwrap();
        let read = |s: &str| serde_json::from_str::<Doc>(s);
        assert_eq!(
            read(r#"{"at":"2022-01-17T11:21:53Z"}"#).unwrap(),
            Doc { at, maybe: None }
        );
        assert_eq!(
            read(r#"{"at":"2022-01-17T16:51:53+05:30","maybe":null}"#).unwrap(),
            Doc { at, maybe: None }
        );
        assert_eq!(
            read(r#"{"at":"2022-01-17T11:21:53Z","maybe":"2022-01-17T11:21:53Z"}"#).unwrap(),
            Doc {
                at,
                maybe: Some(at)
            }
        );
        let err = read(r#"{"at":"yesterday"}"#).unwrap_err().to_string();
        assert!(err.contains("not an RFC 3339 date and time"), "{err}");
        assert!(read(r#"{"at":1642418513}"#).is_err());
    }
}

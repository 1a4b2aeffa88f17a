//! Hand-written equivalents of the few chrono `format("%…")` / `parse_from_str(…, "%…")`
//! patterns the crate and the page use.
//!
//! Why: chrono's strftime machinery (the format-string parser, `DelayedFormat`, the generic
//! `parse`) weighs ~20 KB in the page's wasm; these helpers do the same for our fixed patterns
//! and are byte-for-byte equivalent (checked against chrono in the tests below, including the
//! odd cases: signed and short years, single-digit fields, leading spaces, leap seconds).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

fn push_two(out: &mut String, n: u32) {
    out.push(char::from(b'0' + (n / 10 % 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// chrono's `%Y`: four digits for 0..=9999, else a sign and at least four digits.
fn push_year(out: &mut String, y: i32) {
    use std::fmt::Write;
    if (0..=9999).contains(&y) {
        push_two(out, (y / 100) as u32);
        push_two(out, (y % 100) as u32);
    } else {
        let _ = write!(out, "{y:+05}");
    }
}

/// `%Y-%m-%d`
pub fn push_date(out: &mut String, d: NaiveDate) {
    push_year(out, d.year());
    out.push('-');
    push_two(out, d.month());
    out.push('-');
    push_two(out, d.day());
}

/// `%Y-%m-%d`
pub fn date(d: NaiveDate) -> String {
    let mut s = String::with_capacity(10);
    push_date(&mut s, d);
    s
}

/// `%Y-%m-%d<sep>%H:%M`, and `:%S` when `seconds`.
pub fn date_time(t: NaiveDateTime, sep: char, seconds: bool) -> String {
    let mut s = String::with_capacity(19);
    push_date(&mut s, t.date());
    s.push(sep);
    push_two(&mut s, t.hour());
    s.push(':');
    push_two(&mut s, t.minute());
    if seconds {
        s.push(':');
        push_two(&mut s, t.second() + t.nanosecond() / 1_000_000_000);
    }
    s
}

/// `%Y%m%dT%H%M%SZ` (the time is UTC).
pub fn ics_utc(t: NaiveDateTime) -> String {
    let mut s = String::with_capacity(16);
    push_year(&mut s, t.year());
    push_two(&mut s, t.month());
    push_two(&mut s, t.day());
    s.push('T');
    push_two(&mut s, t.hour());
    push_two(&mut s, t.minute());
    push_two(&mut s, t.second() + t.nanosecond() / 1_000_000_000);
    s.push('Z');
    s
}

/// `%:z`: "+01:00" (seconds of the offset rounded to the nearest minute).
pub fn offset_colon(off: FixedOffset) -> String {
    let off = off.local_minus_utc();
    let (sign, off) = if off < 0 { ('-', -off) } else { ('+', off) };
    let minutes = (off + 30) / 60;
    let mut s = String::with_capacity(6);
    s.push(sign);
    push_two(&mut s, (minutes / 60) as u32);
    s.push(':');
    push_two(&mut s, (minutes % 60) as u32);
    s
}

/// chrono's numeric field scan: leading whitespace skipped, then 1 to `max` ASCII digits.
fn number(s: &str, max: usize) -> Option<(&str, i64)> {
    digits(s.trim_start(), max)
}

/// 1 to `max` ASCII digits.
fn digits(s: &str, max: usize) -> Option<(&str, i64)> {
    let b = s.as_bytes();
    let mut n = 0i64;
    let mut i = 0;
    while i < max && i < b.len() && b[i].is_ascii_digit() {
        n = n.checked_mul(10)?.checked_add(i64::from(b[i] - b'0'))?;
        i += 1;
    }
    if i == 0 {
        return None;
    }
    Some((&s[i..], n))
}

fn literal(s: &str, c: u8) -> Option<&str> {
    match s.as_bytes().first() {
        Some(&b) if b == c => Some(&s[1..]),
        _ => None,
    }
}

/// chrono's `%Y-%m-%d` scan; the rest of the text is returned.
fn scan_date(s: &str) -> Option<(&str, NaiveDate)> {
    let s = s.trim_start();
    let (s, year) = if let Some(r) = s.strip_prefix('-') {
        let (r, v) = digits(r, usize::MAX)?;
        (r, 0i64.checked_sub(v)?)
    } else if let Some(r) = s.strip_prefix('+') {
        digits(r, usize::MAX)?
    } else {
        digits(s, 4)?
    };
    let year = i32::try_from(year).ok()?;
    let (s, month) = number(literal(s, b'-')?, 2)?;
    let (s, day) = number(literal(s, b'-')?, 2)?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some((s, NaiveDate::from_ymd_opt(year, month as u32, day as u32)?))
}

/// Same as `NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    match scan_date(s)? {
        ("", d) => Some(d),
        _ => None,
    }
}

/// Same as `NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M")` (`seconds` false) or
/// `"%Y-%m-%dT%H:%M:%S"` (`seconds` true), `.ok()`.
pub fn parse_date_time(s: &str, seconds: bool) -> Option<NaiveDateTime> {
    let (s, d) = scan_date(s)?;
    let (s, h) = number(literal(s, b'T')?, 2)?;
    let (s, m) = number(literal(s, b':')?, 2)?;
    let (s, sec) = if seconds {
        number(literal(s, b':')?, 2)?
    } else {
        (s, 0)
    };
    if !s.is_empty() || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    // chrono reads second 60 as a leap second.
    let t = if sec == 60 {
        NaiveTime::from_hms_nano_opt(h as u32, m as u32, 59, 1_000_000_000)?
    } else {
        NaiveTime::from_hms_opt(h as u32, m as u32, sec as u32)?
    };
    Some(d.and_time(t))
}

/// Exactly `n` ASCII digits.
fn fixed(s: &[u8], n: usize) -> Option<(&[u8], u32)> {
    let head = s.get(..n)?;
    let mut v = 0u32;
    for &b in head {
        if !b.is_ascii_digit() {
            return None;
        }
        v = v * 10 + u32::from(b - b'0');
    }
    Some((&s[n..], v))
}

fn byte(s: &[u8], c: u8) -> Option<&[u8]> {
    match s.split_first() {
        Some((&b, rest)) if b == c => Some(rest),
        _ => None,
    }
}

/// Same as `DateTime::parse_from_rfc3339(s).ok()`: `YYYY-MM-DD`, `T` (or `t`, or a space),
/// `HH:MM:SS`, an optional fraction, then `Z` (or `z`) or `±HH:MM` (the minus may be U+2212).
/// Second 60 is a leap second. Why by hand: chrono's parser weighs ~1 KB gzip of the page's
/// wasm (ADR 0009); equivalence with chrono is checked on generated texts in the tests below.
pub fn parse_rfc3339(text: &str) -> Option<DateTime<FixedOffset>> {
    let s = text.as_bytes();
    let (s, year) = fixed(s, 4)?;
    let (s, month) = fixed(byte(s, b'-')?, 2)?;
    let (s, day) = fixed(byte(s, b'-')?, 2)?;
    let s = match s.split_first()? {
        (b'T' | b't' | b' ', rest) => rest,
        _ => return None,
    };
    let (s, hour) = fixed(s, 2)?;
    let (s, minute) = fixed(byte(s, b':')?, 2)?;
    let (mut s, second) = fixed(byte(s, b':')?, 2)?;
    let mut nanos = 0u32;
    if let Some(rest) = byte(s, b'.') {
        let count = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if count == 0 {
            return None;
        }
        for (i, &b) in rest[..count].iter().enumerate().take(9) {
            nanos += u32::from(b - b'0') * 10u32.pow(8 - i as u32);
        }
        s = &rest[count..];
    }
    let offset = match s {
        [b'Z' | b'z'] => 0,
        _ => {
            let (sign, rest) = match s {
                [b'+', rest @ ..] => (1, rest),
                [b'-', rest @ ..] => (-1, rest),
                // U+2212 MINUS SIGN, as chrono accepts it.
                [0xE2, 0x88, 0x92, rest @ ..] => (-1, rest),
                _ => return None,
            };
            let (rest, h) = fixed(rest, 2)?;
            let (rest, m) = fixed(byte(rest, b':')?, 2)?;
            if !rest.is_empty() || h > 23 || m > 59 {
                return None;
            }
            sign * (h as i32 * 3600 + m as i32 * 60)
        }
    };
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
    let time = if second == 60 {
        NaiveTime::from_hms_nano_opt(hour, minute, 59, 1_000_000_000 + nanos)?
    } else {
        NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?
    };
    let offset = FixedOffset::east_opt(offset)?;
    date.and_time(time).and_local_timezone(offset).single()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, TimeZone, Utc};

    const TEXTS: &[&str] = &[
        "2022-11-30",
        "2022-1-5",
        " 2022-11-30",
        "2022 -11-30",
        "2022- 11- 30",
        "+2022-11-30",
        "-0001-01-01",
        "-1-1-1",
        "+12345-01-01",
        "12345-01-01",
        "0000-02-29",
        "2023-02-29",
        "2024-02-29",
        "2022-13-01",
        "2022-00-10",
        "2022-11-00",
        "2022-11-32",
        "2022-11-30 ",
        "2022-11-30x",
        "",
        "-",
        "+",
        "- 1-01-01",
        "+ 2022-01-01",
        "2022",
        "2022-",
        "2022-11",
        "2022-11-",
        "30/11/2022",
        "99999999999999999999-01-01",
        "+2147483648-01-01",
        "2022-011-30",
        "2022-11-030",
        "\u{a0}2022-11-30",
        "2022-11-30T10:00",
        "2022-11-30T10:00:00",
        "2022-11-30T10:00:60",
        "2022-11-30T23:59:60",
        "2022-11-30T24:00",
        "2022-11-30T10:60",
        "2022-11-30T10:00:61",
        "2022-11-30T1:2",
        "2022-11-30T1:2:3",
        "2022-11-30T 1: 2: 3",
        "2022-11-30 10:00",
        "2022-11-30T10:00:00.000",
        "2022-11-30T10",
        "2022-11-30T10:",
        "2022-11-30T",
        "2022-11-30T10:00:",
        "2022-11-30T100:00",
        "2022-11-30T10:000",
        "-0005-03-01T00:00:00",
        "é",
        "2022-11-30T10:00Z",
        "2022-11-30t10:00",
    ];

    #[test]
    fn parsing_matches_chrono() {
        for t in TEXTS {
            assert_eq!(
                parse_date(t),
                NaiveDate::parse_from_str(t, "%Y-%m-%d").ok(),
                "{t:?}"
            );
            assert_eq!(
                parse_date_time(t, false),
                NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M").ok(),
                "{t:?}"
            );
            assert_eq!(
                parse_date_time(t, true),
                NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S").ok(),
                "{t:?}"
            );
        }
    }

    #[test]
    fn formatting_matches_chrono() {
        let years = [
            -262_000, -10_000, -9999, -1, 0, 7, 99, 999, 1000, 2022, 9999, 10_000, 262_000,
        ];
        for y in years {
            for (h, m, s, n) in [
                (0, 0, 0, 0),
                (9, 5, 7, 0),
                (23, 59, 59, 0),
                (23, 59, 59, 1_500_000_000),
            ] {
                let t = NaiveDate::from_ymd_opt(y, 3, 9)
                    .unwrap()
                    .and_hms_nano_opt(h, m, s, n)
                    .unwrap();
                assert_eq!(date(t.date()), t.format("%Y-%m-%d").to_string());
                assert_eq!(
                    date_time(t, 'T', false),
                    t.format("%Y-%m-%dT%H:%M").to_string()
                );
                assert_eq!(
                    date_time(t, ' ', true),
                    t.format("%Y-%m-%d %H:%M:%S").to_string()
                );
                assert_eq!(ics_utc(t), t.format("%Y%m%dT%H%M%SZ").to_string());
            }
        }
        for secs in [
            0, 1, 29, 30, 59, 3600, 3630, 5400, -3600, -3629, -3630, -12_600, 36_000, -36_000,
            50_400, 86_399, -86_399,
        ] {
            let off = FixedOffset::east_opt(secs).unwrap();
            let t: DateTime<FixedOffset> = off.from_utc_datetime(
                &Utc.with_ymd_and_hms(2022, 1, 1, 0, 0, 0)
                    .unwrap()
                    .naive_utc(),
            );
            assert_eq!(offset_colon(off), t.format("%:z").to_string(), "{secs}");
        }
    }

    #[test]
    fn rfc3339_agrees_with_chrono() {
        let fixed_cases = [
            "2022-10-29T10:00:00+02:00",
            "2022-10-29t10:00:00z",
            "2022-10-29 10:00:00Z",
            "2022-10-29T10:00:00.123456789123+02:00",
            "2022-10-29T10:00:00.+02:00",
            "2022-10-29T10:00:00,5+02:00",
            "2022-10-29T10:00:00+0200",
            "2022-10-29T10:00:00+02",
            "2022-10-29T10:00:00\u{2212}02:00",
            "2022-10-29T10:00:00-23:59",
            "2022-10-29T10:00:00+24:00",
            "2022-10-29T10:00:00+02:60",
            "2016-12-31T23:59:60Z",
            "2016-12-31T23:59:60.5Z",
            "2022-10-29T23:60:00Z",
            "2022-10-29T24:00:00Z",
            "2022-02-29T10:00:00Z",
            "2024-02-29T10:00:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59-23:59",
            "+2022-10-29T10:00:00Z",
            "22-10-29T10:00:00Z",
            "2022-10-29T10:00Z",
            "2022-10-29T10:00:00",
            "2022-10-29T10:00:00Z ",
            " 2022-10-29T10:00:00Z",
            "2022-10-29T1:00:00Z",
            "",
            "é",
        ];
        for t in fixed_cases {
            assert_eq!(
                parse_rfc3339(t),
                DateTime::parse_from_rfc3339(t).ok(),
                "{t:?}"
            );
        }
        // Generated texts: every field mutated around its edges, and random bytes in place.
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        let alphabet = b"0123456789-+:.TtZz \x7f";
        for _ in 0..200_000 {
            let mut b = format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{}",
                next(10_000),
                next(14),
                next(33),
                next(26),
                next(62),
                next(62),
                [".5", "", ".123456789", ".1234567891"][next(4) as usize],
                ["Z", "+01:00", "-09:30", "+23:59", "+24:00", "-00:60", "z"][next(7) as usize],
            )
            .into_bytes();
            for _ in 0..next(3) {
                let i = next(b.len() as u64) as usize;
                b[i] = alphabet[next(alphabet.len() as u64) as usize];
            }
            if next(4) == 0 {
                let i = next(b.len() as u64) as usize;
                b.remove(i);
            }
            let t = String::from_utf8_lossy(&b);
            assert_eq!(
                parse_rfc3339(&t),
                DateTime::parse_from_rfc3339(&t).ok(),
                "{t:?}"
            );
        }
    }
}

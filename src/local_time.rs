//! `<input type="datetime-local">` and `<input type="date">` values, read and written in the
//! session's time zone (never the browser's: the candidate may be anywhere).
//! Pure: compiled and tested natively.

use crate::core::timefmt;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

/// "2022-10-29T10:00" in `tz`.
pub fn to_input(t: DateTime<Utc>, tz: Tz) -> String {
    timefmt::date_time(t.with_timezone(&tz).naive_local(), 'T', false)
}

/// Read "2022-10-29T10:00" (seconds tolerated) as a wall-clock time in `tz`. In the autumn
/// overlap the earlier instant is taken; in the spring gap the time does not exist: `None`.
pub fn from_input(text: &str, tz: Tz) -> Option<DateTime<Tz>> {
    let text = text.trim();
    let naive =
        timefmt::parse_date_time(text, false).or_else(|| timefmt::parse_date_time(text, true))?;
    tz.from_local_datetime(&naive).earliest()
}

/// The same instant with its fixed offset (the situation's `account_created_at`).
pub fn fixed(t: DateTime<Tz>) -> DateTime<FixedOffset> {
    t.fixed_offset()
}

pub fn date_to_input(d: NaiveDate) -> String {
    timefmt::date(d)
}

pub fn date_from_input(text: &str) -> Option<NaiveDate> {
    timefmt::parse_date(text.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_in_paris() {
        let tz = chrono_tz::Europe::Paris;
        let t = from_input("2022-10-29T10:00", tz).unwrap();
        assert_eq!(fixed(t).to_rfc3339(), "2022-10-29T10:00:00+02:00");
        assert_eq!(to_input(t.with_timezone(&Utc), tz), "2022-10-29T10:00");
        // Autumn overlap: 02:30 happens twice on 30 October 2022; the earlier is +02:00.
        assert_eq!(
            fixed(from_input("2022-10-30T02:30", tz).unwrap()).to_rfc3339(),
            "2022-10-30T02:30:00+02:00"
        );
        // Spring gap.
        assert_eq!(from_input("2023-03-26T02:30", tz), None);
        assert_eq!(from_input("garbage", tz), None);
        assert_eq!(from_input("", tz), None);
    }

    #[test]
    fn dates() {
        let d = date_from_input("2022-11-30").unwrap();
        assert_eq!(date_to_input(d), "2022-11-30");
        assert_eq!(date_from_input("30/11/2022"), None);
    }
}

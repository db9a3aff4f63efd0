//! The calendar rules of the procedure: what a date is, when a year after a notice
//! falls, and how ten days "Sundays excepted" are counted.
//!
//! Every function here is pure arithmetic on civil dates (no time zones: the law counts
//! days). The numbers (one year, ten days, 180 days) come from the rulebook; this module
//! only knows how to count.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// Parses a date written exactly `YYYY-MM-DD` that exists in the calendar.
///
/// Stricter than ISO 8601 on purpose: `20270101`, `+002027-01-01` or `2027-01-01T00:00`
/// are refused so that every scenario file spells dates one way.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape_ok {
        return Err(format!(
            "\"{text}\" is not a date written YYYY-MM-DD (for example 2027-03-01)"
        ));
    }
    text.parse::<Date>().map_err(|_| {
        let month: u8 = text[5..7].parse().unwrap_or(0);
        if !(1..=12).contains(&month) {
            format!("\"{text}\" does not exist: a month runs from 01 to 12")
        } else {
            let year: i16 = text[..4].parse().unwrap_or(2000);
            let last = Date::new(year, month as i8, 1)
                .map(|d| d.days_in_month())
                .unwrap_or(31);
            format!(
                "\"{text}\" does not exist: {}-{:02} has {last} days",
                &text[..4],
                month
            )
        }
    })
}

/// The same month and day `years` later; a Feb. 29 falls on Feb. 28 in a common year.
///
/// Returns `None` only past the end of the supported calendar (year 9999).
pub fn anniversary(date: Date, years: i16) -> Option<Date> {
    // jiff clamps a day that does not exist in the target month to the month's last day,
    // which is exactly the Feb. 29 → Feb. 28 rule.
    date.checked_add(i64::from(years).years()).ok()
}

/// The `n`th day after `start`, counting only days that are not Sundays.
///
/// With `n = 10` this is the last day a President has to return a bill presented on
/// `start` (Art. I, § 7, cl. 2): the day of presentment is not counted.
pub fn nth_day_sundays_excepted(start: Date, n: u32) -> Option<Date> {
    let mut day = start;
    let mut counted = 0;
    while counted < n {
        day = day.tomorrow().ok()?;
        if day.weekday() != Weekday::Sunday {
            counted += 1;
        }
    }
    Some(day)
}

/// Whole days from `earlier` to `later` (negative when `later` comes first).
pub fn days_between(earlier: Date, later: Date) -> i64 {
    // Civil days have no time zone and no DST: exactly 24 hours each.
    later.duration_since(earlier).as_secs() / 86_400
}

/// The day after `date`, or `None` past the end of the supported calendar.
pub fn next_day(date: Date) -> Option<Date> {
    date.tomorrow().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    #[test]
    fn dates_must_be_written_yyyy_mm_dd_and_exist() {
        assert_eq!(d("2028-02-29"), Date::new(2028, 2, 29).unwrap());
        for bad in [
            "20270101",
            "+002027-01-01",
            "2027-1-01",
            "2027-01-01T00:00",
            "",
        ] {
            assert!(parse_date(bad).unwrap_err().contains("YYYY-MM-DD"), "{bad}");
        }
        assert!(
            parse_date("2027-02-29")
                .unwrap_err()
                .contains("has 28 days")
        );
        assert!(
            parse_date("2027-02-30")
                .unwrap_err()
                .contains("does not exist")
        );
        assert!(parse_date("2027-13-01").unwrap_err().contains("01 to 12"));
        assert!(parse_date("2027-00-10").unwrap_err().contains("01 to 12"));
    }

    #[test]
    fn anniversary_keeps_month_and_day() {
        assert_eq!(anniversary(d("2027-03-01"), 1), Some(d("2028-03-01")));
        assert_eq!(anniversary(d("2027-02-28"), 1), Some(d("2028-02-28")));
    }

    #[test]
    fn anniversary_of_feb_29_is_feb_28() {
        assert_eq!(anniversary(d("2028-02-29"), 1), Some(d("2029-02-28")));
        // Four years on, Feb. 29 exists again.
        assert_eq!(anniversary(d("2028-02-29"), 4), Some(d("2032-02-29")));
    }

    #[test]
    fn tenth_day_skips_sundays() {
        // Presented Monday 2027-05-03: one Sunday (05-09) inside the window.
        assert_eq!(
            nth_day_sundays_excepted(d("2027-05-03"), 10),
            Some(d("2027-05-14"))
        );
        // Presented Tuesday 2027-05-04: the tenth day is Saturday 05-15.
        assert_eq!(
            nth_day_sundays_excepted(d("2027-05-04"), 10),
            Some(d("2027-05-15"))
        );
        // Presented Friday 2027-12-10: two Sundays inside the window.
        assert_eq!(
            nth_day_sundays_excepted(d("2027-12-10"), 10),
            Some(d("2027-12-22"))
        );
        // Presented on a Saturday: the Sunday right after is not day one.
        assert_eq!(
            nth_day_sundays_excepted(d("2027-05-01"), 1),
            Some(d("2027-05-03"))
        );
    }

    #[test]
    fn tenth_day_across_feb_29() {
        // Presented Friday 2028-02-25: 26 Sat(1), 27 Sun, 28(2), 29(3), Mar 1(4) ... 7 Tue(9), 8 Wed(10).
        assert_eq!(
            nth_day_sundays_excepted(d("2028-02-25"), 10),
            Some(d("2028-03-08"))
        );
    }

    #[test]
    fn days_between_counts_whole_days() {
        assert_eq!(days_between(d("2027-01-01"), d("2027-06-30")), 180);
        assert_eq!(days_between(d("2027-01-01"), d("2027-06-29")), 179);
        assert_eq!(days_between(d("2028-01-01"), d("2028-06-29")), 180);
        assert_eq!(days_between(d("2027-06-30"), d("2027-01-01")), -180);
    }
}

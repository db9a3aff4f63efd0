//! The calendar rules of the procedure: what a date is, when a period after a notice
//! ends (days, months or years, with the rule for month ends), and how days are counted
//! with Sundays excepted.
//!
//! Every function here is pure arithmetic on civil dates (no time zones: the law counts
//! days). The numbers come from the rulebook; this module only knows how to count.

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
    Period::years(years.max(0) as u32).after(date)
}

/// The unit a period is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    Day,
    Month,
    Year,
}

/// A period the law counts: "1 year", "6 months", "120 days".
///
/// A period of months or years ends on the same day of the month that many months later;
/// when that month has no such day (a notice on Aug. 31 plus six months, a Feb. 29 plus a
/// year) it ends on the month's last day (Feb. 28, or Feb. 29 in a leap year). A period of
/// days ends that many days later, every day counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    pub count: u32,
    pub unit: Unit,
}

/// The longest period a rulebook may give, in each unit (a century).
const MAX_COUNT: [(Unit, u32); 3] = [(Unit::Day, 36_525), (Unit::Month, 1_200), (Unit::Year, 100)];

impl Period {
    pub const fn years(count: u32) -> Period {
        Period {
            count,
            unit: Unit::Year,
        }
    }

    /// The day the period ends, counted from `date`; `None` past year 9999.
    pub fn after(self, date: Date) -> Option<Date> {
        let count = i64::from(self.count);
        // jiff clamps a day that does not exist in the target month to the month's last
        // day, which is exactly the month-end rule above.
        let span = match self.unit {
            Unit::Day => count.days(),
            Unit::Month => count.months(),
            Unit::Year => count.years(),
        };
        date.checked_add(span).ok()
    }

    /// The day a period that ends on `date` began (the latest such day).
    pub fn before(self, date: Date) -> Option<Date> {
        let count = i64::from(self.count);
        let span = match self.unit {
            Unit::Day => count.days(),
            Unit::Month => count.months(),
            Unit::Year => count.years(),
        };
        date.checked_sub(span).ok()
    }

    /// Reads "6 months", "1 year", "120 days" (singular or plural).
    pub fn parse(text: &str) -> Result<Period, String> {
        let shape = || {
            format!(
                "\"{text}\" is not a period: write a whole number and a unit, e.g. \"1 year\", \"6 months\" or \"120 days\""
            )
        };
        let mut words = text.split_whitespace();
        let (Some(count), Some(unit), None) = (words.next(), words.next(), words.next()) else {
            return Err(shape());
        };
        let count: u32 = count.parse().map_err(|_| shape())?;
        let unit = match unit {
            "day" | "days" => Unit::Day,
            "month" | "months" => Unit::Month,
            "year" | "years" => Unit::Year,
            other => {
                let mut message = format!("\"{text}\": \"{other}\" is not a unit of time");
                if let Some(near) = crate::diag::did_you_mean(other, ["days", "months", "years"]) {
                    message.push_str(&format!(" (did you mean {near}?)"));
                }
                return Err(format!("{message}; valid units: days, months, years"));
            }
        };
        let max = MAX_COUNT
            .iter()
            .find(|(u, _)| *u == unit)
            .map_or(0, |(_, m)| *m);
        if count == 0 || count > max {
            return Err(format!(
                "\"{text}\" is not a period the law can count: give from 1 to {max} {}",
                Period { count: 2, unit }.unit_name()
            ));
        }
        Ok(Period { count, unit })
    }

    fn unit_name(self) -> &'static str {
        match (self.unit, self.count) {
            (Unit::Day, 1) => "day",
            (Unit::Day, _) => "days",
            (Unit::Month, 1) => "month",
            (Unit::Month, _) => "months",
            (Unit::Year, 1) => "year",
            (Unit::Year, _) => "years",
        }
    }

    /// "one year", "six months", "120 days": how a sentence says it.
    pub fn words(self) -> String {
        format!("{} {}", number_words(self.count), self.unit_name())
    }
}

impl std::fmt::Display for Period {
    /// "1 year", "6 months": how a rulebook file writes it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.count, self.unit_name())
    }
}

impl schemars::JsonSchema for Period {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]+ +(day|days|month|months|year|years)$",
            "examples": ["1 year", "6 months", "120 days"],
        })
    }
}

impl<'de> serde::Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Period::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// "one" to "twenty" in words, larger numbers in figures (as a sentence writes them).
pub fn number_words(n: u32) -> String {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    WORDS
        .get(n as usize)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

/// "first" to "twentieth" in words, larger numbers as "21st", "180th".
pub fn ordinal_words(n: u32) -> String {
    const WORDS: [&str; 21] = [
        "zeroth",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    if let Some(w) = WORDS.get(n as usize) {
        return (*w).to_string();
    }
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A date in a rulebook file (`from: 2023-12-22`): written YYYY-MM-DD, a day that exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub Date);

impl<'de> serde::Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Day;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date written YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Day, E> {
                parse_date(v).map(Day).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Day, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Day, E> {
                self.visit_str(&v.to_string())
            }
        }
        d.deserialize_any(V)
    }
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
    fn periods_of_months_end_on_the_same_day_or_the_months_last() {
        let six = Period::parse("6 months").unwrap();
        // ABM Treaty: notice 2001-12-13, effective 2002-06-13.
        assert_eq!(six.after(d("2001-12-13")), Some(d("2002-06-13")));
        // Open Skies: 2020-05-22 -> 2020-11-22; INF: 2019-02-02 -> 2019-08-02.
        assert_eq!(six.after(d("2020-05-22")), Some(d("2020-11-22")));
        assert_eq!(six.after(d("2019-02-02")), Some(d("2019-08-02")));
        // Aug. 31 plus six months: Feb. 29 in a leap year, Feb. 28 otherwise.
        assert_eq!(six.after(d("2027-08-31")), Some(d("2028-02-29")));
        assert_eq!(six.after(d("2026-08-31")), Some(d("2027-02-28")));
        // Mar. 31 plus one month: Apr. 30.
        assert_eq!(
            Period::parse("1 month").unwrap().after(d("2027-03-31")),
            Some(d("2027-04-30"))
        );
        // Days count every day.
        assert_eq!(
            Period::parse("120 days").unwrap().after(d("2020-01-22")),
            Some(d("2020-05-21"))
        );
        assert_eq!(
            Period::parse("1 year").unwrap().after(d("2028-02-29")),
            Some(d("2029-02-28"))
        );
        assert_eq!(six.before(d("2002-06-13")), Some(d("2001-12-13")));
    }

    #[test]
    fn periods_are_read_and_written_as_the_law_says_them() {
        for (text, words) in [
            ("1 year", "one year"),
            ("6 months", "six months"),
            ("1 day", "one day"),
            ("120 days", "120 days"),
            ("3  years", "three years"),
        ] {
            assert_eq!(Period::parse(text).unwrap().words(), words, "{text}");
        }
        assert_eq!(Period::parse("6 month").unwrap().to_string(), "6 months");
        for (bad, says) in [
            ("0 days", "from 1 to"),
            ("6 monts", "did you mean months?"),
            ("six months", "whole number"),
            ("6", "whole number"),
            ("-1 years", "whole number"),
            ("101 years", "from 1 to 100"),
            ("6 months later", "whole number"),
            ("", "whole number"),
        ] {
            let err = Period::parse(bad).unwrap_err();
            assert!(err.contains(says), "{bad}: {err}");
        }
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(number_words(10), "ten");
        assert_eq!(number_words(180), "180");
        assert_eq!(ordinal_words(10), "tenth");
        assert_eq!(ordinal_words(5), "fifth");
        assert_eq!(ordinal_words(21), "21st");
        assert_eq!(ordinal_words(112), "112th");
        assert_eq!(ordinal_words(180), "180th");
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

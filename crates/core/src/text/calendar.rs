//! Calendar days and the names of months and weekdays.
//!
//! [`Date`] is a proleptic Gregorian day with the day-count arithmetic of
//! Hinnant's `days_from_civil` (hand-written: ten lines, no date crate
//! needed). The name tables are shared by the timeline, which reads dates,
//! and by alias detection, which must not take "Wednesday" or "April" for a
//! person's name.

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year (proleptic Gregorian).
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

impl Date {
    /// A date when `month`/`day` form a real calendar day.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// This date moved by `n` days.
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.days() + 3).rem_euclid(7) as u32
    }

    /// ISO 8601 form, `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Days in `month` (1–12) of `year`; 0 for no month.
pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// The calendar day at the start of an ISO 8601 date or date-time
/// (`2017-04-12`, `2017-04-12T09:30:00Z`), if it is one.
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let head = s.get(..10)?;
    let b = head.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = head[..4].parse().ok()?;
    let month = head[5..7].parse().ok()?;
    let day = head[8..10].parse().ok()?;
    Date::new(year, month, day)
}
/// Month names, January first.
pub(crate) const MONTH_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Abbreviated month names and their numbers.
pub(crate) const MONTH_ABBREVIATIONS: &[(&str, u32)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sept", 9),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Weekday names, Monday first.
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a lower-cased word names a month, in full or abbreviated.
pub(crate) fn is_month_name(key: &str) -> bool {
    MONTH_NAMES.contains(&key) || MONTH_ABBREVIATIONS.iter().any(|&(a, _)| a == key)
}

/// Whether a lower-cased word is a weekday or a month name in full.
pub(crate) fn is_calendar_name(key: &str) -> bool {
    WEEKDAYS.contains(&key) || MONTH_NAMES.contains(&key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_arithmetic_round_trips() {
        for d in [-1_000_000i64, -1, 0, 59, 17_268, 1_000_000] {
            assert_eq!(Date::from_days(d).days(), d);
        }
        let d = Date::new(2017, 4, 12).expect("date");
        assert_eq!(d.days(), 17_268);
        assert_eq!(d.weekday(), 2, "2017-04-12 was a Wednesday");
        assert_eq!(Date::new(2017, 2, 29), None);
        assert_eq!(
            parse_iso_date("2016-02-29T10:00:00Z"),
            Date::new(2016, 2, 29)
        );
        assert_eq!(parse_iso_date("12/04/2017"), None);
    }
}

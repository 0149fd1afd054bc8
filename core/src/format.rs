//! How times, durations and money read in the console. Pure, so the UI's wording is tested
//! natively; the browser supplies its time-zone offset.

use crate::Millis;

/// `2026/11/23 18:45:36 GMT+08:00` for `ms` in a zone `offset_minutes` east of UTC.
pub fn datetime(ms: Millis, offset_minutes: i32) -> String {
    let local = ms as i64 / 1000 + offset_minutes as i64 * 60;
    let days = local.div_euclid(86_400);
    let secs = local.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let off = offset_minutes.unsigned_abs();
    format!(
        "{y:04}/{m:02}/{d:02} {:02}:{:02}:{:02} GMT{sign}{:02}:{:02}",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60,
        off / 60,
        off % 60
    )
}

/// The time of an HTML `datetime-local` value (`YYYY-MM-DDTHH:MM`, seconds ignored) in a
/// zone `offset_minutes` east of UTC; `None` when it is not one.
pub fn parse_datetime_local(text: &str, offset_minutes: i32) -> Option<Millis> {
    let (date, time) = text.trim().split_once('T')?;
    let mut d = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, day) = (d.next()??, d.next()??, d.next()??);
    let mut t = time.split(':').map(|p| p.parse::<i64>().ok());
    let (h, min) = (t.next()??, t.next()??);
    if !(1..=12).contains(&m)
        || !(1..=31).contains(&day)
        || !(0..24).contains(&h)
        || !(0..60).contains(&min)
    {
        return None;
    }
    // Days since 1970-01-01 of a civil date (the inverse of `civil_from_days`).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + day - 1;
    let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
    let local = (days * 86_400 + h * 3_600 + min * 60) * 1_000;
    Millis::try_from(local - i64::from(offset_minutes) * 60_000).ok()
}

/// `20261124-1530` (date and minute, no separators) for `ms` in a zone `offset_minutes` east
/// of UTC: what a file name carries.
pub fn compact_datetime(ms: Millis, offset_minutes: i32) -> String {
    let local = ms as i64 / 1000 + offset_minutes as i64 * 60;
    let (y, m, d) = civil_from_days(local.div_euclid(86_400));
    let secs = local.rem_euclid(86_400);
    format!(
        "{y:04}{m:02}{d:02}-{:02}{:02}",
        secs / 3600,
        secs % 3600 / 60
    )
}

/// `USD 12.35`, rounded to cents. Formatted from whole cents: `{:.2}` brings the float
/// formatting machinery into the wasm.
pub fn usd(amount: f64) -> String {
    let cents = (amount * 100.0).round();
    let sign = if cents < 0.0 { "-" } else { "" };
    // Saturating: amounts are validated far below this, and NaN reads as 0.
    let cents = cents.abs() as u128;
    format!("USD {sign}{}.{:02}", cents / 100, cents % 100)
}

/// `1,000`: digits grouped by thousands.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

// Howard Hinnant's days-to-civil algorithm.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DAY, HOUR, SECOND};

    #[test]
    fn datetime_local_values_read_back() {
        let at = 1_795_505_400_000; // 2026-11-24T07:30:00Z
        assert_eq!(parse_datetime_local("2026-11-24T15:30", 480), Some(at));
        assert_eq!(parse_datetime_local("2026-11-24T07:30", 0), Some(at));
        assert!(datetime(at, 0).starts_with("2026/11/24 07:30"));
        assert_eq!(parse_datetime_local("2026-13-01T00:00", 0), None);
        assert_eq!(parse_datetime_local("yesterday", 0), None);
    }

    #[test]
    fn datetimes() {
        assert_eq!(datetime(0, 0), "1970/01/01 00:00:00 GMT+00:00");
        // 2026-11-23T10:45:36Z seen from Beijing.
        assert_eq!(
            datetime(1_795_430_736_000, 480),
            "2026/11/23 18:45:36 GMT+08:00"
        );
        assert_eq!(
            datetime(1_795_430_736_000, -330),
            "2026/11/23 05:15:36 GMT-05:30"
        );
        assert_eq!(
            datetime(951_782_400_000, 0),
            "2000/02/29 00:00:00 GMT+00:00"
        );
        assert_eq!(compact_datetime(1_795_430_736_000, 480), "20261123-1845");
        assert_eq!(compact_datetime(1_795_430_736_000, 0), "20261123-1045");
    }

    #[test]
    fn durations_and_money() {
        use crate::text::{English, Events};
        let duration = |ms| English.duration(ms);
        assert_eq!(duration(0), "0s");
        assert_eq!(duration(59_999), "59s");
        assert_eq!(duration(HOUR + 5 * SECOND), "1h 0m 5s");
        assert_eq!(duration(2 * DAY + 3 * HOUR), "2d 3h 0m 0s");
        assert_eq!(usd(0.0), "USD 0.00");
        assert_eq!(usd(1.005_1), "USD 1.01");
        assert_eq!(usd(12.344), "USD 12.34");
        assert_eq!(usd(0.999), "USD 1.00");
        assert_eq!(usd(1_234_567.891), "USD 1234567.89");
        assert_eq!(usd(-2.5), "USD -2.50");
        assert_eq!(usd(-0.001), "USD 0.00");
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}

//! Dates as people write them: `2024-06-30`, `30/6/2024`, `30/06/2024`,
//! `30-06-2024`, `30.06.2024`; and the day an Excel date serial stands for.
//! The command line, forms and CSV files read dates by this one rule.

use chrono::{Datelike, NaiveDate};

/// The forms a typed date may take, tried in order.
const FORMS: [&str; 4] = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"];

/// A date typed as text. A year of fewer than four digits is refused:
/// "30/9/24" is not the year 24.
pub fn date(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    FORMS
        .iter()
        .find_map(|form| NaiveDate::parse_from_str(text, form).ok())
        .filter(|day| day.year() >= 1000)
        .ok_or_else(|| {
            crate::say!("`{text}` không phải ngày; ghi theo dạng dd/mm/yyyy hoặc yyyy-mm-dd, ví dụ 30/06/2024 hoặc 2024-06-30", "`{text}` is not a date; write it as dd/mm/yyyy or yyyy-mm-dd, e.g. 30/06/2024 or 2024-06-30")
        })
}

/// The day an Excel date serial stands for (1900 date system: serial 1 is
/// 1 January 1900, and Excel counts a 29 February 1900 that never was).
pub fn excel_day(serial: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)] // in range, checked above
    let whole = serial.floor() as i64;
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let days = if whole < 61 { whole + 1 } else { whole };
    base.checked_add_signed(chrono::Duration::days(days))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serials_are_days() {
        let cases = [
            (45_473.0, "2024-06-30"),
            (45_473.75, "2024-06-30"),
            (45_292.0, "2024-01-01"),
            (59.0, "1900-02-28"),
            (61.0, "1900-03-01"),
            (1.0, "1900-01-01"),
        ];
        for (serial, expected) in cases {
            assert_eq!(
                excel_day(serial).map(|day| day.to_string()).as_deref(),
                Some(expected),
                "{serial}"
            );
        }
        assert_eq!(excel_day(0.0), None);
        assert_eq!(excel_day(-3.0), None);
    }

    #[test]
    fn dates_as_offices_type_them() {
        let day = NaiveDate::from_ymd_opt(2024, 6, 3).expect("day");
        for text in [
            "3/6/2024",
            "03/06/2024",
            "03-06-2024",
            "03.06.2024",
            "2024-06-03",
            " 2024-06-03 ",
        ] {
            assert_eq!(date(text), Ok(day), "{text}");
        }
        for text in ["31/6/2024", "30/9/24", "6/3", "2024/06/03", "", "hôm nay"] {
            assert!(date(text).is_err(), "{text}");
        }
        assert_eq!(
            date("30/9/24"),
            Err(
                "`30/9/24` is not a date; write it as dd/mm/yyyy or yyyy-mm-dd, \
                 e.g. 30/06/2024 or 2024-06-30"
                    .to_owned()
            )
        );
    }
}

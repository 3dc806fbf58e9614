//! When something in a plan is in force: a unit that exists from a merger, a
//! task an amendment added, a duty that stopped with the district level, the
//! plan itself ending early. Every judgement asks this before it owes
//! anything, so nothing is owed on a day its subject did not exist.

use chrono::NaiveDate;

use crate::time::period::Period;

/// The days something is in force, first to last, both included; `None` at
/// either end is "from the plan's start" or "to its end".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InForce {
    pub begins: Option<NaiveDate>,
    pub ends: Option<NaiveDate>,
    /// Why it ends, in the plan's words.
    pub end_reason: Option<String>,
    /// The amendment that added, ended or changed it.
    pub amendment: Option<AmendmentRef>,
}

/// A position in `plan.amendments`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AmendmentRef(pub usize);

impl InForce {
    /// Whether it is in force on `day`.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.begins.is_none_or(|begins| begins <= day) && self.ends.is_none_or(|ends| day <= ends)
    }

    /// Whether it is in force on any day of `period`.
    pub fn overlaps(&self, period: &Period) -> bool {
        self.begins.is_none_or(|begins| begins <= period.end)
            && self.ends.is_none_or(|ends| period.start <= ends)
    }

    /// The part of `span` it is in force in, if any.
    pub fn within(&self, span: &Period) -> Option<Period> {
        let start = self
            .begins
            .map_or(span.start, |begins| begins.max(span.start));
        let end = self.ends.map_or(span.end, |ends| ends.min(span.end));
        (start <= end).then_some(Period {
            start,
            end,
            kind: span.kind,
        })
    }

    /// Whether it was in force on the plan's every day (no dates given).
    pub fn always(&self) -> bool {
        self.begins.is_none() && self.ends.is_none()
    }
}

/// A decision amending the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amendment {
    pub id: String,
    pub number: Option<String>,
    pub date: NaiveDate,
    pub title: Option<String>,
    pub summary: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a test date")
    }

    #[test]
    fn in_force_on_the_days_between_its_dates_both_included() {
        let span = InForce {
            begins: Some(day("2025-03-01")),
            ends: Some(day("2025-06-30")),
            ..InForce::default()
        };
        let cases = [
            ("2025-02-28", false),
            ("2025-03-01", true),
            ("2025-03-02", true),
            ("2025-06-29", true),
            ("2025-06-30", true),
            ("2025-07-01", false),
        ];
        for (text, expected) in cases {
            assert_eq!(span.covers(day(text)), expected, "{text}");
        }
        let q1 = Period::quarter(2025, 1).expect("Q1");
        let q3 = Period::quarter(2025, 3).expect("Q3");
        let february = Period::month(2025, 2).expect("February");
        assert!(span.overlaps(&q1));
        assert!(!span.overlaps(&q3));
        assert!(!span.overlaps(&february));
        assert_eq!(
            span.within(&q1).map(|part| (part.start, part.end)),
            Some((day("2025-03-01"), day("2025-03-31")))
        );
        assert_eq!(span.within(&q3), None);
        assert!(InForce::default().covers(day("1900-01-01")));
        assert!(InForce::default().always());
        assert!(!span.always());
        let begun = InForce {
            begins: Some(day("2025-03-01")),
            ..InForce::default()
        };
        let ended = InForce {
            ends: Some(day("2025-06-30")),
            ..InForce::default()
        };
        assert!(!begun.always());
        assert!(!ended.always());
    }
}

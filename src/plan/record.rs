//! A progress record as the validated plan holds it, and a task's or
//! target's records in date order with their corrections linked.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::file::{Progress, Verdict};
use super::refs::UnitRef;

/// One entry of progress history.
#[derive(Debug, Clone)]
pub struct Record {
    pub id: Option<String>,
    pub date: NaiveDate,
    pub status: Option<Progress>,
    pub value: Option<f64>,
    /// For a rank: the size of the group.
    pub of: Option<u32>,
    pub note: Option<String>,
    pub by: Option<UnitRef>,
    pub evidence: Option<String>,
    pub corrects: Option<String>,
    /// A qualitative target's assessment.
    pub verdict: Option<Verdict>,
    pub shortcoming: Option<String>,
    /// The cause of a shortcoming ("nguyên nhân").
    pub cause: Option<String>,
    pub proposal: Option<String>,
    /// The day of the earliest record that corrects this one: from then on
    /// it no longer counts.
    pub corrected_on: Option<NaiveDate>,
    /// For the year's published DDCI result counted as a record (dated the
    /// year's last day): the day it was published.
    pub published: Option<NaiveDate>,
}

/// The start of the id of a record made from a unit's returned form
/// (`ddci import`): a summary of the period, not an event of its day.
pub const FORM_RECORD_PREFIX: &str = "phieu/";

impl Record {
    /// Whether the record is a unit's summary from its returned form.
    pub fn is_from_form(&self) -> bool {
        self.id
            .as_deref()
            .is_some_and(|id| id.starts_with(FORM_RECORD_PREFIX))
    }
}

/// A task's or target's records, oldest first (records of one day in file
/// order), corrections linked.
#[derive(Debug, Clone, Default)]
pub struct Records(Vec<Record>);

impl Records {
    /// Sorts by date and links each corrected record to its correction.
    pub fn new(mut records: Vec<Record>) -> Self {
        records.sort_by_key(|record| record.date);
        let positions: HashMap<&str, usize> = records
            .iter()
            .enumerate()
            .filter_map(|(position, record)| Some((record.id.as_deref()?, position)))
            .collect();
        let corrections: Vec<(usize, NaiveDate)> = records
            .iter()
            .filter_map(|record| {
                let corrected = *positions.get(record.corrects.as_deref()?)?;
                Some((corrected, record.date))
            })
            .collect();
        for (corrected, on) in corrections {
            let slot = &mut records[corrected].corrected_on;
            *slot = Some(slot.map_or(on, |earlier| earlier.min(on)));
        }
        Self(records)
    }

    pub fn all(&self) -> &[Record] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The records that count on `as_of`: none dated later, none that a
    /// record dated by then corrects; oldest first.
    pub fn as_of(&self, as_of: NaiveDate) -> impl DoubleEndedIterator<Item = &Record> + Clone {
        let until = self.0.partition_point(|record| record.date <= as_of);
        self.0[..until]
            .iter()
            .filter(move |record| record.corrected_on.is_none_or(|on| on > as_of))
    }
}

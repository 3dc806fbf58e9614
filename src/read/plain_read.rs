//! The fast way to read a plan's tasks, targets and records: straight
//! from the parsed TOML, without serde, when an entry is plain (only keys
//! it has, each of the type it must be). Anything else gives `None` and the
//! entry is read by serde as before, which says what is wrong. An entry
//! read here is the one serde would read: `tests` compares the two on
//! generated plans. A field added to `Task`, `Target`, `Record` or
//! `Schedule` must be added here too (the struct literals below do not
//! compile without it).
//!
//! Why: on the country's 2,000 plans, serde (with `serde_ignored` and
//! spanned values) took two fifths of `ddci rollup`; see
//! `docs/performance.md`.

use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use crate::plan::date::PlanDate;
use crate::plan::file::{Extent, Id, Record, ReportingDuty, Schedule, Target, Task};
use crate::plan::spanned::Spanned as Sp;

/// A value of the parsed TOML.
type Value<'v, 'i> = &'v Spanned<DeValue<'i>>;

/// Where the value sits in the file (a piece of a large plan is read with
/// its offset).
fn at(value: Value<'_, '_>) -> Range<usize> {
    let offset = crate::plan::spanned::span_offset();
    let span = value.span();
    span.start + offset..span.end + offset
}

fn spanned<T>(value: Value<'_, '_>, read: Option<T>) -> Option<Sp<T>> {
    Some(Sp::new(at(value), read?))
}

fn text(value: Value<'_, '_>) -> Option<String> {
    match value.get_ref() {
        DeValue::String(text) => Some(text.as_ref().to_owned()),
        _ => None,
    }
}

fn id(value: Value<'_, '_>) -> Option<Id> {
    spanned(value, text(value))
}

fn integer(value: Value<'_, '_>) -> Option<i64> {
    match value.get_ref() {
        DeValue::Integer(number) => i64::from_str_radix(number.as_str(), number.radix()).ok(),
        _ => None,
    }
}

/// A number, an integer read as serde reads it (as f64).
#[allow(clippy::cast_precision_loss)]
fn number(value: Value<'_, '_>) -> Option<f64> {
    match value.get_ref() {
        DeValue::Integer(_) => Some(integer(value)? as f64),
        DeValue::Float(number) => {
            let number: f64 = number.as_str().parse().ok()?;
            number.is_finite().then_some(number)
        }
        _ => None,
    }
}

/// A plain day (`2024-06-30`), not a time; one of the calendar.
fn date(value: Value<'_, '_>) -> Option<PlanDate> {
    let DeValue::Datetime(datetime) = value.get_ref() else {
        return None;
    };
    let (Some(day), None, None) = (datetime.date, datetime.time, datetime.offset) else {
        return None;
    };
    chrono::NaiveDate::from_ymd_opt(
        i32::from(day.year),
        u32::from(day.month),
        u32::from(day.day),
    )
    .map(PlanDate)
}

/// One of an enum's words, as serde names them.
fn word<T: serde::de::DeserializeOwned>(value: Value<'_, '_>) -> Option<T> {
    let DeValue::String(word) = value.get_ref() else {
        return None;
    };
    serde::Deserialize::deserialize(
        serde::de::value::StrDeserializer::<serde::de::value::Error>::new(word.as_ref()),
    )
    .ok()
}

fn list<T>(value: Value<'_, '_>, read: impl Fn(Value<'_, '_>) -> Option<T>) -> Option<Vec<T>> {
    let DeValue::Array(array) = value.get_ref() else {
        return None;
    };
    array.iter().map(read).collect()
}

fn table<'v, 'i>(value: Value<'v, 'i>) -> Option<impl Iterator<Item = (&'v str, Value<'v, 'i>)>> {
    let DeValue::Table(table) = value.get_ref() else {
        return None;
    };
    Some(
        table
            .iter()
            .map(|(key, value)| (key.get_ref().as_ref(), value)),
    )
}

/// An entry read straight from the parsed TOML when plain; `None`: read it
/// with serde.
pub trait PlainEntry: Sized {
    fn plain(_value: &Spanned<DeValue<'_>>) -> Option<Self> {
        None
    }
}

impl PlainEntry for ReportingDuty {}

impl PlainEntry for Task {
    fn plain(value: &Spanned<DeValue<'_>>) -> Option<Self> {
        let (mut task_id, mut index, mut words, mut lead, mut schedule) =
            (None, None, None, None, None);
        let mut short = None;
        let (mut coordinating, mut assigned, mut year) = (Vec::new(), Vec::new(), None);
        let (mut begins, mut ends, mut end_reason, mut amendment) = (None, None, None, None);
        for (key, value) in table(value)? {
            match key {
                "id" => task_id = Some(id(value)?),
                "index" => index = Some(id(value)?),
                "text" => words = Some(spanned(value, text(value))?),
                "short" => short = Some(spanned(value, text(value))?),
                "lead" => lead = Some(spanned(value, list(value, id))?),
                "coordinating" => coordinating = list(value, id)?,
                "assigned" => assigned = list(value, text)?,
                "year" => year = Some(spanned(value, integer(value))?),
                "schedule" => schedule = Some(spanned(value, plain_schedule(value))?),
                "begins" => begins = Some(spanned(value, date(value))?),
                "ends" => ends = Some(spanned(value, date(value))?),
                "end_reason" => end_reason = Some(text(value)?),
                "amendment" => amendment = Some(id(value)?),
                _ => return None,
            }
        }
        Some(Task {
            id: task_id?,
            index: index?,
            text: words?,
            short,
            lead: lead?,
            coordinating,
            assigned,
            year,
            schedule: schedule?,
            begins,
            ends,
            end_reason,
            amendment,
            records: Vec::new(),
            extent: Extent::default(),
        })
    }
}

fn plain_schedule(value: &Spanned<DeValue<'_>>) -> Option<Schedule> {
    let mut kind = None;
    let mut schedule = Schedule {
        kind: crate::plan::spanned::Spanned::new(0..0, crate::plan::file::ScheduleKind::Ongoing),
        text: None,
        start: None,
        due: None,
        every: None,
        interval: None,
        weekday: None,
        week: None,
        day: None,
        if_weekend: None,
        time: None,
    };
    for (key, value) in table(value)? {
        match key {
            "kind" => kind = Some(spanned(value, word(value))?),
            "text" => schedule.text = Some(text(value)?),
            "start" => schedule.start = Some(spanned(value, date(value))?),
            "due" => schedule.due = Some(spanned(value, date(value))?),
            "every" => schedule.every = Some(spanned(value, word(value))?),
            "interval" => schedule.interval = Some(spanned(value, integer(value))?),
            "weekday" => schedule.weekday = Some(spanned(value, word(value))?),
            "week" => schedule.week = Some(spanned(value, word(value))?),
            "day" => schedule.day = Some(spanned(value, integer(value))?),
            "if_weekend" => schedule.if_weekend = Some(spanned(value, word(value))?),
            "time" => schedule.time = Some(spanned(value, text(value))?),
            _ => return None,
        }
    }
    schedule.kind = kind?;
    Some(schedule)
}

impl PlainEntry for Target {
    fn plain(value: &Spanned<DeValue<'_>>) -> Option<Self> {
        let (mut target_id, mut kind, mut words) = (None, None, None);
        let mut t = Target {
            id: crate::plan::spanned::Spanned::default(),
            kind: crate::plan::spanned::Spanned::new(0..0, crate::plan::file::TargetKind::All),
            text: crate::plan::spanned::Spanned::default(),
            measure: None,
            task: None,
            reported_by: None,
            index: None,
            year: None,
            percent: None,
            of: None,
            direction: None,
            max: None,
            min: None,
            per: None,
            per_entity: None,
            places: None,
            places_max: None,
            rank: None,
            score: None,
            points: None,
            points_max: None,
            baseline_year: None,
            band: None,
            reference: None,
            comparison: None,
            when_group_changes: None,
            scale: None,
            baseline: None,
            baseline_rank: None,
            due: None,
            begins: None,
            ends: None,
            end_reason: None,
            amendment: None,
            changes: Vec::new(),
            records: Vec::new(),
            extent: Extent::default(),
        };
        for (key, value) in table(value)? {
            let whole = || spanned(value, integer(value));
            let real = || spanned(value, number(value));
            let words_of = || spanned(value, text(value));
            match key {
                "id" => target_id = Some(id(value)?),
                "kind" => kind = Some(spanned(value, word(value))?),
                "text" => words = Some(words_of()?),
                "measure" => t.measure = Some(text(value)?),
                "task" => t.task = Some(id(value)?),
                "reported_by" => t.reported_by = Some(id(value)?),
                "index" => t.index = Some(id(value)?),
                "year" => t.year = Some(whole()?),
                "percent" => t.percent = Some(real()?),
                "of" => t.of = Some(words_of()?),
                "direction" => t.direction = Some(spanned(value, word(value))?),
                "max" => t.max = Some(whole()?),
                "min" => t.min = Some(whole()?),
                "per" => t.per = Some(spanned(value, word(value))?),
                "per_entity" => t.per_entity = Some(words_of()?),
                "places" => t.places = Some(whole()?),
                "places_max" => t.places_max = Some(whole()?),
                "rank" => t.rank = Some(whole()?),
                "score" => t.score = Some(real()?),
                "points" => t.points = Some(real()?),
                "points_max" => t.points_max = Some(real()?),
                "baseline_year" => t.baseline_year = Some(whole()?),
                "band" => t.band = Some(words_of()?),
                "reference" => t.reference = Some(words_of()?),
                "comparison" => t.comparison = Some(spanned(value, word(value))?),
                "when_group_changes" => {
                    t.when_group_changes = Some(spanned(value, word(value))?);
                }
                "scale" => t.scale = Some(real()?),
                "baseline" => t.baseline = Some(real()?),
                "due" => t.due = Some(spanned(value, date(value))?),
                "begins" => t.begins = Some(spanned(value, date(value))?),
                "ends" => t.ends = Some(spanned(value, date(value))?),
                "end_reason" => t.end_reason = Some(text(value)?),
                "amendment" => t.amendment = Some(id(value)?),
                // `changes` is read by serde.
                _ => return None,
            }
        }
        t.id = target_id?;
        t.kind = kind?;
        t.text = words?;
        Some(t)
    }
}

impl PlainEntry for Record {
    fn plain(value: &Spanned<DeValue<'_>>) -> Option<Self> {
        let mut day = None;
        let mut record = Record {
            id: None,
            date: Sp::new(0..0, PlanDate(chrono::NaiveDate::MIN)),
            status: None,
            value: None,
            of: None,
            note: None,
            by: None,
            evidence: None,
            corrects: None,
            verdict: None,
            shortcoming: None,
            cause: None,
            proposal: None,
            period: None,
            extent: Extent::default(),
        };
        for (key, value) in table(value)? {
            match key {
                "date" => day = Some(spanned(value, date(value))?),
                "id" => record.id = Some(id(value)?),
                "by" => record.by = Some(id(value)?),
                "corrects" => record.corrects = Some(id(value)?),
                "status" => record.status = Some(spanned(value, word(value))?),
                "verdict" => record.verdict = Some(spanned(value, word(value))?),
                "value" => record.value = Some(spanned(value, number(value))?),
                "of" => record.of = Some(spanned(value, integer(value))?),
                "note" => record.note = Some(text(value)?),
                "evidence" => record.evidence = Some(text(value)?),
                "shortcoming" => record.shortcoming = Some(text(value)?),
                "cause" => record.cause = Some(text(value)?),
                "proposal" => record.proposal = Some(text(value)?),
                "period" => record.period = Some(spanned(value, text(value))?),
                _ => return None,
            }
        }
        record.date = day?;
        Some(record)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde::de::DeserializeOwned;
    use toml::de::{DeTable, ValueDeserializer};

    use super::PlainEntry;
    use crate::plan::file::{Record, Target, Task};

    /// Values of every kind a plan's keys may be given, right and wrong.
    const VALUES: &[&str] = &[
        "\"done\"",
        "\"in_progress\"",
        "\"met\"",
        "\"đạt\"",
        "\"due\"",
        "\"percent_at_least\"",
        "\"month\"",
        "\"Tính minh bạch\"",
        "\"\"",
        "0",
        "5",
        "-3",
        "0x1F",
        "1_000",
        "9223372036854775807",
        "2.5",
        "80.0",
        "1e3",
        "nan",
        "inf",
        "2024-06-30",
        "2024-02-29",
        "2024-06-30T10:00:00",
        "10:00:00",
        "true",
        "[\"a\", \"b\"]",
        "[1, 2]",
        "[]",
        "{ kind = \"due\", due = 2024-06-30 }",
        "{ kind = \"ongoing\" }",
        "{ kind = \"recurring\", every = \"month\", day = 15, if_weekend = \"next_monday\" }",
        "{ kind = \"due\", due = 2024-06-30, unknown = 1 }",
    ];

    /// Values of the type a key takes, so that many entries are plain.
    fn fitting(key: &str) -> &'static [&'static str] {
        match key {
            "date" | "due" | "begins" | "ends" => &["2024-06-30", "2024-02-29", "2023-12-31"],
            "status" => &[
                "\"done\"",
                "\"in_progress\"",
                "\"blocked\"",
                "\"hoàn thành\"",
            ],
            "verdict" => &["\"met\"", "\"not_met\"", "\"đạt\"", "\"chưa đạt\""],
            "comparison" => &["\"at_least\"", "\"above\"", "\"cao hơn\""],
            "when_group_changes" => &["\"by_place\"", "\"by_share\"", "\"share\""],
            "kind" => &[
                "\"percent_at_least\"",
                "\"count_at_least\"",
                "\"qualitative\"",
            ],
            "direction" => &["\"decrease\"", "\"increase\""],
            "per" => &["\"month\"", "\"year\""],
            "schedule" => &[
                "{ kind = \"due\", due = 2024-06-30 }",
                "{ kind = \"ongoing\" }",
                "{ kind = \"recurring\", every = \"month\", weekday = \"wednesday\", week = \"last\" }",
            ],
            "lead" | "coordinating" | "assigned" => &["[\"vp\"]", "[\"vp\", \"tt\"]", "[]"],
            "value" | "percent" | "score" | "points" | "points_max" | "scale" | "baseline" => {
                &["72.5", "80", "0", "-1.5", "1e2"]
            }
            "of" | "year" | "max" | "min" | "places" | "places_max" | "rank" | "baseline_year" => {
                &["1", "2024", "0", "-2"]
            }
            _ => &["\"vp\"", "\"Đã ban hành\"", "\"\""],
        }
    }

    /// An entry's keys, each present or not, with a value of its type or
    /// any value from `VALUES`.
    fn entry(keys: &'static [&'static str]) -> impl Strategy<Value = String> {
        let values: Vec<_> = keys
            .iter()
            .map(|key| {
                // Required keys nearly always, others now and then, a key
                // no entry has seldom.
                let present = match *key {
                    "date" | "id" | "index" | "text" | "lead" | "schedule" | "kind" => 0.95,
                    "unknown" => 0.05,
                    _ => 0.2,
                };
                proptest::option::weighted(
                    present,
                    prop_oneof![
                        3 => proptest::sample::select(fitting(key)),
                        1 => proptest::sample::select(VALUES),
                    ],
                )
            })
            .collect();
        values.prop_map(move |values| {
            let pairs: Vec<String> = keys
                .iter()
                .zip(values)
                .filter_map(|(key, value)| value.map(|value| format!("{key} = {value}")))
                .collect();
            format!("e = {{ {} }}", pairs.join(", "))
        })
    }

    /// Whenever the plain reader reads an entry, serde reads it alike and
    /// finds no key it does not know.
    fn same_as_serde<T: PlainEntry + DeserializeOwned + std::fmt::Debug>(text: &str) {
        let Ok(root) = DeTable::parse(text) else {
            return;
        };
        let Some(value) = root.get_ref().get("e") else {
            return;
        };
        let Some(plain) = T::plain(value) else {
            return;
        };
        let mut ignored = Vec::new();
        let by_serde: Result<T, _> =
            serde_ignored::deserialize(ValueDeserializer::from(value.clone()), |path| {
                ignored.push(path.to_string());
            });
        match by_serde {
            Ok(by_serde) => {
                assert_eq!(format!("{plain:?}"), format!("{by_serde:?}"), "{text}");
                assert!(ignored.is_empty(), "{text}: serde ignored {ignored:?}");
            }
            Err(error) => panic!("{text}: read plainly as {plain:?}, serde refuses: {error}"),
        }
    }

    const RECORD_KEYS: &[&str] = &[
        "date",
        "id",
        "status",
        "value",
        "of",
        "note",
        "by",
        "evidence",
        "corrects",
        "verdict",
        "shortcoming",
        "cause",
        "proposal",
        "period",
        "unknown",
    ];
    const TASK_KEYS: &[&str] = &[
        "id",
        "index",
        "text",
        "lead",
        "coordinating",
        "assigned",
        "year",
        "schedule",
        "begins",
        "ends",
        "end_reason",
        "amendment",
        "unknown",
    ];
    const TARGET_KEYS: &[&str] = &[
        "id",
        "kind",
        "text",
        "measure",
        "task",
        "reported_by",
        "index",
        "year",
        "percent",
        "of",
        "direction",
        "max",
        "min",
        "per",
        "per_entity",
        "places",
        "places_max",
        "rank",
        "score",
        "points",
        "points_max",
        "baseline_year",
        "band",
        "reference",
        "scale",
        "baseline",
        "due",
        "unknown",
        "begins",
        "ends",
        "end_reason",
        "amendment",
        "comparison",
        "when_group_changes",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn records_read_plainly_are_read_as_serde_reads_them(text in entry(RECORD_KEYS)) {
            same_as_serde::<Record>(&text);
        }

        #[test]
        fn tasks_read_plainly_are_read_as_serde_reads_them(text in entry(TASK_KEYS)) {
            same_as_serde::<Task>(&text);
        }

        #[test]
        fn targets_read_plainly_are_read_as_serde_reads_them(text in entry(TARGET_KEYS)) {
            same_as_serde::<Target>(&text);
        }
    }

    /// The entries every plan is made of take the fast way: were they to
    /// fall back to serde, nothing would be wrong but the roll-up slow.
    #[test]
    fn ordinary_entries_are_read_plainly() {
        let cases = [
            "e = { date = 2024-05-02, status = \"done\", note = \"Đã ban hành\", by = \"vp\" }",
            "e = { date = 2024-06-30, value = 72.5, evidence = \"45/BC-SKHCN\" }",
            "e = { id = \"1.1\", index = \"minh-bach\", text = \"Việc\", lead = [\"vp\"], schedule = { kind = \"ongoing\" } }",
            "e = { id = \"dvc\", kind = \"percent_at_least\", text = \"80%\", task = \"1.1\", percent = 80 }",
        ];
        for (at, text) in cases.iter().enumerate() {
            let root = DeTable::parse(text).expect("TOML");
            let value = root.get_ref().get("e").expect("e");
            let plain = match at {
                0 | 1 => Record::plain(value).is_some(),
                2 => Task::plain(value).is_some(),
                _ => Target::plain(value).is_some(),
            };
            assert!(plain, "{text}");
        }
    }
}

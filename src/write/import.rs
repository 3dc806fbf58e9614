//! Filled forms turned into records, checked row by row against the plan as
//! `ddci record` would check one: what each row asks to add, which rows add
//! nothing (already imported, unchanged), which correct an earlier import,
//! and every problem with its cell. Nothing here writes; `commands/import.rs`
//! writes all of it at once, or nothing.
//!
//! A row's record has an id made of the unit, the period and the row's key
//! (`phieu/thanh-tra/2024-Q2/7.2`): importing the same form again finds it
//! and adds nothing; a changed row adds a record that corrects it
//! (`…/7.2#2`). A form's return is recorded as the unit's report for the
//! period, under the reporting duty that asks for it.

use chrono::NaiveDate;

use crate::form::columns::Column;
use crate::form::read::{Filled, Place, Row, Sheet, Value, text_value};
use crate::form::seal::{self, Key};
use crate::form::{Asked, Form, default_date, plan_identity};
use crate::judge::status::AsOf;
use crate::plan::date::PlanDate;
use crate::plan::file::{self, PlanFile};
use crate::plan::model::{FORM_RECORD_PREFIX, Plan, UnitRef};
use crate::plan::target_kind::{Measure as TargetMeasure, Quantity};
use crate::time::period::{Period, format_day};
use crate::words;
use crate::write::record_entry::{NewRecord, Parent};

/// One record to add, and why.
#[derive(Debug, Clone)]
pub struct Planned {
    pub place: Place,
    pub parent: Parent,
    /// The task, target or reporting duty id.
    pub subject: String,
    pub record: NewRecord,
    /// It corrects an earlier import of the same row.
    pub correction: bool,
}

/// What one form brings.
#[derive(Debug, Default)]
pub struct FormImport {
    pub file: String,
    /// "Thanh tra Sở, Quý II/2024"
    pub about: String,
    /// The unit's id and the period's key, once the form is known.
    pub whose: Option<(String, String)>,
    pub records: Vec<Planned>,
    /// Rows already imported as they are.
    pub unchanged: usize,
    pub problems: Vec<(Place, String)>,
}

/// How long after its period a form is taken as received on the day it is
/// imported: about a quarter. Later, the day it came in must be given.
const RECEIVED_WITHIN_DAYS: u64 = 92;

/// The day a form of `period` was received: the day given, or today when
/// that is within a quarter of the period's end. A day before the period
/// began or after today cannot be; a form imported long after its period
/// would record its report as sent that day, so the day must be given.
pub fn received_on(
    period: &Period,
    given: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<NaiveDate, String> {
    let name = period.name(words::speech::speaking());
    match given {
        Some(day) if day < period.start => Err(crate::say!(
            "--received {day} là trước khi {name} bắt đầu ({}); báo cáo của kỳ chỉ được gửi khi kỳ đã bắt đầu\ngợi ý: ghi ngày nhận được biểu mẫu",
            "--received {day} is before {name} began ({}); its report is sent once it has begun\nhelp: give the day the form came in",
            period.start
        )),
        Some(day) if day > today => Err(crate::say!(
            "--received {day} là sau hôm nay ({today})\ngợi ý: ghi ngày nhận được biểu mẫu",
            "--received {day} is after today ({today})\nhelp: give the day the form came in"
        )),
        Some(day) => Ok(day),
        None if today
            > period
                .end
                .checked_add_days(chrono::Days::new(RECEIVED_WITHIN_DAYS))
                .unwrap_or(NaiveDate::MAX) =>
        {
            Err(crate::say!(
                "{name} đã kết thúc ngày {}, hơn ba tháng trước hôm nay ({today}): báo cáo của đơn vị sẽ bị ghi là gửi hôm nay\ngợi ý: ghi ngày nhận được biểu mẫu bằng --received YYYY-MM-DD",
                "{name} ended on {}, more than three months before today ({today}): the unit's report would be recorded as sent today\nhelp: give the day the form came in with --received YYYY-MM-DD",
                match words::speech::speaking() {
                    words::labels::Language::Vi =>
                        format_day(period.end, words::labels::Language::Vi),
                    words::labels::Language::En => period.end.to_string(),
                }
            ))
        }
        None => Ok(today),
    }
}

/// For a row of a figure another unit reports: who does.
fn reported_by_another(plan: &Plan, unit: UnitRef, period: &Period, key: &str) -> Option<String> {
    let target_id = key.split_once('@').map_or(key, |(id, _)| id);
    let reporter = plan
        .targets
        .iter()
        .find(|target| target.id == target_id)
        .and_then(|target| plan.reporter(target).unit())
        .filter(|reporter| !plan.stands_for(*reporter, unit))?;
    let name = |unit| {
        words::visible::one_line(crate::render::describe::unit_full_name(
            plan, unit, period.end,
        ))
    };
    Some(crate::say!(
        "`{key}` do {0} báo cáo, không phải {1}\ngợi ý: để số liệu này cho biểu mẫu của {2}; khóa `reported_by` của kế hoạch cho biết ai báo cáo",
        "`{key}` is reported by {}, not by {}\nhelp: leave the figure to {}'s form; the plan's `reported_by` says who reports it",
        name(reporter),
        name(unit),
        name(reporter)
    ))
}

/// What `filled` asks to add to `plan` (read as `file`), on `today`.
pub fn plan(
    plan: &Plan,
    file: &PlanFile,
    filled: &Filled,
    today: NaiveDate,
    received: Option<NaiveDate>,
    key: Option<&Key>,
    unsealed: bool,
) -> FormImport {
    let mut out = FormImport {
        file: filled.file.clone(),
        problems: filled.problems.clone(),
        ..FormImport::default()
    };
    let whole = Place::whole(&filled.file);
    let (unit, period) = match identity(plan, filled, key, unsealed) {
        Ok(found) => found,
        Err(problem) => {
            out.problems.push((whole, problem));
            return out;
        }
    };
    let unit_id = plan.unit(unit).id.clone();
    let period_key = crate::time::period_key::key(&period).unwrap_or_default();
    out.whose = Some((unit_id.clone(), period_key.clone()));
    out.about = format!(
        "{}, {}",
        crate::render::describe::unit_full_name(plan, unit, period.end),
        period.name(words::labels::Language::Vi)
    );
    let as_of = AsOf::closed(period.end.min(today).max(period.start));
    let form = Form::new(plan, unit, period, as_of);
    let stored_keys: Option<Vec<&str>> = filled
        .identity
        .get("keys")
        .map(|keys| keys.lines().collect());
    let mut seen: Vec<&str> = Vec::new();
    for row in &filled.rows {
        let key = row.key.as_str();
        let known_to_form = form.keys().iter().any(|known| known == key)
            && stored_keys
                .as_ref()
                .is_none_or(|stored| stored.contains(&key));
        if !known_to_form {
            if let Some(problem) = reported_by_another(plan, unit, &period, key) {
                out.problems.push((row.place.clone(), problem));
                continue;
            }
            out.problems.push((
                row.place.clone(),
                crate::say!(
                    "`{key}` không phải một dòng của biểu mẫu này\ngợi ý: không sửa cột `{}`; nếu kế hoạch đã thay đổi, lập biểu mẫu mới bằng `ddci form --owner {unit_id} …`", "`{key}` is not a row of this form\nhelp: do not edit the column `{}`; make a new form with `ddci form --owner {unit_id} …` if the plan changed",
                    Column::Key.heading()
                ),
            ));
            continue;
        }
        if seen.contains(&key) {
            out.problems.push((
                row.place.clone(),
                crate::say!(
                    "`{key}` có hai lần trong biểu mẫu\ngợi ý: chỉ giữ một dòng",
                    "`{key}` is in the form twice\nhelp: keep one row for it"
                ),
            ));
            continue;
        }
        seen.push(key);
        if row.cells.is_empty() {
            continue;
        }
        match row_record(plan, &form, row, &unit_id, today) {
            Ok(Some(found)) => {
                let base = format!("{FORM_RECORD_PREFIX}{unit_id}/{period_key}/{key}");
                match planned_record(&form, row, found, earlier_import(file, &base), &base) {
                    Ok(Some(planned)) => out.records.push(planned),
                    Ok(None) => out.unchanged += 1,
                    Err(problem) => out.problems.push(problem),
                }
            }
            Ok(None) => {}
            Err(problems) => out.problems.extend(problems),
        }
    }
    let returned = !out.records.is_empty() || out.unchanged > 0;
    let received = match received_on(&period, received, today) {
        Ok(day) => day,
        Err(problem) => {
            out.problems.push((whole.clone(), problem));
            today
        }
    };
    let filed = (returned && out.problems.is_empty())
        .then(|| form_returned(plan, unit, &period, &filled.file, received))
        .flatten();
    if let Some(filed) = filed {
        out.records.push(Planned {
            place: whole,
            ..filed
        });
    }
    out
}

/// The unit and period the form is for, and that it is this plan's.
/// Whether the workbook's identity sheet is as `ddci form` sealed it.
fn sealed(filled: &Filled, key: Option<&Key>) -> Result<(), String> {
    let Some(given) = filled.identity.get(seal::SEAL_FIELD) else {
        return Err(crate::say!(
            "thông tin nhận dạng của biểu mẫu không có dấu niêm phong: biểu mẫu do phiên bản ddci cũ lập, hoặc trang ẩn đã bị ghi lại\ngợi ý: lập biểu mẫu mới bằng `ddci form` và gửi cho đơn vị",
            "the form's identity is not sealed: it was made by an older ddci, or its hidden sheet was rewritten\nhelp: make a new form with `ddci form` and send it to the unit"
        ));
    };
    let Some(key) = key else {
        return Err(crate::say!(
            "biểu mẫu được niêm phong bằng khóa của văn phòng đã lập nó, còn bản kế hoạch này không có khóa (.ddci/form-key)\ngợi ý: nhập trên máy đã lập biểu mẫu, hoặc chép tệp .ddci/form-key của máy đó vào cạnh kế hoạch này",
            "the form is sealed with the key of the office that made it, and this copy of the plan has none (.ddci/form-key)\nhelp: import on the machine that made the forms, or copy its .ddci/form-key beside this plan"
        ));
    };
    let fields = |name: &str| filled.identity.get(name).cloned().unwrap_or_default();
    if !seal::verify(key, &fields, given) {
        return Err(crate::say!(
            "trang nhận dạng ẩn của biểu mẫu đã bị sửa (dấu niêm phong không khớp): đây không phải biểu mẫu ddci đã lập cho đơn vị và kỳ ghi trong đó\ngợi ý: đề nghị đơn vị điền vào biểu mẫu đã được gửi, hoặc lập biểu mẫu mới bằng `ddci form`",
            "the form's hidden identity sheet was changed (its seal does not match): it is not the form ddci made for the unit and period it names\nhelp: ask the unit to fill in the form it was sent, or make a new one with `ddci form`"
        ));
    }
    Ok(())
}

fn identity(
    plan: &Plan,
    filled: &Filled,
    key: Option<&Key>,
    unsealed: bool,
) -> Result<(UnitRef, Period), String> {
    let (unit, period) = if filled.identity.is_empty() {
        // A CSV says whose it is in its own columns: anyone could write any
        // unit's name there, so only the office's word lets it in.
        if !unsealed {
            return Err(crate::say!(
                "tệp CSV không có dấu niêm phong: không kiểm tra được biểu mẫu của ai, cho kỳ nào\ngợi ý: nhập biểu mẫu .xlsx đơn vị đã điền; tệp CSV do chính văn phòng nhập thì dùng --unsealed",
                "a CSV carries no seal: whose form it is and for which period cannot be checked\nhelp: import the .xlsx form the unit filled in; a CSV the office typed itself is imported with --unsealed"
            ));
        }
        // A CSV names them on each row.
        let mut units = filled.rows.iter().filter_map(|row| row.unit.clone());
        let mut periods = filled.rows.iter().filter_map(|row| row.period.clone());
        let (Some(unit), Some(period)) = (units.next(), periods.next()) else {
            return Err(crate::say!(
                "tệp CSV không ghi biểu mẫu của ai, cho kỳ nào\ngợi ý: thêm cột `{}` (mã đơn vị) và `{}` (ví dụ 2024-Q2)",
                "the CSV does not say whose form it is and for which period\nhelp: add the columns `{}` (a unit id) and `{}` (e.g. 2024-Q2)",
                crate::form::read::CSV_UNIT,
                crate::form::read::CSV_PERIOD
            ));
        };
        if units.any(|other| other != unit) || periods.any(|other| other != period) {
            return Err(crate::say!(
                "các dòng thuộc nhiều đơn vị hoặc nhiều kỳ\ngợi ý: mỗi tệp chỉ chứa biểu mẫu của một đơn vị cho một kỳ",
                "the rows are for several units or periods\nhelp: one file holds one unit's form for one period"
            ));
        }
        (unit, period)
    } else {
        if filled.identity.get("form").map(String::as_str) != Some("ddci-phieu-bao-cao") {
            return Err(crate::say!(
                "tệp Excel này không phải biểu mẫu của ddci\ngợi ý: gửi lại tệp do `ddci form` lập",
                "this workbook is not a ddci form\nhelp: send back the workbook made by `ddci form`"
            ));
        }
        sealed(filled, key)?;
        for (key, value) in plan_identity(plan) {
            let found = filled
                .identity
                .get(key)
                .map(String::as_str)
                .unwrap_or_default();
            if found != value {
                return Err(crate::say!(
                    "biểu mẫu này được lập cho kế hoạch khác: {key} của nó là “{found}”, của kế hoạch này là “{value}”\ngợi ý: nhập vào kế hoạch đã lập ra nó, hoặc lập biểu mẫu mới bằng `ddci form`",
                    "this form was made for another plan: its {key} is “{found}”, this plan's is “{value}”\nhelp: import it into the plan it was made from, or make a new form with `ddci form`"
                ));
            }
        }
        let get = |key: &str| filled.identity.get(key).cloned().unwrap_or_default();
        (get("unit"), get("period"))
    };
    let unit_ref = plan.unit_by_id(&unit).ok_or_else(|| {
        crate::say!("biểu mẫu của đơn vị `{unit}`, đơn vị không có trong kế hoạch này\ngợi ý: `ddci list units` liệt kê các đơn vị của kế hoạch", "the form is for the unit `{unit}`, which this plan does not have\nhelp: `ddci list units` shows the plan's units")
    })?;
    let period = crate::time::period_key::parse(&period)?;
    let (first, last) = plan.year_bounds();
    if period.end < first || period.start > last {
        return Err(crate::say!(
            "biểu mẫu dành cho {}, ngoài năm {} của kế hoạch này\ngợi ý: nhập vào kế hoạch của năm đó",
            "the form is for {}, outside this plan's year {}\nhelp: import it into that year's plan",
            period.name(words::labels::Language::Vi),
            plan.year
        ));
    }
    Ok((unit_ref, period))
}

/// A row's record, what it is about, and whether the unit dated it.
#[derive(Debug)]
struct RowFound {
    parent: Parent,
    subject: String,
    record: NewRecord,
    dated: bool,
}

/// A row's record, or the problems of its cells.
type RowRecord = Result<Option<RowFound>, Vec<(Place, String)>>;

/// A row's record: its parent and subject, or the problems of its cells.
fn row_record(plan: &Plan, form: &Form<'_>, row: &Row, unit: &str, today: NaiveDate) -> RowRecord {
    let mut problems = Vec::new();
    let mut record = NewRecord {
        by: Some(unit.to_owned()),
        ..NewRecord::default()
    };
    let RowSubject {
        parent,
        subject,
        period,
        measure,
        target,
    } = row_subject(plan, form, row)?;
    let mut date = None;
    let mut says_something = false;
    for (column, at, value) in &row.cells {
        let place = row.place.at_column(*at);
        let text = || text_value(value).trim().to_owned();
        if let Value::Error(error) = value {
            problems.push((
                place,
                crate::say!(
                    "ô có lỗi công thức ({error})\ngợi ý: gõ thẳng giá trị",
                    "the cell holds an error ({error})\nhelp: type the value itself"
                ),
            ));
            continue;
        }
        match column {
            Column::Status => match status_cell(measure, &text()) {
                Ok(Marked::Status(status)) => {
                    record.status = Some(status);
                    says_something = true;
                }
                Ok(Marked::Verdict(verdict)) => {
                    record.verdict = Some(verdict);
                    says_something = true;
                }
                Err(problem) => problems.push((place, problem)),
            },
            Column::Value => {
                let percent = target.is_some_and(|target| {
                    matches!(
                        plan.target(target.target).goals.first().measure(),
                        TargetMeasure::Value(Quantity::Percent | Quantity::Change)
                    )
                });
                match value_cell(measure, value, &text(), percent) {
                    Ok(number) => {
                        record.value = Some(number);
                        says_something = true;
                    }
                    Err(problem) => problems.push((place, problem)),
                }
            }
            Column::Date => match date_cell(value, &text(), today, &period) {
                Ok(day) => date = Some(day),
                Err(problem) => problems.push((place, problem)),
            },
            text_column => {
                let slot = match text_column {
                    Column::Done | Column::Note => &mut record.note,
                    Column::Evidence => &mut record.evidence,
                    Column::Difficulty => &mut record.shortcoming,
                    Column::Cause => &mut record.cause,
                    Column::Proposal => &mut record.proposal,
                    _ => continue,
                };
                *slot = Some(text());
                says_something = true;
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // A record says what was done, its status or its figure; difficulties,
    // causes and proposals go with one of them.
    let main = record.note.is_some()
        || record.status.is_some()
        || record.value.is_some()
        || record.verdict.is_some();
    if !says_something || !main {
        return Err(vec![(row.place.clone(), half_filled(says_something))]);
    }
    record.date = Some(PlanDate(
        date.unwrap_or_else(|| default_date(&period, today)),
    ));
    Ok(Some(RowFound {
        parent,
        subject,
        record,
        dated: date.is_some(),
    }))
}

/// What a row is about, which its cells are read by.
struct RowSubject<'f> {
    parent: Parent,
    subject: String,
    period: Period,
    measure: Option<Asked>,
    target: Option<&'f crate::form::TargetRow>,
}

/// What a row is about: its parent array, the id of its task or target, the
/// period it covers, what it asks for, and its target; or why it is in the
/// wrong sheet.
fn row_subject<'f>(
    plan: &Plan,
    form: &'f Form<'_>,
    row: &Row,
) -> Result<RowSubject<'f>, Vec<(Place, String)>> {
    let task = form.tasks.iter().find(|task| task.key == row.key);
    let target = form.targets.iter().find(|target| target.key == row.key);
    Ok(match (row.sheet, task, target) {
        (Sheet::Tasks, Some(task), _) => RowSubject {
            parent: Parent::Task,
            subject: plan.task(task.task).id.clone(),
            period: form.period,
            measure: None,
            target: None,
        },
        (Sheet::Targets, _, Some(target)) => RowSubject {
            parent: Parent::Target,
            subject: plan.target(target.target).id.clone(),
            period: target.period,
            measure: Some(target.measure),
            target: Some(target),
        },
        (Sheet::Tasks, None, _) => {
            return Err(vec![(
                row.place.clone(),
                crate::say!(
                    "`{}` là chỉ tiêu; dòng của nó thuộc trang `{}`\ngợi ý: chuyển dòng về chỗ cũ, hoặc chép giá trị sang trang đó",
                    "`{}` is a target; its row belongs in the sheet `{}`\nhelp: move the row back, or copy its values into that sheet",
                    row.key,
                    crate::form::columns::TARGET_SHEET
                ),
            )]);
        }
        (Sheet::Targets, _, None) => {
            return Err(vec![(
                row.place.clone(),
                crate::say!(
                    "`{}` là nhiệm vụ; dòng của nó thuộc trang `{}`\ngợi ý: chuyển dòng về chỗ cũ, hoặc chép giá trị sang trang đó",
                    "`{}` is a task; its row belongs in the sheet `{}`\nhelp: move the row back, or copy its values into that sheet",
                    row.key,
                    crate::form::columns::TASK_SHEET
                ),
            )]);
        }
    })
}

/// Why a row that says something, but not what was done, is refused.
fn half_filled(says_something: bool) -> String {
    if says_something {
        crate::say!(
            "dòng có khó khăn, nguyên nhân hoặc đề xuất nhưng chưa ghi kết quả thực hiện\ngợi ý: điền thêm tiến độ hoặc kết quả thực hiện trong kỳ",
            "the row has difficulties, causes or proposals but not what was done\nhelp: fill in the progress or what was done in the period as well"
        )
    } else {
        crate::say!(
            "dòng chỉ có ngày, không có nội dung\ngợi ý: điền kết quả thực hiện (hoặc số liệu), hoặc xóa ngày",
            "the row has a date and nothing else\nhelp: fill in what was done (or the figure), or clear the date"
        )
    }
}

/// What a form's progress cell marks: a task's status, or a qualitative
/// target's verdict.
enum Marked {
    Status(file::Progress),
    Verdict(file::Verdict),
}

/// The progress cell of a row that asks for `measure`.
fn status_cell(measure: Option<Asked>, text: &str) -> Result<Marked, String> {
    match measure {
        Some(Asked::Value | Asked::Count) => Err(crate::say!(
            "chỉ tiêu này đo bằng số liệu, không phải tiến độ\ngợi ý: ghi số liệu vào cột `Số liệu trong kỳ`",
            "this target is measured by a number, not a status\nhelp: write the figure in the column `Số liệu trong kỳ`"
        )),
        Some(Asked::Verdict) => words::progress::verdict(text).map(Marked::Verdict),
        Some(Asked::Status) | None => words::progress::progress(text).map(Marked::Status),
    }
}

/// The figure cell of a row that asks for `measure`; `percent` when the
/// target is a share, so a cell formatted as a percent is caught.
fn value_cell(
    measure: Option<Asked>,
    value: &Value,
    text: &str,
    percent: bool,
) -> Result<f64, String> {
    if measure == Some(Asked::Status) {
        return Err(crate::say!(
            "chỉ tiêu này là hoàn thành hay chưa, không phải số liệu\ngợi ý: chọn tiến độ ở cột `Tiến độ`",
            "this target is done or not, not a number\nhelp: choose its status in the column `Tiến độ`"
        ));
    }
    if measure == Some(Asked::Verdict) {
        return Err(crate::say!(
            "chỉ tiêu này không có số liệu; được đánh giá đạt hay chưa đạt\ngợi ý: chọn Đạt hoặc Chưa đạt ở cột `Tiến độ`, và nêu lý do ở `Ghi chú`",
            "this target has no number; it is assessed met or not\nhelp: choose Đạt or Chưa đạt in the column `Tiến độ`, and say why in `Ghi chú`"
        ));
    }
    let number = match value {
        // A cell formatted as a percent holds 0.74 for 74%.
        Value::Number(number) if percent && *number > 0.0 && *number <= 1.0 => Err(crate::say!(
            "{number} có vẻ là ô định dạng phần trăm ({}%)\ngợi ý: gõ tỷ lệ dưới dạng số, ví dụ 74 hoặc 74,5",
            "{number} looks like a cell formatted as a percent ({}%)\nhelp: type the percent as a number, e.g. 74 or 74,5",
            words::labels::number(number * 100.0, words::speech::speaking())
        )),
        Value::Number(number) => Ok(*number),
        _ => words::number::parse(text),
    }?;
    if number.is_finite() && number >= 0.0 {
        Ok(number)
    } else {
        Err(crate::say!(
            "{number} không thể là số liệu ở đây; số liệu phải từ 0 trở lên",
            "{number} cannot be a figure here; figures are 0 or more"
        ))
    }
}

/// The date cell of a row for `period`: a day within it, not after today.
fn date_cell(
    value: &Value,
    text: &str,
    today: NaiveDate,
    period: &Period,
) -> Result<NaiveDate, String> {
    let day = match value {
        Value::Date(serial) | Value::Number(serial) => {
            words::date::excel_day(*serial).ok_or_else(|| {
                crate::say!(
                    "{serial} không phải ngày; ghi theo dạng dd/mm/yyyy",
                    "{serial} is not a date; write it as dd/mm/yyyy"
                )
            })
        }
        _ => words::date::date(text),
    }?;
    let latest = today.succ_opt().unwrap_or(today);
    if day > latest {
        return Err(crate::say!(
            "{} là sau hôm nay ({}); biểu mẫu ghi những gì đã diễn ra\ngợi ý: ghi ngày thực hiện, hoặc để trống ngày",
            "{} is after today ({}); a form says what has happened\nhelp: write the day it happened, or leave the date blank",
            format_day(day, words::labels::Language::Vi),
            format_day(today, words::labels::Language::Vi)
        ));
    }
    if !period.contains(day) {
        return Err(crate::say!(
            "{} nằm ngoài {} ({} – {}), kỳ của dòng này\ngợi ý: kết quả của kỳ khác ghi vào biểu mẫu của kỳ đó",
            "{} is outside {} ({} – {}), the period of this row\nhelp: a result of another period goes in that period's form",
            format_day(day, words::labels::Language::Vi),
            period.name(words::labels::Language::Vi),
            format_day(period.start, words::labels::Language::Vi),
            format_day(period.end, words::labels::Language::Vi)
        ));
    }
    Ok(day)
}

/// The latest record an earlier import of this row made (`base`, `base#2`,
/// …), wherever it is in the plan.
fn earlier_import<'f>(file: &'f PlanFile, base: &str) -> Option<&'f file::Record> {
    file.tasks
        .iter()
        .flat_map(|task| &task.records)
        .chain(file.targets.iter().flat_map(|target| &target.records))
        .filter_map(|record| {
            let id = record.id.as_ref()?.get_ref();
            let round = if id == base {
                1
            } else {
                id.strip_prefix(base)?
                    .strip_prefix('#')?
                    .parse::<u32>()
                    .ok()?
            };
            Some((round, record))
        })
        .max_by_key(|(round, _)| *round)
        .map(|(_, record)| record)
}

/// Whether a new record says what an earlier one said.
fn says_the_same(new: &NewRecord, earlier: &file::Record) -> bool {
    new.date.map(|date| date.0) == Some(earlier.date.get_ref().0)
        && new.status == earlier.status.as_ref().map(|status| *status.get_ref())
        && new.value == earlier.value.as_ref().map(|value| *value.get_ref())
        && new.verdict == earlier.verdict.as_ref().map(|verdict| *verdict.get_ref())
        && new.note == earlier.note
        && new.evidence == earlier.evidence
        && new.shortcoming == earlier.shortcoming
        && new.cause == earlier.cause
        && new.proposal == earlier.proposal
}

/// What a row adds, given what an earlier import of it added: a new
/// record, a correction, or nothing (`None`, unchanged).
fn planned_record(
    form: &Form<'_>,
    row: &Row,
    found: RowFound,
    earlier: Option<&file::Record>,
    base: &str,
) -> Result<Option<Planned>, (Place, String)> {
    let RowFound {
        parent,
        subject,
        mut record,
        dated,
    } = found;
    // A blank date keeps the day the row was first imported with, so a
    // second import on another day changes nothing.
    if !dated && let Some(earlier) = earlier {
        record.date = Some(*earlier.date.get_ref());
    }
    // A count row gives the period's whole count: what is recorded already
    // (other than by this row) stays, and the record adds what is missing.
    let count_row = form
        .targets
        .iter()
        .find(|target| target.key == row.key && target.measure == Asked::Count);
    if let (Some(target), Some(wanted)) = (count_row, record.value) {
        let own = earlier
            .and_then(|earlier| earlier.value.as_ref())
            .map_or(0.0, |value| *value.get_ref());
        let others = target.recorded.unwrap_or(0.0) - own;
        let missing = wanted - others;
        if missing < -1e-9 {
            let at = row
                .cells
                .iter()
                .find(|(column, _, _)| *column == Column::Value)
                .map_or(row.place.clone(), |(_, at, _)| row.place.at_column(*at));
            return Err((
                at,
                crate::say!(
                    "{} ít hơn {} mà kế hoạch đã ghi nhận cho {}\ngợi ý: ghi tổng số của cả kỳ; nếu bản ghi trong kế hoạch sai, đính chính bằng `ddci record --corrects`",
                    "{} is fewer than the {} the plan already records for {}\nhelp: write the whole count for the period; if the plan's records are wrong, correct them with `ddci record --corrects`",
                    words::labels::number(wanted, words::speech::speaking()),
                    words::labels::number(others, words::speech::speaking()),
                    target.period.name(words::labels::Language::Vi)
                ),
            ));
        }
        record.value = Some(if (missing - missing.round()).abs() < 1e-9 {
            missing.round()
        } else {
            missing
        });
        // The count the plan already has, typed again: nothing to add but
        // what the row says besides (a note, a document), if anything. A 0
        // typed for a period with nothing recorded is kept: the unit says
        // none were held, which silence does not.
        if missing.abs() < 1e-9 && earlier.is_none() && others > 0.0 {
            record.value = None;
            if record.says_nothing() {
                return Ok(None);
            }
        }
    }
    if let Some(earlier) = earlier
        && says_the_same(&record, earlier)
    {
        return Ok(None);
    }
    let correction = earlier.is_some();
    match earlier.and_then(|earlier| earlier.id.as_ref()) {
        Some(latest) => {
            record.id = Some(next_id(base, latest.get_ref()));
            record.corrects = Some(latest.get_ref().clone());
        }
        None => record.id = Some(base.to_owned()),
    }
    Ok(Some(Planned {
        place: row.place.clone(),
        parent,
        subject,
        record,
        correction,
    }))
}

/// `base#2` after `base`, `base#3` after `base#2`.
fn next_id(base: &str, latest: &str) -> String {
    let round = latest
        .strip_prefix(base)
        .and_then(|rest| rest.strip_prefix('#'))
        .and_then(|round| round.parse::<u32>().ok())
        .unwrap_or(1);
    format!("{base}#{}", round + 1)
}

/// The unit's report for the period, as sent on `today`: under the duty
/// that asks the unit for a report of this period, unless already recorded.
fn form_returned(
    plan: &Plan,
    unit: UnitRef,
    period: &Period,
    file_name: &str,
    today: NaiveDate,
) -> Option<Planned> {
    let key = crate::time::period_key::key(period)?;
    // A group the plan lists no members for is one reporter any unit of it
    // may send for.
    let reports_for = |reporter: UnitRef| {
        reporter == unit
            || (plan.unit(reporter).is_group()
                && plan.unit(reporter).members.is_empty()
                && !plan.unit(unit).is_group())
    };
    let duty = plan.reporting.iter().find(|duty| {
        duty.id.is_some()
            && duty.to.is_some()
            && plan.reporters(duty).into_iter().any(reports_for)
            && duty
                .periods
                .iter()
                .any(|every| crate::time::period_key::is_a(period, *every))
    })?;
    let already = duty
        .filed
        .iter()
        .any(|filed| filed.by == unit && filed.period == *period);
    // A form returned before its period's data is cut off holds part of the
    // period: its rows are records, not yet the unit's report.
    let cutoff = period
        .end
        .checked_sub_days(chrono::Days::new(u64::from(
            duty.cutoff_days_before.unwrap_or(0),
        )))
        .unwrap_or(period.end);
    if already || today < cutoff {
        return None;
    }
    let duty_id = duty.id.clone()?;
    let unit_id = plan.unit(unit).id.clone();
    Some(Planned {
        place: Place::whole(file_name),
        parent: Parent::Reporting,
        subject: duty_id,
        record: NewRecord {
            id: Some(format!("{FORM_RECORD_PREFIX}{unit_id}/{key}")),
            date: Some(PlanDate(today.max(period.start))),
            by: Some(unit_id),
            period: Some(key),
            note: Some(format!("Phiếu báo cáo {file_name} (ddci import)")),
            ..NewRecord::default()
        },
        correction: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrections_count_up_from_the_first_import() {
        assert_eq!(
            next_id("phieu/u/2024-Q2/1.1", "phieu/u/2024-Q2/1.1"),
            "phieu/u/2024-Q2/1.1#2"
        );
        assert_eq!(
            next_id("phieu/u/2024-Q2/1.1", "phieu/u/2024-Q2/1.1#2"),
            "phieu/u/2024-Q2/1.1#3"
        );
        assert_eq!(
            next_id("phieu/u/2024-Q2/1.1", "phieu/u/2024-Q2/1.1#9"),
            "phieu/u/2024-Q2/1.1#10"
        );
    }
}

#[cfg(test)]
mod received_tests {
    use chrono::NaiveDate;

    use super::received_on;
    use crate::time::period::Period;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a day")
    }

    /// Q2 2024 (1 April to 30 June): a day given from 1 April to today; or
    /// today, up to 92 days after 30 June (30 September).
    #[test]
    fn a_form_is_received_within_its_period_s_reach() {
        let q2 = Period::quarter(2024, 2).expect("Q2");
        let cases = [
            (Some("2024-03-31"), "2024-07-03", None),
            (Some("2024-04-01"), "2024-07-03", Some("2024-04-01")),
            (Some("2024-07-03"), "2024-07-03", Some("2024-07-03")),
            (Some("2024-07-04"), "2024-07-03", None),
            (Some("2024-07-04"), "2026-12-07", Some("2024-07-04")),
            (None, "2024-07-03", Some("2024-07-03")),
            (None, "2024-09-30", Some("2024-09-30")),
            (None, "2024-10-01", None),
            (None, "2026-12-07", None),
        ];
        for (given, today, expected) in cases {
            let got = received_on(&q2, given.map(day), day(today)).ok();
            assert_eq!(got, expected.map(day), "given {given:?} on {today}");
        }
    }
}

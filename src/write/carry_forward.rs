//! Last year's plan carried into the next (`ddci init --from`): units,
//! indices, tasks, targets and duties kept word for word; every record
//! dropped; the year changed, and "năm 2024" in the title, purposes and
//! requirements made the new year's; the plan's own number and date of
//! issue dropped (the new plan gets its own); and the results recorded last
//! year (the unit's or an index's rank or score) made the new baselines.
//! What mentions the old year elsewhere is listed for the user to check.

use std::fmt::Write as _;
use std::path::Path;

use crate::output::Output;
use crate::plan::file::PlanFile;
use crate::plan::model::Plan;
use crate::plan::target_kind::{Measure, Quantity};

/// Whom the new plan is for, when not the old plan's agency: a district's
/// plan carried into a commune's, a department's into the merged one's.
#[derive(Debug, Clone, Copy, Default)]
pub struct NewOwner<'a> {
    pub agency: Option<&'a str>,
    pub province: Option<&'a str>,
}

/// The text of the new plan.
pub fn carry(
    path: &Path,
    year: Option<i64>,
    owner: NewOwner<'_>,
    output: &mut Output,
) -> anyhow::Result<String> {
    let mut loaded = crate::read::load::load(path)?;
    let today = crate::time::today::today(crate::validate::time_zone_name(&loaded.file))?;
    let plan = crate::validate::validate(&mut loaded, today)
        .filter(|_| !loaded.has_errors())
        .ok_or_else(|| {
            let shown = path.display();
            anyhow::anyhow!(crate::say!(
                "`{shown}` có lỗi; hãy sửa (xem `ddci --plan {shown} validate`) trước khi chuyển sang năm mới",
                "`{shown}` has errors; fix them (see `ddci --plan {shown} validate`) before carrying it into a new year"
            ))
        })?;
    if plan.until > plan.year {
        let (shown, first, last) = (path.display(), plan.year, plan.until);
        anyhow::bail!(crate::say!(
            "`{shown}` là kế hoạch nhiều năm ({first}–{last}); --from chỉ chuyển kế hoạch một năm\ngợi ý: sao chép nó, đặt `year` và `until` theo giai đoạn mới, rồi kiểm tra `year` của từng nhiệm vụ và chỉ tiêu",
            "`{shown}` is a plan of several years ({first}–{last}); --from carries a plan of one year\nhelp: copy it, set `year` and `until` to the new span, and check each task's and target's `year`"
        ));
    }
    let changing = entries_that_change(&plan);
    if !changing.is_empty() {
        let (shown, changing) = (path.display(), changing.join("; "));
        anyhow::bail!(crate::say!(
            "`{shown}` có mục bắt đầu, kết thúc hoặc thay đổi trong năm ({changing}); --from chưa \
             biết mục nào được tiếp tục\ngợi ý: sao chép kế hoạch, giữ những gì tiếp tục và bỏ \
             `begins`, `ends`, `successor` và `changes` của chúng, rồi chạy `ddci validate`",
            "`{shown}` has entries that begin, end or change within its year ({changing}); --from cannot yet \
             tell which of them carry on\nhelp: copy the plan, keep what carries on and remove \
             their `begins`, `ends`, `successor` and `changes`, then run `ddci validate`"
        ));
    }
    let old = i64::from(plan.year);
    let new = year.unwrap_or(old + 1);
    if new <= old {
        anyhow::bail!(crate::say!(
            "--year {new} không sau năm {old} của kế hoạch; kế hoạch chỉ được chuyển sang năm sau",
            "--year {new} is not after the plan's year {old}; a plan is carried into a later year"
        ));
    }
    let bom = loaded.source.bom_len();
    let text = loaded.source.text();
    let mut text = without_records(&loaded.file, text, bom);
    // The schema is written beside the new plan.
    if text.starts_with("#:schema ") {
        let first_line = text.find('\n').map_or(text.len(), |at| at);
        text = format!(
            "#:schema ./{}{}",
            crate::plan::schema::SCHEMA_FILE_NAME,
            &text[first_line..]
        );
    }
    let dropped = loaded.file.record_count();
    text = in_header(&text, |header| {
        let header = new_year_header(header, old, new);
        in_force_at_the_end(&header, &plan, owner)
    });
    text = without_tables(&text, &["[[plan.amendments]]", "[[plan.changes]]"]);
    let baselines = baselines(&plan);
    for (place, key, value) in &baselines {
        text = set_key(&text, place, key, value);
    }
    // Check what was made before anyone edits it.
    let mut check = crate::read::load::load_bytes(Path::new("new plan"), text.clone().into_bytes());
    let _ = crate::validate::validate(&mut check, today);
    if check.has_errors() {
        let shown = path.display();
        anyhow::bail!(crate::say!(
            "lỗi kiểm tra nội bộ: kế hoạch chuyển từ `{shown}` không hợp lệ; chưa ghi gì",
            "internal check failed: the plan carried from `{shown}` does not validate; nothing was written"
        ));
    }
    let mentions = lines_naming(&text, old);
    let shown = crate::words::visible::path(path);
    let plural = if dropped == 1 { "" } else { "s" };
    let mut said = crate::say!(
        "Đã mang {shown} sang năm {new} (tệp cũ giữ nguyên): bỏ {dropped} bản ghi",
        "Carried {shown} into {new}: {dropped} record{plural} dropped"
    );
    for (place, key, value) in &baselines {
        let _ = write!(said, "; {place} {key} = {value}");
    }
    writeln!(output.stderr, "{said}.")?;
    if !mentions.is_empty() {
        let lines: Vec<String> = mentions.iter().map(ToString::to_string).collect();
        let lines = lines.join(", ");
        let note = crate::say!(
            "lưu ý: trong kế hoạch mới, các dòng {lines} vẫn nhắc năm {old}; hãy xem có cần sửa thành {new} không",
            "note: lines {lines} still mention {old}; check whether they should say {new}"
        );
        writeln!(output.stderr, "{note}")?;
    }
    Ok(text)
}

/// The lines (1-based) that still name the old year: published results keep
/// their years, and the plan carried on from is last year's by its nature;
/// anything else naming the old year may need the new one.
fn lines_naming(text: &str, old: i64) -> Vec<usize> {
    let mut in_results = false;
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            let line = line.trim_start();
            if line.starts_with('[') {
                in_results = line.starts_with("[[results]]");
            }
            !in_results && !line.starts_with('#') && !line.starts_with("predecessor")
        })
        .filter(|(_, line)| line.contains(&old.to_string()))
        .map(|(at, _)| at + 1)
        .collect()
}

/// The text without any `[[…records]]` table: each from its header to the
/// end of its last line, with the blank line before it.
fn without_records(file: &PlanFile, text: &str, bom: usize) -> String {
    let mut spans: Vec<(usize, usize)> = file
        .tasks
        .iter()
        .flat_map(|task| &task.records)
        .chain(file.targets.iter().flat_map(|target| &target.records))
        .chain(file.reporting.iter().flat_map(|duty| &duty.records))
        .map(|record| {
            let start = record.extent.header_start + bom;
            let end = record.extent.content_end + bom;
            let end = text[end.min(text.len())..]
                .find('\n')
                .map_or(text.len(), |newline| end + newline + 1);
            // The blank line that set the record apart goes with it.
            let before = &text[..start];
            let start = if before.ends_with("\n\n") {
                start - 1
            } else if before.ends_with("\r\n\r\n") {
                start - 2
            } else {
                start
            };
            (start, end)
        })
        .collect();
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in spans {
        if start >= at {
            out.push_str(&text[at..start]);
            at = end;
        }
    }
    out.push_str(&text[at.min(text.len())..]);
    out
}

/// Applies `change` to the `[plan]` table's own lines (before any other table).
fn in_header(text: &str, change: impl Fn(&str) -> String) -> String {
    let start = text.find("[plan]").unwrap_or(0);
    let end = text[start + 1..]
        .match_indices("\n[")
        .map(|(at, _)| start + 1 + at + 1)
        .next()
        .unwrap_or(text.len());
    format!(
        "{}{}{}",
        &text[..start],
        change(&text[start..end]),
        &text[end..]
    )
}

/// The header with the new year: `year`, and "năm 2024" in its texts; the
/// old plan's number and date of issue left out.
fn new_year_header(header: &str, old: i64, new: i64) -> String {
    header
        .split_inclusive('\n')
        .filter(|line| {
            let key = line.trim_start();
            !key.starts_with("number ") && !key.starts_with("number=") && !key.starts_with("issued")
        })
        .map(|line| {
            if line.trim_start().starts_with("year") && line.contains('=') {
                line.replacen(&old.to_string(), &new.to_string(), 1)
            } else {
                // The plan's year becomes the new one, and the year it was
                // compared with ("so với năm 2023") the old plan's year.
                const HOLD: &str = "\u{0}năm-mới\u{0}";
                line.replace(&format!("năm {old}"), HOLD)
                    .replace(&format!("năm {}", old - 1), &format!("năm {old}"))
                    .replace(HOLD, &format!("năm {new}"))
            }
        })
        .collect()
}

/// The entries whose life or goal changes within the plan's year, named.
fn entries_that_change(plan: &Plan) -> Vec<String> {
    let mut found = Vec::new();
    for unit in &plan.units {
        if !unit.in_force.always() || unit.successor.is_some() || !unit.renamed.is_empty() {
            let id = &unit.id;
            found.push(crate::say!("đơn vị `{id}`", "unit `{id}`"));
        }
    }
    for task in &plan.tasks {
        if !task.in_force.always() {
            let id = &task.id;
            found.push(crate::say!("nhiệm vụ `{id}`", "task `{id}`"));
        }
    }
    for target in &plan.targets {
        if !target.in_force.always() || !target.goals.changes().is_empty() {
            let id = &target.id;
            found.push(crate::say!("chỉ tiêu `{id}`", "target `{id}`"));
        }
    }
    for duty in &plan.reporting {
        if !duty.in_force.always() {
            let id = duty.id.as_deref().unwrap_or("…");
            found.push(crate::say!(
                "nhiệm vụ báo cáo `{id}`",
                "reporting duty `{id}`"
            ));
        }
    }
    found
}

/// The header as the new plan starts: the names in force at the old plan's
/// end (or the new owner's), its end and reason dropped, and the old plan
/// named as what this one carries on from.
fn in_force_at_the_end(header: &str, plan: &Plan, owner: NewOwner<'_>) -> String {
    use crate::write::toml_text::quoted;
    let (_, last_day) = plan.year_bounds();
    let names = plan.names_on(last_day);
    let issuer = plan
        .names_on(plan.issued.unwrap_or(plan.year_bounds().0))
        .agency;
    let predecessor = match (&plan.number, plan.issued) {
        (Some(number), Some(issued)) => format!(
            "Kế hoạch số {number} ngày {} của {issuer}",
            issued.format("%d/%m/%Y")
        ),
        _ => format!("{} của {issuer}", plan.title),
    };
    let agency = owner.agency.unwrap_or(names.agency);
    let province = owner.province.unwrap_or(names.province);
    let key_of = |line: &str| {
        let line = line.trim_start();
        line.split_once('=')
            .map(|(key, _)| key.trim().to_owned())
            .unwrap_or_default()
    };
    let mut out = String::new();
    for line in header.split_inclusive('\n') {
        let replaced = match key_of(line).as_str() {
            "ends" | "end_reason" | "predecessor" => continue,
            "agency" => Some(format!("agency = {}\n", quoted(agency))),
            "province" => Some(format!("province = {}\n", quoted(province))),
            // A new owner's short name and code are its own to give.
            "agency_short" | "code" if owner.agency.is_some() => continue,
            "agency_short" => names
                .agency_short
                .map(|short| format!("agency_short = {}\n", quoted(short))),
            "code" => names.code.map(|code| format!("code = {}\n", quoted(code))),
            // And the parent agency of a new province.
            "parent_agency" if owner.province.is_some() => continue,
            "parent_agency" => names
                .parent_agency
                .map(|parent| format!("parent_agency = {}\n", quoted(parent))),
            "place" => Some(format!(
                "place = {}\n",
                quoted(owner.province.unwrap_or(names.place))
            )),
            _ => None,
        };
        out.push_str(replaced.as_deref().unwrap_or(line));
        if key_of(line) == "year" {
            let _ = writeln!(out, "predecessor = {}", quoted(&predecessor));
        }
    }
    out
}

/// The text without the tables headed `headers`, each to the next header.
fn without_tables(text: &str, headers: &[&str]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut skipping = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            skipping = headers.contains(&trimmed);
        }
        if !skipping {
            out.push_str(line);
        }
    }
    out
}

/// What was recorded last year for the unit as a whole and for each index,
/// as new baselines: `(table, key, value)`.
fn baselines(plan: &Plan) -> Vec<(String, &'static str, String)> {
    let mut found = Vec::new();
    // The year's published result first: it is what the year scored.
    for result in plan
        .results
        .iter()
        .rev()
        .filter(|result| result.year == plan.year)
    {
        let place = match result.index {
            Some(index) => format!("indices.{}", plan.component(index).id),
            None => "plan.overall".to_owned(),
        };
        let mut entries = Vec::new();
        if let Some(rank) = &result.rank {
            let of = rank.of.map(|of| format!(", of = {of}")).unwrap_or_default();
            entries.push(("previous_rank", format!("{{ rank = {}{of} }}", rank.rank)));
        }
        if let Some(score) = result.score {
            entries.push(("previous_score", score.to_string()));
        }
        for (key, value) in entries {
            if !found
                .iter()
                .any(|(known, known_key, _): &(String, &str, String)| {
                    *known == place && *known_key == key
                })
            {
                found.push((place.clone(), key, value));
            }
        }
    }
    for target in &plan.targets {
        if target.task.is_some() {
            continue;
        }
        let Some(latest) = target
            .records
            .all()
            .iter()
            .rev()
            .find(|record| record.value.is_some())
        else {
            continue;
        };
        let value = latest.value.unwrap_or_default();
        let place = match target.index {
            Some(index) => format!("indices.{}", plan.component(index).id),
            None => "plan.overall".to_owned(),
        };
        let entry = match target.goals.first().measure() {
            Measure::Value(Quantity::Rank) => {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a rank
                let rank = value.round() as u32;
                let of = latest
                    .of
                    .map(|of| format!(", of = {of}"))
                    .unwrap_or_default();
                ("previous_rank", format!("{{ rank = {rank}{of} }}"))
            }
            Measure::Value(Quantity::Score) => ("previous_score", value.to_string()),
            Measure::Value(
                Quantity::Percent
                | Quantity::Change
                | Quantity::Count
                | Quantity::Band
                | Quantity::Fallen,
            )
            | Measure::Status
            | Measure::Verdict => continue,
        };
        if !found
            .iter()
            .any(|(known, key, _): &(String, &str, String)| *known == place && *key == entry.0)
        {
            found.push((place, entry.0, entry.1));
        }
    }
    found
}

/// `key = value` set in a table (`plan.overall`, or `indices.ID` for the
/// index with that id): the line replaced if the key is there, else added
/// under the table's header; a missing `[plan.overall]` is added before the
/// first array of tables.
fn set_key(text: &str, place: &str, key: &str, value: &str) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let header_at = match place.strip_prefix("indices.") {
        Some(id) => lines.iter().enumerate().position(|(at, line)| {
            line.trim_end() == "[[indices]]"
                && lines[at + 1..]
                    .iter()
                    .take_while(|line| !line.trim_start().starts_with('['))
                    .any(|line| line.trim() == format!("id = \"{id}\""))
        }),
        None => lines
            .iter()
            .position(|line| line.trim_end() == "[plan.overall]"),
    };
    let Some(header_at) = header_at else {
        let first_array = text.find("\n[[").map_or(text.len(), |at| at + 1);
        return format!(
            "{}[plan.overall]\n{key} = {value}\n\n{}",
            &text[..first_array],
            &text[first_array..]
        );
    };
    let body_end = lines[header_at + 1..]
        .iter()
        .position(|line| line.trim_start().starts_with('['))
        .map_or(lines.len(), |at| header_at + 1 + at);
    let mut out: Vec<String> = lines.iter().map(|line| (*line).to_owned()).collect();
    let existing = (header_at + 1..body_end).find(|at| {
        let line = lines[*at].trim_start();
        line.starts_with(key) && line[key.len()..].trim_start().starts_with('=')
    });
    match existing {
        Some(at) => out[at] = format!("{key} = {value}\n"),
        None => out.insert(header_at + 1, format!("{key} = {value}\n")),
    }
    out.concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_set_in_their_table() {
        let text = "[plan]\nyear = 2024\n\n[plan.overall]\ngroup = \"x\"\nprevious_score = 1\n\n[[indices]]\nid = \"a\"\nname = \"A\"\n\n[[indices]]\nid = \"b\"\nname = \"B\"\n";
        assert_eq!(
            set_key(text, "plan.overall", "previous_score", "74.96"),
            text.replace("previous_score = 1", "previous_score = 74.96")
        );
        assert_eq!(
            set_key(text, "indices.b", "previous_rank", "{ rank = 3, of = 17 }"),
            text.replace(
                "[[indices]]\nid = \"b\"",
                "[[indices]]\nprevious_rank = { rank = 3, of = 17 }\nid = \"b\""
            )
        );
        let bare = "[plan]\nyear = 2024\n\n[[indices]]\nid = \"a\"\n";
        assert_eq!(
            set_key(bare, "plan.overall", "previous_rank", "{ rank = 9 }"),
            "[plan]\nyear = 2024\n\n[plan.overall]\nprevious_rank = { rank = 9 }\n\n[[indices]]\nid = \"a\"\n"
        );
    }

    #[test]
    fn the_header_moves_to_the_new_year() {
        let header = "[plan]\ntitle = \"Kế hoạch DDCI năm 2024\"\nyear = 2024\nnumber = \"45/KH\"\nissued = 2024-04-05\npurposes = [\"tăng 4 bậc so với năm 2023\"]\n";
        assert_eq!(
            new_year_header(header, 2024, 2025),
            "[plan]\ntitle = \"Kế hoạch DDCI năm 2025\"\nyear = 2025\npurposes = [\"tăng 4 bậc so với năm 2024\"]\n"
        );
    }
}

//! `ddci result`: a DDCI result as the province published it, appended to
//! the plan as a `[[results]]` table, under the plan's lock, every other
//! byte as it was. The result counts for the year it measures, whenever it
//! was published: the 2024 result, published in March 2025, is 2024's.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use crate::cli::ResultArgs;
use crate::commands::plan_change;
use crate::exit::Outcome;
use crate::output::Output;
use crate::plan::model::Plan;
use crate::write::toml_text::quoted;

pub fn run(args: &ResultArgs, plan_path: &Path, output: &mut Output) -> anyhow::Result<Outcome> {
    if args.score.is_none() && args.rank.is_none() && args.median.is_none() && args.band.is_none() {
        anyhow::bail!(crate::say!(
            "kết quả cần có --score, --rank (kèm --of) hoặc --median\ngợi ý: ví dụ `ddci result --year 2024 --score 76.5 --rank 3 --of 17`",
            "a result needs a --score, a --rank (with --of) or a --median\nhelp: e.g. `ddci result --year 2024 --score 76.5 --rank 3 --of 17`"
        ));
    }
    let opened = match plan_change::open(
        plan_path,
        args.dry_run,
        args.wait,
        &crate::say!("nhập kết quả", "entering a result"),
        output,
    )? {
        Ok(opened) => opened,
        Err(outcome) => return Ok(outcome),
    };
    if let Some(index) = &args.index {
        known_index(&opened.plan, index)?;
    }
    let lines = result_table(args, &opened.plan, opened.today);
    let changed = appended(opened.loaded.source.text(), &lines);
    let (valid, _) = plan_change::changed_is_valid(
        plan_path,
        &changed,
        opened.today,
        &crate::say!("với kết quả mới", "with the new result"),
        output,
    )?;
    if !valid {
        output.when_cut_off = Outcome::Failure;
        writeln!(
            output.stderr,
            "{}",
            crate::say!(
                "lỗi: kết quả không được chấp nhận. Không ghi gì.",
                "error: the result was refused. Nothing was written."
            )
        )?;
        return Ok(Outcome::Failure);
    }
    let plan = crate::words::visible::path(plan_path);
    if args.dry_run {
        writeln!(
            output.stdout,
            "{}",
            crate::say!(
                "Sẽ thêm vào {plan} (chạy thử: không ghi gì):",
                "Would add to {plan} (dry run: nothing written):"
            )
        )?;
    } else {
        crate::write::atomic_write::replace_file(&opened.real_path, changed.as_bytes())?;
        writeln!(
            output.stdout,
            "{}",
            crate::say!("Đã ghi vào {plan}:", "Recorded in {plan}:")
        )?;
    }
    for line in &lines {
        writeln!(output.stdout, "  {}", crate::words::visible::visible(line))?;
    }
    Ok(Outcome::Success)
}

/// A result of a component index needs an index the plan has.
fn known_index(plan: &Plan, index: &str) -> anyhow::Result<()> {
    if plan.index_by_id(index).is_none() {
        let ids = plan.indices.iter().map(|index| index.id.as_str());
        let help = crate::words::suggest::did_you_mean(index, ids).unwrap_or_else(|| {
            crate::say!(
                "`ddci list indices` cho xem các mã",
                "`ddci list indices` shows the ids"
            )
        });
        anyhow::bail!(crate::say!(
            "không có chỉ số thành phần nào có mã `{index}`. Không ghi gì.\ngợi ý: {help}",
            "no component index has the id `{index}`. Nothing was written.\nhelp: {help}"
        ));
    }
    Ok(())
}

/// The `[[results]]` table's lines, the year and the day published filled
/// in when the command line leaves them out.
fn result_table(args: &ResultArgs, plan: &Plan, today: NaiveDate) -> Vec<String> {
    // A plan of several years: the year before today's, whose result is
    // published this spring, within the plan's years.
    let year = args.year.unwrap_or_else(|| {
        use chrono::Datelike as _;
        let last_published = (today.year() - 1).clamp(plan.year, plan.until.max(plan.year));
        i64::from(last_published)
    });
    let published = args.published.unwrap_or(today);
    let mut lines = vec!["[[results]]".to_owned(), format!("year = {year}")];
    if let Some(index) = &args.index {
        lines.push(format!("index = {}", quoted(index)));
    }
    if let Some(score) = args.score {
        lines.push(format!("score = {}", toml_number(score)));
    }
    if let Some(rank) = args.rank {
        lines.push(format!("rank = {rank}"));
    }
    if let Some(of) = args.of {
        lines.push(format!("of = {of}"));
    }
    if let Some(median) = args.median {
        lines.push(format!("median = {}", toml_number(median)));
    }
    if let Some(band) = &args.band {
        lines.push(format!("band = {}", quoted(band)));
    }
    lines.push(format!("published = {published}"));
    if let Some(source) = &args.source {
        lines.push(format!("source = {}", quoted(source)));
    }
    lines
}

/// The plan's text with the table at its end, after a blank line, in the
/// file's own line endings.
fn appended(text: &str, lines: &[String]) -> String {
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let separator = if text.is_empty() || text.ends_with(&format!("{eol}{eol}")) {
        ""
    } else if text.ends_with(eol) {
        eol
    } else {
        // The file ends without a newline; it will have one before the table.
        if eol == "\n" { "\n\n" } else { "\r\n\r\n" }
    };
    format!("{text}{separator}{}{eol}", lines.join(eol))
}

/// A number as TOML writes it: `76.5`, `7` (as a float, `7.0`).
fn toml_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.1}")
    } else {
        value.to_string()
    }
}

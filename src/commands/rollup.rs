//! `ddci rollup PATH…`: the province's view of many plans. A plan with
//! errors is left out of the figures, named in the output, its errors shown
//! on standard error, and the command exits 1.

use std::io::Write;
use std::path::Path;

use crate::cli::{RollupArgs, RollupFormat};
use crate::exit::Outcome;
use crate::judge::status::AsOf;
use crate::output::Output;
use crate::render::{docx, html, markdown, terminal};
use crate::rollup::{self, RollupRequest};
use crate::words::labels::Language;

pub fn run(args: &RollupArgs, output: &mut Output) -> anyhow::Result<Outcome> {
    // A wrong DDCI_TODAY is one usage error, not every plan left out.
    crate::time::today::today(None)?;
    let format = format(args)?;
    let files = rollup::files(&args.paths)?;
    if files.is_empty() {
        let paths = paths_named(&args.paths);
        anyhow::bail!(crate::say!(
            "không tìm thấy kế hoạch nào trong {paths}\ngợi ý: kế hoạch là một tệp .toml có bảng [plan]; hãy nêu các tệp kế hoạch hoặc các thư mục chứa chúng",
            "no plan found in {paths}\nhelp: a plan is a .toml file with a [plan] table; name plan files or folders holding them"
        ));
    }
    if let Some(path) = to_file(args) {
        refuse_to_overwrite_a_plan(path, &files)?;
    }
    let request = RollupRequest {
        as_of: args.as_of.map(AsOf::closed),
        group: args.group,
        year: args.year,
        dated: args.letterhead.signed_on,
    };
    let rolled = rollup::build(&files, request);
    if rolled.positions.is_empty() && rolled.left_out.is_empty() && rolled.not_in_view == 0 {
        let paths = paths_named(&args.paths);
        anyhow::bail!(crate::say!(
            "không tìm thấy kế hoạch nào trong {paths}: các tệp TOML ở đó không có bảng [plan]\ngợi ý: hãy nêu các tệp kế hoạch hoặc các thư mục chứa chúng",
            "no plan found in {paths}: its TOML files hold no [plan] table\nhelp: name plan files or folders holding them"
        ));
    }
    warn_copies(&rolled, output)?;
    let twice = rollup::same_unit_twice(&rolled.positions);
    warn_same_unit_twice(&twice, output)?;
    if format == RollupFormat::Docx {
        a_report_can_be_made(&rolled, &twice, args)?;
        warn_several_provinces(&rolled, args, output)?;
    }
    warn_left_out(&rolled, output)?;
    let outcome = if rolled.left_out.is_empty() {
        Outcome::Success
    } else {
        Outcome::Problems
    };
    output.when_cut_off = outcome;
    let rendered = render(format, &rolled, request, args, output)?;
    crate::commands::output_file::write_out(&rendered, to_file(args), output)?;
    Ok(outcome)
}

/// "`a`, `b`": the paths given, as an error names them.
fn paths_named(paths: &[std::path::PathBuf]) -> String {
    paths
        .iter()
        .map(|path| format!("`{}`", crate::words::visible::path(path)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The same unit twice for the same year is a copy or a mistake.
/// Written at once: unbuffered, each warning would be several writes,
/// and a folder of copies gives thousands.
fn warn_same_unit_twice(
    twice: &[(&rollup::Position, &rollup::Position, i32)],
    output: &mut Output,
) -> anyhow::Result<()> {
    let mut warnings = Vec::new();
    for (first, second, year) in twice {
        let unit = unit_named(first);
        let (first, second) = (
            crate::words::visible::path(&first.file),
            crate::words::visible::path(&second.file),
        );
        writeln!(
            warnings,
            "{}",
            crate::say!(
                "cảnh báo: {first} và {second} đều là kế hoạch năm {year} của {unit}; hãy kiểm tra đâu là kế hoạch của đơn vị",
                "warning: {first} and {second} are both plans of {unit} for {year}; check which is the unit's"
            )
        )?;
    }
    output.stderr.write_all(&warnings)?;
    Ok(())
}

/// The same plan found in several places is counted once; each place is
/// named, since one of them is probably a copy left behind.
fn warn_copies(rolled: &rollup::Rollup, output: &mut Output) -> anyhow::Result<()> {
    let mut warnings = Vec::new();
    for position in rolled.positions.iter().filter(|p| !p.also_at.is_empty()) {
        let places: Vec<String> = position
            .also_at
            .iter()
            .map(|file| crate::words::visible::path(file))
            .collect();
        let (places, file, unit) = (
            places.join(", "),
            crate::words::visible::path(&position.file),
            unit_named(position),
        );
        writeln!(
            warnings,
            "{}",
            crate::say!(
                "cảnh báo: {places} là cùng một kế hoạch với {file} ({unit}); chỉ tính một lần",
                "warning: {places} is the same plan as {file} ({unit}); it is counted once"
            )
        )?;
    }
    output.stderr.write_all(&warnings)?;
    Ok(())
}

/// "Sở Tư pháp, Kon Tum": a unit as a warning names it.
fn unit_named(position: &rollup::Position) -> String {
    format!(
        "{}, {}",
        crate::words::visible::one_line(&position.agency),
        crate::words::visible::one_line(&position.province)
    )
}

/// A report of several provinces leaves its header and place blank, unless
/// the committee it goes to is named.
fn warn_several_provinces(
    rolled: &rollup::Rollup,
    args: &RollupArgs,
    output: &mut Output,
) -> anyhow::Result<()> {
    let mut provinces = rolled.provinces();
    if provinces.len() > 1 && args.letterhead.parent_agency.is_none() {
        provinces.sort_by_key(|name| crate::words::fold::folded(name));
        let (count, names) = (provinces.len(), provinces.join(", "));
        writeln!(
            output.stderr,
            "{}",
            crate::say!(
                "cảnh báo: các kế hoạch thuộc {count} tỉnh ({names}); phần đầu văn bản và địa danh của báo cáo được để trống\ngợi ý: nêu cơ quan cấp trên nhận báo cáo (ví dụ Ủy ban nhân dân tỉnh) bằng --parent-agency",
                "warning: the plans are of {count} provinces ({names}); the report's header and place are left blank\nhelp: name the committee it goes to with --parent-agency"
            )
        )?;
    }
    Ok(())
}

/// Each plan left out, named with why, then its errors.
fn warn_left_out(rolled: &rollup::Rollup, output: &mut Output) -> anyhow::Result<()> {
    for left in &rolled.left_out {
        let (file, reason) = (crate::words::visible::path(&left.file), &left.reason);
        writeln!(
            output.stderr,
            "{}",
            crate::say!(
                "cảnh báo: {file} không được đưa vào tổng hợp: {reason}",
                "warning: {file} is left out of the roll-up: {reason}"
            )
        )?;
        for rendered in &left.rendered {
            writeln!(output.stderr, "{rendered}\n")?;
        }
    }
    Ok(())
}

/// The roll-up in the format asked for, as the bytes to write.
fn render(
    format: RollupFormat,
    rolled: &rollup::Rollup,
    request: RollupRequest,
    args: &RollupArgs,
    output: &Output,
) -> anyhow::Result<Vec<u8>> {
    let language = output.asked_language.unwrap_or(Language::Vi);
    Ok(match format {
        RollupFormat::Table => {
            let document = rollup::document::build(rolled, request, language);
            // A table written to a file is for reading anywhere: no colour,
            // and as wide as a printed page allows.
            let layout = if to_file(args).is_some() {
                terminal::Layout {
                    width: 120,
                    color: false,
                }
            } else {
                terminal::Layout::detect(output.stdout_color)
            };
            terminal::render(&document, layout).into_bytes()
        }
        RollupFormat::Markdown => {
            markdown::render(&rollup::document::build(rolled, request, language)).into_bytes()
        }
        RollupFormat::Html => html::render(
            &rollup::document::build(rolled, request, language),
            language,
        )
        .into_bytes(),
        RollupFormat::Json => {
            let mut json = serde_json::to_string_pretty(&rollup::json::build(rolled, args.as_of))?;
            json.push('\n');
            json.into_bytes()
        }
        RollupFormat::Csv => rollup::csv::build(rolled)?.into_bytes(),
        RollupFormat::Xlsx => rollup::xlsx::build(rolled, request, language).map_err(|error| {
            anyhow::anyhow!(crate::say!(
                "không ghi được bảng tính: {error}",
                "cannot write the workbook: {error}"
            ))
        })?,
        RollupFormat::Docx => docx::render(&rollup::province_report::build(
            rolled,
            request,
            language,
            &args.letterhead,
        ))?,
    })
}

/// A summary report signed and sent must count each unit once, for one
/// year, and have something to count; otherwise nothing is written.
fn a_report_can_be_made(
    rolled: &rollup::Rollup,
    twice: &[(&rollup::Position, &rollup::Position, i32)],
    args: &RollupArgs,
) -> anyhow::Result<()> {
    if rolled.positions.is_empty() {
        let (left_out, not_in_view) = (rolled.left_out.len(), rolled.not_in_view);
        anyhow::bail!(crate::say!(
            "không có kế hoạch nào tổng hợp được ({left_out} kế hoạch có lỗi bị loại ra, {not_in_view} kế hoạch không thuộc năm hoặc ngày đã chọn); chưa ghi báo cáo tổng hợp\n\
             gợi ý: sửa các kế hoạch nêu ở trên, hoặc chọn --year hay --as-of khác",
            "no plan could be rolled up ({left_out} left out with errors, {not_in_view} not for the year or day asked); the summary report was not written\n\
             help: fix the plans named above, or choose another --year or --as-of"
        ));
    }
    if let Some((first, second, year)) = twice.first() {
        let unit = unit_named(first);
        let (first, second) = (
            crate::words::visible::path(&first.file),
            crate::words::visible::path(&second.file),
        );
        anyhow::bail!(crate::say!(
            "{first} và {second} đều là kế hoạch năm {year} của {unit}; báo cáo tổng hợp sẽ tính đơn vị này hai lần nên chưa được ghi\n\
             gợi ý: chỉ tổng hợp kế hoạch mà đơn vị đã gửi (chuyển tệp kia ra khỏi thư mục)",
            "{first} and {second} are both plans of {unit} for {year}; the summary report would count the unit twice and was not written\n\
             help: roll up only the plan the unit sent (move the other out of the folder)"
        ));
    }
    let years: std::collections::BTreeSet<i32> = rolled
        .positions
        .iter()
        .map(|position| position.year_in_view)
        .collect();
    if args.year.is_none() && years.len() > 1 {
        let listed: Vec<String> = years.iter().map(ToString::to_string).collect();
        let (listed, last) = (listed.join(", "), years.last().copied().unwrap_or_default());
        anyhow::bail!(crate::say!(
            "các kế hoạch được đánh giá theo những năm khác nhau ({listed}); báo cáo tổng hợp chỉ cho một năm nên chưa được ghi\n\
             gợi ý: thêm --year {last}",
            "the plans are judged on different years ({listed}); a summary report is of one year and was not written\n\
             help: add --year {last}"
        ));
    }
    // Signed in the months after the year it reports, not years on.
    if let (Some(day), Some(year)) = (args.letterhead.signed_on, years.last()) {
        let latest =
            chrono::NaiveDate::from_ymd_opt(year + 1, 12, 31).unwrap_or(chrono::NaiveDate::MAX);
        if day > latest {
            let next = year + 1;
            anyhow::bail!(crate::say!(
                "--signed-on {day} là sau năm {next}; báo cáo tổng hợp năm {year} được ký trong năm sau đó; chưa ghi gì\n\
                 gợi ý: kiểm tra lại năm của ngày ký",
                "--signed-on {day} is after {next}; the {year} summary report is signed the year after; nothing was written\n\
                 help: check the year of the day"
            ));
        }
    }
    Ok(())
}

/// The file asked for with `-o`, unless that is `-` (standard output).
fn to_file(args: &RollupArgs) -> Option<&Path> {
    crate::settings::to_file(args.output.as_deref())
}

/// The format asked for, else the one the `-o` file's extension names,
/// else a table. A file named for one format is not written in another; a
/// workbook or a Word document is bytes for a file, not for a terminal;
/// the letterhead flags belong to the Word report alone.
fn format(args: &RollupArgs) -> anyhow::Result<RollupFormat> {
    let format = crate::cli::output_format::resolve(&crate::cli::output_format::Asked {
        format: args.format,
        file: to_file(args),
        to_terminal: crate::settings::to_terminal(args.output.as_deref()),
        default: RollupFormat::Table,
        example: "tong-hop",
    })?;
    let letterhead = args.letterhead.given();
    if format != RollupFormat::Docx && !letterhead.is_empty() {
        let flags = letterhead.join(", ");
        let (is, it) = if letterhead.len() == 1 {
            ("is", "it")
        } else {
            ("are", "them")
        };
        anyhow::bail!(crate::say!(
            "{flags} chỉ dùng cho báo cáo tổng hợp (--format docx); không ghi gì\n\
             gợi ý: thêm `-o bao-cao-tong-hop.docx`, hoặc bỏ {flags}",
            "{flags} {is} only for the summary report (--format docx); nothing was written\n\
             help: add `-o bao-cao-tong-hop.docx`, or leave {it} out"
        ));
    }
    Ok(format)
}

/// Output written over a plan would destroy it: one rolled up, or any file
/// (followed through links) that holds a plan.
fn refuse_to_overwrite_a_plan(
    path: &Path,
    plans: &[rollup::paths::Candidate],
) -> anyhow::Result<()> {
    let what = crate::say!("bảng tổng hợp", "roll-up");
    crate::commands::output_file::refuse_what_no_output_may_be(path, &what)?;
    crate::commands::output_file::refuse_what_is_someone_s(path, &what)?;
    // Each plan rolled up, and its lock, by the file itself (as every
    // command's -o is guarded): a replaced lock would let two writers in.
    for plan in plans {
        crate::commands::output_file::guard(Some(path), &plan.path, &what)?;
    }
    Ok(())
}

//! `ddci init`: a new plan from a template built into the binary, with its
//! JSON Schema beside it for editors. Never overwrites a file.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use anyhow::Context as _;
use chrono::Datelike;

use crate::cli::{InitArgs, Template};
use crate::exit::Outcome;
use crate::output::Output;
use crate::plan::schema::SCHEMA_FILE_NAME;
use crate::write::toml_text::quoted;

/// The bundled 2024 plan; it has no records (a test keeps it so).
const KON_TUM_2024: &str = include_str!("../../plans/so-khcn-kon-tum-2024.toml");

pub fn run(
    args: &InitArgs,
    path: &Path,
    today: chrono::NaiveDate,
    output: &mut Output,
) -> anyhow::Result<Outcome> {
    // Refused before last year's plan is carried (which says what it did).
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(already_there(path));
    }
    let (year, year_from) = plan_year(args.year, path, today);
    if args.template == Template::District && args.from.is_none() && year > 2025 {
        anyhow::bail!(crate::say!(
            "cấp huyện kết thúc hoạt động từ ngày 01/07/2025: không có kế hoạch cấp huyện năm {year}\ngợi ý: kế hoạch của xã, phường dùng `--template commune`; kế hoạch cấp huyện năm 2025 dùng `--year 2025`",
            "districts ended on 1 July 2025: there is no district plan for {year}\nhelp: a commune's or ward's plan uses `--template commune`; a district's 2025 plan, `--year 2025`"
        ));
    }
    let level = |level: Level| {
        skeleton(
            level,
            year,
            args.agency.as_deref().unwrap_or(level.default_agency()),
            args.province.as_deref(),
        )
    };
    let text = match (&args.from, args.template) {
        (Some(last_year), _) => crate::write::carry_forward::carry(
            last_year,
            args.year,
            crate::write::carry_forward::NewOwner {
                agency: args.agency.as_deref(),
                province: args.province.as_deref(),
            },
            output,
        )?,
        (None, Template::Blank) => level(Level::Department),
        (None, Template::District) => level(Level::District),
        (None, Template::Commune) => level(Level::Commune),
        (None, Template::KonTum2024) => {
            adapt_kon_tum(year, args.agency.as_deref(), args.province.as_deref())
        }
    };
    let folder = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder).with_context(|| {
        let folder = folder.display();
        crate::say!(
            "không tạo được thư mục `{folder}`",
            "cannot create the folder `{folder}`"
        )
    })?;
    create_new(path, &text)?;
    let schema_path = folder.join(SCHEMA_FILE_NAME);
    let schema = serde_json::to_string_pretty(&crate::plan::schema::json_schema())? + "\n";
    let schema_note = match create_new(&schema_path, &schema) {
        Ok(()) => {
            let schema = crate::words::visible::path(&schema_path);
            crate::say!(" và {schema}", " and {schema}")
        }
        // An existing schema is kept (it may be someone's own), but not silently.
        Err(_)
            if crate::read::ordinary_file::read(&schema_path, 16_000_000)
                .is_ok_and(|old| old == schema.as_bytes()) =>
        {
            String::new()
        }
        Err(_) => {
            let schema = crate::words::visible::path(&schema_path);
            writeln!(
                output.stderr,
                "{}",
                crate::say!(
                    "lưu ý: {schema} đã có nên được giữ nguyên; `ddci schema > {schema}` ghi lược đồ của phiên bản ddci này",
                    "note: {schema} already exists and was left as it was; `ddci schema > {schema}` writes this version's"
                )
            )?;
            String::new()
        }
    };
    tell_created(path, &text, &schema_note, year, year_from, output)?;
    Ok(Outcome::Success)
}

/// "Created …", the year and where it came from, and what to do next.
fn tell_created(
    path: &Path,
    text: &str,
    schema_note: &str,
    year: i64,
    year_from: YearFrom,
    output: &mut Output,
) -> anyhow::Result<()> {
    // The next command must find the plan just written.
    let validate = if path == Path::new(crate::read::locate::DEFAULT_PLAN_NAME) {
        "ddci validate".to_owned()
    } else {
        format!("ddci --plan {} validate", crate::words::visible::path(path))
    };
    let created = crate::words::visible::path(path);
    let year_note = match year_from {
        YearFrom::Asked => String::new(),
        YearFrom::FileName => crate::say!(
            " Kế hoạch năm {year}, theo tên tệp.",
            " The plan is for {year}, as its file name says."
        ),
        YearFrom::Today => crate::say!(
            " Kế hoạch năm {year} (năm nay); năm khác thì dùng --year.",
            " The plan is for {year} (this year); --year gives another."
        ),
    };
    // Blanks left for the office to fill ("Sở …") are named; validate refuses them.
    let has_blanks = text
        .lines()
        .any(|line| !line.trim_start().starts_with('#') && line.contains('…'));
    let next = if has_blanks {
        crate::say!(
            "Tiếp theo: điền các chỗ “…”, rồi chạy `{validate}`.",
            "Next: fill in each “…”, then run `{validate}`."
        )
    } else {
        crate::say!(
            "Tiếp theo: sửa kế hoạch, rồi chạy `{validate}`.",
            "Next: edit it, then run `{validate}`."
        )
    };
    writeln!(
        output.stdout,
        "{}",
        crate::say!(
            "Đã tạo {created}{schema_note}.{year_note} {next}",
            "Created {created}{schema_note}.{year_note} {next}"
        )
    )?;
    Ok(())
}

/// Where the plan's year came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearFrom {
    Asked,
    FileName,
    Today,
}

/// The year asked for; else the one the file's name says (`dak-ha-2025.toml`);
/// else this year.
fn plan_year(asked: Option<i64>, path: &Path, today: chrono::NaiveDate) -> (i64, YearFrom) {
    if let Some(year) = asked {
        return (year, YearFrom::Asked);
    }
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let named: Vec<i64> = stem
        .split(|c: char| !c.is_ascii_digit())
        .filter(|digits| digits.len() == 4)
        .filter_map(|digits| digits.parse().ok())
        .filter(|year| (2000..=2100).contains(year))
        .collect();
    match named.as_slice() {
        [year] => (*year, YearFrom::FileName),
        _ => (i64::from(today.year()), YearFrom::Today),
    }
}

/// "`plan.toml` already exists": said before anything is made or carried.
fn already_there(path: &Path) -> anyhow::Error {
    let shown = path.display();
    anyhow::anyhow!(crate::say!(
        "`{shown}` đã có; ddci init không bao giờ ghi đè lên một tệp\ngợi ý: chọn đường dẫn khác, hoặc chuyển tệp đang có sang chỗ khác trước",
        "`{shown}` already exists; ddci init never overwrites a file\nhelp: choose another path, or move the existing file aside first"
    ))
}

/// Writes `text` to a file that must not exist yet.
fn create_new(path: &Path, text: &str) -> anyhow::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|error| {
            let shown = path.display();
            if matches!(path.try_exists(), Ok(true)) {
                already_there(path)
            } else {
                let error = crate::words::speech::io_error(&error);
                anyhow::anyhow!(crate::say!(
                    "không tạo được `{shown}`: {error}",
                    "cannot create `{shown}`: {error}"
                ))
            }
        })?;
    file.write_all(text.as_bytes())?;
    Ok(())
}

/// The real plan, with its year, agency and province changed where asked.
/// Its wording is the 2024 plan's, to be rewritten for the new one.
fn adapt_kon_tum(year: i64, agency: Option<&str>, province: Option<&str>) -> String {
    let mut text = KON_TUM_2024.replacen(
        "#:schema ../schema/plan.schema.json",
        &format!("#:schema ./{SCHEMA_FILE_NAME}"),
        1,
    );
    text = text.replacen("\nyear = 2024\n", &format!("\nyear = {year}\n"), 1);
    if let Some(agency) = agency {
        text = text.replacen(
            "\nagency = \"Sở Khoa học và Công nghệ\"\n",
            &format!("\nagency = {}\n", quoted(agency)),
            1,
        );
    }
    if let Some(province) = province {
        text = text.replacen(
            "\nprovince = \"Kon Tum\"\n",
            &format!("\nprovince = {}\n", quoted(province)),
            1,
        );
    }
    text
}

/// The level a plan is written at: its title's words, its units, its group
/// in the ranking, and its component indices.
#[derive(Debug, Clone, Copy)]
enum Level {
    Department,
    District,
    Commune,
}

impl Level {
    fn title(self, year: i64) -> String {
        match self {
            Level::Department => format!(
                "Kế hoạch nâng cao chỉ số năng lực cạnh tranh cấp sở, ban, ngành (DDCI) năm {year}"
            ),
            Level::District => {
                format!("Kế hoạch nâng cao chỉ số năng lực cạnh tranh cấp huyện (DCCI) năm {year}")
            }
            Level::Commune => {
                format!("Kế hoạch nâng cao chỉ số năng lực cạnh tranh cấp xã, phường năm {year}")
            }
        }
    }

    fn default_agency(self) -> &'static str {
        match self {
            Level::Department => "Sở …",
            Level::District => "Ủy ban nhân dân huyện …",
            Level::Commune => "Ủy ban nhân dân xã …",
        }
    }

    fn group(self) -> &'static str {
        match self {
            Level::Department => "Sở, ban, ngành",
            Level::District => "Huyện, thị xã, thành phố",
            Level::Commune => "Xã, phường, thị trấn",
        }
    }

    /// The units as TOML: the leadership, the office that compiles the
    /// reports (`hc-th` or `van-phong`), and the group of units that carry
    /// the tasks out.
    fn units(self) -> &'static str {
        match self {
            Level::Department => {
                "[[units]]\nid = \"lanh-dao\"\nname = \"Ban Giám đốc (Lãnh đạo Sở)\"\nshort = \"Lãnh đạo Sở\"\nkind = \"leadership\"\n\n\
                 [[units]]\nid = \"hc-th\"\nname = \"Phòng Hành chính - Tổng hợp\"\nshort = \"HC-TH\"\nkind = \"office\"\n"
            }
            Level::District => {
                "[[units]]\nid = \"lanh-dao\"\nname = \"Lãnh đạo UBND huyện\"\nkind = \"leadership\"\n\n\
                 [[units]]\nid = \"van-phong\"\nname = \"Văn phòng HĐND và UBND huyện\"\nkind = \"office\"\n\n\
                 [[units]]\nid = \"cac-phong-ban\"\nname = \"Các phòng, ban chuyên môn thuộc UBND huyện\"\nkind = \"group\"\n\n\
                 [[units]]\nid = \"ubnd-cac-xa\"\nname = \"UBND các xã, thị trấn\"\nkind = \"group\"\n"
            }
            Level::Commune => {
                "[[units]]\nid = \"lanh-dao\"\nname = \"Lãnh đạo UBND xã\"\nkind = \"leadership\"\n\n\
                 [[units]]\nid = \"van-phong\"\nname = \"Văn phòng HĐND và UBND xã\"\nkind = \"office\"\n\n\
                 [[units]]\nid = \"cong-chuc\"\nname = \"Các công chức chuyên môn thuộc UBND xã\"\nkind = \"group\"\n"
            }
        }
    }

    fn office(self) -> &'static str {
        match self {
            Level::Department => "hc-th",
            Level::District | Level::Commune => "van-phong",
        }
    }

    /// The component indices: `(id, name, English name)`.
    fn indices(self) -> &'static [(&'static str, &'static str, &'static str)] {
        const DEPARTMENT: &[(&str, &str, &str)] = &[
            ("minh-bach", "Tính minh bạch", "Transparency"),
            ("nang-dong", "Tính năng động", "Dynamism"),
            ("chi-phi-thoi-gian", "Chi phí thời gian", "Time costs"),
            (
                "chi-phi-khong-chinh-thuc",
                "Chi phí không chính thức",
                "Informal charges",
            ),
            (
                "canh-tranh-binh-dang",
                "Cạnh tranh bình đẳng",
                "Equal competition",
            ),
            (
                "ho-tro-doanh-nghiep",
                "Hỗ trợ doanh nghiệp",
                "Business support",
            ),
            (
                "thiet-che-phap-ly",
                "Thiết chế pháp lý",
                "Legal institutions",
            ),
            (
                "vai-tro-nguoi-dung-dau",
                "Vai trò người đứng đầu",
                "Role of the head",
            ),
        ];
        const LOCALITY: &[(&str, &str, &str)] = &[
            ("gia-nhap-thi-truong", "Gia nhập thị trường", "Market entry"),
            ("tiep-can-dat-dai", "Tiếp cận đất đai", "Access to land"),
            ("minh-bach", "Tính minh bạch", "Transparency"),
            ("chi-phi-thoi-gian", "Chi phí thời gian", "Time costs"),
            (
                "chi-phi-khong-chinh-thuc",
                "Chi phí không chính thức",
                "Informal charges",
            ),
            (
                "canh-tranh-binh-dang",
                "Cạnh tranh bình đẳng",
                "Equal competition",
            ),
            ("nang-dong", "Tính năng động", "Dynamism"),
            (
                "ho-tro-doanh-nghiep",
                "Hỗ trợ doanh nghiệp",
                "Business support",
            ),
            (
                "thiet-che-phap-ly",
                "Thiết chế pháp lý và an ninh trật tự",
                "Legal institutions and order",
            ),
            (
                "vai-tro-nguoi-dung-dau",
                "Vai trò người đứng đầu",
                "Role of the head",
            ),
        ];
        match self {
            Level::Department => DEPARTMENT,
            Level::District | Level::Commune => LOCALITY,
        }
    }

    fn indices_note(self) -> &'static str {
        match self {
            Level::Department => {
                "# Tám chỉ số thành phần DDCI của Kon Tum (cũng là của Quảng Ninh); tỉnh khác có thể dùng bộ khác."
            }
            Level::District | Level::Commune => {
                "# Mười chỉ số thành phần thường dùng cho cấp huyện, xã (có Tiếp cận đất đai); sửa theo bộ chỉ số của tỉnh."
            }
        }
    }
}

fn skeleton(level: Level, year: i64, agency: &str, province: Option<&str>) -> String {
    let previous = year - 1;
    // The agency above: the province's people's committee, for a commune
    // once districts ended (1 July 2025); before, its district's.
    let parent_agency = match (level, province) {
        (Level::Commune, _) if year <= 2025 => "UBND huyện …".to_owned(),
        (_, Some(province)) => format!("UBND tỉnh {province}"),
        (_, None) => "UBND tỉnh …".to_owned(),
    };
    let province = province.unwrap_or("…");
    let mut text = format!(
        r#"#:schema ./{SCHEMA_FILE_NAME}
# Kế hoạch năm {year}, tạo bởi `ddci init`.
# Mọi khóa được mô tả trong docs/plan-format.md. Điểm, thứ hạng chưa có thì để trống, không ghi 0.

[plan]
title = {title}
agency = {agency}
province = {province}
parent_agency = {parent_agency}
year = {year}
language = "vi"
purposes = []
requirements = []
# Số và ngày ban hành kế hoạch, để báo cáo dẫn "Thực hiện Kế hoạch số …":
# number = "…/KH-…"
# issued = {year}-01-15
# Chữ viết tắt của cơ quan trong số văn bản ("SKHCN" cho "Số:      /BC-SKHCN"):
# code = "…"
# Người ký báo cáo (cấp phó ký thay thì thêm signs_for = "Giám đốc"):
# signed_by = {{ title = "Giám đốc", name = "…" }}

# Báo cáo định kỳ. Bỏ trống thì kỳ báo cáo theo lịch (Quý II: 01/4–30/6) và phần
# "Nơi nhận" để trống cho văn thư điền.
# [plan.report]
# Kỳ báo cáo theo Nghị định 09/2019/NĐ-CP (Quý II: 15/3–14/6):
# periods = "decree-09-2019"
# Nơi nhận, mỗi nơi một dòng:
# recipients = ["UBND tỉnh …", "Lưu: VT."]

# Kết quả {previous} của đơn vị: thêm previous_score, previous_rank = {{ rank = …, of = … }}.
[plan.overall]
group = {group}

{units}
{note}
"#,
        title = quoted(&level.title(year)),
        agency = quoted(agency),
        province = quoted(province),
        parent_agency = quoted(&parent_agency),
        group = quoted(level.group()),
        units = level.units(),
        note = level.indices_note(),
    );
    for (id, name, english) in level.indices() {
        let _ = write!(
            text,
            "[[indices]]\nid = {}\nname = {}\nname_en = {}\n\n",
            quoted(id),
            quoted(name),
            quoted(english)
        );
    }
    let first_index = level.indices()[0].0;
    let office = level.office();
    let _ = write!(
        text,
        r#"# Một nhiệm vụ mẫu: thay bằng các nhiệm vụ của kế hoạch.
[[tasks]]
id = "1.1"
index = "{first_index}"
text = "… (nội dung nhiệm vụ của kế hoạch)"
lead = ["{office}"]
schedule = {{ kind = "ongoing", text = "Thường xuyên" }}

[[reporting]]
id = "bao-cao-dinh-ky"
from = ["{office}"]
to = "lanh-dao"
periods = ["quarter", "half", "year"]
"#
    );
    text
}

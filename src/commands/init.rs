//! `ddci init`: a new plan from a template built into the binary, with its
//! JSON Schema beside it for editors. Never overwrites a file.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;
use chrono::Datelike;

use crate::cli::{InitArgs, Template};
use crate::exit::Outcome;
use crate::output::Output;
use crate::toml_text::quoted;

/// The bundled 2024 plan; it has no records (a test keeps it so).
const KON_TUM_2024: &str = include_str!("../../plans/so-khcn-kon-tum-2024.toml");

/// The schema file written beside a new plan, named by its `#:schema` line.
pub const SCHEMA_FILE_NAME: &str = "plan.schema.json";

pub fn run(
    args: &InitArgs,
    path: &Path,
    today: chrono::NaiveDate,
    output: &mut Output,
) -> anyhow::Result<Outcome> {
    let year = args.year.unwrap_or_else(|| i64::from(today.year()));
    let text = match args.template {
        Template::Blank => blank(
            year,
            args.agency.as_deref().unwrap_or("Tên cơ quan"),
            args.province.as_deref().unwrap_or("Tên tỉnh"),
        ),
        Template::KonTum2024 => {
            adapt_kon_tum(year, args.agency.as_deref(), args.province.as_deref())
        }
    };
    let folder = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)
        .with_context(|| format!("cannot create the folder `{}`", folder.display()))?;
    create_new(path, &text)?;
    let schema_path = folder.join(SCHEMA_FILE_NAME);
    let schema = serde_json::to_string_pretty(&crate::plan::schema::json_schema())? + "\n";
    let schema_note = match create_new(&schema_path, &schema) {
        Ok(()) => format!(" and {}", crate::visible::path(&schema_path)),
        // An existing schema is kept (it may be someone's own), but not silently.
        Err(_) if std::fs::read_to_string(&schema_path).is_ok_and(|old| old == schema) => {
            String::new()
        }
        Err(_) => {
            writeln!(
                output.stderr,
                "note: {} already exists and was left as it was; `ddci schema > {}` writes this version's",
                schema_path.display(),
                schema_path.display()
            )?;
            String::new()
        }
    };
    // The next command must find the plan just written.
    let validate = if path == Path::new(crate::locate::DEFAULT_PLAN_NAME) {
        "ddci validate".to_owned()
    } else {
        format!("ddci --plan {} validate", crate::visible::path(path))
    };
    writeln!(
        output.stdout,
        "Created {}{schema_note}. Next: edit it, then run `{validate}`.",
        crate::visible::path(path)
    )?;
    Ok(Outcome::Success)
}

/// Writes `text` to a file that must not exist yet.
fn create_new(path: &Path, text: &str) -> anyhow::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|error| match path.try_exists() {
            Ok(true) => anyhow::anyhow!(
                "`{}` already exists; ddci init never overwrites a file\nhelp: choose another path, or move the existing file aside first",
                path.display()
            ),
            _ => anyhow::anyhow!("cannot create `{}`: {error}", path.display()),
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

fn blank(year: i64, agency: &str, province: &str) -> String {
    let previous = year - 1;
    format!(
        r#"#:schema ./{SCHEMA_FILE_NAME}
# Kế hoạch nâng cao chỉ số DDCI năm {year}, tạo bởi `ddci init`.
# Mọi khóa được mô tả trong docs/plan-format.md. Điểm, thứ hạng chưa có thì để trống, không ghi 0.

[plan]
title = "Kế hoạch nâng cao chỉ số năng lực cạnh tranh cấp sở, ban, ngành (DDCI) năm {year}"
agency = {agency}
province = {province}
year = {year}
language = "vi"
purposes = []
requirements = []

# Kết quả DDCI {previous} của đơn vị: thêm previous_score, previous_rank = {{ rank = …, of = … }}.
[plan.overall]
group = "Sở, ban, ngành"

[[units]]
id = "lanh-dao"
name = "Ban Giám đốc (Lãnh đạo Sở)"
short = "Lãnh đạo Sở"
kind = "leadership"

[[units]]
id = "hc-th"
name = "Phòng Hành chính - Tổng hợp"
short = "HC-TH"
kind = "office"

# Tám chỉ số thành phần DDCI của Kon Tum (cũng là của Quảng Ninh); tỉnh khác có thể dùng bộ khác.
[[indices]]
id = "minh-bach"
name = "Tính minh bạch"
name_en = "Transparency"

[[indices]]
id = "nang-dong"
name = "Tính năng động"
name_en = "Dynamism"

[[indices]]
id = "chi-phi-thoi-gian"
name = "Chi phí thời gian"
name_en = "Time costs"

[[indices]]
id = "chi-phi-khong-chinh-thuc"
name = "Chi phí không chính thức"
name_en = "Informal charges"

[[indices]]
id = "canh-tranh-binh-dang"
name = "Cạnh tranh bình đẳng"
name_en = "Equal competition"

[[indices]]
id = "ho-tro-doanh-nghiep"
name = "Hỗ trợ doanh nghiệp"
name_en = "Business support"

[[indices]]
id = "thiet-che-phap-ly"
name = "Thiết chế pháp lý"
name_en = "Legal institutions"

[[indices]]
id = "vai-tro-nguoi-dung-dau"
name = "Vai trò người đứng đầu"
name_en = "Role of the head"

# Một nhiệm vụ mẫu: thay bằng các nhiệm vụ của kế hoạch.
[[tasks]]
id = "1.1"
index = "minh-bach"
text = "Nhiệm vụ mẫu: thay bằng nội dung nhiệm vụ của kế hoạch."
lead = ["hc-th"]
schedule = {{ kind = "ongoing", text = "Thường xuyên" }}

[[reporting]]
id = "bao-cao-dinh-ky"
from = ["hc-th"]
to = "lanh-dao"
periods = ["quarter", "half", "year"]
"#,
        agency = quoted(agency),
        province = quoted(province),
    )
}

//! The province's summary report (`ddci rollup -o bao-cao.docx`): what the
//! Department of Planning and Investment sends the provincial People's
//! Committee about every unit's plan, in the form of Decree 30/2020/NĐ-CP,
//! drawn by the same renderers as a department's report.
//!
//! I. what was compiled (plans by level, plans left out, periodic reports
//! sent); II. results (tasks, targets, component indices weakest first,
//! the latest DDCI results); III. assessment (who is on track, who is
//! behind and how); IV. proposals that follow from those figures; the
//! appendix, one row per unit grouped by level. Every figure is a count of
//! what the plans record; units are named by their names, plans left out by
//! their file names.

mod appendix;
mod assessment;
mod group_figures;
mod results;

use std::collections::BTreeSet;

use appendix::appendix;
use assessment::{assessment_section, proposals_section};
use results::{compiled_section, results_section};

use chrono::{Datelike, NaiveDate};

use super::{Level, Position, Rollup, RollupRequest};
use crate::render::official_document::{Frame, OfficialDocument, Signature};
use crate::report::prose::{count, say};
use crate::time::period::format_day;
use crate::words::fold::folded;
use crate::words::labels::Language;
use crate::words::visible::one_line;

/// Who sends the report, as the command line gives it (`ddci rollup
/// --format docx`); the flags are these fields.
#[derive(Debug, Clone, Default, clap::Args)]
#[command(next_help_heading = "Summary report (docx)")]
pub struct Letterhead {
    /// The agency that compiles and sends the report [default: Sở Kế hoạch và
    /// Đầu tư for a report signed before 1 March 2025, Sở Tài chính after]
    #[arg(long, value_name = "NAME", value_parser = crate::words::text::non_blank)]
    pub issuer: Option<String>,

    /// The agency above it [default: "Ủy ban nhân dân tỉnh …" of the plans' province]
    #[arg(long, value_name = "NAME", value_parser = crate::words::text::non_blank)]
    pub parent_agency: Option<String>,

    /// The document the report answers, cited first: "Thực hiện Kế hoạch số
    /// 45/KH-UBND ngày 05/4/2024 của UBND tỉnh, …"
    #[arg(long, value_name = "DOCUMENT", value_parser = crate::words::text::non_blank)]
    pub basis: Option<String>,

    /// The issuer's code in the number ("Số: …/BC-CODE") [default: left blank]
    #[arg(long, value_name = "CODE", value_parser = crate::words::text::non_blank)]
    pub code: Option<String>,

    /// Who signs [default: the name left for the signer to write]
    #[arg(long, value_name = "NAME", value_parser = crate::words::text::non_blank)]
    pub signed_by: Option<String>,

    /// The signer's title [default: Giám đốc]
    #[arg(long, value_name = "TITLE", value_parser = crate::words::text::non_blank)]
    pub signer_title: Option<String>,

    /// When a deputy signs, the head they sign for ("Giám đốc" gives "KT. GIÁM ĐỐC")
    #[arg(long, value_name = "TITLE", value_parser = crate::words::text::non_blank, requires = "signer_title")]
    pub signs_for: Option<String>,

    /// The day written in the header; the figures are those known that day
    /// [default: left blank]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::words::date::date)]
    pub signed_on: Option<NaiveDate>,
}

impl Letterhead {
    /// The flags given, by name, to refuse them where no report is written.
    pub fn given(&self) -> Vec<&'static str> {
        [
            ("--issuer", self.issuer.is_some()),
            ("--parent-agency", self.parent_agency.is_some()),
            ("--basis", self.basis.is_some()),
            ("--code", self.code.is_some()),
            ("--signed-by", self.signed_by.is_some()),
            ("--signer-title", self.signer_title.is_some()),
            ("--signs-for", self.signs_for.is_some()),
            ("--signed-on", self.signed_on.is_some()),
        ]
        .into_iter()
        .filter_map(|(flag, given)| given.then_some(flag))
        .collect()
    }
}

/// The day the Departments of Planning and Investment were merged into the
/// Departments of Finance (Nghị định 45/2025/NĐ-CP), which follow DDCI since.
const FINANCE_TAKES_OVER: (i32, u32, u32) = (2025, 3, 1);

/// The compiling agency when the command line does not name it: the one
/// that follows DDCI on the day the report is signed.
fn default_issuer(signed: NaiveDate, language: Language) -> String {
    let (year, month, day) = FINANCE_TAKES_OVER;
    let merged = NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MAX);
    if signed < merged {
        say(
            language,
            "Sở Kế hoạch và Đầu tư",
            "Department of Planning and Investment",
        )
    } else {
        say(language, "Sở Tài chính", "Department of Finance")
    }
}

/// How many units a report names in one sentence before "and N others (see
/// the appendix)".
const NAMED_AT_MOST: usize = 10;

/// The report's facts that its sentences share.
struct Context<'r> {
    rollup: &'r Rollup,
    language: Language,
    issuer: String,
    /// "Ủy ban nhân dân tỉnh Kon Tum", or a general name when the plans are
    /// of several provinces.
    committee: String,
    /// Whether the plans are of several provinces: each unit is then named
    /// with its province.
    several_provinces: bool,
    /// "năm 2024", or empty when the plans are of several years.
    year_phrase: String,
    /// "đến ngày 30/09/2024".
    as_of_phrase: String,
    /// What the report answers: "Kế hoạch số 45/KH-UBND ngày 05/4/2024 của
    /// UBND tỉnh".
    basis: Option<String>,
    frame: Frame,
}

impl<'r> Context<'r> {
    /// The report's facts from the plans and the command line: the issuer
    /// named or the one of the day it is signed, and the committee above it.
    fn new(
        rollup: &'r Rollup,
        request: RollupRequest,
        language: Language,
        letterhead: &Letterhead,
    ) -> Self {
        let province = one_province(rollup);
        let signed = signing_day(rollup, request, letterhead);
        let issuer = letterhead
            .issuer
            .as_deref()
            .map_or_else(|| default_issuer(signed, language), one_line);
        Context {
            rollup,
            language,
            several_provinces: province.is_none() && !rollup.positions.is_empty(),
            // The committee the report goes to is the one above the issuer.
            committee: match (&letterhead.parent_agency, province.as_deref()) {
                (Some(parent), _) => one_line(parent),
                (None, Some(province)) => committee_of(province, language),
                (None, None) => say(
                    language,
                    "Ủy ban nhân dân tỉnh",
                    "the Provincial People's Committee",
                ),
            },
            year_phrase: year_of(rollup, request).map_or_else(String::new, |year| {
                say(language, format!("năm {year}"), format!("{year}"))
            }),
            as_of_phrase: as_of_phrase(rollup, request, language),
            basis: letterhead.basis.as_deref().map(one_line),
            frame: frame(&issuer, province.as_deref(), letterhead, signed, language),
            issuer,
        }
    }
}

pub fn build(
    rollup: &Rollup,
    request: RollupRequest,
    language: Language,
    letterhead: &Letterhead,
) -> OfficialDocument {
    let context = Context::new(rollup, request, language, letterhead);
    let mut body = crate::render::document::Document::default();
    body.paragraph(opening(&context));
    compiled_section(&context, request, &mut body);
    results_section(&context, &mut body);
    assessment_section(&context, &mut body);
    proposals_section(&context, &mut body);
    body.paragraph(closing(&context));
    context.frame.document(
        subject(&context),
        body.blocks,
        recipients(&context),
        Some(appendix(&context)),
    )
}

/// Where the report goes ("Nơi nhận"): the committee, the units, the archive.
fn recipients(context: &Context<'_>) -> Vec<String> {
    let language = context.language;
    vec![
        say(
            language,
            format!("- {} (báo cáo);", context.committee),
            format!("- {} (for information);", context.committee),
        ),
        say(
            language,
            "- Các đơn vị có tên tại Phụ lục;",
            "- The units named in the appendix;",
        ),
        say(language, "- Lưu: VT.", "- Archive."),
    ]
}

/// The issuer's frame: under the province's committee (or the one named),
/// dated where the province sits, signed as the command line says.
fn frame(
    issuer: &str,
    province: Option<&str>,
    letterhead: &Letterhead,
    signed: NaiveDate,
    language: Language,
) -> Frame {
    Frame {
        language,
        parent_agency: letterhead.parent_agency.as_deref().map_or_else(
            || province.map(|province| header_committee(province, language)),
            |parent| Some(one_line(parent)),
        ),
        agency: issuer.to_owned(),
        code: letterhead.code.as_deref().map(one_line),
        place: province.map(place_name),
        signed_on: letterhead.signed_on,
        signing_year: signed.year(),
        signature: Signature::signed(
            &letterhead
                .signer_title
                .as_deref()
                .map_or_else(|| "Giám đốc".to_owned(), one_line),
            letterhead.signed_by.as_deref().map(one_line).as_deref(),
            letterhead.signs_for.as_deref().map(one_line).as_deref(),
            language,
        ),
    }
}

/// The day the report is signed: the day given, else the day after its
/// figures (a year's report is signed in January), never today: a report
/// made again later says the same.
fn signing_day(rollup: &Rollup, request: RollupRequest, letterhead: &Letterhead) -> NaiveDate {
    letterhead.signed_on.unwrap_or_else(|| {
        let figures = request.as_of.map_or_else(
            || {
                rollup
                    .positions
                    .iter()
                    .map(|position| position.as_of)
                    .max()
                    .unwrap_or_default()
            },
            |asked| asked.day,
        );
        figures.succ_opt().unwrap_or(figures)
    })
}

/// The one province every plan is of, if they are of one.
fn one_province(rollup: &Rollup) -> Option<String> {
    let mut provinces = rollup.provinces();
    (provinces.len() == 1).then(|| provinces.remove(0))
}

/// The cities run by the centre have a city's People's Committee.
const CENTRAL_CITIES: [&str; 6] = [
    "ha noi",
    "ho chi minh",
    "hai phong",
    "da nang",
    "can tho",
    "hue",
];

/// "Ủy ban nhân dân tỉnh Kon Tum", "Ủy ban nhân dân thành phố Hà Nội".
fn committee_of(province: &str, language: Language) -> String {
    let words = folded(province);
    let named = if words.starts_with("tinh ") || words.starts_with("thanh pho ") {
        province.to_owned()
    } else if CENTRAL_CITIES.contains(&words.as_str()) {
        say(
            language,
            format!("thành phố {province}"),
            format!("{province} City"),
        )
    } else {
        say(
            language,
            format!("tỉnh {province}"),
            format!("{province} Province"),
        )
    };
    say(
        language,
        format!("Ủy ban nhân dân {named}"),
        format!("the People's Committee of {named}"),
    )
}

/// The committee above the issuer as a header writes it, shortened as
/// Decree 30 allows so that it fits its column: "UBND TỈNH KON TUM".
fn header_committee(province: &str, language: Language) -> String {
    let full = committee_of(province, language);
    match language {
        Language::Vi => full.replacen("Ủy ban nhân dân", "UBND", 1).to_uppercase(),
        Language::En => full.to_uppercase(),
    }
}

/// The place in the header: the province's name without "tỉnh".
fn place_name(province: &str) -> String {
    let words = folded(province);
    for lead in ["tinh ", "thanh pho "] {
        if words.starts_with(lead) {
            return province
                .chars()
                .skip(lead.chars().count())
                .collect::<String>();
        }
    }
    province.to_owned()
}

/// The year every plan is judged on, when that is one year.
fn year_of(rollup: &Rollup, request: RollupRequest) -> Option<i32> {
    if request.year.is_some() {
        return request.year;
    }
    let years: BTreeSet<i32> = rollup
        .positions
        .iter()
        .map(|position| position.year_in_view)
        .collect();
    (years.len() == 1)
        .then(|| years.into_iter().next())
        .flatten()
}

/// "đến ngày 30/09/2024"; when plans are taken as of different days (those
/// over at their last day), the latest, said so.
fn as_of_phrase(rollup: &Rollup, request: RollupRequest, language: Language) -> String {
    let days: BTreeSet<NaiveDate> = match request.as_of {
        Some(moment) => std::iter::once(moment.day).collect(),
        None => rollup
            .positions
            .iter()
            .map(|position| position.as_of)
            .collect(),
    };
    days.last().map_or_else(String::new, |day| {
        say(
            language,
            format!("đến ngày {}", format_day(*day, language)),
            format!("as of {}", format_day(*day, language)),
        )
    })
}

/// Whether plans are taken as of different days (those already over as of
/// their last day).
fn several_days(rollup: &Rollup, request: RollupRequest) -> bool {
    request.as_of.is_none()
        && rollup
            .positions
            .windows(2)
            .any(|pair| pair[0].as_of != pair[1].as_of)
}

fn subject(context: &Context<'_>) -> String {
    let year = spaced(&context.year_phrase);
    say(
        context.language,
        format!(
            "Tình hình thực hiện Kế hoạch nâng cao Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương (DDCI){year} của các đơn vị, {}",
            context.as_of_phrase
        ),
        format!(
            "Progress of the units' plans to improve the DDCI{year}, {}",
            context.as_of_phrase
        ),
    )
}

/// " năm 2024", or nothing.
fn spaced(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!(" {text}")
    }
}

fn opening(context: &Context<'_>) -> String {
    let year = spaced(&context.year_phrase);
    let opening = say(
        context.language,
        format!(
            "Trên cơ sở kế hoạch nâng cao Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương (DDCI){year} của các đơn vị và kết quả thực hiện do các đơn vị ghi nhận {}, {} tổng hợp, báo cáo {} như sau:",
            context.as_of_phrase, context.issuer, context.committee
        ),
        format!(
            "From the units' plans to improve the DDCI{year} and the results they recorded {}, the {} reports to {} as follows:",
            context.as_of_phrase, context.issuer, context.committee
        ),
    );
    // What the report answers, when the office names it, comes first:
    // "Thực hiện Kế hoạch số …; trên cơ sở …".
    match &context.basis {
        None => opening,
        Some(basis) => format!(
            "{}; {}",
            say(
                context.language,
                format!("Thực hiện {basis}"),
                format!("Under {basis}")
            ),
            crate::report::prose::lowercase_first(&opening)
        ),
    }
}

fn closing(context: &Context<'_>) -> String {
    let year = spaced(&context.year_phrase);
    say(
        context.language,
        format!(
            "Trên đây là báo cáo tổng hợp tình hình thực hiện Kế hoạch nâng cao Chỉ số DDCI{year} của các đơn vị, {} kính báo cáo {} xem xét, chỉ đạo./.",
            context.issuer, context.committee
        ),
        format!(
            "This concludes the {}'s summary of the units' DDCI plans{year}, for the consideration and direction of {}./.",
            context.issuer, context.committee
        ),
    )
}

fn levels_present(rollup: &Rollup) -> Vec<Level> {
    [Level::Department, Level::District, Level::Commune]
        .into_iter()
        .filter(|level| {
            rollup
                .positions
                .iter()
                .any(|position| position.level == *level)
        })
        .collect()
}

fn of_level(rollup: &Rollup, level: Level) -> Vec<&Position> {
    rollup
        .positions
        .iter()
        .filter(|position| position.level == level)
        .collect()
}

/// "sở, ban, ngành" / "huyện, thị xã, thành phố" inside a sentence.
fn level_words(level: Level, language: Language) -> String {
    let name = level.name(language);
    let mut characters = name.chars();
    characters.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(characters).collect()
    })
}

/// A share as a percentage with one decimal: "66,7%".
fn percent(part: usize, whole: usize, language: Language) -> String {
    if whole == 0 {
        return "0%".to_owned();
    }
    #[allow(clippy::cast_precision_loss)] // counts of tasks and targets
    let share = (part as f64 * 1000.0 / whole as f64).round() / 10.0;
    format!("{}%", crate::words::labels::number(share, language))
}

/// A unit by its name, and its province in brackets when the report is of
/// several: "Sở Khoa học và Công nghệ (Kon Tum)".
fn unit_name(position: &Position, several_provinces: bool) -> String {
    if several_provinces {
        format!(
            "{} ({})",
            one_line(&position.agency),
            one_line(&position.province)
        )
    } else {
        one_line(&position.agency)
    }
}

/// Names, the first ten, then "and N others (see the appendix)". Commas
/// only: agencies' names hold "và" ("Sở Khoa học và Công nghệ").
fn names(positions: &[&Position], several_provinces: bool, language: Language) -> String {
    let mut named: Vec<String> = positions
        .iter()
        .take(NAMED_AT_MOST)
        .map(|position| unit_name(position, several_provinces))
        .collect();
    if positions.len() > NAMED_AT_MOST {
        named.push(say(
            language,
            format!(
                "{} đơn vị khác (chi tiết tại Phụ lục)",
                count(positions.len() - NAMED_AT_MOST, language)
            ),
            format!(
                "{} other units (see the appendix)",
                positions.len() - NAMED_AT_MOST
            ),
        ));
    }
    named.join(", ")
}

#[cfg(test)]
mod tests;

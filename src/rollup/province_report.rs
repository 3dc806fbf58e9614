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

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use super::{IndexAcross, Level, Position, Rollup, RollupRequest};
use crate::form::values::folded;
use crate::labels::Language;
use crate::official_document::{Appendix, AppendixRow, Column, OfficialDocument, Signature};
use crate::period::format_day;
use crate::report::document::{BLANK, NUMBER_BLANK};
use crate::report::prose::{count, counted, place_and_date, say};
use crate::visible::one_line;

/// Who sends the report, as the command line gives it.
#[derive(Debug, Clone, Default)]
pub struct Letterhead {
    /// The compiling agency [default: Sở Kế hoạch và Đầu tư].
    pub issuer: Option<String>,
    /// [default: "Ủy ban nhân dân tỉnh …" of the plans' one province]
    pub parent_agency: Option<String>,
    pub code: Option<String>,
    pub signed_by: Option<String>,
    /// [default: Giám đốc]
    pub signer_title: Option<String>,
    pub signed_on: Option<NaiveDate>,
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
    /// "năm 2024", or empty when the plans are of several years.
    year_phrase: String,
    /// "đến ngày 30/09/2024".
    as_of_phrase: String,
    code: String,
}

pub fn build(
    rollup: &Rollup,
    request: RollupRequest,
    language: Language,
    letterhead: &Letterhead,
) -> OfficialDocument {
    let province = one_province(rollup);
    let context = Context {
        rollup,
        language,
        issuer: letterhead.issuer.as_deref().map_or_else(
            || {
                say(
                    language,
                    "Sở Kế hoạch và Đầu tư",
                    "Department of Planning and Investment",
                )
            },
            one_line,
        ),
        committee: province.as_deref().map_or_else(
            || {
                say(
                    language,
                    "Ủy ban nhân dân tỉnh",
                    "the Provincial People's Committee",
                )
            },
            |province| committee_of(province, language),
        ),
        year_phrase: year_of(rollup, request).map_or_else(String::new, |year| {
            say(language, format!("năm {year}"), format!("{year}"))
        }),
        as_of_phrase: as_of_phrase(rollup, request, language),
        code: letterhead
            .code
            .as_deref()
            .map_or_else(|| BLANK.to_owned(), one_line),
    };
    let mut body = crate::document::Document::default();
    body.paragraph(opening(&context));

    body.heading(
        2,
        say(language, "I. TÌNH HÌNH TỔNG HỢP", "I. WHAT WAS COMPILED"),
    );
    for line in compiled(&context, request) {
        body.paragraph(line);
    }

    body.heading(2, say(language, "II. KẾT QUẢ THỰC HIỆN", "II. RESULTS"));
    body.heading(3, say(language, "1. Thực hiện nhiệm vụ", "1. Tasks"));
    body.paragraph(tasks_sentence(
        &rollup.positions.iter().collect::<Vec<_>>(),
        &context,
    ));
    let levels = levels_present(rollup);
    if levels.len() > 1 {
        body.list(
            levels
                .iter()
                .map(|level| {
                    let of_level = of_level(rollup, *level);
                    format!(
                        "{}: {}",
                        level.name(language),
                        lowercase_first_word(&tasks_sentence(&of_level, &context))
                    )
                })
                .collect(),
        );
    }
    if let Some(missed) = missed_duties_sentence(&context) {
        body.paragraph(missed);
    }
    body.heading(3, say(language, "2. Thực hiện chỉ tiêu", "2. Targets"));
    body.paragraph(targets_sentence(&context));
    body.heading(
        3,
        say(
            language,
            "3. Theo chỉ số thành phần",
            "3. By component index",
        ),
    );
    indices_part(&context, &mut body);
    body.heading(
        3,
        say(
            language,
            "4. Kết quả DDCI gần nhất",
            "4. Latest DDCI results",
        ),
    );
    results_part(&context, &mut body);

    body.heading(
        2,
        say(language, "III. ĐÁNH GIÁ CHUNG", "III. OVERALL ASSESSMENT"),
    );
    body.heading(3, say(language, "1. Kết quả đạt được", "1. Achievements"));
    body.list(achievements(&context));
    body.heading(3, say(language, "2. Tồn tại, hạn chế", "2. Shortcomings"));
    let shortcomings = shortcomings(&context);
    if shortcomings.is_empty() {
        body.paragraph(say(
            language,
            "Số liệu các đơn vị ghi nhận không cho thấy nhiệm vụ trễ hạn, vướng mắc, chỉ tiêu không đạt hay báo cáo chưa gửi.",
            "The units' records show no overdue or blocked task, no target missed and no report unsent.",
        ));
    }
    body.list(shortcomings);

    body.heading(2, say(language, "IV. ĐỀ XUẤT, KIẾN NGHỊ", "IV. PROPOSALS"));
    body.paragraph(say(
        language,
        format!("{} đề nghị {}:", context.issuer, context.committee),
        format!("The {} asks {}:", context.issuer, context.committee),
    ));
    body.list(proposals(&context));
    body.paragraph(closing(&context));

    let signed_year = letterhead
        .signed_on
        .map_or_else(|| signing_year(rollup, request), |day| day.year());
    OfficialDocument {
        language,
        parent_agency: letterhead.parent_agency.as_deref().map_or_else(
            || {
                province.as_deref().map_or_else(
                    || BLANK.to_owned(),
                    |province| header_committee(province, language),
                )
            },
            |parent| one_line(parent).to_uppercase(),
        ),
        agency: context.issuer.to_uppercase(),
        number: format!(
            "{}{NUMBER_BLANK}/BC-{}",
            say(language, "Số:", "No.:"),
            context.code
        ),
        national_title: crate::official_document::national_title(language),
        motto: crate::official_document::motto(language),
        place_and_date: place_and_date(
            &province
                .as_deref()
                .map_or_else(|| BLANK.to_owned(), place_name),
            letterhead.signed_on,
            signed_year,
            language,
        ),
        kind: say(language, "BÁO CÁO", "REPORT"),
        subject: subject(&context),
        body: body.blocks,
        recipients_heading: say(language, "Nơi nhận:", "Recipients:"),
        recipients: vec![
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
        ],
        signature: Signature {
            authority: vec![
                letterhead
                    .signer_title
                    .as_deref()
                    .map_or_else(|| say(language, "Giám đốc", "Director"), one_line)
                    .to_uppercase(),
            ],
            name: letterhead.signed_by.as_deref().map(one_line),
        },
        appendix: Some(appendix(&context, letterhead)),
    }
}

/// The one province every plan is of, if they are of one.
fn one_province(rollup: &Rollup) -> Option<String> {
    let first = rollup.positions.first()?;
    rollup
        .positions
        .iter()
        .all(|position| folded(&position.province) == folded(&first.province))
        .then(|| one_line(&first.province))
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
        .map(|position| position.as_of.year())
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

/// The year the report is signed in, when its day is left blank: the year
/// of the latest day the figures are taken on.
fn signing_year(rollup: &Rollup, request: RollupRequest) -> i32 {
    request.as_of.map_or_else(
        || {
            rollup
                .positions
                .iter()
                .map(|position| position.as_of.year())
                .max()
                .unwrap_or_else(|| crate::today::today(None).map_or(2024, |day| day.year()))
        },
        |moment| moment.day.year(),
    )
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
    say(
        context.language,
        format!(
            "Trên cơ sở kế hoạch nâng cao Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương (DDCI){year} của các đơn vị và kết quả thực hiện do các đơn vị ghi nhận {}, {} tổng hợp, báo cáo {} như sau:",
            context.as_of_phrase, context.issuer, context.committee
        ),
        format!(
            "From the units' plans to improve the DDCI{year} and the results they recorded {}, the {} reports to {} as follows:",
            context.as_of_phrase, context.issuer, context.committee
        ),
    )
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

fn lowercase_first_word(text: &str) -> String {
    crate::report::prose::lowercase_first(text)
}

/// A share as a percentage with one decimal: "66,7%".
fn percent(part: usize, whole: usize, language: Language) -> String {
    if whole == 0 {
        return "0%".to_owned();
    }
    #[allow(clippy::cast_precision_loss)] // counts of tasks and targets
    let share = (part as f64 * 1000.0 / whole as f64).round() / 10.0;
    format!("{}%", crate::labels::number(share, language))
}

/// Names, the first ten, then "and N others (see the appendix)". Commas
/// only: agencies' names hold "và" ("Sở Khoa học và Công nghệ").
fn names(positions: &[&Position], language: Language) -> String {
    let mut named: Vec<String> = positions
        .iter()
        .take(NAMED_AT_MOST)
        .map(|position| one_line(&position.agency))
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

fn compiled(context: &Context<'_>, request: RollupRequest) -> Vec<String> {
    let language = context.language;
    let rollup = context.rollup;
    let mut lines = Vec::new();
    let by_level: Vec<String> = levels_present(rollup)
        .into_iter()
        .map(|level| {
            format!(
                "{} {}",
                count(of_level(rollup, level).len(), language),
                level_words(level, language)
            )
        })
        .collect();
    lines.push(say(
        language,
        format!(
            "Đã tổng hợp kế hoạch của {} đơn vị: {}.",
            count(rollup.positions.len(), language),
            by_level.join("; ")
        ),
        format!(
            "Plans of {} units were compiled: {}.",
            rollup.positions.len(),
            by_level.join("; ")
        ),
    ));
    if several_days(rollup, request) {
        lines.push(say(
            language,
            "Kế hoạch đã kết thúc được tính đến ngày cuối cùng của kế hoạch.",
            "Plans already over are taken as of their last day.",
        ));
    }
    if rollup.other_years > 0
        && let Some(year) = request.year
    {
        lines.push(say(
            language,
            format!(
                "Không tính {} kế hoạch không thuộc năm {year}.",
                count(rollup.other_years, language)
            ),
            format!(
                "{} plans not for {year} are not counted.",
                rollup.other_years
            ),
        ));
    }
    if !rollup.left_out.is_empty() {
        let files: Vec<String> = rollup
            .left_out
            .iter()
            .map(|left| {
                left.file.file_name().map_or_else(
                    || crate::visible::path(&left.file),
                    |name| crate::visible::path(std::path::Path::new(name)),
                )
            })
            .collect();
        lines.push(say(
            language,
            format!(
                "{} kế hoạch chưa đưa vào tổng hợp vì tệp kế hoạch có lỗi ({}); đơn vị cần sửa lỗi để được tổng hợp vào kỳ sau.",
                count(rollup.left_out.len(), language),
                files.join(", ")
            ),
            format!(
                "{} plans are left out because their files have errors ({}); their units need to fix them to be counted next time.",
                rollup.left_out.len(),
                files.join(", ")
            ),
        ));
    }
    let owed: usize = rollup.positions.iter().map(|p| p.reports_owed).sum();
    let not_sent: Vec<&Position> = rollup
        .positions
        .iter()
        .filter(|position| position.reports_not_sent > 0)
        .collect();
    let unsent: usize = not_sent.iter().map(|p| p.reports_not_sent).sum();
    lines.push(if owed == 0 {
        say(
            language,
            format!("Chế độ báo cáo: {}, chưa có báo cáo định kỳ nào đến hạn.", context.as_of_phrase),
            format!("Reporting: {}, no periodic report has fallen due.", context.as_of_phrase),
        )
    } else if unsent == 0 {
        say(
            language,
            format!(
                "Chế độ báo cáo: {}, các đơn vị đã gửi đủ {} báo cáo định kỳ đến hạn.",
                context.as_of_phrase,
                count(owed, language)
            ),
            format!(
                "Reporting: {}, the units have sent all {owed} periodic reports due.",
                context.as_of_phrase
            ),
        )
    } else {
        say(
            language,
            format!(
                "Chế độ báo cáo: {}, các đơn vị đã gửi {}/{} báo cáo định kỳ đến hạn; {} báo cáo chưa gửi, của {}.",
                context.as_of_phrase,
                count(owed - unsent, language),
                count(owed, language),
                count(unsent, language),
                names(&not_sent, language)
            ),
            format!(
                "Reporting: {}, the units have sent {} of {owed} periodic reports due; {unsent} not sent, by {}.",
                context.as_of_phrase,
                owed - unsent,
                names(&not_sent, language)
            ),
        )
    });
    lines
}

fn tasks_sentence(positions: &[&Position], context: &Context<'_>) -> String {
    let language = context.language;
    let mut sum = super::TaskCounts::default();
    for position in positions {
        sum += position.tasks;
    }
    let parts = [
        (sum.in_progress, "đang thực hiện", "in progress"),
        (sum.not_started, "chưa thực hiện", "not started"),
        (sum.no_report, "chưa có báo cáo", "with no report"),
        (sum.blocked, "vướng mắc", "blocked"),
        (sum.overdue, "trễ hạn", "overdue"),
        (sum.cancelled, "dừng thực hiện", "cancelled"),
    ];
    let rest: Vec<String> = parts
        .iter()
        .filter(|(amount, _, _)| *amount > 0)
        .map(|(amount, vi, en)| {
            say(
                language,
                format!("{vi} {}", count(*amount, language)),
                format!("{amount} {en}"),
            )
        })
        .collect();
    let rest = if rest.is_empty() {
        String::new()
    } else {
        format!("; {}", rest.join("; "))
    };
    say(
        language,
        format!(
            "Tổng số {}: hoàn thành {} ({}){rest}.",
            counted(sum.total, "nhiệm vụ", "task", language),
            count(sum.done, language),
            percent(sum.done, sum.total, language)
        ),
        format!(
            "{}: {} done ({}){rest}.",
            counted(sum.total, "nhiệm vụ", "task", language),
            sum.done,
            percent(sum.done, sum.total, language)
        ),
    )
}

fn missed_duties_sentence(context: &Context<'_>) -> Option<String> {
    let language = context.language;
    let missed: Vec<&Position> = context
        .rollup
        .positions
        .iter()
        .filter(|position| position.missed_duties > 0)
        .collect();
    if missed.is_empty() {
        return None;
    }
    let total: usize = missed.iter().map(|position| position.missed_duties).sum();
    Some(say(
        language,
        format!(
            "{} nhiệm vụ định kỳ, thường xuyên có kỳ đã qua chưa ghi nhận kết quả, tại {}.",
            count(total, language),
            names(&missed, language)
        ),
        format!(
            "{total} recurring or ongoing tasks have a past period with nothing recorded, at {}.",
            names(&missed, language)
        ),
    ))
}

fn targets_sentence(context: &Context<'_>) -> String {
    let language = context.language;
    let mut sum = super::TargetCounts::default();
    for position in &context.rollup.positions {
        sum += position.targets;
    }
    say(
        language,
        format!(
            "Tổng số {}: đạt {}; chưa đạt (đang theo dõi) {}; không đạt {}; chưa có số liệu {}.",
            counted(sum.total, "chỉ tiêu", "target", language),
            count(sum.met, language),
            count(sum.not_yet_met, language),
            count(sum.not_met, language),
            count(sum.no_data, language)
        ),
        format!(
            "{}: {} met; {} not yet met; {} not met; {} with no data.",
            counted(sum.total, "chỉ tiêu", "target", language),
            sum.met,
            sum.not_yet_met,
            sum.not_met,
            sum.no_data
        ),
    )
}

fn index_line(index: &IndexAcross, language: Language) -> String {
    let score = index.mean_score().map_or_else(
        || say(language, "chưa có điểm", "no score yet"),
        |mean| {
            say(
                language,
                format!(
                    "điểm bình quân {} ({}/{} đơn vị có điểm)",
                    crate::labels::score(mean, language),
                    index.scores.len(),
                    index.units
                ),
                format!(
                    "mean score {} ({} of {} units scored)",
                    crate::labels::score(mean, language),
                    index.scores.len(),
                    index.units
                ),
            )
        },
    );
    say(
        language,
        format!(
            "{} ({} đơn vị): {}, hoàn thành {}, trễ hạn hoặc vướng mắc {}; {}, đạt {}, không đạt {}; {score}.",
            one_line(&index.name),
            count(index.units, language),
            counted(index.tasks, "nhiệm vụ", "task", language),
            count(index.tasks_done, language),
            count(index.tasks_behind, language),
            counted(index.targets, "chỉ tiêu", "target", language),
            count(index.targets_met, language),
            count(index.targets_not_met, language),
        ),
        format!(
            "{} ({} units): {}, {} done, {} overdue or blocked; {}, {} met, {} not met; {score}.",
            one_line(&index.name),
            index.units,
            counted(index.tasks, "nhiệm vụ", "task", language),
            index.tasks_done,
            index.tasks_behind,
            counted(index.targets, "chỉ tiêu", "target", language),
            index.targets_met,
            index.targets_not_met,
        ),
    )
}

fn indices_part(context: &Context<'_>, body: &mut crate::document::Document) {
    let language = context.language;
    let rollup = context.rollup;
    if rollup.indices.is_empty() {
        body.paragraph(say(
            language,
            "Các kế hoạch chưa chia nhiệm vụ theo chỉ số thành phần.",
            "The plans do not group their tasks by component index.",
        ));
        return;
    }
    body.paragraph(say(
        language,
        "Xếp từ chỉ số có tỷ lệ nhiệm vụ trễ hạn, vướng mắc và chỉ tiêu không đạt cao nhất:",
        "Ordered from the index with the largest share of overdue or blocked tasks and missed targets:",
    ));
    // A district's indices (with "Tiếp cận đất đai") are not a department's.
    if rollup.indices_by_level.len() > 1 {
        for (level, indices) in &rollup.indices_by_level {
            body.paragraph(format!("{}:", level.name(language)));
            body.list(
                indices
                    .iter()
                    .map(|index| index_line(index, language))
                    .collect(),
            );
        }
    } else {
        body.list(
            rollup
                .indices
                .iter()
                .map(|index| index_line(index, language))
                .collect(),
        );
    }
}

fn results_part(context: &Context<'_>, body: &mut crate::document::Document) {
    let language = context.language;
    let rollup = context.rollup;
    for level in levels_present(rollup) {
        let mut with: Vec<&Position> = of_level(rollup, level)
            .into_iter()
            .filter(|position| position.result.is_some())
            .collect();
        // The best placed first, as the province publishes them.
        with.sort_by_key(|position| {
            position
                .result
                .as_ref()
                .and_then(|result| result.rank.map(|rank| rank.rank))
                .unwrap_or(u32::MAX)
        });
        let without: Vec<&Position> = of_level(rollup, level)
            .into_iter()
            .filter(|position| position.result.is_none())
            .collect();
        let mut lines: Vec<String> = with
            .iter()
            .map(|position| {
                format!(
                    "{}: {}",
                    one_line(&position.agency),
                    result_in_words(position, language)
                )
            })
            .collect();
        if !without.is_empty() {
            lines.push(say(
                language,
                format!("Chưa ghi nhận kết quả: {}.", names(&without, language)),
                format!("No result recorded: {}.", names(&without, language)),
            ));
        }
        body.paragraph(format!("{}:", level.name(language)));
        body.list(lines);
    }
}

/// "68,90 điểm, thứ 3/10, tốt (năm 2025)".
fn result_in_words(position: &Position, language: Language) -> String {
    let Some(result) = &position.result else {
        return say(language, "chưa có", "none");
    };
    let mut parts = Vec::new();
    if let Some(score) = result.score {
        parts.push(say(
            language,
            format!("{} điểm", crate::labels::score(score, language)),
            format!("{} points", crate::labels::score(score, language)),
        ));
    }
    if let Some(rank) = &result.rank {
        parts.push(say(
            language,
            format!("xếp {}", crate::labels::rank(rank.rank, rank.of, language)),
            format!(
                "ranked {}",
                crate::labels::rank(rank.rank, rank.of, language)
            ),
        ));
    }
    if let Some(band) = &result.band {
        parts.push(one_line(band));
    }
    say(
        language,
        format!("{} (năm {})", parts.join(", "), result.year),
        format!("{} ({})", parts.join(", "), result.year),
    )
}

/// Units with nothing behind: no task overdue, blocked or unreported, no
/// target missed.
fn on_track(rollup: &Rollup) -> Vec<&Position> {
    rollup
        .positions
        .iter()
        .filter(|position| position.tasks.total + position.targets.total > 0)
        .filter(|position| position.behind() == 0)
        .collect()
}

fn behind(rollup: &Rollup) -> Vec<&Position> {
    rollup
        .positions
        .iter()
        .filter(|position| position.behind() > 0)
        .collect()
}

fn achievements(context: &Context<'_>) -> Vec<String> {
    let language = context.language;
    let rollup = context.rollup;
    let mut lines = Vec::new();
    let tasks: usize = rollup.positions.iter().map(|p| p.tasks.total).sum();
    let done: usize = rollup.positions.iter().map(|p| p.tasks.done).sum();
    let targets: usize = rollup.positions.iter().map(|p| p.targets.total).sum();
    let met: usize = rollup.positions.iter().map(|p| p.targets.met).sum();
    lines.push(say(
        language,
        format!(
            "{}/{} nhiệm vụ đã hoàn thành ({}); {}/{} chỉ tiêu đạt.",
            count(done, language),
            count(tasks, language),
            percent(done, tasks, language),
            count(met, language),
            count(targets, language)
        ),
        format!(
            "{done} of {tasks} tasks done ({}); {met} of {targets} targets met.",
            percent(done, tasks, language)
        ),
    ));
    let on_track = on_track(rollup);
    if !on_track.is_empty() {
        lines.push(say(
            language,
            format!(
                "{} đơn vị không có nhiệm vụ trễ hạn, vướng mắc, chưa có báo cáo hay chỉ tiêu không đạt: {}.",
                count(on_track.len(), language),
                names(&on_track, language)
            ),
            format!(
                "{} units have no task overdue, blocked or unreported and no target missed: {}.",
                on_track.len(),
                names(&on_track, language)
            ),
        ));
    }
    lines
}

/// "05 nhiệm vụ trễ hạn, 02 chỉ tiêu không đạt".
fn behind_parts(position: &Position, language: Language) -> String {
    let parts = [
        (position.tasks.overdue, "nhiệm vụ trễ hạn", "overdue tasks"),
        (
            position.tasks.blocked,
            "nhiệm vụ vướng mắc",
            "blocked tasks",
        ),
        (
            position.tasks.no_report,
            "nhiệm vụ chưa có báo cáo",
            "tasks with no report",
        ),
        (
            position.targets.not_met,
            "chỉ tiêu không đạt",
            "targets not met",
        ),
    ];
    parts
        .iter()
        .filter(|(amount, _, _)| *amount > 0)
        .map(|(amount, vi, en)| {
            say(
                language,
                format!("{} {vi}", count(*amount, language)),
                format!("{amount} {en}"),
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn shortcomings(context: &Context<'_>) -> Vec<String> {
    let language = context.language;
    let rollup = context.rollup;
    let mut lines = Vec::new();
    let behind = behind(rollup);
    if !behind.is_empty() {
        let mut named: Vec<String> = behind
            .iter()
            .take(NAMED_AT_MOST)
            .map(|position| {
                format!(
                    "{} ({})",
                    one_line(&position.agency),
                    behind_parts(position, language)
                )
            })
            .collect();
        if behind.len() > NAMED_AT_MOST {
            named.push(say(
                language,
                format!(
                    "{} đơn vị khác (chi tiết tại Phụ lục)",
                    count(behind.len() - NAMED_AT_MOST, language)
                ),
                format!(
                    "{} other units (see the appendix)",
                    behind.len() - NAMED_AT_MOST
                ),
            ));
        }
        lines.push(say(
            language,
            format!(
                "{} đơn vị còn nhiệm vụ, chỉ tiêu chậm hoặc chưa đạt, xếp từ đơn vị chậm nhiều nhất: {}.",
                count(behind.len(), language),
                named.join("; ")
            ),
            format!(
                "{} units have tasks or targets behind, furthest behind first: {}.",
                behind.len(),
                named.join("; ")
            ),
        ));
    }
    if let Some(weakest) = weakest_index(rollup) {
        lines.push(say(
            language,
            format!(
                "{} là chỉ số có tỷ lệ nhiệm vụ trễ hạn, vướng mắc và chỉ tiêu không đạt cao nhất ({}).",
                one_line(&weakest.name),
                percent(
                    weakest.tasks_behind + weakest.targets_not_met,
                    weakest.tasks + weakest.targets,
                    language
                )
            ),
            format!(
                "{} has the largest share of overdue or blocked tasks and missed targets ({}).",
                one_line(&weakest.name),
                percent(
                    weakest.tasks_behind + weakest.targets_not_met,
                    weakest.tasks + weakest.targets,
                    language
                )
            ),
        ));
    }
    let not_sent = not_sent(rollup);
    if !not_sent.is_empty() {
        lines.push(say(
            language,
            format!(
                "{} đơn vị chưa gửi đủ báo cáo định kỳ đến hạn: {}.",
                count(not_sent.len(), language),
                names(&not_sent, language)
            ),
            format!(
                "{} units have not sent every periodic report due: {}.",
                not_sent.len(),
                names(&not_sent, language)
            ),
        ));
    }
    if !rollup.left_out.is_empty() {
        lines.push(say(
            language,
            format!(
                "{} kế hoạch có lỗi, chưa đưa vào tổng hợp.",
                count(rollup.left_out.len(), language)
            ),
            format!(
                "{} plans have errors and are left out.",
                rollup.left_out.len()
            ),
        ));
    }
    lines
}

/// "chỉ số Tiếp cận đất đai": an index named inside a sentence.
fn index_in_sentence(name: &str) -> String {
    let name = one_line(name);
    if folded(&name).starts_with("chi so") {
        crate::report::prose::lowercase_first(&name)
    } else {
        format!("chỉ số {name}")
    }
}

/// The index furthest behind, if any index is behind at all.
fn weakest_index(rollup: &Rollup) -> Option<&IndexAcross> {
    rollup
        .indices
        .first()
        .filter(|index| index.tasks_behind + index.targets_not_met > 0)
}

fn not_sent(rollup: &Rollup) -> Vec<&Position> {
    rollup
        .positions
        .iter()
        .filter(|position| position.reports_not_sent > 0)
        .collect()
}

fn proposals(context: &Context<'_>) -> Vec<String> {
    let language = context.language;
    let rollup = context.rollup;
    let mut lines = Vec::new();
    let behind = behind(rollup);
    if !behind.is_empty() {
        lines.push(say(
            language,
            format!(
                "Chỉ đạo {} khẩn trương khắc phục các nhiệm vụ trễ hạn, vướng mắc, chưa có báo cáo và chỉ tiêu không đạt; báo cáo kết quả trong kỳ báo cáo tới.",
                names(&behind, language)
            ),
            format!(
                "To direct {} to deal with their overdue, blocked and unreported tasks and missed targets, and report in the next period.",
                names(&behind, language)
            ),
        ));
    }
    let not_sent = not_sent(rollup);
    if !not_sent.is_empty() {
        lines.push(say(
            language,
            format!(
                "Chỉ đạo {} gửi đủ báo cáo định kỳ theo quy định.",
                names(&not_sent, language)
            ),
            format!(
                "To direct {} to send the periodic reports they owe.",
                names(&not_sent, language)
            ),
        ));
    }
    if let Some(weakest) = weakest_index(rollup) {
        lines.push(say(
            language,
            format!(
                "Chỉ đạo các đơn vị tập trung cải thiện {}.",
                index_in_sentence(&weakest.name)
            ),
            format!(
                "To direct the units to concentrate on {}.",
                one_line(&weakest.name)
            ),
        ));
    }
    if !rollup.left_out.is_empty() {
        lines.push(say(
            language,
            "Yêu cầu các đơn vị có kế hoạch chưa hợp lệ rà soát, hoàn thiện kế hoạch để đưa vào tổng hợp kỳ tới.",
            "To require the units whose plans have errors to correct them for the next roll-up.",
        ));
    }
    if lines.is_empty() {
        lines.push(say(
            language,
            "Tiếp tục chỉ đạo các đơn vị duy trì kết quả đạt được và thực hiện đầy đủ kế hoạch.",
            "To keep directing the units to hold what they have achieved and carry out their plans in full.",
        ));
    }
    lines
}

fn appendix(context: &Context<'_>, letterhead: &Letterhead) -> Appendix {
    const ROMAN: [&str; 3] = ["I", "II", "III"];
    let language = context.language;
    let columns = [
        ("STT", "No.", 12),
        ("Đơn vị", "Unit", 56),
        ("Nhiệm vụ", "Tasks", 16),
        ("Hoàn thành", "Done", 18),
        ("Trễ hạn, vướng mắc", "Overdue, blocked", 18),
        ("Chưa có báo cáo", "No report", 18),
        ("Chỉ tiêu", "Targets", 16),
        ("Đạt", "Met", 14),
        ("Không đạt", "Not met", 16),
        (
            "Nhiệm vụ định kỳ chưa ghi nhận",
            "Recurring not recorded",
            20,
        ),
        ("Báo cáo chưa gửi/đến hạn", "Reports not sent/due", 20),
        ("Kết quả DDCI gần nhất", "Latest DDCI result", 46),
    ]
    .into_iter()
    .enumerate()
    .map(|(at, (vi, en, width_mm))| Column {
        title: say(language, vi, en),
        width_mm,
        // Every column but the unit's name and its result is a count.
        centred: at != 1 && at != 11,
    })
    .collect();
    let mut rows = Vec::new();
    for (at, level) in levels_present(context.rollup).into_iter().enumerate() {
        rows.push(AppendixRow::Group(format!(
            "{}. {}",
            ROMAN.get(at).copied().unwrap_or(""),
            level.name(language)
        )));
        for (number, position) in of_level(context.rollup, level).into_iter().enumerate() {
            rows.push(AppendixRow::Entry(vec![
                (number + 1).to_string(),
                one_line(&position.agency),
                position.tasks.total.to_string(),
                position.tasks.done.to_string(),
                (position.tasks.overdue + position.tasks.blocked).to_string(),
                position.tasks.no_report.to_string(),
                position.targets.total.to_string(),
                position.targets.met.to_string(),
                position.targets.not_met.to_string(),
                position.missed_duties.to_string(),
                format!("{}/{}", position.reports_not_sent, position.reports_owed),
                if position.result.is_some() {
                    result_in_words(position, language)
                } else {
                    say(language, "Chưa có", "None")
                },
            ]));
        }
    }
    let signed = letterhead
        .signed_on
        .map_or_else(|| BLANK.to_owned(), |day| format_day(day, language));
    Appendix {
        heading: say(language, "Phụ lục", "Appendix"),
        title: say(
            language,
            format!(
                "TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NÂNG CAO CHỈ SỐ DDCI CỦA CÁC ĐƠN VỊ {}",
                context.as_of_phrase.to_uppercase()
            ),
            format!(
                "THE UNITS' DDCI PLANS {}",
                context.as_of_phrase.to_uppercase()
            ),
        ),
        attached_to: say(
            language,
            format!(
                "(Kèm theo Báo cáo số{NUMBER_BLANK}/BC-{} ngày {signed} của {})",
                context.code, context.issuer
            ),
            format!(
                "(Attached to Report No.{NUMBER_BLANK}/BC-{} of {signed} by the {})",
                context.code, context.issuer
            ),
        ),
        columns,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use chrono::NaiveDate;

    use super::{Letterhead, build};
    use crate::labels::Language;
    use crate::plan::goal::RankOf;
    use crate::rollup::{
        IndexAcross, LatestResult, LeftOut, Level, Position, Rollup, RollupRequest, TargetCounts,
        TaskCounts,
    };
    use crate::status::AsOf;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    /// A unit's position: tasks (total, done, in progress, no report,
    /// overdue), targets (total, met, not met, no data), missed duties,
    /// reports (owed, not sent), result.
    fn position(
        agency: &str,
        level: Level,
        tasks: [usize; 5],
        targets: [usize; 4],
        missed_duties: usize,
        reports: [usize; 2],
        result: Option<LatestResult>,
    ) -> Position {
        let [total, done, in_progress, no_report, overdue] = tasks;
        let [targets_total, met, not_met, no_data] = targets;
        Position {
            file: PathBuf::from(format!("tinh/{}.toml", agency.len())),
            agency: agency.to_owned(),
            province: "Kon Tum".to_owned(),
            level,
            year: 2024,
            until: 2024,
            as_of: day("2024-09-30"),
            tasks: TaskCounts {
                total,
                done,
                in_progress,
                no_report,
                overdue,
                ..TaskCounts::default()
            },
            targets: TargetCounts {
                total: targets_total,
                met,
                not_met,
                no_data,
                ..TargetCounts::default()
            },
            missed_duties,
            reports_owed: reports[0],
            reports_not_sent: reports[1],
            result,
        }
    }

    fn index(
        name: &str,
        units: usize,
        tasks: [usize; 3],
        targets: [usize; 3],
        scores: &[f64],
    ) -> IndexAcross {
        IndexAcross {
            name: name.to_owned(),
            units,
            tasks: tasks[0],
            tasks_done: tasks[1],
            tasks_behind: tasks[2],
            targets: targets[0],
            targets_met: targets[1],
            targets_not_met: targets[2],
            scores: scores.to_vec(),
        }
    }

    /// Two departments (one behind, one on track with its result) and a
    /// district that sent no report, as of 30 September; a plan left out.
    fn province() -> Rollup {
        let indices = vec![
            index("Tính minh bạch", 3, [6, 2, 2], [3, 1, 1], &[7.25, 6.75]),
            index("Chi phí thời gian", 2, [4, 1, 0], [2, 2, 0], &[]),
        ];
        Rollup {
            positions: vec![
                position(
                    "Sở Tài chính",
                    Level::Department,
                    [5, 1, 1, 1, 2],
                    [2, 0, 1, 1],
                    1,
                    [3, 1],
                    None,
                ),
                position(
                    "Sở Khoa học và Công nghệ",
                    Level::Department,
                    [3, 2, 1, 0, 0],
                    [2, 2, 0, 0],
                    0,
                    [3, 0],
                    Some(LatestResult {
                        year: 2023,
                        score: Some(74.96),
                        rank: Some(RankOf {
                            rank: 5,
                            of: Some(17),
                        }),
                        band: None,
                    }),
                ),
                position(
                    "Ủy ban nhân dân huyện Đắk Hà",
                    Level::District,
                    [2, 0, 2, 0, 0],
                    [1, 1, 0, 0],
                    0,
                    [3, 0],
                    None,
                ),
            ],
            left_out: vec![LeftOut {
                file: PathBuf::from("tinh/so-xay-dung.toml"),
                reason: "1 error".to_owned(),
                errors: 1,
                diagnostics: Vec::new(),
                rendered: Vec::new(),
            }],
            indices_by_level: vec![(Level::Department, indices.clone())],
            indices,
            other_years: 0,
        }
    }

    #[test]
    fn the_committee_is_named_for_a_province_or_a_city() {
        let cases = [
            (
                "Kon Tum",
                "Ủy ban nhân dân tỉnh Kon Tum",
                "UBND TỈNH KON TUM",
                "Kon Tum",
            ),
            (
                "tỉnh Gia Lai",
                "Ủy ban nhân dân tỉnh Gia Lai",
                "UBND TỈNH GIA LAI",
                "Gia Lai",
            ),
            (
                "Hà Nội",
                "Ủy ban nhân dân thành phố Hà Nội",
                "UBND THÀNH PHỐ HÀ NỘI",
                "Hà Nội",
            ),
            (
                "Huế",
                "Ủy ban nhân dân thành phố Huế",
                "UBND THÀNH PHỐ HUẾ",
                "Huế",
            ),
            (
                "Thành phố Đà Nẵng",
                "Ủy ban nhân dân Thành phố Đà Nẵng",
                "UBND THÀNH PHỐ ĐÀ NẴNG",
                "Đà Nẵng",
            ),
        ];
        for (province, committee, header, place) in cases {
            assert_eq!(
                (
                    super::committee_of(province, Language::Vi),
                    super::header_committee(province, Language::Vi),
                    super::place_name(province)
                ),
                (committee.to_owned(), header.to_owned(), place.to_owned()),
                "{province}"
            );
        }
    }

    #[test]
    fn shares_and_names_as_a_report_writes_them() {
        let cases = [
            (0, 0, "0%"),
            (1, 3, "33,3%"),
            (2, 3, "66,7%"),
            (3, 8, "37,5%"),
            (5, 5, "100%"),
        ];
        for (part, whole, expected) in cases {
            assert_eq!(super::percent(part, whole, Language::Vi), expected);
        }
        let units: Vec<Position> = (1..=12)
            .map(|at| {
                position(
                    &format!("Sở {at:02}"),
                    Level::Department,
                    [1, 1, 0, 0, 0],
                    [0; 4],
                    0,
                    [0, 0],
                    None,
                )
            })
            .collect();
        let all: Vec<&Position> = units.iter().collect();
        assert_eq!(super::names(&all[..2], Language::Vi), "Sở 01, Sở 02");
        assert_eq!(
            super::names(&all, Language::Vi),
            "Sở 01, Sở 02, Sở 03, Sở 04, Sở 05, Sở 06, Sở 07, Sở 08, Sở 09, Sở 10, 02 đơn vị khác (chi tiết tại Phụ lục)"
        );
    }

    /// Who is on track and who is behind: an unreported task, an overdue or
    /// blocked one, or a missed target puts a unit behind; a unit with
    /// nothing planned is neither.
    #[test]
    fn units_on_track_and_behind() {
        let cases = [
            ([2, 2, 0, 0, 0], [1, 1, 0, 0], true, false),
            ([2, 1, 1, 0, 0], [0, 0, 0, 0], true, false),
            ([2, 1, 0, 1, 0], [0, 0, 0, 0], false, true),
            ([2, 1, 0, 0, 1], [0, 0, 0, 0], false, true),
            ([1, 1, 0, 0, 0], [1, 0, 1, 0], false, true),
            ([1, 1, 0, 0, 0], [1, 0, 0, 1], true, false),
            ([0, 0, 0, 0, 0], [0, 0, 0, 0], false, false),
        ];
        for (tasks, targets, on_track, behind) in cases {
            let rollup = Rollup {
                positions: vec![position(
                    "Sở A",
                    Level::Department,
                    tasks,
                    targets,
                    0,
                    [0, 0],
                    None,
                )],
                left_out: Vec::new(),
                indices: Vec::new(),
                indices_by_level: Vec::new(),
                other_years: 0,
            };
            assert_eq!(
                (
                    super::on_track(&rollup).len() == 1,
                    super::behind(&rollup).len() == 1
                ),
                (on_track, behind),
                "{tasks:?} {targets:?}"
            );
        }
    }

    #[test]
    fn the_summary_report_says_who_is_behind_in_words() {
        let request = RollupRequest {
            as_of: Some(AsOf::closed(day("2024-09-30"))),
            group: false,
            year: None,
        };
        let document = build(&province(), request, Language::Vi, &Letterhead::default());
        let text = crate::render::markdown::render(&document.as_document());
        assert_eq!(
            text,
            r#"| UBND TỈNH KON TUM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| --- | --- |
| SỞ KẾ HOẠCH VÀ ĐẦU TƯ | Độc lập - Tự do - Hạnh phúc |
| Số:      /BC-…………… | Kon Tum, ngày     tháng     năm 2024 |

# BÁO CÁO

Tình hình thực hiện Kế hoạch nâng cao Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương (DDCI) năm 2024 của các đơn vị, đến ngày 30/09/2024

Trên cơ sở kế hoạch nâng cao Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương (DDCI) năm 2024 của các đơn vị và kết quả thực hiện do các đơn vị ghi nhận đến ngày 30/09/2024, Sở Kế hoạch và Đầu tư tổng hợp, báo cáo Ủy ban nhân dân tỉnh Kon Tum như sau:

## I. TÌNH HÌNH TỔNG HỢP

Đã tổng hợp kế hoạch của 03 đơn vị: 02 sở, ban, ngành; 01 huyện, thị xã, thành phố.

01 kế hoạch chưa đưa vào tổng hợp vì tệp kế hoạch có lỗi (so-xay-dung.toml); đơn vị cần sửa lỗi để được tổng hợp vào kỳ sau.

Chế độ báo cáo: đến ngày 30/09/2024, các đơn vị đã gửi 08/09 báo cáo định kỳ đến hạn; 01 báo cáo chưa gửi, của Sở Tài chính.

## II. KẾT QUẢ THỰC HIỆN

### 1. Thực hiện nhiệm vụ

Tổng số 10 nhiệm vụ: hoàn thành 03 (30%); đang thực hiện 04; chưa có báo cáo 01; trễ hạn 02.

- Sở, ban, ngành: tổng số 08 nhiệm vụ: hoàn thành 03 (37,5%); đang thực hiện 02; chưa có báo cáo 01; trễ hạn 02.
- Huyện, thị xã, thành phố: tổng số 02 nhiệm vụ: hoàn thành 0 (0%); đang thực hiện 02.

01 nhiệm vụ định kỳ, thường xuyên có kỳ đã qua chưa ghi nhận kết quả, tại Sở Tài chính.

### 2. Thực hiện chỉ tiêu

Tổng số 05 chỉ tiêu: đạt 03; chưa đạt (đang theo dõi) 0; không đạt 01; chưa có số liệu 01.

### 3. Theo chỉ số thành phần

Xếp từ chỉ số có tỷ lệ nhiệm vụ trễ hạn, vướng mắc và chỉ tiêu không đạt cao nhất:

- Tính minh bạch (03 đơn vị): 06 nhiệm vụ, hoàn thành 02, trễ hạn hoặc vướng mắc 02; 03 chỉ tiêu, đạt 01, không đạt 01; điểm bình quân 7,00 (2/3 đơn vị có điểm).
- Chi phí thời gian (02 đơn vị): 04 nhiệm vụ, hoàn thành 01, trễ hạn hoặc vướng mắc 0; 02 chỉ tiêu, đạt 02, không đạt 0; chưa có điểm.

### 4. Kết quả DDCI gần nhất

Sở, ban, ngành:

- Sở Khoa học và Công nghệ: 74,96 điểm, xếp thứ 5/17 (năm 2023)
- Chưa ghi nhận kết quả: Sở Tài chính.

Huyện, thị xã, thành phố:

- Chưa ghi nhận kết quả: Ủy ban nhân dân huyện Đắk Hà.

## III. ĐÁNH GIÁ CHUNG

### 1. Kết quả đạt được

- 03/10 nhiệm vụ đã hoàn thành (30%); 03/05 chỉ tiêu đạt.
- 02 đơn vị không có nhiệm vụ trễ hạn, vướng mắc, chưa có báo cáo hay chỉ tiêu không đạt: Sở Khoa học và Công nghệ, Ủy ban nhân dân huyện Đắk Hà.

### 2. Tồn tại, hạn chế

- 01 đơn vị còn nhiệm vụ, chỉ tiêu chậm hoặc chưa đạt, xếp từ đơn vị chậm nhiều nhất: Sở Tài chính (02 nhiệm vụ trễ hạn, 01 nhiệm vụ chưa có báo cáo, 01 chỉ tiêu không đạt).
- Tính minh bạch là chỉ số có tỷ lệ nhiệm vụ trễ hạn, vướng mắc và chỉ tiêu không đạt cao nhất (33,3%).
- 01 đơn vị chưa gửi đủ báo cáo định kỳ đến hạn: Sở Tài chính.
- 01 kế hoạch có lỗi, chưa đưa vào tổng hợp.

## IV. ĐỀ XUẤT, KIẾN NGHỊ

Sở Kế hoạch và Đầu tư đề nghị Ủy ban nhân dân tỉnh Kon Tum:

- Chỉ đạo Sở Tài chính khẩn trương khắc phục các nhiệm vụ trễ hạn, vướng mắc, chưa có báo cáo và chỉ tiêu không đạt; báo cáo kết quả trong kỳ báo cáo tới.
- Chỉ đạo Sở Tài chính gửi đủ báo cáo định kỳ theo quy định.
- Chỉ đạo các đơn vị tập trung cải thiện chỉ số Tính minh bạch.
- Yêu cầu các đơn vị có kế hoạch chưa hợp lệ rà soát, hoàn thiện kế hoạch để đưa vào tổng hợp kỳ tới.

Trên đây là báo cáo tổng hợp tình hình thực hiện Kế hoạch nâng cao Chỉ số DDCI năm 2024 của các đơn vị, Sở Kế hoạch và Đầu tư kính báo cáo Ủy ban nhân dân tỉnh Kon Tum xem xét, chỉ đạo./.

Nơi nhận:

- Ủy ban nhân dân tỉnh Kon Tum (báo cáo);
- Các đơn vị có tên tại Phụ lục;
- Lưu: VT.

GIÁM ĐỐC

## Phụ lục: TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NÂNG CAO CHỈ SỐ DDCI CỦA CÁC ĐƠN VỊ ĐẾN NGÀY 30/09/2024

(Kèm theo Báo cáo số      /BC-…………… ngày …………… của Sở Kế hoạch và Đầu tư)

| STT | Đơn vị | Nhiệm vụ | Hoàn thành | Trễ hạn, vướng mắc | Chưa có báo cáo | Chỉ tiêu | Đạt | Không đạt | Nhiệm vụ định kỳ chưa ghi nhận | Báo cáo chưa gửi/đến hạn | Kết quả DDCI gần nhất |
| ---: | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
|  | I. Sở, ban, ngành |  |  |  |  |  |  |  |  |  |  |
| 1 | Sở Tài chính | 5 | 1 | 2 | 1 | 2 | 0 | 1 | 1 | 1/3 | Chưa có |
| 2 | Sở Khoa học và Công nghệ | 3 | 2 | 0 | 0 | 2 | 2 | 0 | 0 | 0/3 | 74,96 điểm, xếp thứ 5/17 (năm 2023) |
|  | II. Huyện, thị xã, thành phố |  |  |  |  |  |  |  |  |  |  |
| 1 | Ủy ban nhân dân huyện Đắk Hà | 2 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0/3 | Chưa có |
"#
        );
    }
}

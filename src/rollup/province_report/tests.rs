use std::path::PathBuf;

use chrono::NaiveDate;

use super::{Letterhead, build};
use crate::judge::status::AsOf;
use crate::plan::goal::RankOf;
use crate::rollup::{
    IndexAcross, LatestResult, LeftOut, Level, Position, Rollup, RollupRequest, TargetCounts,
    TaskCounts,
};
use crate::words::labels::Language;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

/// A unit's position: tasks (total, done, in progress, no report,
/// overdue), targets (total, met, not met, no data), missed duties,
/// reports (owed, not sent), result.
pub(super) fn position(
    agency: &str,
    level: Level,
    tasks: [usize; 5],
    targets: [usize; 4],
    missed_duties: usize,
    reports: [usize; 2],
    result: Option<LatestResult>,
) -> Position {
    let [total, done, in_progress, no_report, overdue] = tasks;
    // Tasks in progress or without a report are ongoing duties here; the
    // rest have a due date.
    let with_due_date = total - in_progress - no_report;
    let [targets_total, met, not_met, no_data] = targets;
    Position {
        file: PathBuf::from(format!("tinh/{}.toml", agency.len())),
        also_at: Vec::new(),
        agency: agency.to_owned(),
        province: "Kon Tum".to_owned(),
        level,
        year: 2024,
        until: 2024,
        as_of: day("2024-09-30"),
        year_in_view: 2024,
        tasks: TaskCounts {
            total,
            with_due_date,
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
        reports_as_of: day("2024-09-30"),
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
        tasks_with_due_date: tasks[0],
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
        not_in_view: 0,
    }
}

/// A roll-up of these positions and indices, nothing left out.
fn rolled(positions: Vec<Position>, indices: Vec<IndexAcross>) -> Rollup {
    Rollup {
        positions,
        left_out: Vec::new(),
        indices,
        indices_by_level: Vec::new(),
        not_in_view: 0,
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
    assert_eq!(super::names(&all[..2], false, Language::Vi), "Sở 01, Sở 02");
    assert_eq!(
        super::names(&all, false, Language::Vi),
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
        let rollup = rolled(
            vec![position(
                "Sở A",
                Level::Department,
                tasks,
                targets,
                0,
                [0, 0],
                None,
            )],
            Vec::new(),
        );
        assert_eq!(
            (
                super::assessment::on_track(&rollup).len() == 1,
                super::assessment::behind(&rollup).len() == 1
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
        dated: None,
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

01 kế hoạch chưa đưa vào tổng hợp vì tệp kế hoạch có lỗi (tinh/so-xay-dung.toml); đơn vị cần sửa lỗi để được tổng hợp vào kỳ sau.

Báo cáo định kỳ nội bộ của các cơ quan, đơn vị (từ các phòng, đơn vị trực thuộc gửi bộ phận tổng hợp): đến ngày 30/09/2024, đã gửi 08/09 báo cáo đến hạn; còn 01 báo cáo chưa gửi, tại Sở Tài chính.

## II. KẾT QUẢ THỰC HIỆN

### 1. Thực hiện nhiệm vụ

Tổng số 10 nhiệm vụ, gồm 05 có thời hạn (hoàn thành 03, tỷ lệ 60%) và 05 thường xuyên, định kỳ; đang thực hiện 04; chưa có báo cáo 01; trễ hạn 02.

- Sở, ban, ngành: tổng số 08 nhiệm vụ, gồm 05 có thời hạn (hoàn thành 03, tỷ lệ 60%) và 03 thường xuyên, định kỳ; đang thực hiện 02; chưa có báo cáo 01; trễ hạn 02.
- Huyện, thị xã, thành phố: tổng số 02 nhiệm vụ, đều là nhiệm vụ thường xuyên, định kỳ; đang thực hiện 02.

01 nhiệm vụ định kỳ, thường xuyên có kỳ đã qua chưa ghi nhận kết quả, tại Sở Tài chính.

### 2. Thực hiện chỉ tiêu

Tổng số 05 chỉ tiêu: đạt 03; chưa đạt (đang theo dõi) 0; không đạt 01; chưa có số liệu 01.

### 3. Theo chỉ số thành phần

Xếp từ chỉ số có tỷ lệ nhiệm vụ trễ hạn, vướng mắc và chỉ tiêu không đạt cao nhất:

- Tính minh bạch (03 đơn vị): 06 nhiệm vụ, hoàn thành 02, trễ hạn hoặc vướng mắc 02; 03 chỉ tiêu, đạt 01, không đạt 01; điểm bình quân 7,00 (2/3 đơn vị có điểm).
- Chi phí thời gian (02 đơn vị): 04 nhiệm vụ, hoàn thành 01, trễ hạn hoặc vướng mắc 0; 02 chỉ tiêu, đạt 02, không đạt 0; chưa có điểm.

### 4. Kết quả DDCI gần nhất

Sở, ban, ngành: 01/02 đơn vị có kết quả DDCI năm 2023.

- Sở Khoa học và Công nghệ: 74,96 điểm, xếp thứ 5/17 (năm 2023)
- Chưa ghi nhận kết quả: Sở Tài chính.

Huyện, thị xã, thành phố:

- Chưa ghi nhận kết quả: Ủy ban nhân dân huyện Đắk Hà.

## III. ĐÁNH GIÁ CHUNG

### 1. Kết quả đạt được

- 03/05 nhiệm vụ có thời hạn đã hoàn thành (60%).
- 03/05 chỉ tiêu đạt.
- 02/03 đơn vị không có nhiệm vụ trễ hạn, vướng mắc, chưa có báo cáo hay chỉ tiêu không đạt: Sở Khoa học và Công nghệ, Ủy ban nhân dân huyện Đắk Hà.

### 2. Tồn tại, hạn chế

- 01/03 đơn vị còn nhiệm vụ trễ hạn, vướng mắc, chưa có báo cáo hoặc chỉ tiêu không đạt (xếp từ đơn vị có tỷ lệ cao nhất): Sở Tài chính (02 nhiệm vụ trễ hạn, 01 nhiệm vụ chưa có báo cáo, 01 chỉ tiêu không đạt).
- Tính minh bạch là chỉ số có tỷ lệ nhiệm vụ trễ hạn, vướng mắc và chỉ tiêu không đạt cao nhất (33,3%).
- 01/03 cơ quan, đơn vị còn báo cáo định kỳ nội bộ đến hạn chưa gửi: Sở Tài chính.
- 01 kế hoạch có lỗi, chưa đưa vào tổng hợp.

## IV. ĐỀ XUẤT, KIẾN NGHỊ

Sở Kế hoạch và Đầu tư đề nghị Ủy ban nhân dân tỉnh Kon Tum:

- Chỉ đạo Sở Tài chính khẩn trương hoàn thành các nhiệm vụ trễ hạn.
- Chỉ đạo Sở Tài chính báo cáo kết quả thực hiện các nhiệm vụ chưa có báo cáo.
- Chỉ đạo Sở Tài chính có giải pháp đối với các chỉ tiêu không đạt.
- Chỉ đạo Sở Tài chính đôn đốc các phòng, đơn vị trực thuộc gửi đủ báo cáo định kỳ.
- Chỉ đạo các đơn vị tập trung cải thiện chỉ số Tính minh bạch.
- Yêu cầu các đơn vị có kế hoạch chưa hợp lệ rà soát, hoàn thiện kế hoạch để đưa vào tổng hợp kỳ tới.

Trên đây là báo cáo tổng hợp tình hình thực hiện Kế hoạch nâng cao Chỉ số DDCI năm 2024 của các đơn vị, Sở Kế hoạch và Đầu tư kính báo cáo Ủy ban nhân dân tỉnh Kon Tum xem xét, chỉ đạo./.

Nơi nhận:

- Ủy ban nhân dân tỉnh Kon Tum (báo cáo);
- Các đơn vị có tên tại Phụ lục;
- Lưu: VT.

GIÁM ĐỐC

## Phụ lục: TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NÂNG CAO CHỈ SỐ DDCI CỦA CÁC ĐƠN VỊ ĐẾN NGÀY 30/09/2024

(Kèm theo Báo cáo số      /BC-…………… ngày       /      /2024 của Sở Kế hoạch và Đầu tư)

| STT | Đơn vị | Nhiệm vụ | Hoàn thành | Trễ hạn, vướng mắc | Chưa có báo cáo | Chỉ tiêu | Đạt | Không đạt | Nhiệm vụ định kỳ chưa ghi nhận | Báo cáo nội bộ chưa gửi/đến hạn | Kết quả DDCI gần nhất |
| ---: | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
|  | I. Sở, ban, ngành |  |  |  |  |  |  |  |  |  |  |
| 1 | Sở Tài chính | 5 | 1 | 2 | 1 | 2 | 0 | 1 | 1 | 1/3 | Chưa có số liệu |
| 2 | Sở Khoa học và Công nghệ | 3 | 2 | 0 | 0 | 2 | 2 | 0 | 0 | 0/3 | 74,96 điểm, xếp thứ 5/17 (năm 2023) |
|  | II. Huyện, thị xã, thành phố |  |  |  |  |  |  |  |  |  |  |
| 1 | Ủy ban nhân dân huyện Đắk Hà | 2 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0/3 | Chưa có số liệu |
|  | Tổng cộng (03 đơn vị) | 10 | 3 | 2 | 1 | 5 | 3 | 1 | 1 | 1/9 |  |
"#
    );
}

/// Nothing done and nothing met is not an achievement: the section says so
/// instead of "0/1 chỉ tiêu đạt".
#[test]
fn no_achievement_is_said_plainly() {
    let rollup = rolled(
        vec![position(
            "Sở A",
            Level::Department,
            [2, 0, 0, 2, 0],
            [1, 0, 0, 1],
            0,
            [0, 0],
            None,
        )],
        Vec::new(),
    );
    let request = RollupRequest {
        as_of: Some(AsOf::closed(day("2024-09-30"))),
        group: false,
        year: None,
        dated: None,
    };
    let letterhead = Letterhead::default();
    let text = crate::render::markdown::render(
        &build(&rollup, request, Language::Vi, &letterhead).as_document(),
    );
    assert!(
        text.contains(
            "### 1. Kết quả đạt được\n\nCác đơn vị chưa ghi nhận nhiệm vụ hoàn thành hay chỉ tiêu đạt.\n\n### 2. Tồn tại, hạn chế\n\n- 01/01 đơn vị còn nhiệm vụ trễ hạn, vướng mắc, chưa có báo cáo hoặc chỉ tiêu không đạt (xếp từ đơn vị có tỷ lệ cao nhất): Sở A (02 nhiệm vụ chưa có báo cáo).\n\n## IV."
        ),
        "{text}"
    );
}

/// The units' periodic reports are counted as of the day of the plans that
/// owe any: a plan with no reporting duty is judged on today, which the
/// report must not print; with none owed, no day is printed.
#[test]
fn periodic_reports_are_dated_by_the_plans_that_owe_them() {
    let request = RollupRequest {
        as_of: None,
        group: false,
        year: Some(2024),
        dated: None,
    };
    let said = |owing: usize| {
        let mut owes = position(
            "Sở A",
            Level::Department,
            [1, 0, 1, 0, 0],
            [0; 4],
            0,
            [owing, 0],
            None,
        );
        owes.reports_as_of = day("2025-01-06");
        let mut none = position(
            "Sở B",
            Level::Department,
            [1, 0, 1, 0, 0],
            [0; 4],
            0,
            [0, 0],
            None,
        );
        none.reports_as_of = day("2026-04-01");
        let rollup = rolled(vec![owes, none], Vec::new());
        crate::render::markdown::render(
            &build(&rollup, request, Language::Vi, &Letterhead::default()).as_document(),
        )
    };
    assert!(
        said(4).contains("tổng hợp): đến ngày 06/01/2025, đã gửi đủ 04 báo cáo đến hạn."),
        "{}",
        said(4)
    );
    assert!(
        said(0).contains("tổng hợp): chưa có báo cáo nào đến hạn."),
        "{}",
        said(0)
    );
}

/// A conclusion about an index needs enough units that have it: one
/// district's one overdue task under "Tiếp cận đất đai" is not the
/// province's weakest index; the weakest of those three units have is.
#[test]
fn the_weakest_index_is_one_enough_units_have() {
    let rollup = |indices: Vec<IndexAcross>| rolled(Vec::new(), indices);
    let land = index("Tiếp cận đất đai", 1, [1, 0, 1], [0, 0, 0], &[]);
    let time = index("Chi phí thời gian", 3, [10, 2, 2], [0, 0, 0], &[]);
    let open = index("Tính minh bạch", 2, [4, 0, 2], [0, 0, 0], &[]);
    let weakest = |indices| {
        super::assessment::weakest_index(&rollup(indices)).map(|index| index.name.clone())
    };
    assert_eq!(
        weakest(vec![land.clone(), open.clone(), time.clone()]),
        Some("Chi phí thời gian".to_owned())
    );
    assert_eq!(weakest(vec![land, open]), None);
    let on_track = index("Chi phí thời gian", 3, [10, 2, 0], [0, 0, 0], &[]);
    assert_eq!(weakest(vec![on_track]), None);
}

/// An index's tasks are counted by the states they can have: ongoing and
/// recurring tasks are never "hoàn thành 0"; with some due, done of those.
#[test]
fn an_index_s_tasks_are_counted_by_what_they_can_be() {
    let said = |with_due_date: usize| {
        let mut across = index("Tính minh bạch", 3, [4, 1, 1], [0, 0, 0], &[]);
        across.tasks_with_due_date = with_due_date;
        let rollup = rolled(
            vec![position(
                "Sở A",
                Level::Department,
                [4, 1, 2, 0, 1],
                [0; 4],
                0,
                [0, 0],
                None,
            )],
            vec![across],
        );
        let request = RollupRequest {
            as_of: Some(AsOf::closed(day("2024-09-30"))),
            group: false,
            year: None,
            dated: None,
        };
        crate::render::markdown::render(
            &build(&rollup, request, Language::Vi, &Letterhead::default()).as_document(),
        )
    };
    let cases = [
        (
            0,
            "- Tính minh bạch (03 đơn vị): 04 nhiệm vụ (thường xuyên, định kỳ), trễ hạn hoặc vướng mắc 01;",
        ),
        (
            2,
            "- Tính minh bạch (03 đơn vị): 04 nhiệm vụ, hoàn thành 01/02 nhiệm vụ có thời hạn, trễ hạn hoặc vướng mắc 01;",
        ),
        (
            4,
            "- Tính minh bạch (03 đơn vị): 04 nhiệm vụ, hoàn thành 01, trễ hạn hoặc vướng mắc 01;",
        ),
    ];
    for (with_due_date, line) in cases {
        let text = said(with_due_date);
        assert!(text.contains(line), "{with_due_date}: {text}");
    }
}

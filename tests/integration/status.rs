//! `ddci status`: the exact output for the bundled plan and the example data,
//! with each filter, `--as-of`, both languages, a narrow terminal and colour.

#![allow(clippy::too_many_lines)] // tables of cases and whole documents, read top to bottom

use crate::harness::{SMALL_PLAN, Test, bundled_plan_path, example_plan_path};

/// A plan with one overdue task and one done after its due date.
const OVERDUE_PLAN: &str = r#"[plan]
title = "Kế hoạch thử"
agency = "Sở Khoa học và Công nghệ"
province = "Kon Tum"
year = 2024

[[units]]
id = "hc-th"
name = "Phòng Hành chính - Tổng hợp"
short = "HC-TH"

[[indices]]
id = "minh-bach"
name = "Tính minh bạch"

[[tasks]]
id = "1.1"
index = "minh-bach"
text = "Đẩy mạnh công tác thông tin, tuyên truyền"
lead = ["hc-th"]
schedule = { kind = "due", due = 2024-06-30 }

[[targets]]
id = "dvctt"
kind = "percent_at_least"
task = "1.1"
text = "đảm bảo tối thiểu 80%"
percent = 80

[[tasks]]
id = "1.2"
index = "minh-bach"
text = "Công bố số điện thoại đường dây nóng"
lead = ["hc-th"]
schedule = { kind = "due", due = 2024-03-31 }

[[tasks.records]]
date = 2024-04-05
status = "done"
"#;

#[test]
fn bundled_plan_with_no_records_says_nothing_is_recorded_and_scores_are_missing() {
    Test::new()
        .args(["--plan", &bundled_plan_path()])
        .args(["status", "--index", "canh-tranh-binh-dang"])
        .expect(0, r#"Kế hoạch khắc phục các chỉ số thành phần nhằm nâng cao năng lực cạnh tranh của Sở Khoa học và Công
nghệ (DDCI) năm 2024
══════════════════════════════════════════════════════════════════════════════════════════════════

Sở Khoa học và Công nghệ, Kon Tum

- Tính đến ngày 31/12/2024 (Quý IV/2024)
- Nhiệm vụ: 3 — Chưa có báo cáo 3
- Chỉ tiêu: 0
- Chưa có ghi nhận tiến độ nào.
- Chưa có số liệu điểm, thứ hạng các chỉ số thành phần (phụ lục chưa được nhập).

Chỉ số thành phần

┌─────┬──────────────────────┬───────┬───────┬──────┬──────┬──────┬───────┐
│ STT ┆ Chỉ số               ┆ Nhiệm ┆ Hoàn  ┆ Đang ┆ Chưa ┆ Chưa ┆ Vướng │
│     ┆                      ┆ vụ    ┆ thành ┆ thực ┆ thực ┆ có   ┆ mắc,  │
│     ┆                      ┆       ┆       ┆ hiện ┆ hiện ┆ báo  ┆ trễ   │
│     ┆                      ┆       ┆       ┆      ┆      ┆ cáo  ┆ hạn   │
╞═════╪══════════════════════╪═══════╪═══════╪══════╪══════╪══════╪═══════╡
│   5 ┆ Cạnh tranh bình đẳng ┆     3 ┆     0 ┆    0 ┆    0 ┆    3 ┆     0 │
└─────┴──────────────────────┴───────┴───────┴──────┴──────┴──────┴───────┘

Nhiệm vụ

5. Cạnh tranh bình đẳng

┌─────┬─────────────────────────────┬──────────────────────┬─────────────────┬─────────────────────┐
│ Mã  ┆ Nhiệm vụ                    ┆ Đơn vị chủ trì       ┆ Tiến độ         ┆ Lưu ý               │
╞═════╪═════════════════════════════╪══════════════════════╪═════════════════╪═════════════════════╡
│ 5.1 ┆ Tiếp tục thực hiện tốt các  ┆ HC-TH                ┆ Chưa có báo cáo ┆ chưa có báo cáo Quý │
│     ┆ quy định của nhà nước về    ┆                      ┆                 ┆ III/2024            │
│     ┆ công tác đấu…               ┆                      ┆                 ┆                     │
│ 5.2 ┆ Bảo đảm sự cạnh tranh công  ┆ HC-TH                ┆ Chưa có báo cáo ┆ chưa có báo cáo Quý │
│     ┆ bằng, minh bạch trong quá   ┆                      ┆                 ┆ III/2024            │
│     ┆ trình lựa chọn…             ┆                      ┆                 ┆                     │
│ 5.3 ┆ Thực hiện bình đẳng, công   ┆ QLCN, TC-ĐL-CL, QLKH ┆ Chưa có báo cáo ┆ chưa có báo cáo Quý │
│     ┆ bằng trước pháp luật giữa   ┆                      ┆                 ┆ III/2024            │
│     ┆ các doanh nghiệp…           ┆                      ┆                 ┆                     │
└─────┴─────────────────────────────┴──────────────────────┴─────────────────┴─────────────────────┘
"#, r#""#);
}

#[test]
fn example_table_for_one_index_in_vietnamese() {
    Test::new()
        .args(["--plan", &example_plan_path()])
        .env("DDCI_TODAY", "2024-09-30")
        .args(["status", "--index", "thiet-che-phap-ly"])
        .expect(0, r#"Kế hoạch khắc phục các chỉ số thành phần nhằm nâng cao năng lực cạnh tranh của Sở Khoa học và Công
nghệ (DDCI) năm 2024
══════════════════════════════════════════════════════════════════════════════════════════════════

Sở Khoa học và Công nghệ, Kon Tum

- Tính đến ngày 30/09/2024 (Quý III/2024)
- Nhiệm vụ: 4 — Chưa có báo cáo 1, Đang thực hiện 3
- Chỉ tiêu: 3 — Đạt 1, Chưa đạt 1, Không đạt 1
- Chưa có số liệu điểm, thứ hạng các chỉ số thành phần (phụ lục chưa được nhập).

Chỉ số thành phần

┌─────┬───────────────────┬───────┬───────┬──────┬──────┬──────┬───────┐
│ STT ┆ Chỉ số            ┆ Nhiệm ┆ Hoàn  ┆ Đang ┆ Chưa ┆ Chưa ┆ Vướng │
│     ┆                   ┆ vụ    ┆ thành ┆ thực ┆ thực ┆ có   ┆ mắc,  │
│     ┆                   ┆       ┆       ┆ hiện ┆ hiện ┆ báo  ┆ trễ   │
│     ┆                   ┆       ┆       ┆      ┆      ┆ cáo  ┆ hạn   │
╞═════╪═══════════════════╪═══════╪═══════╪══════╪══════╪══════╪═══════╡
│   7 ┆ Thiết chế pháp lý ┆     4 ┆     0 ┆    3 ┆    0 ┆    1 ┆     0 │
└─────┴───────────────────┴───────┴───────┴──────┴──────┴──────┴───────┘

Nhiệm vụ

7. Thiết chế pháp lý

┌─────┬────────────────────────┬────────────────┬─────────────────┬──────────────┬─────────────────┐
│ Mã  ┆ Nhiệm vụ               ┆ Đơn vị chủ trì ┆ Tiến độ         ┆ Ghi nhận gần ┆ Lưu ý           │
│     ┆                        ┆                ┆                 ┆ nhất         ┆                 │
╞═════╪════════════════════════╪════════════════╪═════════════════╪══════════════╪═════════════════╡
│ 7.1 ┆ Nâng cao năng lực và   ┆ Thanh tra Sở   ┆ Chưa có báo cáo ┆              ┆ chưa có báo cáo │
│     ┆ hiệu quả hoạt động của ┆                ┆                 ┆              ┆ Quý II/2024     │
│     ┆ bộ phận pháp chế nhằm… ┆                ┆                 ┆              ┆                 │
│ 7.2 ┆ Tiếp tục thực hiện tốt ┆ Thanh tra Sở   ┆ Đang thực hiện  ┆ 25/09/2024   ┆ không tổ chức:  │
│     ┆ công tác tiếp công dân ┆                ┆                 ┆              ┆ tháng 7/2024    │
│     ┆ thường xuyên tại       ┆                ┆                 ┆              ┆                 │
│     ┆ Phòng…                 ┆                ┆                 ┆              ┆                 │
│ 7.3 ┆ Công bố số điện thoại  ┆ Thanh tra Sở   ┆ Đang thực hiện  ┆ 10/04/2024   ┆                 │
│     ┆ của Giám đốc Sở Khoa   ┆                ┆                 ┆              ┆                 │
│     ┆ học và Công nghệ để    ┆                ┆                 ┆              ┆                 │
│     ┆ tiếp…                  ┆                ┆                 ┆              ┆                 │
│ 7.4 ┆ Bảo đảm mọi phản ánh,  ┆ Thanh tra Sở   ┆ Đang thực hiện  ┆ 30/06/2024   ┆                 │
│     ┆ khiếu nại đều được ghi ┆                ┆                 ┆              ┆                 │
│     ┆ nhận, hướng dẫn và     ┆                ┆                 ┆              ┆                 │
│     ┆ trả…                   ┆                ┆                 ┆              ┆                 │
└─────┴────────────────────────┴────────────────┴─────────────────┴──────────────┴─────────────────┘

Chỉ tiêu

┌────────────────────────┬───────────────┬──────────────────┬────────────────┬──────────────────┐
│ Chỉ tiêu               ┆ Mục tiêu      ┆ Giá trị mới nhất ┆ Trong kỳ       ┆ Đánh giá         │
╞════════════════════════╪═══════════════╪══════════════════╪════════════════╪══════════════════╡
│ tiep-cong-dan          ┆ ≥ 1 lần/tháng ┆ 1                ┆ 1              ┆ Không đạt: tháng │
│ Số buổi tiếp công dân  ┆               ┆ (25/09/2024)     ┆ (Tháng 9/2024) ┆ 7/2024           │
│ so-dien-thoai-giam-doc ┆ hoàn thành    ┆ Đang thực hiện   ┆                ┆ Chưa đạt         │
│ Công bố số điện thoại  ┆               ┆ (10/04/2024)     ┆                ┆                  │
│ của Giám đốc Sở        ┆               ┆                  ┆                ┆                  │
│ phan-anh-duoc-tra-loi  ┆ 100%          ┆ 100%             ┆                ┆ Đạt              │
│ Tỷ lệ phản ánh, khiếu  ┆               ┆ (30/06/2024)     ┆                ┆                  │
│ nại được trả lời       ┆               ┆                  ┆                ┆                  │
└────────────────────────┴───────────────┴──────────────────┴────────────────┴──────────────────┘
"#, r#""#);
}

#[test]
fn example_markdown_for_one_owner_in_english() {
    Test::new()
        .args(["--plan", &example_plan_path()])
        .env("DDCI_TODAY", "2024-09-30")
        .args(["status", "--owner", "thanh-tra", "--lang", "en", "--format", "markdown"])
        .expect(0, r#"# Kế hoạch khắc phục các chỉ số thành phần nhằm nâng cao năng lực cạnh tranh của Sở Khoa học và Công nghệ (DDCI) năm 2024

Sở Khoa học và Công nghệ, Kon Tum

- As of 2024-09-30 (Q3 2024)
- Showing: the tasks Thanh tra Sở leads or coordinates
- Tasks: 15 — No report yet 7, In progress 8
- Targets: 7 — Met 4, Not yet met 1, Not met 1, No data 1
- No component scores or ranks have been entered (the appendix is missing).

## Component indices

| No. | Index | Tasks | Done | In progress | Not started | No report yet | Blocked or late |
| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |
| 1 | Transparency | 5 | 0 | 1 | 0 | 4 | 0 |
| 3 | Time costs | 1 | 0 | 0 | 0 | 1 | 0 |
| 4 | Informal charges | 4 | 0 | 3 | 0 | 1 | 0 |
| 6 | Business support | 1 | 0 | 1 | 0 | 0 | 0 |
| 7 | Legal institutions | 4 | 0 | 3 | 0 | 1 | 0 |

## Tasks

### 1. Transparency

| Id | Task | Lead unit | Status | Latest record | Flags |
| --- | --- | --- | --- | --- | --- |
| 1.1 | Đẩy mạnh công tác thông tin, tuyên truyền trên Trang thông tin điện… | Các phòng chuyên môn, đơn vị trực thuộc Sở | In progress | 2024-06-28 |  |
| 1.2 | Thực hiện nghiêm việc công khai các quy hoạch, kế hoạch, dự án đầu… | Các phòng chuyên môn, đơn vị trực thuộc Sở | No report yet |  | no report for Q2 2024 |
| 1.3 | Công khai kết quả giải quyết phản ánh, kiến nghị của doanh nghiệp… | Các phòng chuyên môn, đơn vị trực thuộc Sở | No report yet |  | no report for Q2 2024 |
| 1.4 | Đẩy mạnh giải quyết hồ sơ TTHC đối với các thủ tục đã triển khai… | Các phòng chuyên môn, đơn vị trực thuộc Sở | No report yet |  | no report for Q2 2024 |
| 1.5 | Thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết TTHC… | Các phòng chuyên môn, đơn vị trực thuộc Sở | No report yet |  | no report for Q2 2024 |

### 3. Time costs

| Id | Task | Lead unit | Status | Latest record | Flags |
| --- | --- | --- | --- | --- | --- |
| 3.1 | Lồng ghép chương trình, kế hoạch thanh tra, kiểm tra của các cơ… | Thanh tra Sở | No report yet |  | no report for Q2 2024 |

### 4. Informal charges

| Id | Task | Lead unit | Status | Latest record | Flags |
| --- | --- | --- | --- | --- | --- |
| 4.3 | Thực hiện thông báo công khai số điện thoại đường dây nóng và Quy… | Thanh tra Sở | In progress | 2024-02-20 | no report for Q2 2024 |
| 4.4 | Thường xuyên phổ biến, quán triệt các chỉ thị, nghị quyết của Đảng… | Thanh tra Sở | No report yet |  | no report for Q2 2024 |
| 4.5 | Thực hiện tốt công tác thanh tra, kiểm tra của ngành trong việc thực… | Thanh tra Sở | In progress | 2024-09-15 | no report for Q2 2024 |
| 4.6 | Kiểm soát các hoạt động thanh tra, kiểm tra doanh nghiệp hoạt động… | Thanh tra Sở | In progress | 2024-06-30 |  |

### 6. Business support

| Id | Task | Lead unit | Status | Latest record | Flags |
| --- | --- | --- | --- | --- | --- |
| 6.4 | Tham gia đầy đủ hội nghị đối thoại trực tiếp với các doanh nghiệp do… | Lãnh đạo Sở, Các phòng chuyên môn, đơn vị trực thuộc Sở | In progress | 2024-09-10 | no report for Q2 2024 |

### 7. Legal institutions

| Id | Task | Lead unit | Status | Latest record | Flags |
| --- | --- | --- | --- | --- | --- |
| 7.1 | Nâng cao năng lực và hiệu quả hoạt động của bộ phận pháp chế nhằm… | Thanh tra Sở | No report yet |  | no report for Q2 2024 |
| 7.2 | Tiếp tục thực hiện tốt công tác tiếp công dân thường xuyên tại Phòng… | Thanh tra Sở | In progress | 2024-09-25 | not held: month 7 of 2024 |
| 7.3 | Công bố số điện thoại của Giám đốc Sở Khoa học và Công nghệ để tiếp… | Thanh tra Sở | In progress | 2024-04-10 |  |
| 7.4 | Bảo đảm mọi phản ánh, khiếu nại đều được ghi nhận, hướng dẫn và trả… | Thanh tra Sở | In progress | 2024-06-30 |  |

## Targets

| Target | Baseline | Goal | Latest value | This period | Assessment |
| --- | --- | --- | --- | --- | --- |
| thanh-tra-1-lan-nam<br>Số lần thanh tra, kiểm tra theo kế hoạch đối với một doanh nghiệp |  | ≤ 1 per year per doanh nghiệp | 1<br>(2024-09-15) | 1<br>(year 2024) | Met |
| khong-trung-lap<br>Số cuộc thanh tra, kiểm tra trùng lặp |  | 0 per year | 0<br>(2024-06-30) | 0<br>(year 2024) | Met |
| tiep-cong-dan<br>Số buổi tiếp công dân |  | ≥ 1 per month | 1<br>(2024-09-25) | 1<br>(September 2024) | Not met: month 7 of 2024 |
| duong-day-nong<br>Công khai đường dây nóng và Quy chế tiếp công dân |  | delivered | Done<br>(2024-02-20) |  | Met |
| doi-thoai-doanh-nghiep<br>Tỷ lệ hội nghị đối thoại doanh nghiệp của UBND tỉnh có tham gia |  | 100% |  |  | No data |
| so-dien-thoai-giam-doc<br>Công bố số điện thoại của Giám đốc Sở |  | delivered | In progress<br>(2024-04-10) |  | Not yet met |
| phan-anh-duoc-tra-loi<br>Tỷ lệ phản ánh, khiếu nại được trả lời |  | 100% | 100%<br>(2024-06-30) |  | Met |

## Periodic reports

2 of 2 reports whose period is over were sent; past due and not sent: 0.

| Unit | Period | Due | State |
| --- | --- | --- | --- |
| Thanh tra Sở | Q1 2024 | 2024-04-05 | Sent 2024-04-03 |
| Thanh tra Sở | Q2 2024 and first half of 2024 | 2024-07-05 | Sent 2024-07-03 |
"#, r#""#);
}

#[test]
fn example_json_as_of_the_end_of_q1_ignores_later_records() {
    Test::new()
        .args(["--plan", &example_plan_path()])
        .env("DDCI_TODAY", "2024-09-30")
        .args(["status", "--index", "thiet-che-phap-ly", "--as-of", "2024-03-31", "--format", "json"])
        .expect(0, r#"{
  "plan": {
    "title": "Kế hoạch khắc phục các chỉ số thành phần nhằm nâng cao năng lực cạnh tranh của Sở Khoa học và Công nghệ (DDCI) năm 2024",
    "agency": "Sở Khoa học và Công nghệ",
    "province": "Kon Tum",
    "year": 2024,
    "until": 2024,
    "overall": {
      "group": "Sở, ban, ngành",
      "previous_score": null,
      "previous_rank": null,
      "expected_score": null
    },
    "results": []
  },
  "as_of": "2024-03-31",
  "year_in_view": 2024,
  "quarter": {
    "name": "Quý I/2024",
    "start": "2024-01-01",
    "end": "2024-03-31"
  },
  "language": "vi",
  "summary": {
    "tasks": {
      "blocked": 0,
      "cancelled": 0,
      "done": 0,
      "done_late": 0,
      "in_progress": 1,
      "no_report": 3,
      "not_started": 0,
      "overdue": 0,
      "total": 4
    },
    "targets": {
      "met": 1,
      "no_data": 2,
      "not_met": 0,
      "not_yet_met": 0,
      "total": 3
    },
    "nothing_recorded": false,
    "scores_missing": true
  },
  "indices": [
    {
      "id": "thiet-che-phap-ly",
      "name": "Thiết chế pháp lý",
      "name_en": "Legal institutions",
      "previous_score": null,
      "previous_rank": null,
      "expected_score": null,
      "tasks": [
        {
          "id": "7.1",
          "index": "thiet-che-phap-ly",
          "text": "Nâng cao năng lực và hiệu quả hoạt động của bộ phận pháp chế nhằm đảm bảo các thiết chế pháp lý được thực thi đúng quy định, đặc biệt là trong giải quyết tranh chấp kinh tế cũng như khiếu nại, tố cáo của doanh nghiệp, nhà đầu tư.",
          "lead": [
            "thanh-tra"
          ],
          "coordinating": [
            "lien-quan"
          ],
          "schedule": {
            "kind": "ongoing",
            "text": "Thường xuyên",
            "due": null
          },
          "status": "no_report",
          "latest_record": null,
          "last_activity": null,
          "records": 0,
          "flags": [
            {
              "kind": "no_report_for_quarter",
              "quarter": {
                "name": "Quý I/2024",
                "start": "2024-01-01",
                "end": "2024-03-31"
              }
            }
          ]
        },
        {
          "id": "7.2",
          "index": "thiet-che-phap-ly",
          "text": "Tiếp tục thực hiện tốt công tác tiếp công dân thường xuyên tại Phòng tiếp dân của Sở định kỳ vào thứ 4 ngày cuối hàng tháng",
          "lead": [
            "thanh-tra"
          ],
          "coordinating": [
            "lien-quan"
          ],
          "schedule": {
            "kind": "recurring",
            "text": "Thường xuyên",
            "due": null
          },
          "status": "in_progress",
          "latest_record": {
            "date": "2024-03-27",
            "status": "in_progress",
            "value": null,
            "of": null,
            "note": "Duy trì tiếp công dân định kỳ; quý I không phát sinh đơn thư.",
            "by": "thanh-tra",
            "evidence": null
          },
          "last_activity": "2024-03-27",
          "records": 1,
          "flags": []
        },
        {
          "id": "7.3",
          "index": "thiet-che-phap-ly",
          "text": "Công bố số điện thoại của Giám đốc Sở Khoa học và Công nghệ để tiếp nhận phản ánh, kiến nghị, khiếu nại, tố cáo của tổ chức, công dân và doanh nghiệp liên quan đến ngành; Công khai các thông tin của đơn vị lên Trang thông tin điện tử của Sở Khoa học và Công nghệ để các cá nhân, tổ chức, doanh nghiệp có thể dễ dàng tiếp cận.",
          "lead": [
            "thanh-tra"
          ],
          "coordinating": [
            "lien-quan"
          ],
          "schedule": {
            "kind": "ongoing",
            "text": "Thường xuyên",
            "due": null
          },
          "status": "no_report",
          "latest_record": null,
          "last_activity": null,
          "records": 0,
          "flags": [
            {
              "kind": "no_report_for_quarter",
              "quarter": {
                "name": "Quý I/2024",
                "start": "2024-01-01",
                "end": "2024-03-31"
              }
            }
          ]
        },
        {
          "id": "7.4",
          "index": "thiet-che-phap-ly",
          "text": "Bảo đảm mọi phản ánh, khiếu nại đều được ghi nhận, hướng dẫn và trả lời cho doanh nghiệp.",
          "lead": [
            "thanh-tra"
          ],
          "coordinating": [
            "lien-quan"
          ],
          "schedule": {
            "kind": "ongoing",
            "text": "Thường xuyên",
            "due": null
          },
          "status": "no_report",
          "latest_record": null,
          "last_activity": null,
          "records": 0,
          "flags": [
            {
              "kind": "no_report_for_quarter",
              "quarter": {
                "name": "Quý I/2024",
                "start": "2024-01-01",
                "end": "2024-03-31"
              }
            }
          ]
        }
      ]
    }
  ],
  "targets": [
    {
      "id": "tiep-cong-dan",
      "kind": "count_at_least",
      "text": "Tiếp tục thực hiện tốt công tác tiếp công dân thường xuyên tại Phòng tiếp dân của Sở định kỳ vào thứ 4 ngày cuối hàng tháng",
      "measure": "Số buổi tiếp công dân",
      "task": "7.2",
      "index": "thiet-che-phap-ly",
      "goal": "≥ 1 lần/tháng",
      "baseline": null,
      "latest": {
        "date": "2024-03-27",
        "status": null,
        "value": 1.0,
        "of": null,
        "note": null,
        "by": "thanh-tra",
        "evidence": null
      },
      "this_period": {
        "period": {
          "name": "Tháng 3/2024",
          "start": "2024-03-01",
          "end": "2024-03-31"
        },
        "amount": 1.0
      },
      "failing_periods": [],
      "assessment": "met",
      "met": true
    },
    {
      "id": "so-dien-thoai-giam-doc",
      "kind": "deliverable",
      "text": "Công bố số điện thoại của Giám đốc Sở Khoa học và Công nghệ để tiếp nhận phản ánh, kiến nghị, khiếu nại, tố cáo của tổ chức, công dân và doanh nghiệp liên quan đến ngành",
      "measure": "Công bố số điện thoại của Giám đốc Sở",
      "task": "7.3",
      "index": "thiet-che-phap-ly",
      "goal": "hoàn thành",
      "baseline": null,
      "latest": null,
      "this_period": null,
      "failing_periods": [],
      "assessment": "no_data",
      "met": null
    },
    {
      "id": "phan-anh-duoc-tra-loi",
      "kind": "all",
      "text": "Bảo đảm mọi phản ánh, khiếu nại đều được ghi nhận, hướng dẫn và trả lời cho doanh nghiệp.",
      "measure": "Tỷ lệ phản ánh, khiếu nại được trả lời",
      "task": "7.4",
      "index": "thiet-che-phap-ly",
      "goal": "100%",
      "baseline": null,
      "latest": null,
      "this_period": null,
      "failing_periods": [],
      "assessment": "no_data",
      "met": null
    }
  ],
  "reports": []
}
"#, r#""#);
}

#[test]
fn example_csv_for_one_index() {
    let run = Test::new()
        .args(["--plan", &example_plan_path()])
        .env("DDCI_TODAY", "2024-09-30")
        .args([
            "status",
            "--index",
            "ho-tro-doanh-nghiep",
            "--format",
            "csv",
        ])
        .run();
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    // Spreadsheets expect CRLF; every line has it.
    assert_eq!(
        run.stdout.matches('\n').count(),
        run.stdout.matches("\r\n").count()
    );
    assert_eq!(
        run.stdout.replace("\r\n", "\n"),
        r#"﻿type,id,index,Nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,status,Tiến độ,Ghi nhận gần nhất,Giá trị mới nhất,Mục tiêu,Mốc so sánh,Trong kỳ,Lưu ý
task,6.1,ho-tro-doanh-nghiep,"Thông báo và hướng dẫn các doanh nghiệp xây dựng dự án tham gia các chương trình khoa học và công nghệ Quốc gia để được hỗ trợ, cho vay, tài trợ thực hiện đổi mới công nghệ, tạo ra sản phẩm mới có chất lượng và sức cạnh tranh.",QLCN; TC-ĐL-CL; QLKH,,no_report,Chưa có báo cáo,,,,,,chưa có báo cáo Quý II/2024
task,6.2,ho-tro-doanh-nghiep,"Tổ chức triển khai có hiệu quả chương trình hỗ trợ phát triển tài sản trí tuệ tỉnh Kon Tum giai đoạn 2021-2030; Chương trình “Hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp vừa và nhỏ tỉnh Kon Tum” giai đoạn 2021-2025; Kế hoạch số 3144/KH-UBND ngày 01/9/2021 của UBND tỉnh về “Tăng cường, đổi mới hoạt động đo lường để hỗ trợ doanh nghiệp Việt Nam nâng cao năng lực cạnh tranh và hội nhập quốc tế giai đoạn đến năm 2025, định hướng đến năm 2030” trên địa bàn tỉnh Kon Tum; Kế hoạch hỗ trợ phát triển Doanh nghiệp Khoa học và Công nghệ trên địa bàn tỉnh Kon Tum đến năm 2025 (Kế hoạch số 1587/KH-UBND ngày 08/5/2020)",QLCN; TC-ĐL-CL; QLKH,,no_report,Chưa có báo cáo,,,,,,chưa có báo cáo Quý II/2024
task,6.3,ho-tro-doanh-nghiep,"Tham gia ý kiến thẩm định công nghệ các dự án đầu tư đảm bảo đúng thời gian làm cơ sở để tham mưu UBND tỉnh quyết định chủ trương đầu tư, cấp giấy chứng nhận đăng ký đầu tư theo quy định của Luật Đầu tư.",QLCN,,in_progress,Đang thực hiện,20/08/2024,,,,,chưa có báo cáo Quý II/2024
task,6.4,ho-tro-doanh-nghiep,Tham gia đầy đủ hội nghị đối thoại trực tiếp với các doanh nghiệp do UBND tỉnh tổ chức; kịp thời chỉ đạo giải quyết các nội dung kiến nghị của doanh nghiệp.,"Lãnh đạo Sở; Các phòng chuyên môn, đơn vị trực thuộc Sở",,in_progress,Đang thực hiện,10/09/2024,,,,,chưa có báo cáo Quý II/2024
target,doi-thoai-doanh-nghiep,ho-tro-doanh-nghiep,Tham gia đầy đủ hội nghị đối thoại trực tiếp với các doanh nghiệp do UBND tỉnh tổ chức,,,no_data,Chưa có số liệu,,,100%,,,
"#
    );
}

#[test]
fn blocked_tasks_only() {
    Test::new()
        .args(["--plan", &example_plan_path()])
        .env("DDCI_TODAY", "2024-09-30")
        .args(["status", "--status", "blocked", "--format", "markdown", "--lang", "en"])
        .expect(0, r#"# Kế hoạch khắc phục các chỉ số thành phần nhằm nâng cao năng lực cạnh tranh của Sở Khoa học và Công nghệ (DDCI) năm 2024

Sở Khoa học và Công nghệ, Kon Tum

- As of 2024-09-30 (Q3 2024)
- Tasks: 1 — Blocked 1
- Targets: 0
- No component scores or ranks have been entered (the appendix is missing).

## Component indices

| No. | Index | Tasks | Done | In progress | Not started | No report yet | Blocked or late |
| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |
| 3 | Time costs | 1 | 0 | 0 | 0 | 0 | 1 |

## Tasks

### 3. Time costs

| Id | Task | Lead unit | Status | Latest record | Flags |
| --- | --- | --- | --- | --- | --- |
| 3.4 | Triển khai đầy mạnh thực hiện luân chuyển, xử lý hồ sơ TTHC hoàn… | Các phòng, đơn vị thuộc Sở | Blocked | 2024-07-15 | no report for Q2 2024 |
"#, r#""#);
}

#[test]
fn owner_includes_coordinated_tasks() {
    Test::new()
        .args(["--plan", &example_plan_path()])
        .env("DDCI_TODAY", "2024-09-30")
        .args(["status", "--owner", "lien-quan", "--index", "canh-tranh-binh-dang", "--format", "markdown"])
        .expect(0, r#"# Kế hoạch khắc phục các chỉ số thành phần nhằm nâng cao năng lực cạnh tranh của Sở Khoa học và Công nghệ (DDCI) năm 2024

Sở Khoa học và Công nghệ, Kon Tum

- Tính đến ngày 30/09/2024 (Quý III/2024)
- Phạm vi: nhiệm vụ Các phòng và đơn vị có liên quan chủ trì hoặc phối hợp
- Nhiệm vụ: 2 — Chưa có báo cáo 1, Đang thực hiện 1
- Chỉ tiêu: 0
- Chưa có số liệu điểm, thứ hạng các chỉ số thành phần (phụ lục chưa được nhập).

## Chỉ số thành phần

| STT | Chỉ số | Nhiệm vụ | Hoàn thành | Đang thực hiện | Chưa thực hiện | Chưa có báo cáo | Vướng mắc, trễ hạn |
| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |
| 5 | Cạnh tranh bình đẳng | 2 | 0 | 1 | 0 | 1 | 0 |

## Nhiệm vụ

### 5. Cạnh tranh bình đẳng

| Mã | Nhiệm vụ | Đơn vị chủ trì | Tiến độ | Ghi nhận gần nhất | Lưu ý |
| --- | --- | --- | --- | --- | --- |
| 5.1 | Tiếp tục thực hiện tốt các quy định của nhà nước về công tác đấu… | HC-TH | Đang thực hiện | 30/06/2024 |  |
| 5.2 | Bảo đảm sự cạnh tranh công bằng, minh bạch trong quá trình lựa chọn… | HC-TH | Chưa có báo cáo |  | chưa có báo cáo Quý II/2024 |
"#, r#""#);
}

#[test]
fn lead_only_leaves_out_coordinated_tasks() {
    Test::new()
        .args(["--plan", &example_plan_path()])
        .env("DDCI_TODAY", "2024-09-30")
        .args(["status", "--owner", "lien-quan", "--lead-only", "--index", "canh-tranh-binh-dang", "--format", "markdown"])
        .expect(0, r#"# Kế hoạch khắc phục các chỉ số thành phần nhằm nâng cao năng lực cạnh tranh của Sở Khoa học và Công nghệ (DDCI) năm 2024

Sở Khoa học và Công nghệ, Kon Tum

- Tính đến ngày 30/09/2024 (Quý III/2024)
- Phạm vi: nhiệm vụ Các phòng và đơn vị có liên quan chủ trì
- Nhiệm vụ: 0
- Chỉ tiêu: 0
- Chưa có số liệu điểm, thứ hạng các chỉ số thành phần (phụ lục chưa được nhập).

Không có nhiệm vụ hay chỉ tiêu nào khớp với bộ lọc.
"#, r#""#);
}

#[test]
fn narrow_terminal() {
    Test::new()
        .args(["--plan", &example_plan_path()])
        .env("DDCI_TODAY", "2024-09-30")
        .env("COLUMNS", "60")
        .args(["status", "--index", "thiet-che-phap-ly"])
        .expect(
            0,
            r#"Kế hoạch khắc phục các chỉ số thành phần nhằm nâng cao năng
lực cạnh tranh của Sở Khoa học và Công nghệ (DDCI) năm 2024
═══════════════════════════════════════════════════════════

Sở Khoa học và Công nghệ, Kon Tum

- Tính đến ngày 30/09/2024 (Quý III/2024)
- Nhiệm vụ: 4 — Chưa có báo cáo 1, Đang thực hiện 3
- Chỉ tiêu: 3 — Đạt 1, Chưa đạt 1, Không đạt 1
- Chưa có số liệu điểm, thứ hạng các chỉ số thành phần (phụ
  lục chưa được nhập).

Chỉ số thành phần

┌─────┬───────┬───────┬───────┬──────┬──────┬──────┬───────┐
│ STT ┆ Chỉ   ┆ Nhiệm ┆ Hoàn  ┆ Đang ┆ Chưa ┆ Chưa ┆ Vướng │
│     ┆ số    ┆ vụ    ┆ thành ┆ thực ┆ thực ┆ có   ┆ mắc,  │
│     ┆       ┆       ┆       ┆ hiện ┆ hiện ┆ báo  ┆ trễ   │
│     ┆       ┆       ┆       ┆      ┆      ┆ cáo  ┆ hạn   │
╞═════╪═══════╪═══════╪═══════╪══════╪══════╪══════╪═══════╡
│   7 ┆ Thiết ┆     4 ┆     0 ┆    3 ┆    0 ┆    1 ┆     0 │
│     ┆ chế   ┆       ┆       ┆      ┆      ┆      ┆       │
│     ┆ pháp  ┆       ┆       ┆      ┆      ┆      ┆       │
│     ┆ lý    ┆       ┆       ┆      ┆      ┆      ┆       │
└─────┴───────┴───────┴───────┴──────┴──────┴──────┴───────┘

Nhiệm vụ

7. Thiết chế pháp lý

┌─────┬────────┬──────────┬─────────┬────────────┬─────────┐
│ Mã  ┆ Nhiệm  ┆ Đơn vị   ┆ Tiến độ ┆ Ghi nhận   ┆ Lưu ý   │
│     ┆ vụ     ┆ chủ trì  ┆         ┆ gần nhất   ┆         │
╞═════╪════════╪══════════╪═════════╪════════════╪═════════╡
│ 7.1 ┆ Nâng   ┆ Thanh    ┆ Chưa có ┆            ┆ chưa có │
│     ┆ cao    ┆ tra Sở   ┆ báo cáo ┆            ┆ báo cáo │
│     ┆ năng   ┆          ┆         ┆            ┆ Quý     │
│     ┆ lực và ┆          ┆         ┆            ┆ II/2024 │
│     ┆ hiệu   ┆          ┆         ┆            ┆         │
│     ┆ quả    ┆          ┆         ┆            ┆         │
│     ┆ hoạt   ┆          ┆         ┆            ┆         │
│     ┆ động   ┆          ┆         ┆            ┆         │
│     ┆ của bộ ┆          ┆         ┆            ┆         │
│     ┆ phận   ┆          ┆         ┆            ┆         │
│     ┆ pháp   ┆          ┆         ┆            ┆         │
│     ┆ chế    ┆          ┆         ┆            ┆         │
│     ┆ nhằm…  ┆          ┆         ┆            ┆         │
│ 7.2 ┆ Tiếp   ┆ Thanh    ┆ Đang    ┆ 25/09/2024 ┆ không   │
│     ┆ tục    ┆ tra Sở   ┆ thực    ┆            ┆ tổ      │
│     ┆ thực   ┆          ┆ hiện    ┆            ┆ chức:   │
│     ┆ hiện   ┆          ┆         ┆            ┆ tháng   │
│     ┆ tốt    ┆          ┆         ┆            ┆ 7/2024  │
│     ┆ công   ┆          ┆         ┆            ┆         │
│     ┆ tác    ┆          ┆         ┆            ┆         │
│     ┆ tiếp   ┆          ┆         ┆            ┆         │
│     ┆ công   ┆          ┆         ┆            ┆         │
│     ┆ dân    ┆          ┆         ┆            ┆         │
│     ┆ thường ┆          ┆         ┆            ┆         │
│     ┆ xuyên  ┆          ┆         ┆            ┆         │
│     ┆ tại    ┆          ┆         ┆            ┆         │
│     ┆ Phòng… ┆          ┆         ┆            ┆         │
│ 7.3 ┆ Công   ┆ Thanh    ┆ Đang    ┆ 10/04/2024 ┆         │
│     ┆ bố số  ┆ tra Sở   ┆ thực    ┆            ┆         │
│     ┆ điện   ┆          ┆ hiện    ┆            ┆         │
│     ┆ thoại  ┆          ┆         ┆            ┆         │
│     ┆ của    ┆          ┆         ┆            ┆         │
│     ┆ Giám   ┆          ┆         ┆            ┆         │
│     ┆ đốc Sở ┆          ┆         ┆            ┆         │
│     ┆ Khoa   ┆          ┆         ┆            ┆         │
│     ┆ học và ┆          ┆         ┆            ┆         │
│     ┆ Công   ┆          ┆         ┆            ┆         │
│     ┆ nghệ   ┆          ┆         ┆            ┆         │
│     ┆ để     ┆          ┆         ┆            ┆         │
│     ┆ tiếp…  ┆          ┆         ┆            ┆         │
│ 7.4 ┆ Bảo    ┆ Thanh    ┆ Đang    ┆ 30/06/2024 ┆         │
│     ┆ đảm    ┆ tra Sở   ┆ thực    ┆            ┆         │
│     ┆ mọi    ┆          ┆ hiện    ┆            ┆         │
│     ┆ phản   ┆          ┆         ┆            ┆         │
│     ┆ ánh,   ┆          ┆         ┆            ┆         │
│     ┆ khiếu  ┆          ┆         ┆            ┆         │
│     ┆ nại    ┆          ┆         ┆            ┆         │
│     ┆ đều    ┆          ┆         ┆            ┆         │
│     ┆ được   ┆          ┆         ┆            ┆         │
│     ┆ ghi    ┆          ┆         ┆            ┆         │
│     ┆ nhận,  ┆          ┆         ┆            ┆         │
│     ┆ hướng  ┆          ┆         ┆            ┆         │
│     ┆ dẫn và ┆          ┆         ┆            ┆         │
│     ┆ trả…   ┆          ┆         ┆            ┆         │
└─────┴────────┴──────────┴─────────┴────────────┴─────────┘

Chỉ tiêu

┌────────────────────────┬───────────────┬─────────────────┐
│ Chỉ tiêu               ┆ Mục tiêu      ┆ Giá trị mới     │
│                        ┆               ┆ nhất            │
╞════════════════════════╪═══════════════╪═════════════════╡
│ tiep-cong-dan          ┆ ≥ 1 lần/tháng ┆ 1               │
│ Số buổi tiếp công dân  ┆               ┆ (25/09/2024)    │
│ so-dien-thoai-giam-doc ┆ hoàn thành    ┆ Đang thực hiện  │
│ Công bố số điện thoại  ┆               ┆ (10/04/2024)    │
│ của Giám đốc Sở        ┆               ┆                 │
│ phan-anh-duoc-tra-loi  ┆ 100%          ┆ 100%            │
│ Tỷ lệ phản ánh, khiếu  ┆               ┆ (30/06/2024)    │
│ nại được trả lời       ┆               ┆                 │
└────────────────────────┴───────────────┴─────────────────┘

┌────────────────────────┬────────────────┬────────────────┐
│ Chỉ tiêu               ┆ Trong kỳ       ┆ Đánh giá       │
╞════════════════════════╪════════════════╪════════════════╡
│ tiep-cong-dan          ┆ 1              ┆ Không đạt:     │
│ Số buổi tiếp công dân  ┆ (Tháng 9/2024) ┆ tháng 7/2024   │
│ so-dien-thoai-giam-doc ┆                ┆ Chưa đạt       │
│ Công bố số điện thoại  ┆                ┆                │
│ của Giám đốc Sở        ┆                ┆                │
│ phan-anh-duoc-tra-loi  ┆                ┆ Đạt            │
│ Tỷ lệ phản ánh, khiếu  ┆                ┆                │
│ nại được trả lời       ┆                ┆                │
└────────────────────────┴────────────────┴────────────────┘
"#,
            r#""#,
        );
}

#[test]
fn overdue_and_late_tasks() {
    Test::new()
        .plan(OVERDUE_PLAN)
        .env("DDCI_TODAY", "2024-09-30")
        .args(["status", "--format", "markdown"])
        .expect(0, r#"# Kế hoạch thử

Sở Khoa học và Công nghệ, Kon Tum

- Tính đến ngày 30/09/2024 (Quý III/2024)
- Nhiệm vụ: 2 — Chưa hoàn thành trễ hạn 1, Hoàn thành trễ hạn 1
- Chỉ tiêu: 1 — Chưa có số liệu 1
- Chưa có số liệu điểm, thứ hạng các chỉ số thành phần (phụ lục chưa được nhập).

## Chỉ số thành phần

| STT | Chỉ số | Nhiệm vụ | Hoàn thành | Đang thực hiện | Chưa thực hiện | Chưa có báo cáo | Vướng mắc, trễ hạn |
| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |
| 1 | Tính minh bạch | 2 | 1 | 0 | 0 | 0 | 1 |

## Nhiệm vụ

### 1. Tính minh bạch

| Mã | Nhiệm vụ | Đơn vị chủ trì | Tiến độ | Ghi nhận gần nhất | Lưu ý |
| --- | --- | --- | --- | --- | --- |
| 1.1 | Đẩy mạnh công tác thông tin, tuyên truyền | HC-TH | Chưa hoàn thành trễ hạn |  | hạn 01/07/2024 |
| 1.2 | Công bố số điện thoại đường dây nóng | HC-TH | Hoàn thành trễ hạn | 05/04/2024 |  |

## Chỉ tiêu

| Chỉ tiêu | Mốc so sánh | Mục tiêu | Giá trị mới nhất | Trong kỳ | Đánh giá |
| --- | --- | --- | --- | --- | --- |
| dvctt<br>đảm bảo tối thiểu 80% |  | ≥ 80% |  |  | Chưa có số liệu |
"#, r#""#);
}

#[test]
fn overdue_filter() {
    Test::new()
        .plan(OVERDUE_PLAN)
        .env("DDCI_TODAY", "2024-09-30")
        .args(["status", "--overdue", "--lang", "en"])
        .expect(
            0,
            r#"Kế hoạch thử
════════════

Sở Khoa học và Công nghệ, Kon Tum

- As of 2024-09-30 (Q3 2024)
- Tasks: 1 — Overdue 1
- Targets: 1 — No data 1
- No component scores or ranks have been entered (the appendix is missing).

Component indices

┌─────┬────────────────┬───────┬──────┬──────────┬─────────┬────────┬─────────┐
│ No. ┆ Index          ┆ Tasks ┆ Done ┆ In       ┆ Not     ┆ No     ┆ Blocked │
│     ┆                ┆       ┆      ┆ progress ┆ started ┆ report ┆ or late │
│     ┆                ┆       ┆      ┆          ┆         ┆ yet    ┆         │
╞═════╪════════════════╪═══════╪══════╪══════════╪═════════╪════════╪═════════╡
│   1 ┆ Tính minh bạch ┆     1 ┆    0 ┆        0 ┆       0 ┆      0 ┆       1 │
└─────┴────────────────┴───────┴──────┴──────────┴─────────┴────────┴─────────┘

Tasks

1. Tính minh bạch

┌─────┬───────────────────────────────────────────┬───────────┬─────────┬────────────────┐
│ Id  ┆ Task                                      ┆ Lead unit ┆ Status  ┆ Flags          │
╞═════╪═══════════════════════════════════════════╪═══════════╪═════════╪════════════════╡
│ 1.1 ┆ Đẩy mạnh công tác thông tin, tuyên truyền ┆ HC-TH     ┆ Overdue ┆ due 2024-07-01 │
└─────┴───────────────────────────────────────────┴───────────┴─────────┴────────────────┘

Targets

┌───────────────────────┬───────┬────────────┐
│ Target                ┆ Goal  ┆ Assessment │
╞═══════════════════════╪═══════╪════════════╡
│ dvctt                 ┆ ≥ 80% ┆ No data    │
│ đảm bảo tối thiểu 80% ┆       ┆            │
└───────────────────────┴───────┴────────────┘
"#,
            r#""#,
        );
}

#[test]
fn colour_only_when_asked_and_never_with_no_color() {
    let test = Test::new()
        .args([
            "--plan",
            &example_plan_path(),
            "--color",
            "always",
            "status",
            "--index",
            "thiet-che-phap-ly",
        ])
        .env("DDCI_TODAY", "2024-09-30");
    let plain = test.run();
    assert_eq!(plain.code, 0);
    assert!(
        !plain.stdout.contains('\u{1b}'),
        "NO_COLOR is set by the harness"
    );
    let coloured = test.run_without_env("NO_COLOR");
    assert!(
        coloured.stdout.contains("\u{1b}[38;5;10m Đạt"),
        "{}",
        coloured.stdout
    );
    let piped = Test::new()
        .args([
            "--plan",
            &example_plan_path(),
            "status",
            "--index",
            "thiet-che-phap-ly",
        ])
        .run_without_env("NO_COLOR");
    assert!(!piped.stdout.contains('\u{1b}'), "no colour into a pipe");
}

#[test]
fn unknown_owner_is_a_usage_error_with_a_suggestion() {
    Test::new()
        .args([
            "--plan",
            &bundled_plan_path(),
            "status",
            "--owner",
            "thanh-tr",
        ])
        .expect(
            2,
            "",
            "error: no unit has the id `thanh-tr`\nhelp: did you mean `thanh-tra`?\nhelp: `ddci list units` shows each id with its name\n",
        );
}

#[test]
fn invalid_plan_shows_its_problems_instead_of_a_status() {
    let broken = SMALL_PLAN.replace("index = \"minh-bach\"", "index = \"minh-bac\"");
    let run = Test::new().plan(&broken).args(["status"]).run();
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .contains("error[unknown-reference]: no index has the id `minh-bac`")
    );
    assert!(
        run.stderr
            .ends_with("error: plan.toml has errors; fix them (see `ddci validate`) first\n")
    );
}

#[test]
fn csv_cells_cannot_run_as_formulas() {
    let plan = SMALL_PLAN.replace(
        "text = \"Đẩy mạnh công tác thông tin, tuyên truyền\"",
        "text = \"=HYPERLINK(\\\"http://example.invalid\\\")\"",
    );
    let run = Test::new()
        .plan(&plan)
        .args(["status", "--format", "csv"])
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with('\u{feff}'));
    assert!(
        run.stdout
            .contains("task,1.1,minh-bach,\"'=HYPERLINK(\"\"http://example.invalid\"\")\""),
        "{}",
        run.stdout
    );
}

/// `--overdue` shows what is overdue: tasks past their date and reports not
/// sent by theirs, even when no task is.
#[test]
fn overdue_shows_the_reports_not_sent_by_their_day() {
    let run = Test::new()
        .args(["--plan", &example_plan_path()])
        .env("DDCI_TODAY", "2024-10-08")
        .args(["status", "--overdue", "--format", "markdown"])
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    for said in [
        "Không có nhiệm vụ hay chỉ tiêu nào khớp với bộ lọc.\n",
        "## Báo cáo định kỳ\n\nQuá hạn chưa gửi: 6 báo cáo.\n",
        "| Trung tâm NC UD\\&DVKHCN | Quý II và 6 tháng đầu năm 2024 | 05/07/2024 | Quá hạn, chưa ghi nhận đã gửi |\n",
        "| Thanh tra Sở | Quý III/2024 | 07/10/2024 | Quá hạn, chưa ghi nhận đã gửi |\n",
    ] {
        assert!(run.stdout.contains(said), "{said}\n{}", run.stdout);
    }
    assert!(!run.stdout.contains("Đã gửi"), "{}", run.stdout);
}

/// "0 (Tháng 10/2024)" was shown for a month five days old with nothing
/// recorded (#26, a new user's run): a period with no record is "chưa ghi
/// nhận", not 0; a month recorded as not held stays 0.
#[test]
fn a_count_s_period_with_nothing_recorded_is_not_zero() {
    let status = |as_of: &str| {
        Test::new()
            .args([
                "--plan",
                &example_plan_path(),
                "status",
                "--format",
                "markdown",
            ])
            .args(["--as-of", as_of])
            .env("DDCI_TODAY", "2024-10-05")
            .run()
            .stdout
    };
    let october = status("2024-10-05");
    assert!(
        october.contains("| chưa ghi nhận<br>(Tháng 10/2024) |"),
        "{october}"
    );
    let july = status("2024-07-31");
    assert!(july.contains("| 0<br>(Tháng 7/2024) |"), "{july}");
}

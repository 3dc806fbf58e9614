#!/usr/bin/env bash
# Builds examples/progress-2024/plan.toml: the bundled 2024 plan plus ILLUSTRATIVE progress
# records for January to September 2024, each added with `ddci record` as a unit would.
#
# These records are made up to show what the tool does. They are not the department's real
# progress, and no figure here comes from the seed document.
#
# Usage: examples/progress-2024/regenerate.sh [path/to/ddci [output.toml]]
#        (defaults: cargo run, and plan.toml beside this script)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ $# -ge 1 ]; then ddci=("$1"); else ddci=(cargo run --quiet --manifest-path "$root/Cargo.toml" --); fi
plan="${2:-$here/plan.toml}"

{
  echo "#:schema ../../schema/plan.schema.json"
  echo "# DỮ LIỆU MINH HỌA / ILLUSTRATIVE EXAMPLE DATA"
  echo "# The records below are invented to demonstrate ddci; they are not real progress."
  echo "# Regenerate with examples/progress-2024/regenerate.sh."
  echo
  # All but its own #:schema line. Illustrative keys the plan does not give are added, so that
  # each unit's report deadline can be shown (who is in "Các phòng chuyên môn, đơn vị trực thuộc
  # Sở", a due date 5 days after each period) and the report's header filled in (the plan's own
  # number and date, the parent agency, the document code, the report's recipients).
  tail -n +2 "$root/plans/so-khcn-kon-tum-2024.toml" | awk -v mark="# MINH HỌA / ILLUSTRATIVE" '
    /^# The department.s overall DDCI result/ {
      print mark ": where the department'"'"'s period reports go; the plan does not say."
      print "[plan.report]  " mark
      print "recipients = [\"Sở Kế hoạch và Đầu tư\", \"Lãnh đạo Sở\", \"Các phòng, đơn vị thuộc Sở\", \"Lưu: VT, HCTH\"]  " mark
      print ""
    }
    /^id = "cac-phong-don-vi"$/ { group = 1 }
    /^id = "don-vi-bao-cao"$/ { duty = 1 }
    { print }
    /^signed_by = / {
      print mark ": the seed gives no plan number or date, parent agency or document code."
      print "number = \"45/KH-SKHCN\"  " mark
      print "issued = 2024-04-05  " mark
      print "parent_agency = \"UBND tỉnh Kon Tum\"  " mark
      print "code = \"SKHCN\"  " mark
    }
    group && /^kind = "group"$/ {
      print mark ": the plan does not list the group'"'"'s members."
      print "members = [\"hc-th\", \"tc-dl-cl\", \"qlcn\", \"qlkh\", \"thanh-tra\", \"trung-tam\"]  " mark
      group = 0
    }
    duty && /^periods = / {
      print mark ": the plan sets no due date."
      print "due_days_after = 5  " mark
      duty = 0
    }'
} > "$plan"

export DDCI_TODAY=2024-09-30
record() { "${ddci[@]}" --plan "$plan" record "$@" > /dev/null; }

# Citizen reception on the last Wednesday of each month; July was missed.
for day in 2024-01-31 2024-02-28 2024-03-27 2024-04-24 2024-05-29 2024-06-26 2024-08-28 2024-09-25; do
  record tiep-cong-dan --date "$day" --value 1 --by thanh-tra
done
record 7.2 --date 2024-03-27 --status in-progress --by thanh-tra \
  --note "Duy trì tiếp công dân định kỳ; quý I không phát sinh đơn thư."
# July's none, as the unit recorded it (a month with nothing recorded is only "chưa ghi nhận").
record tiep-cong-dan --date 2024-07-31 --value 0 --by thanh-tra \
  --note "Không tổ chức tiếp công dân tháng 7 do trùng lịch thanh tra."
record 7.2 --date 2024-09-25 --status in-progress --by thanh-tra \
  --note "Tháng 7 không tổ chức được buổi tiếp công dân do trùng lịch thanh tra." \
  --shortcoming "Chưa bố trí được lịch tiếp công dân thay thế khi trùng lịch công tác."

# Business coffee every month; nothing is recorded for July and August ("chưa ghi nhận").
for day in 2024-01-19 2024-02-23 2024-03-22 2024-04-19 2024-05-24 2024-06-21 2024-09-20; do
  record ca-phe-doanh-nghiep --date "$day" --value 1 --by ban-giam-doc
done
record 8.3 --date 2024-06-21 --status in-progress --by ban-giam-doc \
  --note "Tham gia đủ 6 buổi Cà phê doanh nghiệp 6 tháng đầu năm."

# Online services, processing time, on-time resolution, complaints answered.
record dvctt-toan-trinh --date 2024-03-31 --value 65 --by hc-th --evidence "Báo cáo quý I (minh họa)"
record dvctt-toan-trinh --date 2024-06-30 --value 72.5 --by hc-th --evidence "Báo cáo 6 tháng (minh họa)" --record-id dvctt-q2
record dvctt-toan-trinh --date 2024-06-30 --value 74 --by hc-th --corrects dvctt-q2 \
  --note "Số liệu quý II sửa lại sau khi rà soát danh mục TTHC."
record dvctt-toan-trinh --date 2024-09-30 --value 81 --by hc-th --evidence "Báo cáo 9 tháng (minh họa)"
record 3.5 --date 2024-09-30 --status in-progress --by hc-th \
  --note "Đã rà soát toàn bộ TTHC đủ điều kiện; 81% cung cấp DVCTT toàn trình."
record cat-giam-thoi-gian --date 2024-06-30 --value 22 --by hc-th \
  --shortcoming "Thời gian giải quyết một số TTHC chưa giảm được như kế hoạch." \
  --cause "Nhiều hồ sơ phải bổ sung giấy tờ, kéo dài thời gian xử lý."
record cat-giam-thoi-gian --date 2024-09-30 --value 27 --by hc-th \
  --shortcoming "Một số TTHC liên thông phụ thuộc thời gian xử lý của cơ quan khác." \
  --proposal "Đề nghị Văn phòng UBND tỉnh hỗ trợ rút ngắn thời gian liên thông."
record tthc-truoc-han --date 2024-03-31 --value 98.5 --by hc-th
record tthc-truoc-han --date 2024-06-30 --value 100 --by hc-th
record tthc-truoc-han --date 2024-09-30 --value 100 --by hc-th
record 2.1 --date 2024-09-30 --status in-progress --by cac-phong-don-vi-thuoc-so \
  --note "100% hồ sơ TTHC quý III được giải quyết trước hạn."
record phan-anh-duoc-tra-loi --date 2024-06-30 --value 100 --by thanh-tra

# Inspections: no enterprise inspected twice, no duplicate inspections.
record thanh-tra-1-lan-nam --date 2024-09-15 --value 1 --by thanh-tra --evidence "Kế hoạch thanh tra năm 2024 (minh họa)"
record khong-trung-lap --date 2024-06-30 --value 0 --by thanh-tra
record 4.5 --date 2024-09-15 --status in-progress --by thanh-tra \
  --note "Thực hiện thanh tra theo danh mục được Chủ tịch UBND tỉnh phê duyệt."

# Deliverables.
record 3.2 --date 2024-05-15 --status in-progress --by tc-dl-cl --evidence "Quyết định công bố ISO (minh họa)" \
  --note "Công bố lại Hệ thống quản lý chất lượng TCVN ISO 9001:2015."
record duong-day-nong --date 2024-02-20 --status done --by hc-th --evidence "Thông báo trên Trang thông tin điện tử (minh họa)"
record 4.3 --date 2024-02-20 --status done --by hc-th
record so-dien-thoai-giam-doc --date 2024-04-10 --status in-progress --by ban-giam-doc \
  --note "Đang cập nhật Trang thông tin điện tử."

# Ongoing work reported by units.
record 1.1 --date 2024-03-29 --status in-progress --by trung-tam --note "Đăng 24 tin bài về KH&CN trong quý I."
record 1.1 --date 2024-06-28 --status in-progress --by trung-tam --note "Đăng 31 tin bài trong quý II."
record 1.6 --date 2024-06-28 --status in-progress --by trung-tam --note "Nâng cấp giao diện Trang thông tin điện tử."
record 3.4 --date 2024-07-15 --status blocked --by cac-phong-don-vi-thuoc-so \
  --note "Phần mềm một cửa điện tử chưa liên thông với hệ thống của Bộ." \
  --shortcoming "Hệ thống thông tin giải quyết TTHC chưa kết nối đầy đủ." \
  --proposal "Đề nghị Sở Thông tin và Truyền thông hỗ trợ kết nối."
record 5.1 --date 2024-06-30 --status in-progress --by hc-th --note "Công khai kết quả lựa chọn nhà thầu trên Trang thông tin điện tử."
record 6.3 --date 2024-08-20 --status in-progress --by qlcn --note "Thẩm định công nghệ 3 dự án đầu tư đúng thời hạn."
record 6.4 --date 2024-09-10 --status done --by ban-giam-doc --note "Tham gia hội nghị đối thoại doanh nghiệp do UBND tỉnh tổ chức."
record 8.1 --date 2024-09-30 --status in-progress --by ban-giam-doc

# Reports filed with Phòng HC-TH (due 5 days after each period). Quý I: every unit, the Centre
# late; Quý II and 6 tháng: all but the Centre; Quý III is not due yet on 30/9.
for unit in tc-dl-cl qlcn qlkh thanh-tra; do
  record don-vi-bao-cao --period 2024-Q1 --date 2024-04-03 --by "$unit"
done
record don-vi-bao-cao --period 2024-Q1 --date 2024-04-08 --by trung-tam --note "Gửi trễ hạn 3 ngày."
record don-vi-bao-cao --period 2024-H1 --date 2024-07-02 --by tc-dl-cl --evidence "Báo cáo số 21/BC-TĐC (minh họa)"
record don-vi-bao-cao --period 2024-H1 --date 2024-07-03 --by thanh-tra --evidence "Báo cáo số 15/BC-TTr (minh họa)"
record don-vi-bao-cao --period 2024-Q2 --date 2024-07-04 --by qlcn
record don-vi-bao-cao --period 2024-Q2 --date 2024-07-05 --by qlkh

#!/usr/bin/env bash
# Rewrites the whole outputs the tests compare byte for byte, after a deliberate change to the
# report: the Q2 report of the example plan in both languages, and the copy of the Vietnamese
# one in docs/sample-report-q2-2024.md. Read the diff before committing. The Word sample and its
# pictures are made by docs/make-sample-report.sh (it needs LibreOffice).
#
# Usage: tests/integration/expected/regenerate.sh [path/to/ddci]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
if [ $# -ge 1 ]; then ddci=("$1"); else ddci=(cargo run --quiet --manifest-path "$root/Cargo.toml" --); fi
expected="$root/tests/integration/expected"
for language in vi en; do
  DDCI_TODAY=2024-10-05 "${ddci[@]}" --plan "$root/examples/progress-2024/plan.toml" \
    report --quarter 2 --lang "$language" > "$expected/report-q2-2024-$language.md"
done
# The plans through time (examples/through-time): status, and the reports of Q1, Q2, Q3 and the year.
through="$root/examples/through-time/department-2025.toml"
DDCI_TODAY=2025-10-10 "${ddci[@]}" --plan "$through" status --format markdown > "$expected/through-time-status.md"
for period in "--quarter 1" "--quarter 2" "--quarter 3" "--year 2025"; do
  name="$(echo "$period" | tr -d ' -')"
  DDCI_TODAY=2026-01-20 "${ddci[@]}" --plan "$through" report $period --format markdown \
    > "$expected/through-time-report-$name.md"
done
sample="$root/docs/sample-report-q2-2024.md"
{
  sed '/^<!-- report begins -->$/q' "$sample"
  cat "$expected/report-q2-2024-vi.md"
  sed -n '/^<!-- report ends -->$/,$p' "$sample"
} > "$sample.new"
mv "$sample.new" "$sample"

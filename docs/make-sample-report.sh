#!/usr/bin/env bash
# Makes the Word sample of the Q2 report and pictures of two of its printed pages:
#   docs/sample-report-q2-2024.docx            the document `ddci report` writes
#   docs/pictures/sample-report-q2-page-1.png   its first page, as LibreOffice prints it
#   docs/pictures/sample-report-q2-appendix.png its first appendix page (landscape)
# The data is the ILLUSTRATIVE example plan, not the department's progress.
# Needs LibreOffice (soffice) and poppler-utils (pdftoppm, pdfinfo).
#
# Usage: docs/make-sample-report.sh [path/to/ddci]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ $# -ge 1 ]; then ddci=("$1"); else ddci=(cargo run --quiet --manifest-path "$root/Cargo.toml" --); fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

DDCI_TODAY=2024-10-05 "${ddci[@]}" --plan "$root/examples/progress-2024/plan.toml" \
  report --quarter 2 -o "$root/docs/sample-report-q2-2024.docx"
cp "$root/docs/sample-report-q2-2024.docx" "$work/q2.docx"
soffice --headless -env:UserInstallation="file://$work/profile" \
  --convert-to pdf --outdir "$work" "$work/q2.docx" > /dev/null
pages="$(pdfinfo "$work/q2.pdf" | awk '/^Pages:/ { print $2 }')"
# The appendix starts on the first landscape page.
appendix="$(pdfinfo -f 1 -l "$pages" "$work/q2.pdf" |
  awk '/^Page +[0-9]+ size:/ { if ($4 > $6) { print $2; exit } }')"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/q2.pdf" "$root/docs/pictures/sample-report-q2-page-1"
pdftoppm -png -r 80 -f "$appendix" -l "$appendix" -singlefile "$work/q2.pdf" \
  "$root/docs/pictures/sample-report-q2-appendix"
echo "docs/sample-report-q2-2024.docx: $pages A4 pages, the appendix from page $appendix"

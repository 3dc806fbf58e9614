#!/usr/bin/env bash
# Measures ddci against a bare TOML parse of the same file, with hyperfine.
#
#   bench/run.sh [SIZES...]        default: 500 10000 100000 1000000 records
#
# Needs hyperfine (Debian: apt-get install hyperfine). Writes bench/results.md and prints it.
# Plans are generated deterministically (40 tasks, seed 1) into a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(500 10000 100000 1000000)
command -v hyperfine >/dev/null || { echo "bench/run.sh needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }

cargo build --release --quiet --bin ddci --example generate_plan --example parse_only
ddci=target/release/ddci
parse=target/release/examples/parse_only
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DDCI_TODAY=2024-12-31

results=bench/results.md
{
  echo "| records | file | bare parse | validate | status | report --quarter 2 | record | peak memory (validate) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$results"

mean_ms() { # the mean of a hyperfine JSON export, in milliseconds
  python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["results"][0]["mean"]*1000, 1))' "$1"
}

for records in "${sizes[@]}"; do
  plan="$work/plan-$records.toml"
  target/release/examples/generate_plan --tasks 40 --records "$records" --seed 1 > "$plan"
  runs=10; [ "$records" -lt 100000 ] && runs=40; [ "$records" -ge 1000000 ] && runs=3
  bytes=$(stat -c %s "$plan")
  declare -A ms=()
  measure() { # name, hyperfine arguments...
    local name=$1; shift
    hyperfine --style none -N --warmup 1 --runs "$runs" --export-json "$work/$name.json" "$@" > /dev/null
    ms[$name]=$(mean_ms "$work/$name.json")
  }
  measure parse "$parse $plan"
  measure validate "$ddci --plan $plan validate"
  measure status "$ddci --plan $plan status --format json"
  measure report "$ddci --plan $plan report --quarter 2"
  measure record --prepare "cp $plan $work/work.toml" \
    "$ddci --plan $work/work.toml record t7 --status done --date 2024-12-30 --note bench"
  peak=$( { /usr/bin/time -f "%M" "$ddci" --plan "$plan" validate > /dev/null; } 2>&1 | tail -n 1)
  ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
  printf '| %s | %s MB | %s ms | %s ms (%s×) | %s ms (%s×) | %s ms (%s×) | %s ms (%s×) | %s MB |\n' \
    "$records" "$(python3 -c "print(round($bytes/1e6, 2))")" "${ms[parse]}" \
    "${ms[validate]}" "$(ratio "${ms[validate]}" "${ms[parse]}")" \
    "${ms[status]}" "$(ratio "${ms[status]}" "${ms[parse]}")" \
    "${ms[report]}" "$(ratio "${ms[report]}" "${ms[parse]}")" \
    "${ms[record]}" "$(ratio "${ms[record]}" "${ms[parse]}")" \
    "$(( peak / 1024 ))" >> "$results"
done
cat "$results"

#!/usr/bin/env bash
# Times `ddci rollup` on a province (30 plans) and on the country (2,000 plans), each plan with
# 40 tasks and a year of records (300), against a bare TOML parse of the same files, one after
# another and in parallel (examples/parse_only.rs, with and without --parallel).
#
#   bench/rollup.sh            both sizes
#   bench/rollup.sh 30         just the province
#
# Needs hyperfine (Debian: apt-get install hyperfine). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(30 2000)
command -v hyperfine >/dev/null || { echo "bench/rollup.sh needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
cargo build --release --quiet --bin ddci --example generate_plan --example parse_only
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DDCI_TODAY=2024-12-31

mean_ms() {
  python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["results"][0]["mean"]*1000, 1))' "$1"
}

echo "| plans | size | bare parse, one after another | bare parse, parallel | rollup --format json | vs parallel parse |"
echo "|---:|---:|---:|---:|---:|---:|"
for plans in "${sizes[@]}"; do
  folder="$work/plans-$plans"
  mkdir -p "$folder"
  for seed in $(seq 1 "$plans"); do
    target/release/examples/generate_plan --tasks 40 --records 300 --seed "$seed" > "$folder/plan-$seed.toml"
  done
  runs=20; [ "$plans" -ge 1000 ] && runs=5
  files=("$folder"/*.toml)
  hyperfine -N -w 1 -r "$runs" --export-json "$work/serial.json" \
    "target/release/examples/parse_only ${files[*]}" >/dev/null
  hyperfine -N -w 1 -r "$runs" --export-json "$work/parallel.json" \
    "target/release/examples/parse_only --parallel ${files[*]}" >/dev/null
  hyperfine -N -w 1 -r "$runs" --export-json "$work/rollup.json" \
    "target/release/ddci rollup $folder --format json" >/dev/null
  serial=$(mean_ms "$work/serial.json")
  parallel=$(mean_ms "$work/parallel.json")
  rollup=$(mean_ms "$work/rollup.json")
  size=$(du -sm "$folder" | cut -f1)
  ratio=$(python3 -c "print(round($rollup/$parallel, 2))")
  echo "| $plans | $size MB | $serial ms | $parallel ms | $rollup ms | ${ratio}× |"
done

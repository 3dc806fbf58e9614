#!/usr/bin/env bash
# Measures ddci against a bare TOML parse of the same file, with hyperfine.
#
#   bench/run.sh [SIZES...]        default: 500 10000 100000 1000000 records
#   LAYOUTS="spread" bench/run.sh  only records spread over the tasks (default: "spread one-task")
#   ERRORS=0 bench/run.sh          skip the error-report timings
#
# Needs hyperfine (Debian: apt-get install hyperfine). Writes bench/results.md and prints it.
# Plans are generated deterministically (40 tasks, seed 1) into a temporary folder: records
# spread over every task and target, or all on one recurring task and its count target.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(500 10000 100000 1000000)
read -r -a layouts <<< "${LAYOUTS:-spread one-task}"
command -v hyperfine >/dev/null || { echo "bench/run.sh needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }

cargo build --release --quiet --bin ddci --example generate_plan --example parse_only
ddci=target/release/ddci
parse=target/release/examples/parse_only
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DDCI_TODAY=2024-12-31

results=bench/results.md
{
  echo "| records | layout | file | bare parse | validate | status | report --quarter 2 | record | peak memory (validate) |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
} > "$results"

mean_ms() { # the mean of a hyperfine JSON export, in milliseconds
  python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["results"][0]["mean"]*1000, 1))' "$1"
}

for layout in "${layouts[@]}"; do
for records in "${sizes[@]}"; do
  plan="$work/plan-$records-$layout.toml"
  flag=(); [ "$layout" = one-task ] && flag=(--one-task)
  target/release/examples/generate_plan --tasks 40 --records "$records" --seed 1 "${flag[@]}" > "$plan"
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
  printf '| %s | %s | %s MB | %s ms | %s ms (%s×) | %s ms (%s×) | %s ms (%s×) | %s ms (%s×) | %s MB |\n' \
    "$records" "$layout" "$(python3 -c "print(round($bytes/1e6, 2))")" "${ms[parse]}" \
    "${ms[validate]}" "$(ratio "${ms[validate]}" "${ms[parse]}")" \
    "${ms[status]}" "$(ratio "${ms[status]}" "${ms[parse]}")" \
    "${ms[report]}" "$(ratio "${ms[report]}" "${ms[parse]}")" \
    "${ms[record]}" "$(ratio "${ms[record]}" "${ms[parse]}")" \
    "$(( peak / 1024 ))" >> "$results"
done
done

# Reporting errors: a plan whose N tasks each name a unit that does not exist, and a reference to
# a long unknown id among 50 000 tasks (the "did you mean" search).
if [ "${ERRORS:-1}" != 0 ]; then
  {
    echo
    echo "| errors | validate | per error |"
    echo "|---:|---:|---:|"
  } >> "$results"
  for errors in 10000 20000; do
    plan="$work/errors-$errors.toml"
    target/release/examples/generate_plan --tasks "$errors" --errors "$errors" --records 0 --seed 1 > "$plan"
    hyperfine --style none -N -i --warmup 1 --runs 5 --export-json "$work/errors.json" \
      "$ddci --plan $plan validate" > /dev/null
    ms=$(mean_ms "$work/errors.json")
    printf '| %s | %s ms | %s µs |\n' "$errors" "$ms" \
      "$(python3 -c "print(round($ms*1000/$errors, 1))")" >> "$results"
  done
  plan="$work/long-id.toml"
  target/release/examples/generate_plan --tasks 50000 --records 0 --seed 1 > "$plan"
  printf '\n[[targets]]\nid = "x"\nkind = "deliverable"\ntext = "x"\ntask = "%s"\n' \
    "$(printf 't%.0s' $(seq 1 200))" >> "$plan"
  hyperfine --style none -N -i --warmup 1 --runs 5 --export-json "$work/long.json" \
    "$ddci --plan $plan validate" > /dev/null
  printf '\nA 200-character unknown task id among 50 000 tasks: validate %s ms.\n' \
    "$(mean_ms "$work/long.json")" >> "$results"
fi
cat "$results"

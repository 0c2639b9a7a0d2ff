#!/usr/bin/env bash
# Importing USDA FoodData Central: `mgcramp import fdc` against a Python
# script with the csv and sqlite3 modules that keeps the same rows and
# writes the same tables (bench/import_fdc.py), on a folder that
# bench/gen_fdc.py generates; then the query times on the imported database.
# Usage: bench/fdc_import.sh [BUILD_DIR] [--foods N | --full] [--runs R]
#   default: build, 200,000 foods (2.3 million food_nutrient rows), 1 run;
#   --full: 2 million foods and 25 million food_nutrient rows, the size of
#   the full download (about 2 GB of CSV; the Python import takes a while).
# Run by hand, not in CI. Needs python3, GNU time (/usr/bin/time) and
# hyperfine. The folder is cached in $MGCRAMP_BENCH_CACHE (default
# ${TMPDIR:-/tmp}/mgcramp-bench), keyed by size and the generator's hash.
# Reports wall and CPU seconds and peak RSS of each import (the best of R
# runs), and hyperfine's mean of the queries. Issue 12's targets: import at
# least 3x faster than Python, peak memory under 200 MB, `foods --top 10
# --per 100kcal` at most 30 ms and `foods --search` at most 50 ms on the
# full database. Exits 1 when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."

build=build foods=200000 runs=1 rows_per_food=12.5
while [ $# -gt 0 ]; do
  case $1 in
    --foods) foods=${2:?--foods needs a number}; shift 2 ;;
    --full) foods=2000000; shift ;;
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    -h | --help) sed -n '2,19s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) build=$1; shift ;;
  esac
done
bin=$(realpath "$build/mgcramp")
[ -x "$bin" ] || { echo "bench: no $build/mgcramp; build first (scripts/setup.sh)" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "bench: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
/usr/bin/time -f %M true >/dev/null 2>&1 ||
  { echo "bench: needs GNU time as /usr/bin/time (apt-get install time)" >&2; exit 1; }
py=$(python3 -c 'import sys; print(sys.executable)')

cache=${MGCRAMP_BENCH_CACHE:-${TMPDIR:-/tmp}/mgcramp-bench}
key=$(sha256sum bench/gen_fdc.py | cut -c1-12)
dir="$cache/fdc-$foods-$key/FoodData_Central_csv_2024-10-31"
if [ ! -s "$dir/food.csv" ]; then
  rm -rf "$dir.tmp"
  "$py" bench/gen_fdc.py "$dir.tmp" --foods "$foods" --rows-per-food "$rows_per_food"
  mv "$dir.tmp" "$dir"
fi
csv_mb=$(du -sm --apparent-size "$dir" | cut -f1)
rows=$(($(wc -l <"$dir/food_nutrient.csv") - 1))
work=$(mktemp -d "${TMPDIR:-/tmp}/mgcramp-fdc-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" # nothing of the machine's

# measure NAME CMD...: the best wall and CPU time and the largest RSS of R runs.
declare -A wall cpu rss
measure() {
  local name=$1
  shift
  for _ in $(seq "$runs"); do
    local out
    out=$(/usr/bin/time -f '%e %U %S %M' "$@" 2>&1 >/dev/null | tail -1)
    read -r w u s m <<<"$out"
    local c
    c=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
    if [ -z "${wall[$name]:-}" ] || awk -v a="$w" -v b="${wall[$name]}" 'BEGIN { exit !(a < b) }'; then
      wall[$name]=$w
      cpu[$name]=$c
    fi
    if [ -z "${rss[$name]:-}" ] || [ "$m" -gt "${rss[$name]}" ]; then rss[$name]=$m; fi
  done
}
measure mgcramp "$bin" import fdc "$dir" --out "$work/mgcramp.sqlite"
measure python "$py" bench/import_fdc.py "$dir" "$work/python.sqlite"
for t in mgcramp python; do
  [ -s "$work/$t.sqlite" ] || { echo "bench: the $t import wrote nothing" >&2; exit 1; }
done

printf 'FoodData Central folder: %s foods, %s food_nutrient rows, %s MB of CSV\n\n' \
  "$foods" "$rows" "$csv_mb"
printf '| import | wall s | CPU s | peak RSS MB | database MB |\n| --- | ---: | ---: | ---: | ---: |\n'
for t in mgcramp python; do
  printf '| %s | %s | %s | %d | %d |\n' "$t" "${wall[$t]}" "${cpu[$t]}" $((rss[$t] / 1024)) \
    $(($(stat -c %s "$work/$t.sqlite") / 1000000))
done
speedup=$(awk -v a="${wall[python]}" -v b="${wall[mgcramp]}" 'BEGIN { printf "%.1f", a / b }')
printf '\nmgcramp is %sx faster than Python.\n\n' "$speedup"

db="$work/mgcramp.sqlite"
queries=(
  "foods --top 10 --per 100kcal"
  "foods --search \"pumpkin seeds\""
  "foods --search chocolate --per 100g"
  "foods --data-type foundation --per 100kcal"
  "foods --top 10"
  "intake --food fdc-100002:2 --age 40 --sex f"
)
printf '| query | mean ms | sd ms |\n| --- | ---: | ---: |\n'
declare -A mean
status=0
for q in "${queries[@]}"; do
  if ! hyperfine -N --warmup 3 --runs 20 --export-json "$work/h.json" \
    "$bin --food-db $db $q" >/dev/null 2>&1; then
    echo "bench: mgcramp $q failed" >&2
    status=1
    continue
  fi
  read -r m s < <("$py" -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f %.1f" % (r["mean"]*1000, r["stddev"]*1000))' "$work/h.json")
  mean[$q]=$m
  printf '| `mgcramp %s` | %s | %s |\n' "$q" "$m" "$s"
done

awk -v s="$speedup" 'BEGIN { exit !(s < 3) }' && { echo "bench: import under 3x Python" >&2; status=1; }
[ $((rss[mgcramp] / 1024)) -lt 200 ] || { echo "bench: import over 200 MB" >&2; status=1; }
awk -v m="${mean["foods --top 10 --per 100kcal"]}" 'BEGIN { exit !(m > 30) }' &&
  { echo "bench: foods --per 100kcal over 30 ms" >&2; status=1; }
awk -v m="${mean["foods --search \"pumpkin seeds\""]}" 'BEGIN { exit !(m > 50) }' &&
  { echo "bench: foods --search over 50 ms" >&2; status=1; }
exit $status

#!/usr/bin/env bash
# Loading a large dataset: mgcramp against Python's json.load and jq, each
# loading the whole file, sorting all foods by mg_per_serving (descending)
# and printing the top 5 names and figures.
# Usage: bench/large.sh [BUILD_DIR] [--mb N]   (default: build, 100 MB;
# BUILD_DIR is relative to the repository root)
# Needs python3, jq, GNU time (/usr/bin/time) and a built mgcramp.
# The dataset comes from bench/gen_large.py and is cached in
# $MGCRAMP_BENCH_CACHE (default ${TMPDIR:-/tmp}/mgcramp-bench), keyed by
# size and the hash of data/mgcramp.json and the generator.
# Reports CPU time (user+sys, best of 3) and peak RSS (largest of the 3);
# MB are 10^6 bytes. Issue 8's targets: mgcramp at least 1.2x faster than
# Python and 2x faster than jq, peak RSS at most 2.5x the file size.
# Exits 1 when a target is missed or mgcramp fails (the table still prints).
set -euo pipefail
cd "$(dirname "$0")/.."

build=build mb=100
while [ $# -gt 0 ]; do
  case $1 in
    --mb) mb=${2:?--mb needs a size in MB}; shift 2 ;;
    --mb=*) mb=${1#--mb=}; shift ;;
    -h | --help) sed -n '2,14s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) build=$1; shift ;;
  esac
done
bin="$build/mgcramp"
[ -x "$bin" ] || { echo "bench: no $bin; build first (scripts/setup.sh)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "bench: needs python3" >&2; exit 1; }
command -v jq >/dev/null || { echo "bench: needs jq (apt-get install jq)" >&2; exit 1; }
/usr/bin/time -f %M true >/dev/null 2>&1 ||
  { echo "bench: needs GNU time as /usr/bin/time (apt-get install time)" >&2; exit 1; }
# The interpreter itself, not a wrapper such as a pyenv shim.
py=$(python3 -c 'import sys; print(sys.executable)')

cache=${MGCRAMP_BENCH_CACHE:-${TMPDIR:-/tmp}/mgcramp-bench}
key=$(cat data/mgcramp.json bench/gen_large.py | sha256sum | cut -c1-12)
file="$cache/large-${mb}mb-$key.json"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" "$file.$$"' EXIT
if [ ! -s "$file" ]; then
  mkdir -p "$cache"
  "$py" bench/gen_large.py "$file.$$" --mb "$mb"
  mv "$file.$$" "$file"
fi
bytes=$(stat -c %s "$file")

declare -A cpu rss err
# measure TOOL CMD...: best CPU and largest RSS (KiB) of 3 runs, or err[TOOL].
measure() {
  local tool=$1 rc=0 u s m
  shift
  cpu[$tool]="" rss[$tool]=0
  for _ in 1 2 3; do
    /usr/bin/time -f '%U %S %M' -o "$tmp/time" "$@" >"$tmp/$tool.out" 2>"$tmp/$tool.err" || rc=$?
    if ((rc != 0)); then
      err[$tool]=$(grep -m1 . "$tmp/$tool.err" || echo "exit status $rc")
      return
    fi
    read -r u s m < <(tail -n1 "$tmp/time")
    cpu[$tool]=$(awk -v c="${cpu[$tool]}" -v u="$u" -v s="$s" \
      'BEGIN { t = u + s; print (c == "" || t < c) ? t : c }')
    if ((m > rss[$tool])); then rss[$tool]=$m; fi
  done
}

measure mgcramp "$bin" --data "$file" foods --top 5
# shellcheck disable=SC2016  # jq's \(...) and Python's code are not shell expansions
{
  measure python "$py" -c 'import json, sys
d = json.load(open(sys.argv[1]))
top = sorted(d["foods"], key=lambda f: -f["mg_per_serving"])[:5]
print("\n".join("%s %s" % (f["name"], f["mg_per_serving"]) for f in top))' "$file"
  measure jq jq -r '.foods | sort_by(-.mg_per_serving) | .[:5][] | "\(.name) \(.mg_per_serving)"' "$file"
}
for t in python jq; do
  [ -z "${err[$t]:-}" ] || { echo "bench: $t failed: ${err[$t]}" >&2; exit 1; }
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / (b > 0 ? b : 0.01) }'; }
echo "Machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
echo "Dataset: $file, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB," \
  "$(jq '.foods | length' "$file") foods"
echo "Tools: $("$bin" --version), Python $("$py" -c 'import platform; print(platform.python_version())'), $(jq --version)"
echo
echo "| tool | CPU s (best of 3) | max RSS MB | RSS / file | mgcramp speed-up |"
echo "| --- | ---: | ---: | ---: | ---: |"
row() {  # row TOOL LABEL
  local t=$1 speed="-"
  if [ -n "${err[$t]:-}" ]; then
    echo "| $2 | failed: ${err[$t]//|/\\|} | | | |"
    return
  fi
  if [ "$t" != mgcramp ] && [ -z "${err[mgcramp]:-}" ]; then
    speed="$(ratio "${cpu[$t]}" "${cpu[mgcramp]}")x"
  fi
  echo "| $2 | $(awk -v c="${cpu[$t]}" 'BEGIN { printf "%.2f", c }') | $(awk -v k="${rss[$t]}" 'BEGIN { printf "%.0f", k * 1024 / 1e6 }')" \
    "| $(ratio "$((rss[$t] * 1024))" "$bytes")x | $speed |"
}
row mgcramp "mgcramp foods --top 5"
row python "python3 json.load + sorted"
row jq "jq sort_by"
echo

status=0
check() {  # check DESCRIPTION AWK_CONDITION
  if [ -z "${err[mgcramp]:-}" ] && awk "BEGIN { exit !($2) }"; then
    echo "ok    $1"
  else
    echo "MISS  $1"
    status=1
  fi
}
[ -n "${err[mgcramp]:-}" ] && echo "mgcramp failed: ${err[mgcramp]}"
check "mgcramp CPU at least 1.2x faster than Python" "${cpu[python]} >= 1.2 * ${cpu[mgcramp]}"
check "mgcramp CPU at least 2x faster than jq" "${cpu[jq]} >= 2 * ${cpu[mgcramp]}"
check "mgcramp peak RSS at most 2.5x the file size" "${rss[mgcramp]} * 1024 <= 2.5 * $bytes"
# The three must agree on the top 5 (names; figures are formatted differently).
if [ -z "${err[mgcramp]:-}" ]; then
  names() { sed 's/ [0-9.]*$//' "$tmp/$1.out"; }
  same=1
  [ "$(names python)" = "$(names jq)" ] || same=0
  while IFS= read -r n; do grep -qF "$n" "$tmp/mgcramp.out" || same=0; done < <(names python)
  if ((same)); then echo "ok    the three print the same top 5"; else
    echo "MISS  the three disagree on the top 5"
    status=1
  fi
fi
exit $status

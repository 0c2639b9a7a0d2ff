#!/usr/bin/env bash
# Instruction counts (callgrind) of mgcramp queries on the embedded dataset,
# against a trivial C++ program linked to the same libstdc++ and fmt.
# Usage: bench/callgrind.sh [BUILD_DIR]   (needs valgrind and a built mgcramp)
# Issue 4's target: every query at most 3x the trivial program.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
bin="$build/mgcramp"
[ -x "$bin" ] || { echo "bench: build first (scripts/setup.sh)" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "bench: needs valgrind (apt-get install valgrind)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The embedded dataset only: no food database of the machine's.
export XDG_DATA_HOME="$tmp/data"
unset MGCRAMP_FOOD_DB
cat > "$tmp/trivial.cpp" <<'CPP'
#include <fmt/format.h>
#include <cstdio>
#include <string>
int main(int argc, char**) { std::string s = fmt::format("{}\n", argc); std::fputs(s.c_str(), stdout); }
CPP
c++ -O2 "$tmp/trivial.cpp" -o "$tmp/trivial" -lfmt

count() {  # prints the instruction count of the command
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
base=$(count "$tmp/trivial")
printf '%-48s %12s %6s\n' "command" "instructions" "ratio"
printf '%-48s %12d %6s\n' "trivial C++ program (libstdc++ + fmt)" "$base" "1.0"
status=0
# One query per line.
while IFS= read -r q; do
  [ -n "$q" ] || continue
  # shellcheck disable=SC2086
  n=$(count "$bin" $q)
  ratio=$(awk -v a="$n" -v b="$base" 'BEGIN { printf "%.1f", a / b }')
  over=""
  awk -v r="$ratio" 'BEGIN { exit !(r > 3.0) }' && { over="  over 3x"; status=1; }
  printf '%-48s %12d %6s%s\n' "mgcramp $q" "$n" "$ratio" "$over"
done <<'Q'
--version
rda --age 25 --sex f --pregnant
assess --age 68 --sex m --cramps night --med omeprazole --med furosemide
foods --top 5
forms citrate
trials --population pregnancy
claims --topic efficacy-pregnancy
sources
search leg cramps pregnancy
show garrison-2020
cite garrison-2020 --format bibtex
trials --design all --all
cite --all --format bibtex
claims
claims --json
trials --design all --all --json
Q
exit $status

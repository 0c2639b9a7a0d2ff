#!/usr/bin/env bash
# Runs each libFuzzer target (fuzz/) for a while and reports its executions.
# Usage: bench/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
# Needs clang-14 and libclang-rt-14-dev (Debian). Builds build-fuzz/ with
# -DMGCRAMP_FUZZ=ON, grows a working corpus per target in build-fuzz/corpus/
# from the seeds in fuzz/corpus/, and writes any crash, leak or timeout
# input to build-fuzz/findings/ (exit status 1 then). Not part of CI, which
# only builds the targets and runs each once over its seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
command -v clang++-14 >/dev/null || { echo "fuzz: needs clang-14 (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 1; }
build=build-fuzz
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
    -DMGCRAMP_FUZZ=ON -DMGCRAMP_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j "$(nproc)" --target fuzz_load fuzz_snapshot fuzz_options fuzz_document fuzz_csv >/dev/null
mkdir -p "$build/findings"
status=0
total=0
printf '| target | seconds | executions | exec/s | corpus | findings |\n| --- | ---: | ---: | ---: | ---: | ---: |\n'
for t in load snapshot options document csv; do
  corpus="$build/corpus/$t"
  mkdir -p "$corpus"
  cp -n fuzz/corpus/$t/* "$corpus"/ 2>/dev/null || true
  log="$build/findings/$t.log"
  set +e
  "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/findings/$t-" "$corpus" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  found=$(find "$build/findings" -maxdepth 1 -name "$t-*" | wc -l)
  [ "$rc" -eq 0 ] && [ "$found" -eq 0 ] || status=1
  total=$((total + ${execs:-0}))
  printf '| fuzz_%s | %s | %s | %s | %s | %s |\n' "$t" "$seconds" "${execs:-?}" "${rate:-?}" \
    "$(find "$corpus" -type f | wc -l)" "$found"
done
printf '\n%d executions in all; ' "$total"
if [ "$status" -eq 0 ]; then echo "no crash, leak, timeout or sanitizer report."; else echo "findings in $build/findings/ (see the .log files)."; fi
exit $status

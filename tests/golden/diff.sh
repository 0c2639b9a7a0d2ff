#!/usr/bin/env bash
# Diffs what BIN prints today against the golden record of release 0.1
# (tests/golden/expected, captured at 8dcd410 before the data-layer rework).
# Every difference is either listed as intended in README's changelog or a bug.
#   tests/golden/diff.sh [BIN]        (default: build/mgcramp)
# The git revision in --version is masked. Exit status 1 when anything differs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../../build/mgcramp}
now=$(mktemp -d)
trap 'rm -rf "$now"' EXIT
"$here/run.sh" "$bin" "$now"
mask() { sed -E 's/\(git [0-9a-f]+(-dirty)?\)/(git REV)/' "$1"; }
status=0
for f in "$here"/expected/*.txt; do
  b=$(basename "$f")
  if ! diff -u --label "expected/$b" --label "now/$b" <(mask "$f") <(mask "$now/$b"); then
    status=1
  fi
done
exit $status

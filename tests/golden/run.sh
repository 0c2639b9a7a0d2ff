#!/usr/bin/env bash
# Runs every command line of tests/golden/commands.txt with the given binary,
# in the table format and, where the line names no format of its own, with
# --json, --format csv and --format md too. Writes one file per line into
# OUTDIR: the arguments, stdout, stderr and the exit status of each variant.
#   tests/golden/run.sh BIN OUTDIR
set -euo pipefail
bin=$(realpath "$1")
out=$(realpath -m "$2")
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
rm -f "$out"/*.txt
# A fixed, colourless, non-terminal environment, run from the repository root
# so relative paths such as data/mgcramp.json resolve.
cd "$here/../.."
unset MGCRAMP_DATA MGCRAMP_FOOD_DB COLUMNS CLICOLOR_FORCE
export NO_COLOR=1 TERM=dumb LC_ALL=C.UTF-8
# No imported food database (mgcramp import fdc) of the machine's.
XDG_DATA_HOME=$(mktemp -d)
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
n=0
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  n=$((n + 1))
  eval "args=($line)"
  variants=("")
  case " $line " in
    *" --json "*|*" --format "*|*" --help "*|*" --version "*) ;;
    *) variants+=("--json" "--format csv" "--format md") ;;
  esac
  file=$(printf '%s/%03d.txt' "$out" "$n")
  {
    for v in "${variants[@]}"; do
      read -r -a pre <<<"$v"
      printf '=== mgcramp %s%s\n' "${v:+$v }" "$line"
      set +e
      "$bin" "${pre[@]}" "${args[@]}" >/tmp/golden.out.$$ 2>/tmp/golden.err.$$ </dev/null
      rc=$?
      set -e
      printf -- '--- stdout\n'; cat /tmp/golden.out.$$
      printf -- '--- stderr\n'; cat /tmp/golden.err.$$
      printf -- '--- exit %d\n' "$rc"
    done
  } >"$file"
done <"$here/commands.txt"
rm -f /tmp/golden.out.$$ /tmp/golden.err.$$
echo "golden: $n command lines written to $out" >&2

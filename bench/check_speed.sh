#!/usr/bin/env bash
# Speed of `mgcramp check FILE --json` on articles of 100 KB, 1 MB and 9.5 MB
# (the limit is 10 MB), in Markdown and in HTML, built by repeating paragraphs
# of magnesium and cramp prose written for this bench (claims, negations,
# hedges, questions, headings, commercial lines). Prints ms per run and ms
# per MB, so that linearity shows, and callgrind's instruction count for the
# 100 KB articles.
# Usage: bench/check_speed.sh [BUILD_DIR]
# Times with hyperfine when it is installed (Debian package hyperfine), else
# with a loop of `date +%s%N` (it says which). Target: 100 KB in at most 20 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
bin="$build/mgcramp"
[ -x "$bin" ] || { echo "bench: build first (scripts/setup.sh)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One section of the article; {n} is replaced by its number so that the
# headings differ.
cat > "$tmp/section.md" <<'MD'
## Part {n}: what magnesium does for night cramps

Many people reach for magnesium when a cramp wakes them in the night. Magnesium supplements do not reduce night-time leg cramps in older adults, according to systematic reviews. In a 2017 randomized trial of 94 adults, magnesium oxide was no better than placebo. Still, magnesium may help leg cramps in some people, and it is cheap.

Does magnesium help leg cramps? The evidence that magnesium helps cramps in pregnancy is mixed. A magnesium deficiency can cause muscle cramps, but frequent cramps are not a sign that you are low in magnesium. Dr. Example et al. found that 1.5 mg per kg was tolerated, i.e. no side effects.

- Magnesium oxide is poorly absorbed compared with other forms.
- Citrate and glycinate are better absorbed, and citrate often causes loose stools.
- Too much magnesium causes diarrhea, nausea and abdominal cramping.

Stretching the calves before bed might reduce night cramps. Magnesium isn't a cure, and it doesn't replace a doctor's advice. Use code SAVE20 for 20% off our magnesium complex. These statements have not been evaluated by the Food and Drug Administration.

MD

python3 - "$tmp" <<'PY'
import html, re, sys
tmp = sys.argv[1]
section = open(f"{tmp}/section.md", encoding="utf-8").read()

def as_html(md):
    out = []
    for block in md.strip().split("\n\n"):
        if block.startswith("## "):
            out.append(f"<h2>{html.escape(block[3:])}</h2>")
        elif block.startswith("- "):
            items = "".join(f"<li>{html.escape(l[2:])}</li>" for l in block.splitlines())
            out.append(f"<ul>{items}</ul>")
        else:
            out.append(f"<p>{html.escape(block)}</p>")
    return "\n".join(out) + "\n"

sizes = {"100k": 100 * 1024, "1m": 1024 * 1024, "9.5m": int(9.5 * 1024 * 1024)}
for name, size in sizes.items():
    for fmt in ("md", "html"):
        head = ("# Magnesium and cramps\n\n" if fmt == "md" else
                "<!doctype html><html><head><title>Magnesium and cramps</title>"
                "<script>var x = 'magnesium helps cramps';</script></head><body>\n")
        tail = "" if fmt == "md" else "</body></html>\n"
        parts, total, n = [head], len(head.encode()), 1
        while True:
            s = section.replace("{n}", str(n))
            if fmt == "html":
                s = as_html(s)
            b = len(s.encode())
            if total + b + len(tail) > size:
                break
            parts.append(s)
            total += b
            n += 1
        parts.append(tail)
        with open(f"{tmp}/article-{name}.{fmt}", "w", encoding="utf-8") as f:
            f.write("".join(parts))
PY

# The article must be read and make claims, or the figures mean nothing.
"$bin" check "$tmp/article-100k.md" --json >"$tmp/out.json"
grep -q '"claim_id": "claim-mg-prevents-night-cramps"' "$tmp/out.json" ||
  { echo "bench: the 100 KB article finds no claim" >&2; exit 1; }

ms_per_run() {  # FILE: mean wall time of `mgcramp check FILE --json`, in ms
  local f=$1 runs
  case "$f" in *100k*) runs=30 ;; *1m*) runs=10 ;; *) runs=3 ;; esac
  if [ -n "$hyperfine" ]; then
    hyperfine -N --warmup 2 --runs "$runs" --export-json "$tmp/h.json" \
      "$bin check $f --json" >/dev/null 2>&1
    python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["mean"] * 1000))' "$tmp/h.json"
  else
    "$bin" check "$f" --json >/dev/null  # warm the cache
    local start end
    start=$(date +%s%N)
    for ((i = 0; i < runs; i++)); do "$bin" check "$f" --json >/dev/null; done
    end=$(date +%s%N)
    awk -v s="$start" -v e="$end" -v n="$runs" 'BEGIN { printf "%.2f\n", (e - s) / n / 1e6 }'
  fi
}

hyperfine=$(command -v hyperfine || true)
if [ -n "$hyperfine" ]; then
  echo "timing: hyperfine (mean of the runs, after 2 warm-up runs)"
else
  echo "timing: a loop with date +%s%N (hyperfine is not installed: apt-get install hyperfine)"
fi
printf '%-6s %-5s %10s %10s %10s\n' size input bytes ms/run ms/MB
status=0
for name in 100k 1m 9.5m; do
  for fmt in md html; do
    f="$tmp/article-$name.$fmt"
    bytes=$(stat -c %s "$f")
    ms=$(ms_per_run "$f")
    per=$(awk -v ms="$ms" -v b="$bytes" 'BEGIN { printf "%.2f", ms / (b / 1048576) }')
    printf '%-6s %-5s %10d %10s %10s\n' "$name" "$fmt" "$bytes" "$ms" "$per"
    if [ "$name" = 100k ] && awk -v ms="$ms" 'BEGIN { exit !(ms > 20) }'; then
      echo "  over the target of 20 ms for 100 KB" >&2
      status=1
    fi
  done
done

if command -v valgrind >/dev/null; then
  for fmt in md html; do
    n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" check \
      "$tmp/article-100k.$fmt" --json 2>&1 >/dev/null |
      sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
    printf 'callgrind, 100 KB %-4s: %d instructions\n' "$fmt" "$n"
  done
else
  echo "callgrind: valgrind is not installed (apt-get install valgrind)"
fi
exit "$status"

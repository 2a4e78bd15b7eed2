#!/usr/bin/env bash
# Times a release build of a content folder: median wall seconds, CPU seconds and peak memory of RUNS builds,
# and the time of each stage (the run closest to the median).
# Usage: scripts/bench.sh CONTENT-FOLDER [RUNS]     (a large folder: e.g. 1,000 synthetic reports)
set -euo pipefail
content="${1:?usage: scripts/bench.sh CONTENT-FOLDER [RUNS]}"
runs="${2:-3}"
cd "$(dirname "$0")/.."
swift build -c release --product reportsite >/dev/null
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
reports=$(find "$content/reports" -name '*.md' | wc -l)
bytes=$(cat "$content"/reports/*.md | wc -c)
for i in $(seq "$runs"); do
  /usr/bin/time -f "%e %U %S %M" -o "$out/time-$i" .build/release/reportsite build --content "$content" --output "$out/site" \
    --timings >/dev/null 2>"$out/stderr-$i" || true
done
sort -n "$out"/time-* | awk -v n="$runs" -v reports="$reports" -v bytes="$bytes" '
  { wall[NR]=$1; cpu[NR]=$2+$3; rss[NR]=$4 }
  END { m=int((n+1)/2); printf "bench: %d reports, %.1f MB: median wall %.2f s, CPU %.2f s, peak RSS %d MiB, %.0f pages/s, %.1f MB/s\n",
        reports, bytes/1e6, wall[m], cpu[m], rss[m]/1024, reports/wall[m], bytes/1e6/wall[m] }'
grep timing "$out/stderr-1"

#!/usr/bin/env bash
# What search costs a build: full builds and one-edit rebuilds of the bench corpus with two binaries, the one
# with search and one without (the commit search branched from), the median of RUNS each, wall time and peak RSS.
#
#   scripts/search/cost.sh BINARY_WITH TEMPLATES_WITH BINARY_WITHOUT TEMPLATES_WITHOUT [N] [RUNS]
#
# The corpus is .bench/corpus-N (written by scripts/bench/make-corpus.py when missing); outputs go to
# .bench/search-cost/. Prints one line per binary: full build, rebuild after a one-report edit, peak RSS.
set -euo pipefail
cd "$(dirname "$0")/../.."
with="$1"; twith="$2"; without="$3"; twithout="$4"; n="${5:-1000}"; runs="${6:-3}"
corpus=".bench/corpus-$n"
[ -d "$corpus/content" ] || python3 scripts/bench/make-corpus.py --n "$n" --seed 1 --out "$corpus" >/dev/null
work=.bench/search-cost
mkdir -p "$work"
restore() { python3 scripts/bench/make-corpus.py --edit "$corpus" --restore >/dev/null 2>&1 || true; }
trap restore EXIT
restore

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() {  # name binary templates
  local name="$1" bin="$2" templates="$3" out="$work/$1"
  : >"$work/$name.full"; : >"$work/$name.edit"; : >"$work/$name.rss"
  for _ in $(seq "$runs"); do
    rm -rf "$out" "$work/.reportsite-cache"
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" build --strict --content "$corpus/content" --output "$out" \
      --templates "$templates" >/dev/null 2>&1
    read -r secs rss <"$work/time"; echo "$secs" >>"$work/$name.full"; echo "$rss" >>"$work/$name.rss"
    python3 scripts/bench/make-corpus.py --edit "$corpus" >/dev/null
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" build --strict --content "$corpus/content" --output "$out" \
      --templates "$templates" >/dev/null 2>&1
    read -r secs rss <"$work/time"; echo "$secs" >>"$work/$name.edit"
    restore
  done
  printf '%-8s full build %6s s   one-edit rebuild %6s s   peak RSS %5s MiB   files %6s\n' "$name" \
    "$(median <"$work/$name.full")" "$(median <"$work/$name.edit")" "$(( $(median <"$work/$name.rss") / 1024 ))" \
    "$(find "$out" -type f | wc -l)"
}

measure without "$without" "$twithout"
measure with "$with" "$twith"

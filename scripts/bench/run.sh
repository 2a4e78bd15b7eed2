#!/usr/bin/env bash
# The benchmark (`make bench`): ReportSite, the C floor and Hugo, timed in one run on the same generated reports.
#
#   scripts/bench/run.sh [--n N] [--runs RUNS] [--seed SEED] [--heavy] [--quick] [--no-hyperfine]
#
#   --n      reports in the corpus (default 1000; 100 and 5000 are the other usual sizes)
#   --runs   timed runs of each build (default 5); the median wall time is reported
#   --heavy  the corpus heavier in recommendations: every report ends with the longest recommendations chapter
#            of the real reports, whole (.bench/corpus-N-heavy)
#   --quick  N=20, one run: a smoke test of the harness (CI), no figure worth quoting
#   --no-hyperfine  time with the /usr/bin/time loop even where hyperfine is installed
#
# What it does, from the project folder:
#   1. builds ReportSite (swift build -c release) and the C floor (scripts/bench/cmark-floor.c, gcc + pkg-config);
#   2. writes the corpus with scripts/bench/make-corpus.py into .bench/corpus-N (git-ignored);
#   3. builds it once with each system, checking the output (ReportSite with --strict must succeed): this run
#      warms the caches and gives the peak RSS (/usr/bin/time -f %M);
#   4. times RUNS rounds of full builds, each round one build of each system into an emptied output folder
#      (hyperfine when installed, else /usr/bin/time), then RUNS rounds of rebuilds after a one-report edit
#      (make-corpus.py --edit) into the folder each system's previous build left;
#   5. prints a Markdown table and writes it to .bench/results/.
# Hugo is Debian's `hugo`; when it is missing it is installed if this runs as root or with sudo, else the
# benchmark says how and goes on without it. hyperfine likewise (the /usr/bin/time loop is used without it).
set -euo pipefail
cd "$(dirname "$0")/../.."

n=1000
runs=5
seed=1
quick=0
use_hyperfine=1
heavy=""
while [ $# -gt 0 ]; do
  case "$1" in
    --n) n="${2:?--n needs a number}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --seed) seed="${2:?--seed needs a number}"; shift 2 ;;
    --heavy) heavy="--heavy"; shift ;;
    --quick) quick=1; n=20; runs=1; shift ;;
    --no-hyperfine) use_hyperfine=0; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$n$runs$seed" in *[!0-9]*) echo "bench: --n, --runs and --seed take whole numbers" >&2; exit 2 ;; esac
[ "$n" -ge 2 ] && [ "$runs" -ge 1 ] || { echo "bench: --n must be at least 2 and --runs at least 1" >&2; exit 2; }

say() { printf 'bench: %s\n' "$*" >&2; }

# Installs a Debian package when its command is missing and this can install; else says how. Returns 1 if missing.
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
ensure() {
  local cmd="$1" package="$2"
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if [ -z "$SUDO" ] || sudo -n true 2>/dev/null; then
    say "installing $package"
    export DEBIAN_FRONTEND=noninteractive
    { $SUDO apt-get install -y --no-install-recommends "$package" ||
      { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends "$package"; }; } >/dev/null 2>&1 || true
  fi
  command -v "$cmd" >/dev/null 2>&1 && return 0
  say "$cmd is missing: install it with  sudo apt-get install -y $package"
  return 1
}

ensure python3 python3 || exit 1
ensure gcc gcc || exit 1
ensure pkg-config pkg-config || exit 1
[ -x /usr/bin/time ] || ensure /usr/bin/time time || exit 1
pkg-config --exists libcmark-gfm || {
  say "libcmark-gfm is missing: make deps (or sudo apt-get install -y libcmark-gfm-dev libcmark-gfm-extensions-dev)"; exit 1; }
have_hugo=1
ensure hugo hugo || have_hugo=0
have_hyperfine=$use_hyperfine
[ "$use_hyperfine" = 0 ] || ensure hyperfine hyperfine || have_hyperfine=0

work=.bench
corpus="$work/corpus-$n${heavy:+-heavy}"
out="$work/out"
raw="$work/raw"
mkdir -p "$work/bin" "$work/results"
rm -rf "$raw" "$out"
mkdir -p "$raw" "$out"

say "building ReportSite (release) and the C floor"
swift build -c release --product reportsite >"$raw/swift-build.log" 2>&1 || { cat "$raw/swift-build.log" >&2; exit 1; }
reportsite=.build/release/reportsite
# shellcheck disable=SC2046 # pkg-config prints several flags
gcc -O2 -Wall -o "$work/bin/cmark-floor" scripts/bench/cmark-floor.c $(pkg-config --cflags --libs libcmark-gfm)
floor="$work/bin/cmark-floor"

say "writing $n reports (seed $seed) into $corpus"
python3 scripts/bench/make-corpus.py --n "$n" --seed "$seed" $heavy --out "$corpus" >"$raw/manifest.txt"
bytes=$(sed -n 's/^markdown_bytes: //p' "$raw/manifest.txt")

# The systems: a name, the command of a full build, and what empties its output folder first.
abs_out="$PWD/$out"
systems=(floor reportsite)
[ "$have_hugo" = 1 ] && systems+=(hugo)
command_of() {
  case "$1" in
    floor) echo "$floor $corpus/content/reports $out/floor" ;;
    reportsite) echo "$reportsite build --strict --content $corpus/content --output $out/reportsite --templates Templates" ;;
    hugo) echo "hugo --quiet -s $corpus/hugo -d $abs_out/hugo" ;;
  esac
}
clean_of() {
  case "$1" in
    floor) echo "rm -rf $out/floor && mkdir -p $out/floor" ;;
    # A full build starts with no cache either (the page and analysis caches live beside the output).
    reportsite) echo "rm -rf $out/reportsite $out/.reportsite-cache" ;;
    *) echo "rm -rf $out/$1" ;;
  esac
}
edit_cmd="python3 scripts/bench/make-corpus.py --edit $corpus"
restore_edit() { [ ! -d "$corpus/content" ] || python3 scripts/bench/make-corpus.py --edit "$corpus" --restore; }
trap restore_edit EXIT

# One build under /usr/bin/time: "wall user sys maxrss-KiB" appended to a file; stderr kept.
timed() {
  local into="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -a -o "$into" sh -c "$*" >/dev/null 2>>"$raw/stderr.log"
}

# The check run: the output must be there (and ReportSite must pass --strict). It warms the page cache and gives
# the peak RSS. ReportSite's stage times come from a second check run with --timings.
for s in "${systems[@]}"; do
  say "checking $s"
  sh -c "$(clean_of "$s")"
  if ! timed "$raw/$s.rss" "$(command_of "$s")"; then
    tail -20 "$raw/stderr.log" >&2
    say "$s failed on the corpus"; exit 1
  fi
  case "$s" in
    floor) files=$(find "$out/floor" -name '*.html' | wc -l); [ "$files" = "$n" ] || { say "the floor wrote $files pages, not $n"; exit 1; } ;;
    reportsite) files=$(find "$out/reportsite" -name 'index.html' -path '*/A/*' | wc -l)
                [ "$files" = "$n" ] || { say "ReportSite wrote $files report pages, not $n"; exit 1; } ;;
    hugo) files=$(find "$out/hugo/reports" -mindepth 2 -name 'index.html' | wc -l)
          [ "$files" = "$n" ] || { say "Hugo wrote $files report pages, not $n"; exit 1; } ;;
  esac
  find "$out/$s" -type f | wc -l >"$raw/$s.files"
done
$reportsite build --strict --content "$corpus/content" --output "$out/reportsite" --templates Templates --timings --no-cache \
  2>&1 >/dev/null | grep -i 'timing' >"$raw/reportsite.timings" || true

{
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "Machine: $(nproc) cores ($(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/^Mem:/ {print $2}') GiB, $(uname -sr)"
  echo "Load average before: $(uptime | sed 's/.*load average: //')"
  echo "ReportSite: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- Sources Templates Package.swift 2>/dev/null || echo ' (modified)'), $(swift --version 2>/dev/null | head -1)"
  echo "libcmark-gfm: $(pkg-config --modversion libcmark-gfm)"
  [ "$have_hugo" = 1 ] && echo "Hugo: $(hugo version | awk '{print $2}')"
  if [ "$have_hyperfine" = 1 ]; then echo "Timer: $(hyperfine --version)"; else echo "Timer: /usr/bin/time loop"; fi
} >"$raw/meta.txt"

# The timed builds go in rounds: each round builds with every system once, one after the other, so that the load
# other work puts on the machine falls on all of them alike and the ratios of a run stay meaningful.
# One build: with hyperfine, one run after PREPARE (its JSON kept per round); else PREPARE, then /usr/bin/time.
one_build() {
  local name="$1" round="$2" prepare="$3" cmd="$4"
  if [ "$have_hyperfine" = 1 ]; then
    hyperfine --style none --runs 1 --prepare "$prepare" --export-json "$raw/$name.$round.json" "$cmd" \
      >/dev/null 2>>"$raw/stderr.log" || { tail -20 "$raw/stderr.log" >&2; say "$name failed"; exit 1; }
  else
    sh -c "$prepare"
    timed "$raw/$name.times" "$cmd" || { tail -20 "$raw/stderr.log" >&2; say "$name failed"; exit 1; }
  fi
}

for round in $(seq "$runs"); do
  say "round $round of $runs: full builds, each into an emptied folder"
  for s in "${systems[@]}"; do
    one_build "$s-full" "$round" "$(clean_of "$s")" "$(command_of "$s")"
  done
done
# The one-report edit: a sentence citing another report added to (or taken from) paragraph 1 of A/90/1 once a
# round, then each system rebuilds into the folder its previous build left (ReportSite reuses the pages whose
# inputs did not change, from .reportsite-cache/ beside its output).
for round in $(seq "$runs"); do
  say "round $round of $runs: rebuilds after a one-report edit"
  first=1
  for s in "${systems[@]}"; do
    if [ "$first" = 1 ]; then prepare="$edit_cmd"; else prepare=":"; fi
    first=0
    one_build "$s-edit" "$round" "$prepare" "$(command_of "$s")"
  done
done
# A rebuild with nothing changed, into the folder each system's previous build left (ReportSite finds its output
# up to date and writes nothing).
for round in $(seq "$runs"); do
  say "round $round of $runs: rebuilds with nothing changed"
  for s in "${systems[@]}"; do
    one_build "$s-nochange" "$round" ":" "$(command_of "$s")"
  done
done
restore_edit
echo "Load average after: $(uptime | sed 's/.*load average: //')" >>"$raw/meta.txt"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
result="$work/results/bench-n$n-$stamp.md"
python3 scripts/bench/table.py --raw "$raw" --n "$n" --bytes "$bytes" --runs "$runs" --seed "$seed" \
  --command "scripts/bench/run.sh --n $n --runs $runs --seed $seed" "${systems[@]}" >"$result"
cp "$result" "$work/results/latest.md"
cat "$result"
say "written to $result"
[ "$quick" = 1 ] && say "quick mode: a smoke test of the harness; the figures mean little at N=20"
exit 0

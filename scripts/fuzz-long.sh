#!/usr/bin/env bash
# A long run of the fuzz test (Tests/ReportSiteKitTests/FuzzTests.swift), by hand: 10,000 mutated reports by default.
# Usage: scripts/fuzz-long.sh                     10,000 cases, seed 20240601, release build
#        FUZZ_CASES=50000 FUZZ_SEED=7 scripts/fuzz-long.sh
#        CONFIG=debug scripts/fuzz-long.sh        the debug build (smaller stack frames in release hide some crashes later)
# Other FuzzTests variables pass through: FUZZ_JOBS, FUZZ_TIMEOUT, FUZZ_SKIP, FUZZ_VERBOSE, FUZZ_KEEP.
# Prints the summary line `fuzz: N cases, 0 crashes, built B, rejected R, slowest T s` and every failing case
# (each kept in $TMPDIR/reportsite-fuzz-failures/); when the test process dies, the cases it was running.
set -uo pipefail
cd "$(dirname "$0")/.."
export FUZZ_CASES="${FUZZ_CASES:-10000}"
export FUZZ_SEED="${FUZZ_SEED:-20240601}"
config="${CONFIG:-release}"
scratch="${SCRATCH:-.build-fuzz}"
flags=(-c "$config" --scratch-path "$scratch")
# @testable import needs testing enabled in a release build.
[ "$config" = release ] && flags+=(-Xswiftc -enable-testing)

echo "fuzz-long: building ($config, $scratch)"
if ! swift build "${flags[@]}" --build-tests >/tmp/fuzz-long-build.$$ 2>&1; then
  tail -30 /tmp/fuzz-long-build.$$
  rm -f /tmp/fuzz-long-build.$$
  echo "fuzz-long: the build failed" >&2
  exit 2
fi
rm -f /tmp/fuzz-long-build.$$

log="${TMPDIR:-/tmp}/fuzz-long-$FUZZ_SEED-$FUZZ_CASES.log"
echo "fuzz-long: $FUZZ_CASES cases, seed $FUZZ_SEED; full log in $log"
start=$(date +%s)
swift test "${flags[@]}" --skip-build --filter 'FuzzTests/testMutatedReportsNeverCrashHangOrWriteBrokenPages' >"$log" 2>&1
status=$?
end=$(date +%s)

grep -E '^fuzz: ' "$log"
# Each failure: its first lines (problems, mutations, where the case is kept).
grep -A4 'failed - fuzz case\|did not finish within' "$log" | grep -v '^--$\|^fuzz: \|^Test ' | sed -e 's/^.*error: FuzzTests[^:]*: failed - /FAIL /' | cut -c1-400

if ! grep -q '^fuzz: [0-9]* cases' "$log"; then
  # No summary: the process died. The cases it was running are the folders left in the fuzz folder.
  echo "fuzz-long: the test process died (a crash):"
  grep -E 'signal|Fatal error|crashed' "$log" | head -5
  root="$(sed -n 's/^fuzz: seed .* cases in \(.*\)$/\1/p' "$log" | head -1)"
  if [ -n "$root" ] && [ -d "$root" ]; then
    keep="${TMPDIR:-/tmp}/reportsite-fuzz-failures/crash-seed-$FUZZ_SEED"
    mkdir -p "$keep"
    for c in "$root"/case-*; do
      [ -d "$c" ] || continue
      cp -r "$c" "$keep/" 2>/dev/null
      echo "  running at the crash: $(head -1 "$c/case.txt"), kept in $keep/$(basename "$c")"
      sed -n '3,$p' "$c/case.txt" | cut -c1-200 | sed 's/^/    /'
    done
  fi
  status=3
fi
echo "fuzz-long: $((end - start)) s, exit $status"
exit $status

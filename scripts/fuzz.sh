#!/usr/bin/env bash
# Fuzz the metadata reading path with libFuzzer and AddressSanitizer for SECONDS (default 60).
# The README's "Hostile input" says what it covers.
#   scripts/fuzz.sh 1800
# Seeds: Fixtures/, Fuzz/Regressions/ and, when present, ../shared/corpus. New inputs go to
# .fuzz/corpus (not committed); a crash is written to .fuzz/crashes/ and stops the run. Keep a
# minimized crasher (scripts/fuzz.sh minimize FILE) in Fuzz/Regressions/: a test replays them.
set -euo pipefail
cd "$(dirname "$0")/.."
# Coverage flags spelled out: with --sanitize=fuzzer alone, SwiftPM builds were seen to leave
# the Swift code uninstrumented (libFuzzer then reports a dozen edges instead of ~2,000), and a
# clean build each time for the same reason; the check below refuses such a build.
rm -rf Fuzz/.build
swift build --package-path Fuzz -c release --sanitize=fuzzer --sanitize=address \
  -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table 2>&1 | tail -n 1
fuzzer=Fuzz/.build/release/MetadataFuzzer
coverage=$("$fuzzer" -runs=0 Fixtures 2>&1 | sed -n 's/.*INITED cov: \([0-9]*\).*/\1/p')
if [ "${coverage:-0}" -lt 500 ]; then
  echo "fuzz.sh: the fuzzer covers only ${coverage:-0} edges of the fixtures: the build is not instrumented" >&2
  exit 1
fi
rm -f /dev/shm/verify-photos-fuzz-*
mkdir -p .fuzz/corpus .fuzz/crashes
if [ "${1:-}" = "minimize" ]; then
  exec "$fuzzer" -minimize_crash=1 -runs=20000 -exact_artifact_path=".fuzz/crashes/minimized-$(basename "$2")" "$2"
fi
seconds=${1:-60}
seeds=(Fixtures Fuzz/Regressions)
for d in ../shared/corpus/real ../shared/corpus/malformed; do [ -d "$d" ] && seeds+=("$d"); done
"$fuzzer" .fuzz/corpus "${seeds[@]}" -max_total_time="$seconds" -max_len=131072 -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix=.fuzz/crashes/ -print_final_stats=1

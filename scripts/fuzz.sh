#!/usr/bin/env bash
# Fuzz the metadata reading path with libFuzzer and AddressSanitizer for SECONDS (default 60).
#   scripts/fuzz.sh 1800
# Seeds: Fixtures/, Fuzz/Regressions/ and, when present, ../shared/corpus. New inputs go to
# .fuzz/corpus (not committed); a crash is written to .fuzz/crashes/ and stops the run. Keep a
# minimized crasher (scripts/fuzz.sh minimize FILE) in Fuzz/Regressions/: a test replays them.
set -euo pipefail
cd "$(dirname "$0")/.."
# A clean build each time: an incremental one was seen to keep an uninstrumented library
# (libFuzzer then reports a coverage of a dozen edges instead of over a thousand).
rm -rf Fuzz/.build
swift build --package-path Fuzz -c release --sanitize=fuzzer --sanitize=address >/dev/null
fuzzer=Fuzz/.build/release/MetadataFuzzer
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

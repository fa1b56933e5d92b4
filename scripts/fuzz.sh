#!/usr/bin/env bash
# Fuzz the metadata reading path with libFuzzer and AddressSanitizer for SECONDS (default 60).
# The README's "Hostile input" says what it covers.
#   scripts/fuzz.sh 1800
# Seeds: Fixtures/, Fuzz/Regressions/, large seeds of 2-9 MiB in every container that
# Fuzz/make-seeds.py writes into .fuzz/seeds (HEIC/AVIF with big mdat and several extents, JPEG
# with large and many segments, PNG with many zTXt chunks, WebP, TIFF with IFDs far into the
# file) and, when present, ../shared/corpus. Inputs up to 10 MiB are mutated: half the time by
# the structure-aware mutator of Fuzz/Sources/MetadataFuzzer/StructureMutator.swift (ISOBMFF box
# sizes, iloc fields, extents, item counts, pitm, cdsc, duplicate Exif items; JPEG segments),
# else by libFuzzer's byte mutations. One input may hold at most 300 MB of heap (and allocate
# no block over 300 MB): more is reported as a crash. New inputs go to .fuzz/corpus (not
# committed); a crash is written to .fuzz/crashes/ and stops the run. Keep a minimized crasher
# (scripts/fuzz.sh minimize FILE) in Fuzz/Regressions/: a test replays them.
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
# libFuzzer reports a crash and saves the input; Swift's own backtracer would run first and
# leave a swift-backtrace process behind for each crash.
export SWIFT_BACKTRACE=enable=no
mkdir -p .fuzz/corpus .fuzz/crashes
# Inputs up to 10 MiB; the whole process, corpus included, under 4 GB (one input: 300 MB, above).
limits=(-max_len=10485760 -malloc_limit_mb=300 -rss_limit_mb=4096 -timeout=10)
if [ "${1:-}" = "minimize" ]; then
  exec "$fuzzer" "${limits[@]}" -minimize_crash=1 -runs=20000 -exact_artifact_path=".fuzz/crashes/minimized-$(basename "$2")" "$2"
fi
seconds=${1:-60}
python3 Fuzz/make-seeds.py .fuzz/seeds
seeds=(Fixtures Fuzz/Regressions .fuzz/seeds)
for d in ../shared/corpus/real ../shared/corpus/malformed; do [ -d "$d" ] && seeds+=("$d"); done
# -reload=0: one process, so no rereading (and hashing) of the corpus folder every few seconds.
"$fuzzer" .fuzz/corpus "${seeds[@]}" -max_total_time="$seconds" "${limits[@]}" -reload=0 \
  -artifact_prefix=.fuzz/crashes/ -print_final_stats=1

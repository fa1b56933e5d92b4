#!/usr/bin/env bash
# The whole test suite under AddressSanitizer, then UndefinedBehaviorSanitizer, each in a build
# folder of its own (.build-asan, .build-ubsan). Exits non-zero when a run fails or reports.
#   scripts/sanitize.sh              # both
#   scripts/sanitize.sh undefined    # one
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
sanitizers=("$@")
[ ${#sanitizers[@]} -gt 0 ] || sanitizers=(address undefined)
for s in "${sanitizers[@]}"; do
  case "$s" in address) dir=.build-asan ;; undefined) dir=.build-ubsan ;; *) echo "unknown sanitizer $s"; exit 2 ;; esac
  log="$dir.log"
  echo "== swift test --sanitize=$s (log: $log)"
  # halt_on_error: a UBSan report fails the run instead of scrolling past.
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
    swift test --sanitize="$s" --scratch-path "$dir" >"$log" 2>&1
  result=$?
  grep -E "runtime error|ERROR: AddressSanitizer|ERROR: LeakSanitizer|Test run with|Executed" "$log" | tail -n 5
  if [ $result -ne 0 ] || grep -qE "runtime error|ERROR: (Address|Leak)Sanitizer" "$log"; then status=1; fi
done
exit $status

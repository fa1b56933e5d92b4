#!/usr/bin/env bash
# The whole test suite under AddressSanitizer, then UndefinedBehaviorSanitizer, each in a build
# folder of its own (.build-asan, .build-ubsan). Exits non-zero when a run fails or reports.
# swiftc has no UBSan (Swift traps on overflow and out-of-bounds by itself), so `undefined`
# instruments the project's C (the libjpeg shim) with clang's -fsanitize=undefined.
#   scripts/sanitize.sh              # both
#   scripts/sanitize.sh undefined    # one
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
sanitizers=("$@")
[ ${#sanitizers[@]} -gt 0 ] || sanitizers=(address undefined)
for s in "${sanitizers[@]}"; do
  case "$s" in
    address) dir=.build-asan; flags=(--sanitize=address) ;;
    undefined)
      dir=.build-ubsan
      runtime=$(ls "$(dirname "$(readlink -f "$(command -v swift)")")"/../lib/clang/*/lib/linux/libclang_rt.ubsan_standalone-x86_64.so | head -n 1)
      flags=(-Xcc -fsanitize=undefined -Xcc -fno-sanitize-recover=undefined -Xlinker "$runtime" -Xlinker -rpath -Xlinker "$(dirname "$runtime")") ;;
    *) echo "unknown sanitizer $s"; exit 2 ;;
  esac
  log="$dir.log"
  echo "== swift test ${flags[*]} (log: $log)"
  # halt_on_error: a UBSan report fails the run instead of scrolling past.
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
    LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0" \
    swift test "${flags[@]}" --scratch-path "$dir" >"$log" 2>&1
  result=$?
  grep -E "runtime error|ERROR: AddressSanitizer|ERROR: LeakSanitizer|Test run with|Executed" "$log" | tail -n 5
  if [ $result -ne 0 ] || grep -qE "runtime error|ERROR: (Address|Leak)Sanitizer" "$log"; then status=1; fi
done
exit $status

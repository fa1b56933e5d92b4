#!/usr/bin/env bash
# Differential fuzzing of the DC-only JPEG decode (Sources/CPhotoShim/dc_decode.c) for SECONDS
# (default 60): libFuzzer with AddressSanitizer and UndefinedBehaviorSanitizer decodes every input
# at 1/8 with the shortcut and with libjpeg alone (Fuzz/DCDecode/); a difference in status, message,
# size or (grey) pixels, grey or colour, is saved as .fuzz/dc-decode/diverge-*.jpg and stops the run.
#   scripts/fuzz-dc-decode.sh 1800
# Seeds: Fixtures/decoder/ and the JPEG fixtures; new inputs go to .fuzz/dc-decode/corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
out=.fuzz/dc-decode
mkdir -p "$out/corpus" "$out/seeds"
cp Fixtures/decoder/*.jpg Fixtures/*.jpg "$out/seeds/"
shim=Sources/CPhotoShim
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -I"$shim" -I"$shim/include" \
  Fuzz/DCDecode/fuzz_target.c Fuzz/DCDecode/dc_diff.c Fuzz/DCDecode/jpeg_mutations.c \
  "$shim/gray_decode.c" "$shim/thumbnail.c" "$shim/dc_decode.c" "$shim/jpeg_guard.c" -ljpeg -o "$out/fuzz-dc-decode"
DCFUZZ_OUT="$out" DCFUZZ_ABORT=1 "$out/fuzz-dc-decode" -max_len=65536 -max_total_time="$seconds" \
  "$out/corpus" "$out/seeds"

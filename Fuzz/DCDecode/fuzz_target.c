/* libFuzzer entry of the DC-shortcut differential fuzzer: every input decoded both ways at 1/8. */
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
int check_one(const uint8_t *data, size_t size, int min_side, uint64_t max_pixels);
size_t jpeg_mutate(uint8_t *d, size_t n, size_t max, uint64_t seed);
size_t LLVMFuzzerMutate(uint8_t *Data, size_t Size, size_t MaxSize);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 4) return 0;
    check_one(data, size, 1, 1u << 22);
    return 0;
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max, unsigned int seed) {
    if (seed % 5 == 0) return LLVMFuzzerMutate(data, size, max);
    return jpeg_mutate(data, size, max, seed);
}

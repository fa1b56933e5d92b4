#ifndef FUZZ_SUPPORT_H
#define FUZZ_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's own byte-level mutation, for use inside LLVMFuzzerCustomMutator: mutates
/// `size` bytes at `data` in place, up to `max_size`, and returns the new size.
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);

/// Starts counting the heap that the current input holds live. When it exceeds `limit_bytes`,
/// the process reports it with a stack trace and aborts, so that libFuzzer saves the input.
void fuzz_heap_watch_begin(size_t limit_bytes);

/// Stops counting after the input.
void fuzz_heap_watch_end(void);

#endif

#include "fuzz_support.h"

#include <stdio.h>
#include <stdlib.h>

/* AddressSanitizer's allocator interface (sanitizer/allocator_interface.h); weak, so that a
   build without AddressSanitizer links and simply does not watch. */
__attribute__((weak)) int __sanitizer_install_malloc_and_free_hooks(
    void (*malloc_hook)(const volatile void *, size_t), void (*free_hook)(const volatile void *));
__attribute__((weak)) size_t __sanitizer_get_allocated_size(const volatile void *p);
__attribute__((weak)) void __sanitizer_print_stack_trace(void);

/* Live heap bytes since the hooks were installed (negative when older blocks are freed), the
   value when the current input began, and its limit (0: not watching). libFuzzer's
   -rss_limit_mb counts the whole process, corpus included, and -malloc_limit_mb one block;
   this counts what one input holds at its peak, however it is split into blocks. */
static long long live;
static long long start;
static long long limit;

static void on_malloc(const volatile void *p, size_t size) {
    (void)p;
    long long now = __atomic_add_fetch(&live, (long long)size, __ATOMIC_RELAXED);
    long long watched = __atomic_load_n(&limit, __ATOMIC_RELAXED);
    if (watched > 0 && now - start > watched) {
        __atomic_store_n(&limit, 0, __ATOMIC_RELAXED);
        fprintf(stderr, "==fuzz== ERROR: one input holds more than %lld MB of heap\n", watched >> 20);
        if (__sanitizer_print_stack_trace) __sanitizer_print_stack_trace();
        abort();
    }
}

static void on_free(const volatile void *p) {
    if (p) __atomic_sub_fetch(&live, (long long)__sanitizer_get_allocated_size(p), __ATOMIC_RELAXED);
}

void fuzz_heap_watch_begin(size_t limit_bytes) {
    static int installed;
    if (!installed && __sanitizer_install_malloc_and_free_hooks && __sanitizer_get_allocated_size)
        installed = __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free) != 0;
    start = __atomic_load_n(&live, __ATOMIC_RELAXED);
    __atomic_store_n(&limit, (long long)limit_bytes, __ATOMIC_RELAXED);
}

void fuzz_heap_watch_end(void) {
    __atomic_store_n(&limit, 0, __ATOMIC_RELAXED);
}

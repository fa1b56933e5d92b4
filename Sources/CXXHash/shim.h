#include <xxhash.h>
#if defined(__x86_64__)
/* XXH3 with the widest vector unit the processor has (AVX2, AVX-512), chosen at run time. */
#define XXH_DISPATCH_DISABLE_REPLACE 1
#include <xxh_x86dispatch.h>
#endif

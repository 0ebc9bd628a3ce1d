#include <stddef.h>
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif

/// Bytes glibc's allocator holds free for reuse (free chunks and the top of each arena): memory
/// the process has mapped but can allocate again without asking the kernel. 0 elsewhere.
static inline size_t arlens_malloc_free_bytes(void) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    struct mallinfo2 info = mallinfo2();
    return info.fordblks;
#else
    return 0;
#endif
}

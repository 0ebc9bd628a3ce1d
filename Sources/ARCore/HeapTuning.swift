#if canImport(Glibc)
import Glibc
#endif

/// Process-wide settings of the C allocator for a process that runs many queries.
public enum HeapTuning {
    /// Keeps freed memory in the process for the next query instead of returning it to the kernel.
    ///
    /// A query allocates a few arrays of one element per item row (8–80 MB each at 1–10M
    /// documents). glibc serves blocks that large with `mmap` and unmaps them on `free`, or trims
    /// the heap top, so every query faulted in and zeroed fresh pages: a third to a half of a
    /// query's time at 1M documents (measured with perf in Benchmarks/). With `mmap` off and no
    /// trimming, the next query reuses the pages; the resident size stays at the high-water mark
    /// of one query. No effect on other C libraries.
    public static func keepFreedMemory() {
        #if canImport(Glibc)
        // <malloc.h> is not part of the Glibc module: look mallopt up (RTLD_DEFAULT is a null handle).
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(mmapMax, 0)
        _ = mallopt(trimThreshold, Int32.max)
        #endif
    }

    /// `M_TRIM_THRESHOLD` and `M_MMAP_MAX` of glibc's <malloc.h>.
    private static let trimThreshold: Int32 = -1, mmapMax: Int32 = -4
}

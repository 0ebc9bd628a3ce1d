import Testing
@testable import ARCore

/// The process's headroom as the engine reads it before large allocations.
struct AvailableMemoryTests {
    @Test func readsTheLimitsOfThisProcess() throws {
        #if os(Linux)
        let available = try #require(AvailableMemory.bytes())
        #expect(available > 0)
        let status = AvailableMemory.procFields("/proc/self/status")
        #expect((status["VmSize"] ?? 0) > 1 << 20)   // kB lines come back in bytes
        #expect(AvailableMemory.procFields("/proc/meminfo")["MemTotal"] ?? 0 >= available / 2)
        #endif
        #expect(AvailableMemory.procFields("/no/such/file").isEmpty)
    }
}

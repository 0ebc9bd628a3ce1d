import Testing
@testable import ARMetrics

/// The 64-bit path of `CrossRate.apply` rounds as the 128-bit one: half away from zero, once.
struct CrossRateTests {
    @Test func halvesRoundAwayFromZeroInBothDirections() throws {
        let half = CrossRate(numerator: 1, denominator: 2), third = CrossRate(numerator: 1, denominator: 3)
        #expect(try half.apply(1) == 1)        // 0.5
        #expect(try half.apply(-1) == -1)      // -0.5
        #expect(try half.apply(4) == 2)
        #expect(try third.apply(2) == 1)       // 0.666…
        #expect(try third.apply(-4) == -1)     // -1.333…
        #expect(try third.apply(1) == 0)       // 0.333…
        // 1234.56 USD at 0.9222 EUR (numerator 9222, denominator 10000): 1138.5112… → 1138.51
        #expect(try CrossRate(numerator: 9222, denominator: 10000).apply(123_456) == 113_851)
        #expect(try CrossRate(numerator: 9222, denominator: 10000).apply(-123_456) == -113_851)
    }

    @Test func productsBeyond64BitsTakeThe128BitPath() throws {
        // (2^62 - 1) × 3 overflows Int64; ÷ 2 is 6917529027641081854.5 → …855.
        #expect(try CrossRate(numerator: 3, denominator: 2).apply(4_611_686_018_427_387_903) == 6_917_529_027_641_081_855)
        #expect(try CrossRate(numerator: 3, denominator: 2).apply(-4_611_686_018_427_387_903) == -6_917_529_027_641_081_855)
        // A denominator wider than 64 bits: 10^20 / (2 × 10^20) of 3 is 1.5 → 2.
        let wide = CrossRate(numerator: 100_000_000_000_000_000_000, denominator: 200_000_000_000_000_000_000)
        #expect(try wide.apply(3) == 2)
        #expect(throws: MetricError.self) { try CrossRate(numerator: 4, denominator: 1).apply(.max) }
    }
}

/// A deterministic pseudo-random generator: xoshiro256** seeded through SplitMix64.
///
/// The generator never uses Foundation or system randomness, so a seed gives the same ledger,
/// byte for byte, on every machine. Each customer draws from its own stream
/// (``RandomSource/init(seed:stream:)``), so customers do not depend on one another's draws.
struct RandomSource: RandomNumberGenerator {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    init(seed: UInt64, stream: UInt64 = 0) {
        var mix = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
        s0 = RandomSource.splitMix(&mix)
        s1 = RandomSource.splitMix(&mix)
        s2 = RandomSource.splitMix(&mix)
        s3 = RandomSource.splitMix(&mix)
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// A uniform integer in `range` (Lemire's multiply-high, without the rejection step: the bias
    /// is below 2⁻⁴⁰ for the small ranges used here, and the result never depends on the
    /// standard library's algorithm).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: width).high)
    }

    /// `true` with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    /// `true` with probability `perMille` / 1000.
    mutating func chance(perMille: Int) -> Bool { int(0...999) < perMille }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// An index drawn with the given integer weights.
    mutating func weighted(_ weights: [Int]) -> Int {
        var r = int(0...(weights.reduce(0, +) - 1))
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }

    /// A roughly log-uniform integer in `low...high` (both > 0): as many small amounts per decade as large ones.
    mutating func logUniform(_ low: Int64, _ high: Int64) -> Int64 {
        var lo = low, hi = low
        // Pick a decade, then a uniform value within it.
        var decades: [(Int64, Int64)] = []
        while hi < high {
            hi = min(high, lo * 10)
            decades.append((lo, hi))
            lo = hi
        }
        guard !decades.isEmpty else { return low }
        let (a, b) = pick(decades)
        return Int64(int(Int(a)...Int(b)))
    }
}

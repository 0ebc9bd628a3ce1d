import Foundation
@testable import ARGenerator

/// The fuzzing harness's knobs, corpus and mutator.
///
/// Each target runs ``iterations(default:)`` executions: its CI default (about a minute in all in
/// a debug build), that default times `ARLENS_FUZZ_SCALE`, or exactly `ARLENS_FUZZ_ITERATIONS`.
/// The long run: `ARLENS_FUZZ_SCALE=6 swift test -c release --filter ARLensFuzzTests` (over a
/// million executions). Inputs come from the seed `ARLENS_FUZZ_SEED` (default 16), so a failure
/// replays; it is reported with its target and iteration.
enum Fuzz {
    static let environment = ProcessInfo.processInfo.environment

    /// Executions of one target: `ARLENS_FUZZ_ITERATIONS`, else `count` times `ARLENS_FUZZ_SCALE` (1).
    static func iterations(default count: Int) -> Int {
        if let exact = environment["ARLENS_FUZZ_ITERATIONS"].flatMap(Int.init) { return exact }
        return count * (environment["ARLENS_FUZZ_SCALE"].flatMap(Int.init) ?? 1)
    }

    static let seed: UInt64 = environment["ARLENS_FUZZ_SEED"].flatMap(UInt64.init) ?? 16

    /// The repository root: this file is `Tests/ARLensFuzzTests/FuzzSupport.swift`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Files of the repository under `folder` whose names end with `suffix`, as bytes; `lines`
    /// keeps the first lines of each (the sample's tables are long).
    static func corpus(_ folder: String, suffix: String, lines: Int? = nil) -> [(name: String, bytes: [UInt8])] {
        let base = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path))?.filter { $0.hasSuffix(suffix) }.sorted() ?? []
        return names.compactMap { name in
            guard let data = FileManager.default.contents(atPath: base.appendingPathComponent(name).path) else { return nil }
            guard let lines else { return (name, [UInt8](data)) }
            let kept = data.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(lines)
            return (name, Array(kept.joined(separator: [0x0A])) + [0x0A])
        }
    }

    /// Prints how many executions a target ran, and how fast (the figures of the long run).
    static func report(_ target: String, executions: Int, since start: ContinuousClock.Instant) {
        let elapsed = (ContinuousClock.now - start).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        print("fuzz \(target): \(executions) executions in \(String(format: "%.1f", seconds)) s, seed \(seed)")
    }
}

/// Byte-level and token-level mutations of corpus inputs, drawn from a seeded generator.
struct Mutator {
    var random: RandomSource

    init(target: String) {
        random = RandomSource(seed: Fuzz.seed, stream: target.utf8.reduce(UInt64(0)) { $0 &* 31 &+ UInt64($1) })
    }

    /// Bytes that break parsers: quotes, separators, line ends, a BOM, invalid UTF-8, controls.
    static let interesting: [[UInt8]] = [
        [0x22], [0x2C], [0x3B], [0x09], [0x0A], [0x0D], [0x0D, 0x0A], [0x00], [0xFF], [0xC3], [0xEF, 0xBB, 0xBF], [0x1B, 0x5B, 0x32, 0x4A],
        [0x27], [0x5C], [0x2D], [0x2E], [0x28], [0x29], [0x20], [0x3A], [0x7B], [0x5B], [0x26], [0x2A], [0x23],
    ].map { $0 }

    /// Text tokens that probe ranges and formats: huge numbers, calendar edges, grouping.
    static let tokens = [
        "99999999999999999999", "9223372036854775807", "-9223372036854775808", "50000000000000000.00", "9999999999999.99",
        "10000000000000.00", "1.234,56", "1,234.56", "12.34", "1.2.3.4,5", "(1234.50)", "1234.50-", "0", "-0", ".5", "5.",
        "9999-12-31", "0001-01-01", "0000-00-00", "2026-02-29", "2024-02-29", "10000-01-01", "2958466", "31/12/9999",
        "credit_note", "invoice", "EUR", "JPY", "KWD", "XXX", "EVIL\u{1B}]0;x\u{07}", "'", "\"\"", "..", "../../etc/passwd",
    ].map { Array($0.utf8) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { random.int(range) }
    mutating func chance(_ percent: Int) -> Bool { random.chance(percent) }
    mutating func pick<T>(_ items: [T]) -> T { random.pick(items) }

    /// `input` with one to four random edits; `other` is spliced in sometimes.
    mutating func mutate(_ input: [UInt8], splicing other: [UInt8] = []) -> [UInt8] {
        var bytes = input
        for _ in 0..<int(1...4) { edit(&bytes, other) }
        return bytes
    }

    private mutating func edit(_ bytes: inout [UInt8], _ other: [UInt8]) {
        let at = bytes.isEmpty ? 0 : int(0...bytes.count - 1)
        switch int(0...8) {
        case 0 where !bytes.isEmpty: bytes[at] ^= UInt8(1 << int(0...7))
        case 1 where !bytes.isEmpty: bytes[at] = pick(Self.interesting)[0]
        case 2: bytes.insert(contentsOf: pick(Self.interesting), at: at)
        case 3: bytes.insert(contentsOf: pick(Self.tokens), at: at)
        case 4 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + int(1...16)))
        case 5 where !bytes.isEmpty:
            let end = min(bytes.count, at + int(1...64))
            bytes.insert(contentsOf: bytes[at..<end], at: int(0...bytes.count))
        case 6 where !other.isEmpty:
            let from = int(0...other.count - 1)
            bytes.insert(contentsOf: other[from..<min(other.count, from + int(1...80))], at: at)
        case 7 where !bytes.isEmpty: bytes.removeSubrange(at...)
        default: replaceField(&bytes, at)
        }
    }

    /// Replaces the run of non-separator bytes around `at` with a probing token.
    private mutating func replaceField(_ bytes: inout [UInt8], _ at: Int) {
        guard !bytes.isEmpty else { bytes = pick(Self.tokens); return }
        let stops: Set<UInt8> = [0x2C, 0x3B, 0x0A, 0x0D, 0x09, 0x3A, 0x20]
        var start = at, end = at
        while start > 0, !stops.contains(bytes[start - 1]) { start -= 1 }
        while end < bytes.count, !stops.contains(bytes[end]) { end += 1 }
        bytes.replaceSubrange(start..<end, with: pick(Self.tokens))
    }
}

/// A canonical Huffman code as deflate (RFC 1951 §3.2.2) stores it: a bit length per symbol,
/// codes assigned in symbol order within each length.
struct HuffmanCode {
    /// Bits per symbol; 0 for symbols that never occur.
    let lengths: [UInt8]
    /// Each symbol's code with its bits reversed, ready for deflate's least-significant-bit-first stream.
    let reversedCodes: [UInt32]

    /// The optimal code for `frequencies` with no code longer than `limit` bits. At least two
    /// symbols get a code (symbols 0 and 1 stand in), as some inflaters reject one-code trees.
    init(frequencies: [UInt32], limit: Int) {
        var weights = frequencies
        var used = weights.indices.filter { weights[$0] > 0 }
        for stand in 0..<2 where used.count < 2 && weights[stand] == 0 {
            weights[stand] = 1
            used.append(stand)
        }
        var lengths = Self.unlimitedLengths(weights, used: used)
        // Halving the weights flattens the tree; charts rarely need a second round.
        while lengths.contains(where: { Int($0) > limit }) {
            weights = weights.map { $0 == 0 ? 0 : ($0 >> 1) | 1 }
            lengths = Self.unlimitedLengths(weights, used: used)
        }
        self.lengths = lengths
        reversedCodes = Self.canonicalCodes(lengths)
    }

    /// Huffman's algorithm with two queues: leaves sorted by weight, and merged nodes, whose
    /// weights come out in increasing order, so the two lightest are always at a queue's front.
    private static func unlimitedLengths(_ weights: [UInt32], used: [Int]) -> [UInt8] {
        // Sorted by weight, then symbol: one packed key per leaf sorts faster than a closure.
        let leaves = used.map { UInt64(weights[$0]) << 16 | UInt64($0) }.sorted().map { Int($0 & 0xFFFF) }
        let count = leaves.count
        var nodeWeight = [UInt64](repeating: 0, count: 2 * count)
        var parent = [Int](repeating: 0, count: 2 * count)
        for (index, symbol) in leaves.enumerated() { nodeWeight[index] = UInt64(weights[symbol]) }
        var nextLeaf = 0, nextMerged = count, created = count
        func takeLightest() -> Int {
            if nextLeaf < count && (nextMerged == created || nodeWeight[nextLeaf] <= nodeWeight[nextMerged]) {
                nextLeaf += 1
                return nextLeaf - 1
            }
            nextMerged += 1
            return nextMerged - 1
        }
        while created < 2 * count - 1 {
            let a = takeLightest(), b = takeLightest()
            nodeWeight[created] = nodeWeight[a] + nodeWeight[b]
            parent[a] = created
            parent[b] = created
            created += 1
        }
        // Depths from the root (the last node created) down: parents are always created later.
        var depth = [UInt8](repeating: 0, count: 2 * count)
        if count > 1 {
            for node in stride(from: 2 * count - 3, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }
        }
        var lengths = [UInt8](repeating: 0, count: weights.count)
        for (index, symbol) in leaves.enumerated() { lengths[symbol] = depth[index] }
        return lengths
    }

    /// RFC 1951's assignment: shorter codes first, then symbol order; bits reversed.
    private static func canonicalCodes(_ lengths: [UInt8]) -> [UInt32] {
        var countPerLength = [UInt32](repeating: 0, count: 17)
        for length in lengths where length > 0 { countPerLength[Int(length)] += 1 }
        var next = [UInt32](repeating: 0, count: 17)
        var code: UInt32 = 0
        for bits in 1...16 {
            code = (code + countPerLength[bits - 1]) << 1
            next[bits] = code
        }
        return lengths.map { length in
            guard length > 0 else { return 0 }
            let code = next[Int(length)]
            next[Int(length)] += 1
            var reversed: UInt32 = 0
            for bit in 0..<UInt32(length) where code & (1 << bit) != 0 { reversed |= 1 << (UInt32(length) - 1 - bit) }
            return reversed
        }
    }
}

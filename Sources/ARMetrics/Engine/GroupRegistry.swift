/// Dense group ids for combinations of dimension codes.
///
/// A combination is first packed into one `Int64` (mixed radix, code `-1` for a missing value
/// packs as 0), then mapped to a dense `Int32` id through a flat table when the packed space is
/// small (the usual case: one or two dimensions), else through a dictionary.
struct GroupRegistry: Sendable {
    /// `values + 1` per dimension.
    let radix: [Int64]
    let strides: [Int64]
    private var table: [Int32]
    private var lookup: [Int64: Int32] = [:]
    private let useTable: Bool
    /// The packed key of each group id.
    private(set) var packed: [Int64] = []

    static let tableLimit: Int64 = 1 << 22

    init(valueCounts: [Int]) throws(MetricError) {
        radix = valueCounts.map { Int64($0) + 1 }
        var strides: [Int64] = []
        var total: Int64 = 1
        for r in radix {
            strides.append(total)
            let (next, overflow) = total.multipliedReportingOverflow(by: r)
            guard !overflow else {
                throw MetricError(code: "bad_query", message: "too many combinations of dimension values: group by fewer dimensions")
            }
            total = next
        }
        self.strides = strides
        useTable = total <= GroupRegistry.tableLimit
        table = useTable ? [Int32](repeating: -1, count: Int(total)) : []
    }

    var count: Int { packed.count }

    /// The packed key contribution of `code` (`-1` for missing) in dimension `k`.
    @inline(__always)
    func part(_ code: Int32, dimension k: Int) -> Int64 { (Int64(code) + 1) * strides[k] }

    /// The dense id of a packed key, assigned on first sight.
    @inline(__always)
    mutating func id(_ key: Int64) -> Int32 {
        if useTable {
            let existing = table[Int(key)]
            if existing >= 0 { return existing }
            let new = Int32(packed.count)
            table[Int(key)] = new
            packed.append(key)
            return new
        }
        if let existing = lookup[key] { return existing }
        let new = Int32(packed.count)
        lookup[key] = new
        packed.append(key)
        return new
    }

    /// The code of group `g` in dimension `k` (`-1` for missing).
    func code(of g: Int, dimension k: Int) -> Int32 {
        Int32((packed[g] / strides[k]) % radix[k]) - 1
    }
}

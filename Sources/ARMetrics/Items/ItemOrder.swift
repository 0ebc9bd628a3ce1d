import ARCore

/// The values of one `order by` key for each candidate item, typed for comparing.
enum ItemSortValues {
    /// Days, dates, money and ranks of dimension values; `missing` flags items without a value.
    case integers([Int64], missing: [Bool]?)
    /// Text compared as Swift strings compare (ids, or dimension values when ranking every
    /// value would cost more than comparing the few items' texts); `nil` is missing.
    case texts([String?])
}

/// Orders candidate items by several typed keys with one rule: each key ascending or
/// descending, missing values last in both directions, ties in candidate (document) order.
///
/// With a limit well below the number of candidates, only the first `limit` items are found
/// (a bounded heap, O(n log k)) instead of sorting them all.
struct ItemOrder {
    let values: [ItemSortValues]
    let descending: [Bool]
    /// Candidates in all.
    let count: Int

    /// Whether candidate `a` comes before candidate `b` (a strict total order).
    @inline(__always)
    func precedes(_ a: Int, _ b: Int) -> Bool {
        for (key, values) in values.enumerated() {
            switch values {
            case let .integers(v, missing):
                let aMissing = missing?[a] ?? false, bMissing = missing?[b] ?? false
                if aMissing != bMissing { return bMissing }
                if aMissing || v[a] == v[b] { continue }
                return descending[key] ? v[a] > v[b] : v[a] < v[b]
            case let .texts(t):
                guard let x = t[a], let y = t[b] else {
                    if (t[a] == nil) != (t[b] == nil) { return t[b] == nil }
                    continue
                }
                if x == y { continue }
                return descending[key] ? x > y : x < y
            }
        }
        return a < b
    }

    /// The candidates (`0 ..< count`) in order, the first `limit` of them when a limit is given.
    func ordered(limit: Int?, stop: CancellationToken) throws(MetricError) -> [Int] {
        let k = min(max(0, limit ?? count), count)
        if values.isEmpty { return Array(0..<k) }
        if k <= count / 4 { return try first(k, stop: stop) }
        if values.count == 1, case let .integers(v, nil) = values[0] {
            // One key with every value there: sort (value, position) pairs, `~v` reversing the
            // order for `desc` without overflow; positions break ties.
            var keyed = (0..<count).map { (key: descending[0] ? ~v[$0] : v[$0], position: $0) }
            try keyed.sort(polling: stop) { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
            return keyed.prefix(k).map(\.position)
        }
        var order = Array(0..<count)
        try order.sort(polling: stop, by: precedes)
        return Array(order.prefix(k))
    }

    /// The first `k` candidates in order: a max-heap of the `k` best seen so far, whose top is
    /// the last of them, replaced whenever a candidate comes before it.
    private func first(_ k: Int, stop: CancellationToken) throws(MetricError) -> [Int] {
        guard k > 0 else { return [] }
        var heap: [Int] = []
        heap.reserveCapacity(k)
        for p in 0..<count {
            try stop.poll(row: p)
            if heap.count < k {
                heap.append(p)
                siftUp(&heap, from: heap.count - 1)
            } else if precedes(p, heap[0]) {
                heap[0] = p
                siftDown(&heap, from: 0)
            }
        }
        try heap.sort(polling: stop, by: precedes)
        return heap
    }

    private func siftUp(_ heap: inout [Int], from start: Int) {
        var i = start
        while i > 0 {
            let parent = (i - 1) / 2
            guard precedes(heap[parent], heap[i]) else { return }
            heap.swapAt(parent, i)
            i = parent
        }
    }

    private func siftDown(_ heap: inout [Int], from start: Int) {
        var i = start
        while true {
            var last = i
            let left = 2 * i + 1, right = left + 1
            if left < heap.count, precedes(heap[last], heap[left]) { last = left }
            if right < heap.count, precedes(heap[last], heap[right]) { last = right }
            if last == i { return }
            heap.swapAt(i, last)
            i = last
        }
    }
}

/// Labels for a time axis whose categories are ISO `YYYY-MM-DD` days.
enum DateLabels {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Year, month and day of an ISO day, or nil when the text is not one.
    static func parse(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (year, month, day)
    }

    /// Month labels ("Oct 25") when the days are a month or more apart, day labels ("31 Oct")
    /// when closer. Text that is not an ISO day is kept as it is.
    static func labels(for categories: [String]) -> [String] {
        let parsed = categories.map(parse)
        let monthly = isMonthly(parsed.compactMap { $0 })
        return zip(categories, parsed).map { text, date in
            guard let date else { return text }
            let month = months[date.month - 1]
            if monthly { return month + " " + twoDigits(date.year % 100) }
            return String(date.day) + " " + month
        }
    }

    /// True when consecutive days fall in different months (month-end or monthly series).
    private static func isMonthly(_ dates: [(year: Int, month: Int, day: Int)]) -> Bool {
        guard dates.count > 1 else { return true }
        for index in 1..<dates.count {
            let a = dates[index - 1], b = dates[index]
            if a.year == b.year && a.month == b.month { return false }
        }
        return true
    }

    /// Which labels to show when only `fit` of `count` fit: every k-th, counted from the last
    /// (the latest period is the one a reader looks for).
    static func shownIndices(count: Int, fit: Int) -> [Int] {
        guard count > 0 else { return [] }
        let stride = max(1, Int((Double(count) / Double(max(1, fit))).rounded(.up)))
        return Swift.stride(from: count - 1, through: 0, by: -stride).reversed()
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}

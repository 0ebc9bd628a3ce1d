import ARCharts

/// How a result column reads on a chart: its display name and whether a rise is good news.
enum MetricNames {
    /// Metric names written in capitals.
    private static let acronyms: Set<String> = ["ar", "dso", "bpdso", "add", "cei", "fx"]

    /// "overdue_rate" → "Overdue rate", "dso(method: countback)" → "DSO (countback)",
    /// "write_offs(period: 12 months)" → "Write-offs (12 months)", "customer_group" → "Customer group".
    static func display(_ name: String) -> String {
        let base = String(name.prefix { $0 != "(" })
        var words = base.split(separator: "_").map(String.init)
        if words == ["write", "offs"] { words = ["write-offs"] }
        let text = words.enumerated().map { index, word in
            if acronyms.contains(word) { return word.uppercased() }
            return index == 0 ? word.prefix(1).uppercased() + word.dropFirst() : word
        }.joined(separator: " ")
        guard let open = name.firstIndex(of: "(") else { return text }
        // "(method: countback, period: 3 months)" → "(countback, 3 months)"
        let arguments = name[name.index(after: open)...].dropLast(name.hasSuffix(")") ? 1 : 0)
            .split(separator: ",").map { argument in
                argument.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: " ") } ?? ""
            }
        return text + " (" + arguments.joined(separator: ", ") + ")"
    }

    /// A dimension as prose: "customer_group" → "customer group".
    static func dimension(_ name: String) -> String {
        name.split(separator: "_").joined(separator: " ")
    }

    /// Which way a metric's change is good news for a credit manager: less AR, overdue, DSO,
    /// disputes and losses is better; more effective collection and kept promises is better;
    /// sales, penalties, counts and the current part say nothing on their own.
    static func direction(_ name: String) -> KPIDirection {
        let base = String(name.prefix { $0 != "(" })
        let lower: Set<String> = ["ar", "overdue", "overdue_rate", "dso", "bpdso", "add", "disputed", "open_disputes",
                                  "dispute_days", "bad_debt_rate", "write_offs", "days_late", "days_to_pay"]
        let higher: Set<String> = ["cei", "promise_kept_rate", "collections", "collections_rate"]
        return lower.contains(base) ? .lowerIsBetter : higher.contains(base) ? .higherIsBetter : .neutral
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var text = self
        while text.first == set { text = text.dropFirst() }
        while text.last == set { text = text.dropLast() }
        return String(text)
    }
}

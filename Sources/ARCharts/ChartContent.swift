/// One bar of a waterfall bridge.
public struct WaterfallStep: Sendable, Equatable {
    /// What the bar means: an absolute level or a movement.
    public enum Kind: String, Sendable, Equatable {
        /// An opening level, drawn from zero.
        case start
        /// A movement up from the running total.
        case increase
        /// A movement down from the running total; give the amount as a positive number.
        case decrease
        /// A closing level, drawn from zero; `value` is the stated total (nil: the running total).
        case total
    }

    /// The category label under the bar.
    public var label: String
    public var kind: Kind
    /// The amount; for `.total`, nil means "use the running total".
    public var value: Double?

    /// A step: `WaterfallStep("Collections", .decrease, 980_000)`.
    public init(_ label: String, _ kind: Kind, _ value: Double?) {
        self.label = label
        self.kind = kind
        self.value = value
    }
}

/// One KPI tile: a headline figure, its change against the previous period and a sparkline.
public struct KPITile: Sendable, Equatable {
    /// The caption, shown in capitals above the value.
    public var label: String
    /// The headline figure; nil shows "–".
    public var value: Double?
    /// The previous period's figure, for the change line.
    public var previous: Double?
    /// How `value` is written.
    public var format: ValueFormat
    /// Recent history, oldest first; drawn as a sparkline when it has two or more values.
    public var sparkline: [Double?]
    /// The ISO days of the sparkline's values: the first and last are written under it, and the
    /// change line reads "vs <the day before the last>" (`previous` is that day's value).
    public var sparklineDates: [String]
    /// Which way is good news; colours the change.
    public var direction: KPIDirection

    /// A tile; `previous`, `sparkline` and its dates are optional.
    public init(label: String, value: Double?, previous: Double? = nil, format: ValueFormat,
                sparkline: [Double?] = [], sparklineDates: [String] = [], direction: KPIDirection = .higherIsBetter) {
        self.label = label
        self.value = value
        self.previous = previous
        self.format = format
        self.sparkline = sparkline
        self.sparklineDates = sparklineDates
        self.direction = direction
    }

    /// The relative change from `previous` to `value` (0.1 is +10 %), nil when undefined.
    public var relativeChange: Double? {
        guard let value, let previous, previous != 0 else { return nil }
        return (value - previous) / abs(previous)
    }

    /// The change as the tile shows it, signed: percentage points for a ratio or a percentage
    /// (22.6 % → 26.0 % is +3.4), a relative change in percent otherwise (+4.4 for 10 % more
    /// would be +10); nil when undefined.
    public var change: Double? {
        guard let value, let previous, value.isFinite, previous.isFinite else { return nil }
        switch format {
        case .ratio: return (value - previous) * 100
        case .percent: return value - previous
        default: return relativeChange.map { $0 * 100 }
        }
    }

    /// `change` without its sign, with its unit: "3.4 pts" or "4.4%".
    public var changeLabel: String? {
        guard let change else { return nil }
        let digits = NumberText.grouped(abs(change), decimals: 1)
        switch format {
        case .ratio, .percent: return digits + " pts"
        default: return digits + "%"
        }
    }
}

/// Which way a KPI's change is good news.
public enum KPIDirection: String, Sendable, Equatable {
    /// A rise is good (collection effectiveness, promises kept): green up, vermillion down.
    case higherIsBetter
    /// A fall is good (DSO, overdue, AR): green down, vermillion up.
    case lowerIsBetter
    /// Neither: the change is shown in grey.
    case neutral
}

/// Horizontal alignment of a table column.
public enum ColumnAlignment: String, Sendable, Equatable {
    case leading, trailing, center
}

/// The cells of a rendered table; text is shown as given (format figures before).
public struct TableContent: Sendable, Equatable {
    /// Column titles.
    public var header: [String]
    /// Cells, row by row; short rows leave the remaining cells empty.
    public var rows: [[String]]
    /// One per column; nil right-aligns columns whose cells all look numeric.
    public var alignments: [ColumnAlignment]?

    /// A table of preformatted cells.
    public init(header: [String], rows: [[String]], alignments: [ColumnAlignment]? = nil) {
        self.header = header
        self.rows = rows
        self.alignments = alignments
    }

    /// The number of columns: the widest of the header and the rows.
    public var columnCount: Int { rows.reduce(header.count) { max($0, $1.count) } }

    /// The alignment of column `index`: the given one, or trailing for numeric-looking columns.
    public func alignment(ofColumn index: Int) -> ColumnAlignment {
        if let alignments, index < alignments.count { return alignments[index] }
        var sawValue = false
        for row in rows where index < row.count {
            let cell = row[index]
            if cell.isEmpty { continue }
            guard TableContent.looksNumeric(cell) else { return .leading }
            sawValue = true
        }
        return sawValue ? .trailing : .leading
    }

    /// "1,234.50", "-12 %", "EUR 1.2M", "45 d": digits with at most a short word around them.
    static func looksNumeric(_ cell: String) -> Bool {
        var digits = 0, letters = 0
        for scalar in cell.unicodeScalars {
            if ("0"..."9").contains(scalar) { digits += 1 } else if scalar.properties.isAlphabetic { letters += 1 }
        }
        return digits > 0 && letters <= 4
    }
}

/// A page of a report pack: its size in points (1/72 inch) and margins.
public struct Page: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var margins: Margins

    public init(width: Double, height: Double, margins: Margins = Margins(all: 36)) {
        self.width = width
        self.height = height
        self.margins = margins
    }

    /// ISO A4, 210 × 297 mm.
    public static let a4Portrait = Page(width: 595.28, height: 841.89)
    public static let a4Landscape = Page(width: 841.89, height: 595.28)
    /// US Letter, 8.5 × 11 in.
    public static let letterPortrait = Page(width: 612, height: 792)
    public static let letterLandscape = Page(width: 792, height: 612)

    /// The whole page.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The page inside its margins.
    public var content: Rect {
        bounds.inset(top: margins.top, left: margins.left, bottom: margins.bottom, right: margins.right)
    }
}

/// Space kept free at the page edges, in points.
public struct Margins: Sendable, Equatable {
    public var top, left, bottom, right: Double

    public init(top: Double, left: Double, bottom: Double, right: Double) {
        self.top = top
        self.left = left
        self.bottom = bottom
        self.right = right
    }

    public init(all: Double) { self.init(top: all, left: all, bottom: all, right: all) }
}

/// A grid of frames for charts: `rows` × `columns` cells separated by `gutter` points.
/// Row heights and column widths are shares of the space (equal unless given).
public struct Layout: Sendable, Equatable {
    public var rowWeights: [Double]
    public var columnWeights: [Double]
    public var gutter: Double

    /// An even grid.
    public init(rows: Int, columns: Int, gutter: Double = 18) {
        self.init(rowWeights: Array(repeating: 1, count: max(1, rows)),
                  columnWeights: Array(repeating: 1, count: max(1, columns)), gutter: gutter)
    }

    /// A grid with weighted rows and columns: `rowWeights: [1, 2]` makes the second row twice as tall.
    public init(rowWeights: [Double], columnWeights: [Double], gutter: Double = 18) {
        self.rowWeights = rowWeights.isEmpty ? [1] : rowWeights.map { max(0, $0) }
        self.columnWeights = columnWeights.isEmpty ? [1] : columnWeights.map { max(0, $0) }
        self.gutter = gutter
    }

    /// The frames of the grid laid over `rect`, row by row (left to right, then down).
    public func frames(in rect: Rect) -> [Rect] {
        let ys = Layout.spans(rowWeights, start: rect.y, length: rect.height, gutter: gutter)
        let xs = Layout.spans(columnWeights, start: rect.x, length: rect.width, gutter: gutter)
        return ys.flatMap { y in xs.map { x in Rect(x: x.0, y: y.0, width: x.1, height: y.1) } }
    }

    /// The frame spanning cells from (`row`, `column`) over `rowSpan` × `columnSpan` cells.
    public func frame(in rect: Rect, row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1) -> Rect {
        let ys = Layout.spans(rowWeights, start: rect.y, length: rect.height, gutter: gutter)
        let xs = Layout.spans(columnWeights, start: rect.x, length: rect.width, gutter: gutter)
        let r0 = max(0, min(row, ys.count - 1)), r1 = max(r0, min(row + rowSpan - 1, ys.count - 1))
        let c0 = max(0, min(column, xs.count - 1)), c1 = max(c0, min(column + columnSpan - 1, xs.count - 1))
        return Rect(x: xs[c0].0, y: ys[r0].0, width: xs[c1].0 + xs[c1].1 - xs[c0].0, height: ys[r1].0 + ys[r1].1 - ys[r0].0)
    }

    /// (start, length) of each weighted span along one side.
    static func spans(_ weights: [Double], start: Double, length: Double, gutter: Double) -> [(Double, Double)] {
        let total = weights.reduce(0, +)
        let free = max(0, length - gutter * Double(weights.count - 1))
        var position = start
        return weights.map { weight in
            let size = total > 0 ? free * weight / total : free / Double(weights.count)
            defer { position += size + gutter }
            return (position, size)
        }
    }
}

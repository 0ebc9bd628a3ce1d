import ARCharts
import ARStore

/// A report pack as its YAML file defines it: what to draw, for whom, and when.
/// Read one with ``PackLoader``; check it against data with ``PackValidator``.
public struct PackDefinition: Sendable {
    /// The file's stem (`cfo-monthly`): the pack's name in commands and in the run log.
    public var name: String
    /// The file the pack was read from.
    public var file: String
    public var title: String
    public var page: Page
    public var theme: Theme
    /// Who receives failure reports (an e-mail address).
    public var owner: String?
    /// Parameters and their defaults, usable in every query as `$name`.
    public var parameters: [PackParameter]
    public var recipients: [PackRecipient]
    public var schedule: PackSchedule?
    public var delivery: DeliverySettings
    public var pages: [PackPage]

    /// Every query of the pack, page by page, for validation and for the render's data phase.
    public var queries: [PackQuery] {
        pages.flatMap { page in page.blocks.flatMap(\.queries) }
    }
}

/// A declared parameter: `entity: FR01` in the `parameters` mapping.
public struct PackParameter: Sendable {
    public var name: String
    /// The default value (`latest` for `as_of` means the latest snapshot's as-of date).
    public var defaultValue: String
    public var location: PackLocation
}

/// One recipient: an address, the values of the parameters for them, and the rows they may see.
public struct PackRecipient: Sendable {
    /// A short name, unique in the pack (`cfo`, `controller-fr`): the run log's key and the folder name.
    public var name: String
    public var email: String?
    public var parameters: [String: String]
    /// Applied to the data before any figure is computed (``QueryOptions/perimeter``).
    public var perimeter: Perimeter
    public var location: PackLocation
}

/// One page: a title and a grid of blocks.
public struct PackPage: Sendable {
    public var title: String
    /// Row heights and column widths as shares of the page.
    public var rowWeights: [Double]
    public var columnWeights: [Double]
    public var blocks: [PackBlock]
    public var location: PackLocation
}

/// A block of a page, placed on the page's grid.
public struct PackBlock: Sendable {
    public enum Content: Sendable {
        /// Any ARQL query drawn as a chart (`| chart KIND` chooses the kind).
        case chart(PackQuery)
        /// A query drawn as a table; `columns` picks and names columns (all when empty).
        case table(PackQuery, columns: [TableColumn])
        /// KPI tiles: each statement gives tiles, compared with the month before, with a sparkline.
        case kpi([PackQuery])
        /// The statement's figures now, a month ago and a year ago, with the changes.
        case comparison(PackQuery, against: [ComparisonDate])
        /// Text with `{{ query | format }}` figures and `{{ $parameter }}` values.
        case text(TextTemplate)
    }

    public var content: Content
    public var title: String?
    /// Grid cell (0-based) and span.
    public var row: Int, column: Int, rowSpan: Int, columnSpan: Int
    public var location: PackLocation

    /// The block's queries (inline figures included).
    public var queries: [PackQuery] {
        switch content {
        case let .chart(query), let .table(query, _), let .comparison(query, _): [query]
        case let .kpi(queries): queries
        case let .text(template): template.figures.map(\.query)
        }
    }
}

/// A column of a table block: the result column it shows and its heading.
public struct TableColumn: Sendable, Hashable {
    public var name: String
    public var heading: String
    public var location: PackLocation
}

/// The earlier dates a comparison shows.
public enum ComparisonDate: String, Sendable, CaseIterable {
    case monthAgo = "month_ago", quarterAgo = "quarter_ago", yearAgo = "year_ago"

    /// The unit of ARQL's `compare previous …`.
    public var unit: String {
        switch self {
        case .monthAgo: "month"
        case .quarterAgo: "quarter"
        case .yearAgo: "year"
        }
    }

    /// How the subtitle names it: `a month ago`.
    public var phrase: String { "a " + heading }

    /// The column heading.
    public var heading: String {
        switch self {
        case .monthAgo: "month ago"
        case .quarterAgo: "quarter ago"
        case .yearAgo: "year ago"
        }
    }
}

/// An ARQL text of a pack, with what is needed to point at a position inside it in the file.
public struct PackQuery: Sendable {
    public var text: String
    /// Where the text starts in the file.
    public var location: PackLocation
    /// Maps a UTF-8 offset of `text` to a position in the file.
    let locate: @Sendable (Int) -> PackLocation

    init(text: String, location: PackLocation, locate: @escaping @Sendable (Int) -> PackLocation) {
        self.text = text
        self.location = location
        self.locate = locate
    }

    /// A query with no file behind it (tests, the command line).
    public init(text: String) {
        self.init(text: text, location: PackLocation(line: 1, column: 1)) { offset in
            PackLocation(line: 1, column: offset + 1)
        }
    }
}

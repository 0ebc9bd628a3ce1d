/// One named run of values, aligned with the chart's categories.
public struct Series: Sendable, Equatable {
    /// The legend label.
    public var name: String
    /// One value per category; `nil` is a gap (drawn as nothing, never as zero).
    public var values: [Double?]
    /// An interval around the values (a projection's 80 % band), shaded behind a line.
    public var band: SeriesBand?
    /// The index of the first projected value: from there a line is drawn dashed.
    public var projectedFrom: Int?
    /// Drawn in grey, behind the coloured series: "Other", or the groups not highlighted.
    public var isMuted: Bool

    /// A series named `name` with one value per category.
    public init(name: String, values: [Double?], band: SeriesBand? = nil, projectedFrom: Int? = nil,
                isMuted: Bool = false) {
        self.name = name
        self.values = values
        self.band = band
        self.projectedFrom = projectedFrom
        self.isMuted = isMuted
    }
}

/// The lower and upper bounds of an interval, one of each per category (`nil`: no interval there).
public struct SeriesBand: Sendable, Equatable {
    public var lower: [Double?]
    public var upper: [Double?]

    public init(lower: [Double?], upper: [Double?]) {
        self.lower = lower
        self.upper = upper
    }
}

/// Lines drawn over a bar chart against their own value axis on the right, e.g. the cumulative
/// expected collections over the weekly bars.
public struct ChartOverlay: Sendable, Equatable {
    /// The lines, aligned with the chart's categories.
    public var series: [Series]
    /// How the right axis is labelled.
    public var valueFormat: ValueFormat

    public init(series: [Series], valueFormat: ValueFormat) {
        self.series = series
        self.valueFormat = valueFormat
    }
}

/// What a chart file says about itself: the SVG `<title>` and `<desc>`, the PDF document's
/// title, subject, keywords and dates.
public struct ChartMetadata: Sendable, Equatable {
    /// The document title; nil takes the chart's title and subtitle.
    public var title: String?
    /// A sentence on what the chart is of (snapshot, as-of date, perimeter).
    public var description: String?
    /// PDF keywords.
    public var keywords: [String]
    /// The PDF creation date as ISO 8601 (`2026-10-31T00:00:00Z`); nil writes the Unix epoch, so
    /// equal charts give equal files.
    public var creationDate: String?

    public init(title: String? = nil, description: String? = nil, keywords: [String] = [], creationDate: String? = nil) {
        self.title = title
        self.description = description
        self.keywords = keywords
        self.creationDate = creationDate
    }
}

/// Where the legend is drawn. Space for it is always reserved, so it never covers data.
public enum LegendPlacement: String, Sendable, Equatable {
    /// Top for several series, hidden for one (right for a donut).
    case automatic
    case top, bottom, right, hidden
}

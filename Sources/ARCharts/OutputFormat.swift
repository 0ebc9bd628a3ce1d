/// The file formats ARCharts writes.
public enum OutputFormat: String, Sendable, CaseIterable, Equatable {
    case png, svg, pdf

    /// The format named by a file extension (`chart.PNG` → `.png`), or nil.
    public init?(fileExtension: String) {
        self.init(rawValue: fileExtension.lowercased())
    }
}

/// Output size: `width` × `height` in points (PDF), pixels (SVG) or logical pixels (PNG).
/// A PNG has `scale` device pixels per logical pixel: 2 gives a sharp image on high-DPI screens.
public struct ChartSize: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var scale: Double

    public init(width: Double, height: Double, scale: Double = 1) {
        self.width = width
        self.height = height
        self.scale = scale
    }

    /// 800 × 500 at scale 1.
    public static let standard = ChartSize(width: 800, height: 500)

    /// Checks the size is drawable: positive, finite and at most 20,000 device pixels a side.
    func validate() throws(ChartRenderError) {
        for (name, value) in [("width", width), ("height", height), ("scale", scale)] {
            guard value.isFinite, value > 0 else {
                throw .invalidSize("chart \(name) must be a positive number, got \(value)")
            }
        }
        guard width * scale <= 20_000, height * scale <= 20_000 else {
            throw .invalidSize("chart is \(Int(width * scale))×\(Int(height * scale)) pixels; keep width × scale and height × scale at most 20000")
        }
    }
}

/// Why a chart could not be written.
public enum ChartRenderError: Error, Equatable, CustomStringConvertible {
    /// Width, height or scale out of range.
    case invalidSize(String)
    /// The output file's extension names no supported format.
    case unsupportedExtension(String)
    /// Cairo reported a failure (out of memory, write error, bad PNG data).
    case cairo(String)
    /// The file could not be written.
    case writeFailed(String)

    public var description: String {
        switch self {
        case .invalidSize(let message): return message
        case .unsupportedExtension(let path):
            return "cannot tell the chart format of '\(path)': use a .png, .svg or .pdf file name"
        case .cairo(let message): return "chart rendering failed: \(message)"
        case .writeFailed(let message): return message
        }
    }
}

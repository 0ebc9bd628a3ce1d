/// Light or dark chart colours. Series use the Okabe–Ito palette, which stays distinct for the
/// common forms of colour blindness.
public enum Theme: String, Sendable, Equatable, CaseIterable {
    case light, dark

    var background: Color { self == .light ? Color(hex: 0xFFFFFF) : Color(hex: 0x161B22) }
    var text: Color { self == .light ? Color(hex: 0x1F2328) : Color(hex: 0xE6EDF3) }
    var mutedText: Color { self == .light ? Color(hex: 0x59636E) : Color(hex: 0x9198A1) }
    var grid: Color { self == .light ? Color(hex: 0xE6E8EB) : Color(hex: 0x2D333B) }
    var axis: Color { self == .light ? Color(hex: 0x8C959F) : Color(hex: 0x6E7681) }
    /// Tiles, table header and stripes.
    var panel: Color { self == .light ? Color(hex: 0xF6F8FA) : Color(hex: 0x1F252D) }
    var panelBorder: Color { self == .light ? Color(hex: 0xD8DEE4) : Color(hex: 0x30363D) }

    /// Okabe–Ito, ordered so neighbours contrast; black becomes grey on a dark background.
    func seriesColor(_ index: Int) -> Color {
        let palette: [UInt32] = [0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0x56B4E9, 0xCC79A7, 0xF0E442,
                                 self == .light ? 0x000000 : 0xBBBBBB]
        return Color(hex: palette[index % palette.count])
    }

    /// Series drawn behind the coloured ones: "Other", groups not highlighted.
    var mutedSeries: Color { self == .light ? Color(hex: 0xB4BBC3) : Color(hex: 0x5A626C) }
    /// Overlay lines (a cumulative total) over coloured bars.
    var overlayLine: Color { self == .light ? Color(hex: 0x1F2328) : Color(hex: 0xE6EDF3) }

    /// Waterfall and KPI colours: good (bluish green), bad (vermillion), level (blue).
    var positive: Color { Color(hex: 0x009E73) }
    var negative: Color { Color(hex: 0xD55E00) }
    var level: Color { self == .light ? Color(hex: 0x0072B2) : Color(hex: 0x3A8FD0) }

    /// Heatmap cells below the ramp's zero (credits): a cool tint apart from the warm ramp.
    var belowZero: Color { self == .light ? Color(hex: 0xC6DBEF) : Color(hex: 0x2B4F73) }

    /// A sequential ramp for heatmaps (Paul Tol's YlOrBr, colour-blind safe): `t` in 0...1.
    func heat(_ t: Double) -> Color {
        let stops: [UInt32] = [0xFFFFE5, 0xFFF7BC, 0xFEE391, 0xFEC44F, 0xFB9A29, 0xEC7014, 0xCC4C02, 0x993404, 0x662506]
        let clamped = max(0, min(1, t.isFinite ? t : 0)) * Double(stops.count - 1)
        let index = min(stops.count - 2, Int(clamped))
        return Color(hex: stops[index]).mixed(with: Color(hex: stops[index + 1]), amount: clamped - Double(index))
    }
}

extension Chart {
    /// The colour of each series: the palette in order for the coloured ones (muted series take
    /// no palette slot), grey for the muted ones.
    var seriesColors: [Color] {
        var next = 0
        return series.map { series in
            if series.isMuted { return theme.mutedSeries }
            defer { next += 1 }
            return theme.seriesColor(next)
        }
    }

    /// A dash pattern for lines once the palette's eight colours are used up, so that the
    /// ninth line does not look like the first.
    func dashPattern(ofSeries index: Int) -> [Double] {
        let coloured = series[..<index].filter { !$0.isMuted }.count
        return switch coloured / 8 {
        case 0: []
        case 1: [7, 4]
        default: [2, 3]
        }
    }
}

/// An RGBA colour with components in 0...1.
struct Color: Equatable {
    var red, green, blue, alpha: Double

    init(hex: UInt32, alpha: Double = 1) {
        red = Double((hex >> 16) & 0xFF) / 255
        green = Double((hex >> 8) & 0xFF) / 255
        blue = Double(hex & 0xFF) / 255
        self.alpha = alpha
    }

    init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    func withAlpha(_ alpha: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: alpha) }

    func mixed(with other: Color, amount: Double) -> Color {
        Color(red: red + (other.red - red) * amount, green: green + (other.green - green) * amount,
              blue: blue + (other.blue - blue) * amount, alpha: alpha + (other.alpha - alpha) * amount)
    }

    /// Relative luminance, to choose dark or light text on a filled cell.
    var luminance: Double { 0.2126 * red + 0.7152 * green + 0.0722 * blue }
}

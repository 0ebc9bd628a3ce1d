/// Makes Cairo's SVG output independent of the process's history.
///
/// Cairo names the SVG root group after the surface's process-wide unique id
/// (`<g id="surface655">`), so the same chart gives different bytes depending on how many
/// surfaces were created before. Renumbering those ids in order of appearance restores
/// byte-identical output.
enum SVGNormalizer {
    private static let marker = Array("surface".utf8)

    static func normalize(_ svg: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(svg.count)
        var renumbered: [ArraySlice<UInt8>: Int] = [:]
        var index = 0
        while index < svg.count {
            if let digitsEnd = surfaceIDEnd(svg, at: index) {
                let digits = svg[(index + marker.count)..<digitsEnd]
                let number = renumbered[digits] ?? (renumbered.count + 1)
                renumbered[digits] = number
                out.append(contentsOf: marker)
                out.append(contentsOf: Array(String(number).utf8))
                index = digitsEnd
            } else {
                out.append(svg[index])
                index += 1
            }
        }
        return out
    }

    /// The end of `surface<digits>` at `index` when preceded by `"` or `#`, else nil.
    private static func surfaceIDEnd(_ svg: [UInt8], at index: Int) -> Int? {
        guard index > 0, svg[index - 1] == UInt8(ascii: "\"") || svg[index - 1] == UInt8(ascii: "#"),
              svg[index] == marker[0], index + marker.count < svg.count,
              svg[index..<(index + marker.count)].elementsEqual(marker) else { return nil }
        var end = index + marker.count
        while end < svg.count, (48...57).contains(svg[end]) { end += 1 }
        return end > index + marker.count ? end : nil
    }
}

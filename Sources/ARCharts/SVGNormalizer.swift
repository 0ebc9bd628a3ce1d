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

    /// `svg` with `<title>` and `<desc>` as the root element's first children (what screen
    /// readers and file browsers show), text escaped for XML.
    static func insertingMetadata(_ svg: [UInt8], title: String?, description: String?) -> [UInt8] {
        var elements = ""
        if let title, !title.isEmpty { elements += "<title>" + escaped(title) + "</title>\n" }
        if let description, !description.isEmpty { elements += "<desc>" + escaped(description) + "</desc>\n" }
        guard !elements.isEmpty, let root = rootTagEnd(svg) else { return svg }
        var out = Array(svg[...root])
        out.append(UInt8(ascii: "\n"))
        out += Array(elements.utf8)
        var rest = svg[(root + 1)...]
        if rest.first == UInt8(ascii: "\n") { rest = rest.dropFirst() }
        out += rest
        return out
    }

    /// The index of the `>` that closes the `<svg …>` start tag.
    private static func rootTagEnd(_ svg: [UInt8]) -> Int? {
        let open = Array("<svg".utf8)
        guard let start = (0..<max(0, svg.count - open.count)).first(where: { svg[$0..<($0 + open.count)].elementsEqual(open) })
        else { return nil }
        return svg[start...].firstIndex(of: UInt8(ascii: ">"))
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// ARQL text reduced to what changes its meaning: comments dropped, runs of white space outside
/// strings made one space, a trailing `;` removed. `ar  by entity -- note` and `ar by entity` get
/// one ETag and one cache entry.
enum ARQLNormalizer {
    static func normalize(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        var quote: Character?
        var iterator = Array(text).makeIterator()
        var previous: Character?
        while let c = iterator.next() {
            if let q = quote {
                out.append(c)
                if c == q { quote = nil }
                continue
            }
            if c == "-", previous == "-" {
                out.removeLast()
                while let n = iterator.next(), n != "\n" {}
                pendingSpace = true
                previous = nil
                continue
            }
            if c.isWhitespace { pendingSpace = true; previous = c; continue }
            if pendingSpace, !out.isEmpty { out.append(" ") }
            pendingSpace = false
            if c == "\"" || c == "'" { quote = c }
            out.append(c)
            previous = c
        }
        while out.hasSuffix(";") || out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    /// The `$name` parameters `text` uses (outside strings and comments), in order of first use.
    static func parameters(in text: String) -> [String] {
        var names: [String] = []
        let chars = Array(text)
        var i = 0
        var quote: Character?
        while i < chars.count {
            let c = chars[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "-", i + 1 < chars.count, chars[i + 1] == "-" {
                while i < chars.count, chars[i] != "\n" { i += 1 }
            } else if c == "$" {
                var j = i + 1
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                let name = String(chars[(i + 1)..<j])
                if !name.isEmpty, !names.contains(name) { names.append(name) }
                i = j
                continue
            }
            i += 1
        }
        return names
    }
}

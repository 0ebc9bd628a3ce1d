extension SourceSpec {
    /// Whether `path` names something inside the snapshot folder: relative, and no `..` component,
    /// so that a mapping cannot make the importer read (and echo in an error) a file elsewhere.
    static func staysInsideFolder(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.hasPrefix("~")
            && !path.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }

    /// Whether ``file`` is a pattern (`invoices_2026-*.csv`) rather than one name.
    var isPattern: Bool { file.contains("*") || file.contains("?") }

    /// One spec per available name matching the pattern, sorted by name; just `self` when ``file``
    /// is a plain name.
    func expanded(in names: [String]) -> [SourceSpec] {
        guard isPattern else { return [self] }
        let pattern = Array(file)
        return names.filter { wildcardMatch(pattern, Array($0)) }.sorted().map { name in
            var spec = self
            spec.file = name
            return spec
        }
    }
}

/// Shell-style matching: `*` is any run of characters, `?` any one character.
func wildcardMatch(_ pattern: [Character], _ name: [Character]) -> Bool {
    var p = 0, n = 0
    var star = -1, resume = 0
    while n < name.count {
        if p < pattern.count, pattern[p] == "?" || pattern[p] == name[n] {
            p += 1
            n += 1
        } else if p < pattern.count, pattern[p] == "*" {
            star = p
            resume = n
            p += 1
        } else if star >= 0 {
            p = star + 1
            resume += 1
            n = resume
        } else {
            return false
        }
    }
    while p < pattern.count, pattern[p] == "*" { p += 1 }
    return p == pattern.count
}

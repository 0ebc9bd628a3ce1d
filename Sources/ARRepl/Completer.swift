/// Tab completion for ARQL: keywords, metrics, dimensions, `$parameters`, and dimension values
/// after `=` or inside quotes (`where customer = "Acme C` completes to `"Acme Corp"`).
/// Values are written as ARQL strings, in double quotes; inside a quote the user opened, that quote.
///
/// Offsets are UTF-8 byte offsets into the line, as the line editor counts them.
public struct Completer: Sendable {
    /// What to put in place of the text from `start` to the cursor.
    public struct Completion: Equatable, Sendable {
        /// The UTF-8 offset where the replaced text starts.
        public var start: Int
        /// Replacements for the text from `start` to the cursor, sorted.
        public var candidates: [String]
        public init(start: Int, candidates: [String]) {
            self.start = start
            self.candidates = candidates
        }
    }

    public var words: CompletionWords
    /// Parameter names without `$` (those set with `.param set` and those the engine knows).
    public var parameterNames: [String]
    /// The earlier lines of a statement continued over lines, which say in which clause the
    /// line being edited starts.
    public var precedingLines: String

    public init(words: CompletionWords, parameterNames: [String] = [], precedingLines: String = "") {
        self.words = words
        self.parameterNames = parameterNames
        self.precedingLines = precedingLines
    }

    /// Candidates for the word before `cursor` in `line`.
    public func complete(_ line: String, cursor: Int) -> Completion {
        guard precedingLines.isEmpty else {
            let offset = precedingLines.utf8.count + 1
            let whole = Completer(words: words, parameterNames: parameterNames)
                .complete(precedingLines + "\n" + line, cursor: offset + cursor)
            return Completion(start: max(0, whole.start - offset), candidates: whole.candidates)
        }
        let before = Array(line.utf8.prefix(cursor))
        let context = CompletionContext(before)
        if let quote = context.openQuoteOffset {
            let typed = String(decoding: before[(quote + 1)...], as: UTF8.self)
            let quoteMark = String(decoding: [before[quote]], as: UTF8.self)
            let values = matching(values(for: context.comparedDimension), prefix: typed)
            return Completion(start: quote, candidates: values.map { quoted($0, mark: quoteMark) })
        }
        let word = String(decoding: before[context.wordStart...], as: UTF8.self)
        if word.hasPrefix("$") {
            let names = Set(parameterNames + words.parameters).map { "$" + $0 }
            return Completion(start: context.wordStart, candidates: matching(names, prefix: word))
        }
        if context.afterComparison {
            let values = matching(values(for: context.comparedDimension), prefix: word).map { quoted($0, mark: "\"") }
            return Completion(start: context.wordStart, candidates: values)
        }
        return Completion(start: context.wordStart, candidates: matching(names(for: context.clause), prefix: word))
    }

    /// Names that fit where the word stands.
    private func names(for clause: CompletionContext.Clause) -> [String] {
        let metrics = words.metrics.map(\.name), dimensions = words.dimensions.map(\.name)
        switch clause {
        case .metrics: return metrics + words.keywords
        case .dimensions: return dimensions + words.keywords
        case .metricsAndDimensions: return metrics + dimensions + words.keywords
        }
    }

    /// The known values of `dimension`, or of every dimension when it is unknown.
    private func values(for dimension: String?) -> [String] {
        if let dimension, let values = words.dimensionValues[dimension] { return values }
        return words.dimensionValues.keys.sorted().flatMap { words.dimensionValues[$0]! }
    }

    /// The candidates starting with `prefix`, ignoring case, sorted and without duplicates.
    private func matching(_ candidates: [String], prefix: String) -> [String] {
        let lowered = prefix.lowercased()
        return Set(candidates.filter { $0.lowercased().hasPrefix(lowered) }).sorted()
    }

    /// `value` between quotes, with a quote inside doubled (`"say ""hi"""`).
    private func quoted(_ value: String, mark: String) -> String {
        mark + value.replacingOccurrences(of: mark, with: mark + mark) + mark
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

extension Completer {
    /// The candidates as replacements for the text from `wordStart` to the cursor, where the
    /// line editor's own word rules start the word (libedit breaks words at quotes, spaces,
    /// `$` and `=`, so `"Acme C` is two words to it and one value to ARQL).
    public func candidates(_ line: String, cursor: Int, replacingFrom wordStart: Int) -> [String] {
        let completion = complete(line, cursor: cursor)
        let bytes = Array(line.utf8)
        if completion.start <= wordStart {
            // Drop what precedes the editor's word (the editor keeps it as typed).
            let kept = bytes[completion.start..<wordStart]
            return completion.candidates.compactMap { candidate in
                let candidateBytes = Array(candidate.utf8)
                guard candidateBytes.count >= kept.count,
                      String(decoding: candidateBytes.prefix(kept.count), as: UTF8.self).lowercased()
                        == String(decoding: kept, as: UTF8.self).lowercased() else { return nil }
                return String(decoding: candidateBytes.dropFirst(kept.count), as: UTF8.self)
            }
        }
        let prefix = String(decoding: bytes[wordStart..<completion.start], as: UTF8.self)
        return completion.candidates.map { prefix + $0 }
    }
}

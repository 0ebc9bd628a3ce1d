import ARCharts
import ARCore
import ARQuery

extension PackEvaluator {
    /// A text with its `{{ }}` figures and parameters filled in.
    func fill(_ template: TextTemplate, recorder: inout UseRecorder, notes: inout [String]) throws(PackRenderError) -> String {
        var text = ""
        for part in template.parts {
            switch part {
            case let .text(literal): text += literal
            case let .parameter(name, location):
                guard let value = parameters.values[name] else {
                    var error = PackRenderError(pack: pack.name, message: "expected a parameter the pack declares, found '$\(name)'",
                                                help: EditDistance.closest(to: name, among: parameters.values.keys.sorted()).map { "did you mean '$\($0)'?" })
                    error.location = location
                    error.file = pack.file
                    throw error
                }
                text += value
            case let .figure(figure):
                text += try value(of: figure, recorder: &recorder, notes: &notes)
            }
        }
        return text
    }

    /// The first figure of the query's first row, written in the figure's format; `n/a` (and a
    /// note saying why) when the query gives no row or no value.
    func value(of figure: InlineFigure, recorder: inout UseRecorder, notes: inout [String]) throws(PackRenderError) -> String {
        let statement = try compile(figure.query).last!
        let result = try run(statement, of: figure.query, recorder: &recorder, notes: &notes)
        guard let column = result.columns.firstIndex(where: { $0.type != .string && $0.type != .date }) else {
            throw failure(figure.query, "expected a query giving a figure, found no figure column", help: "e.g. '{{ overdue_rate | percent }}'")
        }
        guard let row = result.rows.first, row[column] != .null else {
            notes.append("'\(figure.query.text)' gave no value: shown as n/a")
            return "n/a"
        }
        return FigureText.format(row[column], type: result.columns[column].type, currency: result.currency, as: figure.format)
    }
}

/// How an inline figure reads.
enum FigureText {
    static func format(_ value: ResultValue, type: ResultType, currency: Currency, as format: FigureFormat?) -> String {
        let number: Double
        switch value {
        case let .money(minor): number = Double(minor) / Double(currency.minorUnitsPerMajor)
        case let .number(x): number = x
        case let .integer(n): number = Double(n)
        default: return ResultFormatter.display(value, type, currency)
        }
        switch format ?? defaultFormat(type) {
        case .money:
            if case .money = value { return currency.code + " " + ResultFormatter.display(value, type, currency) }
            return ValueFormat.number(decimals: 2).label(number)
        case .compact: return type == .money ? ValueFormat.money(currency: currency.code).label(number) : ValueFormat.number(decimals: 1).label(number)
        case .percent: return ValueFormat.percent.label(type == .ratio ? number * 100 : number)
        case .days: return ValueFormat.number(decimals: 1).label(number) + " days"
        case .number: return ValueFormat.number(decimals: 1).label(number)
        case .count: return ValueFormat.count.label(number)
        }
    }

    static func defaultFormat(_ type: ResultType) -> FigureFormat {
        switch type {
        case .money: .money
        case .ratio, .percent: .percent
        case .points: .number
        case .days: .days
        case .count: .count
        case .string, .date: .number
        }
    }
}

/// A text block's paragraphs: blank lines separate them, single line breaks are spaces.
enum TextBlock {
    static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = [], current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = String(line).trimmingSpaces
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs
    }
}

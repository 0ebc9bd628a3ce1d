import ARCore
import Foundation
import Testing
@testable import ARImport

/// The CSV reader, the amount and date parsers and the mapping reader on mutated and generated
/// input: never a crash, and every answer consistent with itself.
struct ParserFuzzTests {
    static let csvCorpus = Fuzz.corpus("Tests/ARImportTests/Fixtures/messy", suffix: ".csv")
        + Fuzz.corpus("datasets/sample", suffix: ".csv", lines: 12)

    @Test func csvReader() throws {
        var mutator = Mutator(target: "csv")
        let count = Fuzz.iterations(default: 20_000), start = ContinuousClock.now
        for k in 0..<count {
            let input = mutator.mutate(mutator.pick(Self.csvCorpus).bytes, splicing: mutator.pick(Self.csvCorpus).bytes)
            let separator = mutator.pick([UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")])
            let encoding = mutator.pick([TextEncoding.utf8, .utf8, .latin1, .windows1252])
            let reader: CSVReader
            do { reader = try CSVReader(data: Data(input), name: "f.csv", separator: separator, encoding: encoding) } catch {
                #expect(!error.message.contains("\n"), "csv \(k)")
                continue
            }
            var row = RowBuffer(), lastLine = 0, rows = 0
            while rows <= input.count + 1 {
                let outcome = reader.next(into: &row)
                if outcome == .end { break }
                rows += 1
                #expect(row.line >= lastLine && row.fieldCount >= 1, "csv \(k): line \(row.line) after \(lastLine)")
                lastLine = row.line
                _ = reader.rawRow
                if outcome == .unterminatedQuote { break }
            }
            #expect(rows <= input.count + 1, "csv \(k): more rows than bytes")
        }
        Fuzz.report("csv reader", executions: count, since: start)
    }

    /// Amounts written by a small grammar (signs, parentheses, grouping at random places, three
    /// decimal marks) in random formats: a success is in range and reads back the same.
    @Test func amountParser() {
        var mutator = Mutator(target: "amount")
        let count = Fuzz.iterations(default: 60_000), start = ContinuousClock.now
        for k in 0..<count {
            let (text, format) = Self.amountText(&mutator)
            let digits = mutator.pick([0, 2, 2, 3, 4])
            switch format.parse(Array(text.utf8)[...], digits: digits) {
            case let .success(minor):
                #expect(MinorUnits.isRepresentable(minor), "amount \(k): '\(text)'")
                #expect(MinorUnits.parse(MinorUnits.format(minor, digits: digits), digits: digits) == .success(minor), "amount \(k): '\(text)'")
                if let separator = format.thousandsSeparator, text.utf8.contains(separator) {
                    #expect(Self.groupsOfThree(text, format), "amount \(k): '\(text)' accepted with misplaced grouping")
                }
            case .failure: break
            }
        }
        Fuzz.report("amount parser", executions: count, since: start)
    }

    static func amountText(_ m: inout Mutator) -> (String, AmountFormat) {
        let (decimal, thousands): (UInt8, UInt8?) = m.pick([(UInt8(ascii: "."), nil), (UInt8(ascii: ","), UInt8(ascii: ".")),
                                                             (UInt8(ascii: "."), UInt8(ascii: ",")), (UInt8(ascii: ","), UInt8(ascii: " "))])
        var text = ""
        for _ in 0..<m.int(0...22) {
            switch m.int(0...12) {
            case 0: text.append(Character(UnicodeScalar(thousands ?? UInt8(ascii: "'"))))
            case 1: text.append(Character(UnicodeScalar(decimal)))
            default: text.append(Character(UnicodeScalar(UInt8(ascii: "0") + UInt8(m.int(0...9)))))
            }
        }
        switch m.int(0...5) {
        case 0: text = "-" + text
        case 1: text = "(" + text + ")"
        case 2: text += "-"
        case 3: text = String(decoding: m.mutate(Array(text.utf8)), as: UTF8.self)
        default: break
        }
        return (text, AmountFormat(decimalMark: decimal, thousandsSeparator: thousands))
    }

    /// A reference check, written independently of the parser: around the number, spaces are
    /// padding; inside it, separators sit only in the integer part, which reads as 1–3 digits then
    /// groups of exactly 3.
    static func groupsOfThree(_ text: String, _ format: AmountFormat) -> Bool {
        let trimmed = text.utf8.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }.reversed()
        let body = trimmed.filter { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "(") && $0 != UInt8(ascii: ")") }
        let integer = body.split(separator: format.decimalMark, maxSplits: 1, omittingEmptySubsequences: false)[0]
        let groups = integer.split(separator: format.thousandsSeparator!, omittingEmptySubsequences: false).map(\.count)
        return groups.count == 1 || ((1...3).contains(groups[0]) && groups.dropFirst().allSatisfy { $0 == 3 })
    }

    /// Dates in every pattern, valid, invalid and at the calendar's edges: a success is a day in
    /// the supported range that the pattern writes back the same way.
    @Test func dateParser() {
        var mutator = Mutator(target: "date")
        let patterns = ["iso", "dd/mm/yyyy", "m/d/yyyy", "yyyymmdd", "dd.mm.yyyy", "excel", "yyyy/m/d"]
        let count = Fuzz.iterations(default: 60_000), start = ContinuousClock.now
        for k in 0..<count {
            let pattern = mutator.pick(patterns)
            let format = DateFormat(pattern: pattern)!
            let y = mutator.pick([0, 1, 1899, 1900, 1970, 2026, 9999, 10000, mutator.int(0...99999)])
            let m = mutator.int(0...13), d = mutator.int(0...32)
            var text = switch pattern {
            case "iso": String(format: "%04d-%02d-%02d", y, m, d)
            case "dd/mm/yyyy": String(format: "%02d/%02d/%04d", d, m, y)
            case "m/d/yyyy": "\(m)/\(d)/\(y)"
            case "yyyymmdd": String(format: "%04d%02d%02d", y, m, d)
            case "dd.mm.yyyy": String(format: "%02d.%02d.%04d", d, m, y)
            case "excel": String(mutator.int(0...9_999_999))
            default: "\(y)/\(m)/\(d)"
            }
            let mutated = mutator.chance(25)
            if mutated { text = String(decoding: mutator.mutate(Array(text.utf8)), as: UTF8.self) }
            guard let day = format.parse(Array(text.utf8)[...]) else { continue }
            #expect(day.isSupported, "date \(k): '\(text)' in \(pattern) gave \(day.rawValue)")
            if pattern == "iso", !mutated { #expect(day.iso == text, "date \(k): '\(text)'") }
        }
        Fuzz.report("date parser", executions: count, since: start)
    }

    static let mappingCorpus = Fuzz.corpus("datasets/mappings", suffix: ".yaml") + [("inline", Array("""
        snapshot: {as_of: 2026-03-31, reporting_currency: EUR}
        fx_rates: [{date: 2026-01-01, currency: CHF, rate: "1.0512"}]
        defaults: {separator: ";", decimal: ",", thousands: ".", date_format: dd.mm.yyyy, encoding: windows-1252}
        tables:
          invoices:
            - file: export_*.csv
              columns: &c {invoice_id: Beleg, customer_id: Debitor, amount: Betrag, currency: W}
              constants: {entity_id: DE01}
              values: {type: {RV: invoice, GS: credit_note}}
              strip_suffix: {invoice_id: ".0"}
              derive: {entities: {}, customers: {name: Name}, payments: {date: Ausgeglichen},
                       disputes: {flag: S, values: {"J": true}, opened: [A, B], resolved: C}}
          payments: {file: pay.csv, columns: *c, required: false}

        """.utf8))]

    /// Mapping files, mutated: parsed, or refused with a one-line message that is never huge.
    @Test func mappingReader() {
        var mutator = Mutator(target: "mapping")
        let count = Fuzz.iterations(default: 6_000), start = ContinuousClock.now
        for k in 0..<count {
            let input = mutator.mutate(mutator.pick(Self.mappingCorpus).bytes, splicing: mutator.pick(Self.mappingCorpus).bytes)
            do {
                _ = try MappingFile.parse(String(decoding: input, as: UTF8.self), name: "m.yaml")
            } catch {
                let message = "\(error)"
                #expect(!message.contains("\n") && message.count < 600, "mapping \(k): \(message.prefix(200))")
                #expect(!message.unicodeScalars.contains { DisplayText.needsEscape($0) }, "mapping \(k): unescaped control")
            }
        }
        Fuzz.report("mapping reader", executions: count, since: start)
    }
}

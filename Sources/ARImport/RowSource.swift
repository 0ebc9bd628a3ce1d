/// Something rows come from: a CSV file or a SQLite table.
protocol RowSource: AnyObject {
    /// The file or table name used in rejects and the report.
    var name: String { get }
    var header: [String] { get }
    /// Reads the next row; `line` is its physical line (or rowid).
    func next(into row: inout RowBuffer) throws(ImportError) -> CSVReader.Outcome
    /// The last row read (`row`) as it stood in the source.
    func rawText(of row: RowBuffer) -> String
    var bytesDone: Int { get }
    var bytesTotal: Int { get }
}

/// A CSV file with its header already read.
final class CSVSource: RowSource {
    let reader: CSVReader
    let header: [String]
    var name: String { reader.name }
    func rawText(of row: RowBuffer) -> String { reader.rawRow }
    var bytesDone: Int { reader.bytesDone }
    var bytesTotal: Int { reader.bytesTotal }

    /// Opens the file and reads its header line.
    /// - Throws: ``ImportError`` when the file is unreadable, empty, or its header is broken.
    init(reader: CSVReader) throws(ImportError) {
        self.reader = reader
        var row = RowBuffer()
        switch reader.next(into: &row) {
        case .end: throw ImportError(file: reader.name, message: "the file is empty: it needs a header line naming its columns")
        case .unterminatedQuote: throw ImportError(file: reader.name, message: "the header line has an unclosed quote: close it")
        case .row: header = (0..<row.fieldCount).map { row.string($0) }
        }
        if let duplicate = Dictionary(grouping: header, by: { $0 }).first(where: { $0.value.count > 1 && !$0.key.isEmpty })?.key {
            throw ImportError(file: reader.name, message: "column \(quoted(duplicate)) appears twice in the header: rename one")
        }
    }

    func next(into row: inout RowBuffer) -> CSVReader.Outcome { reader.next(into: &row) }
}

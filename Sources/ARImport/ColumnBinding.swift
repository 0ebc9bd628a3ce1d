/// Where each interchange column of a table comes from in one source: a source column, a
/// constant, or a value map over a source column. Built once from the header.
///
/// Constants and mapped values are appended to each row as virtual fields after the source's
/// own, so the loaders read every column the same way, by index.
struct ColumnBinding {
    /// Field index per column of ``TargetTable/columns``; -1 when the source does not have it.
    var field: [Int]
    /// Source columns kept as extra attributes: name and field index.
    var extras: [(name: String, index: Int)] = []
    /// Fields each row of the source must have.
    let sourceFieldCount: Int
    private var constants: [[UInt8]] = []
    private var mapped: [Rewrite] = []
    private let header: [String]

    /// How one source field becomes its rewritten virtual field.
    private struct Rewrite {
        var source: Int
        var suffix: [UInt8]
        var map: [String: String]
        var normalization: IdentifierNormalization?
        var tally: IdentifierTally?
    }

    /// Binds `header` to `spec.table`'s columns.
    /// - Throws: ``ImportError`` when a required column is neither in the header nor mapped.
    /// `tally` gives the shared count of distinct values of a normalised identifier column.
    init(header: [String], spec: SourceSpec, fileName: String,
         tally: (String) -> IdentifierTally? = { _ in nil }) throws(ImportError) {
        self.header = header
        sourceFieldCount = header.count
        let columns = spec.table.columns
        field = Array(repeating: -1, count: columns.count)
        var used = Set<Int>()
        var virtual = header.count
        for (c, column) in columns.enumerated() {
            if let constant = spec.constants[column] {
                // A header column of the same name would be bound implicitly: the constant must not hide it.
                if header.contains(column), !spec.ignored.contains(column) {
                    throw ImportError(file: spec.mappingName, message: (spec.constantOrigins[column] ?? "")
                        + "the constant \(quoted(constant)) for \(column) would override the column \(quoted(column)) of \(fileName): "
                        + "drop the constant, or list \(quoted(column)) under 'ignore:' to use it instead of the column")
                }
                constants.append(Array(constant.utf8))
                field[c] = virtual
                virtual += 1
                continue
            }
            let sourceName = spec.renames[column] ?? column
            guard let index = header.firstIndex(of: sourceName) else {
                if spec.renames[column] != nil {
                    throw ImportError(file: fileName, message: "mapped column \(quoted(sourceName)) (for \(column)) is not in the header"
                        + suggestion(sourceName, header))
                }
                continue
            }
            used.insert(index)
            field[c] = index
        }
        // Rewritten values come after constants, so their virtual indexes follow.
        for (c, column) in columns.enumerated() where field[c] >= 0 && field[c] < header.count {
            let suffix = spec.strippedSuffixes[column], map = spec.valueMaps[column], normalization = spec.normalization[column]
            guard suffix != nil || map != nil || normalization != nil else { continue }
            mapped.append(Rewrite(source: field[c], suffix: Array((suffix ?? "").utf8), map: map ?? [:],
                                  normalization: normalization, tally: normalization == nil ? nil : tally(column)))
            field[c] = virtual + mapped.count - 1
        }
        for column in spec.table.requiredColumns where field[columns.firstIndex(of: column)!] < 0 {
            let fix = spec.renames.isEmpty && spec.constants.isEmpty
                ? "add the column, or map another column to it in a mapping file"
                : "map a column to it under 'columns:' or give it under 'constants:'"
            throw ImportError(file: fileName, message: "missing required column \(quoted(column)) for \(spec.table.rawValue): \(fix)")
        }
        if spec.table.keepsExtras {
            for (i, name) in header.enumerated() where !used.contains(i) && !spec.ignored.contains(name) && !name.isEmpty {
                extras.append((name, i))
            }
        }
    }

    /// The field index of source column `name`.
    func sourceIndex(_ name: String, fileName: String) throws(ImportError) -> Int {
        guard let i = header.firstIndex(of: name) else {
            throw ImportError(file: fileName, message: "column \(quoted(name)) named in the mapping is not in the header" + suggestion(name, header))
        }
        return i
    }

    /// Appends the row's virtual fields: constants, then rewritten values (suffix stripped, then
    /// the value map applied, then the identifier normalised).
    func complete(_ row: inout RowBuffer) {
        for constant in constants { row.appendField(constant) }
        for rewrite in mapped {
            let suffix = rewrite.suffix
            var range = row.trimmedRange(rewrite.source)
            if !suffix.isEmpty, range.count > suffix.count,
               row.bytes[range.upperBound - suffix.count ..< range.upperBound].elementsEqual(suffix) {
                range = range.lowerBound ..< range.upperBound - suffix.count
            }
            let replacement = rewrite.map.isEmpty ? nil : rewrite.map[String(decoding: row.bytes[range], as: UTF8.self)]
            if let normalization = rewrite.normalization {
                let raw = replacement ?? String(decoding: row.bytes[range], as: UTF8.self)
                let value = normalization.apply(raw)
                rewrite.tally?.see(raw, value)
                row.appendField(value.utf8)
            } else if let replacement {
                row.appendField(replacement.utf8)
            } else {
                // Byte by byte: appending a slice of the buffer to itself would copy the whole buffer.
                for k in range { row.bytes.append(row.bytes[k]) }
                row.endField()
            }
        }
    }
}

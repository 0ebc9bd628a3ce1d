import Yams

extension MappingFile {
    /// Reads one entry of `tables.<table>`.
    func readSource(_ node: YAMLReader, table: TargetTable) throws(ImportError) -> SourceSpec {
        _ = try node.entries(allowed: MappingFile.sourceKeys)
        guard let fileNode = node.child("file") else { throw node.fail("needs 'file:' naming the source file") }
        let file = try fileNode.string()
        guard SourceSpec.staysInsideFolder(file) else {
            throw fileNode.fail("expected a file inside the snapshot folder, found \(quoted(file)): "
                + "give a path relative to the folder, without '..' or a leading '/'")
        }
        var spec = SourceSpec(table: table, file: file, isRequired: true)
        spec.mappingName = name
        spec.format = try MappingFile.readFormat(node, base: defaults, strict: false)
        if let required = try node.child("required")?.string() {
            switch required.lowercased() {
            case "true", "yes": spec.isRequired = true
            case "false", "no": spec.isRequired = false
            default: throw node.fail("required must be true or false, found \(quoted(required))")
            }
        }
        let columns = table.columns
        if let renames = node.child("columns") {
            spec.renames = try renames.stringMap(allowedKeys: columns)
        }
        if let constants = node.child("constants") {
            for (column, value) in try constants.entries(allowed: columns) {
                let text = try value.string()
                if let source = spec.renames[column] {
                    throw value.fail("\(column) is mapped to column \(quoted(source)) under 'columns:' and given the constant "
                        + "\(quoted(text)) here: keep one of them")
                }
                spec.constants[column] = text
                spec.constantOrigins[column] = value.location
            }
        }
        if let values = node.child("values") {
            for (column, map) in try values.entries(allowed: columns) { spec.valueMaps[column] = try map.stringMap() }
        }
        if let suffixes = node.child("strip_suffix") {
            spec.strippedSuffixes = try suffixes.stringMap(allowedKeys: columns)
        }
        if let ignored = node.child("ignore") { spec.ignored = Set(try ignored.stringList()) }
        if let derive = node.child("derive") {
            guard table == .invoices else { throw derive.fail("only invoice sources can derive other rows") }
            spec.derive = try readDerive(derive)
        }
        return spec
    }

    private func readDerive(_ node: YAMLReader) throws(ImportError) -> DeriveSpec {
        var derive = DeriveSpec()
        for (key, value) in try node.entries(allowed: ["customers", "entities", "payments", "disputes"]) {
            switch key {
            case "customers":
                // Customer columns, or any other name: an extra attribute of the customer.
                derive.customers = value.node.mapping == nil ? [:] : try value.stringMap()
                if derive.customers?["customer_id"] != nil { throw value.fail("customer_id is the invoice's own: map it under 'columns:'") }
            case "entities":
                derive.entities = value.node.mapping == nil ? [:] : try value.stringMap(allowedKeys: ["name", "country"])
            case "payments":
                let fields = try value.stringMap(allowedKeys: ["date", "id_prefix"])
                guard let date = fields["date"] else { throw value.fail("needs 'date:' naming the settled/cleared date column") }
                derive.payments = DerivedPayments(dateColumn: date, idPrefix: fields["id_prefix"] ?? "PAY-")
            default:
                derive.disputes = try readDerivedDisputes(value)
            }
        }
        return derive
    }

    private func readDerivedDisputes(_ node: YAMLReader) throws(ImportError) -> DerivedDisputes {
        _ = try node.entries(allowed: ["flag", "values", "opened", "resolved", "id_prefix"])
        guard let flag = try node.child("flag")?.string() else { throw node.fail("needs 'flag:' naming the disputed-flag column") }
        var disputes = DerivedDisputes(flagColumn: flag)
        if let opened = node.child("opened") {
            disputes.openedColumns = opened.node.sequence == nil ? [try opened.string()] : try opened.stringList()
            if disputes.openedColumns.isEmpty { throw opened.fail("needs a column, or a list of columns whose earliest date is taken") }
        }
        disputes.resolvedColumn = try node.child("resolved")?.string()
        if let prefix = try node.child("id_prefix")?.string() { disputes.idPrefix = prefix }
        if let values = node.child("values") {
            var map: [String: Bool] = [:]
            for (key, value) in try values.stringMap() {
                switch value.lowercased() {
                case "true", "yes", "disputed": map[key] = true
                case "false", "no", "not_disputed": map[key] = false
                default: throw values.fail("value of \(quoted(key)) must be true or false, found \(quoted(value))")
                }
            }
            disputes.values = map
        }
        return disputes
    }

    /// Reads the text-format keys of `node` over `base`; `strict` rejects any other key.
    static func readFormat(_ node: YAMLReader, base: SourceFormat, strict: Bool) throws(ImportError) -> SourceFormat {
        var format = base
        for (key, value) in try node.entries(allowed: strict ? formatKeys : nil) where formatKeys.contains(key) {
            let text = try value.string()
            switch key {
            case "separator": format.separator = try singleByte(text, value, allowTab: true)
            case "quote": format.quote = try singleByte(text, value, allowTab: false)
            case "encoding":
                guard let encoding = TextEncoding(name: text) else { throw value.fail("unknown encoding \(quoted(text)): use utf-8, latin-1 or windows-1252") }
                format.encoding = encoding
            case "date_format":
                guard let dates = DateFormat(pattern: text) else {
                    throw value.fail("unknown date format \(quoted(text)): use iso, dd/mm/yyyy, m/d/yyyy, yyyymmdd, excel or a similar pattern")
                }
                format.dates = dates
            case "decimal": format.amounts.decimalMark = try singleByte(text, value, allowTab: false)
            case "thousands": format.amounts.thousandsSeparator = text.isEmpty ? nil : try singleByte(text, value, allowTab: false)
            default:
                switch text {
                case "credit_note": format.negativeIsCreditNote = true
                case "reject": format.negativeIsCreditNote = false
                default: throw value.fail("negative_amounts must be 'credit_note' or 'reject', found \(quoted(text))")
                }
            }
        }
        return format
    }

    private static func singleByte(_ text: String, _ node: YAMLReader, allowTab: Bool) throws(ImportError) -> UInt8 {
        if allowTab, text == "tab" || text == "\\t" { return 0x09 }
        guard text.utf8.count == 1, let byte = text.utf8.first else {
            throw node.fail("expected a single ASCII character, found \(quoted(text))")
        }
        return byte
    }
}

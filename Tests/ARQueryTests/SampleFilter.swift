import Foundation

/// Writes a copy of an interchange CSV folder holding only some entities' rows, or only the rows
/// of customers with some value in a customers column — the files an ERP extraction of that
/// perimeter would give. Written for the test from interchange.md, independently of ARStore.
struct SampleFilter {
    var entities: Set<String>?
    var customerColumn: (name: String, values: Set<String>)?

    init(entities: Set<String>? = nil, customerColumn: (String, Set<String>)? = nil) {
        self.entities = entities
        self.customerColumn = customerColumn.map { (name: $0.0, values: $0.1) }
    }

    func write(from source: URL) throws -> URL {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("arlens-filtered-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let read = { (name: String) in try CSVFile(url: source.appendingPathComponent(name)) }
        let customers = try read("customers.csv"), invoices = try read("invoices.csv")
        let allowedCustomers = Set(customers.rows.filter { row in
            customerColumn.map { $0.values.contains(customers.value(row, $0.name)) } ?? true
        }.map { customers.value($0, "customer_id") })
        let keptInvoices = invoices.rows.filter { row in
            allowedCustomers.contains(invoices.value(row, "customer_id"))
                && (entities?.contains(invoices.value(row, "entity_id")) ?? true)
        }
        let keptIDs = Set(keptInvoices.map { invoices.value($0, "invoice_id") })
        let customersWithInvoice = Set(keptInvoices.map { invoices.value($0, "customer_id") })
        let mainEntity = Self.mostFrequent(invoices, key: "customer_id", value: "entity_id")
        let mainCurrency = Self.mostFrequent(invoices, key: "customer_id", value: "currency")

        var payments = try read("payments.csv")
        payments.rows = payments.rows.compactMap { row in
            let invoice = payments.value(row, "invoice_id")
            if !invoice.isEmpty { return keptIDs.contains(invoice) ? row : nil }
            let customer = payments.value(row, "customer_id")
            guard allowedCustomers.contains(customer) else { return nil }
            let entity = payments.value(row, "entity_id").isEmpty ? mainEntity[customer] ?? "" : payments.value(row, "entity_id")
            guard entities?.contains(entity) ?? true else { return nil }
            // The entity the full ledger resolved, written out as the extraction would.
            return entity.isEmpty ? row : payments.setting(row, "entity_id", entity)
        }
        var promises = try read("promises.csv")
        promises.rows = promises.rows.compactMap { row in
            let invoice = promises.value(row, "invoice_id"), customer = promises.value(row, "customer_id")
            if !invoice.isEmpty { return keptIDs.contains(invoice) ? row : nil }
            guard allowedCustomers.contains(customer), entities == nil || customersWithInvoice.contains(customer) else { return nil }
            // A promise keeps the currency it has on the whole ledger.
            return promises.value(row, "currency").isEmpty ? promises.setting(row, "currency", mainCurrency[customer] ?? "EUR") : row
        }
        var dunning = try read("dunning.csv")
        dunning.rows = dunning.rows.filter { row in
            let invoice = dunning.value(row, "invoice_id"), customer = dunning.value(row, "customer_id")
            if !invoice.isEmpty { return keptIDs.contains(invoice) }
            return allowedCustomers.contains(customer) && (entities == nil || customersWithInvoice.contains(customer))
        }
        var byInvoice: [CSVFile] = []
        for name in ["disputes.csv", "write_offs.csv"] {
            var file = try read(name)
            file.rows = file.rows.filter { keptIDs.contains(file.value($0, "invoice_id")) }
            byInvoice.append(file)
        }
        var kept = invoices
        kept.rows = keptInvoices
        var referenced = customersWithInvoice
        for (file, rows) in [(payments, payments.rows), (promises, promises.rows), (dunning, dunning.rows)] {
            referenced.formUnion(rows.map { file.value($0, "customer_id") })
        }
        var keptCustomers = customers
        keptCustomers.rows = customers.rows.filter { referenced.contains(customers.value($0, "customer_id")) }
        var entityFile = try read("entities.csv")
        let usedEntities = Set(keptInvoices.map { invoices.value($0, "entity_id") } + payments.rows.map { payments.value($0, "entity_id") })
        entityFile.rows = entityFile.rows.filter { row in
            let id = entityFile.value(row, "entity_id")
            return entities?.contains(id) ?? usedEntities.contains(id)
        }
        for file in [keptCustomers, kept, payments, promises, dunning, entityFile] + byInvoice { try file.write(to: out) }
        for name in ["fx_rates.csv", "snapshot.json"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: out.appendingPathComponent(name))
        }
        return out
    }

    /// Per `key`, the `value` of most rows (ties: the smallest value).
    static func mostFrequent(_ file: CSVFile, key: String, value: String) -> [String: String] {
        var counts: [String: [String: Int]] = [:]
        for row in file.rows { counts[file.value(row, key), default: [:]][file.value(row, value), default: 0] += 1 }
        return counts.mapValues { byValue in
            byValue.min { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }!.key
        }
    }
}

/// A CSV file as a header and rows of fields (RFC 4180 quoting, no line breaks inside fields).
struct CSVFile {
    let name: String
    let header: [String]
    var rows: [[String]]

    init(url: URL) throws {
        name = url.lastPathComponent
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { String($0) }
        header = CSVFile.fields(lines[0])
        rows = lines.dropFirst().filter { !$0.isEmpty }.map(CSVFile.fields)
    }

    func value(_ row: [String], _ column: String) -> String {
        guard let i = header.firstIndex(of: column), i < row.count else { return "" }
        return row[i]
    }

    func setting(_ row: [String], _ column: String, _ value: String) -> [String] {
        var row = row
        if let i = header.firstIndex(of: column) { row[i] = value }
        return row
    }

    func write(to folder: URL) throws {
        let text = ([header] + rows).map { $0.map(CSVFile.quoted).joined(separator: ",") }.joined(separator: "\n") + "\n"
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var previous: Character?
        for c in line where c != "\r" {
            switch (quoted, c) {
            case (true, "\""): quoted = false
            case (true, _): field.append(c)
            case (false, "\""):
                // A doubled quote inside a quoted field reopens it after writing one quote.
                if previous == "\"" { field.append("\"") }
                quoted = true
            case (false, ","):
                fields.append(field)
                field = ""
            default: field.append(c)
            }
            previous = c
        }
        fields.append(field)
        return fields
    }

    static func quoted(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}

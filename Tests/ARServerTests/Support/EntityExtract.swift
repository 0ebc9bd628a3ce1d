import Foundation

/// An interchange folder holding only some entities' rows, written from another folder by plain
/// CSV filtering, independently of the engine's `Ledger.restricted(to:)`: what an ERP extraction
/// of those entities alone would give. The scope attack suite compares a scoped token's answers
/// with an unscoped server over this folder.
enum EntityExtract {
    static func write(from source: String, entities: Set<String>, to target: String) throws {
        let invoices = try Table(source, "invoices.csv")
        let keptInvoices = invoices.rows.filter { entities.contains($0["entity_id"]) }
        let invoiceIDs = Set(keptInvoices.map { $0["invoice_id"] })
        let payments = try Table(source, "payments.csv")
        let mainEntity = mainEntities(invoices)
        let keptPayments = payments.rows.filter { row in
            guard row["invoice_id"].isEmpty else { return invoiceIDs.contains(row["invoice_id"]) }
            // metrics.md: unallocated cash belongs to its entity_id, else to the customer's main entity.
            let entity = row["entity_id"].isEmpty ? mainEntity[row["customer_id"]] ?? "" : row["entity_id"]
            return entities.contains(entity)
        }
        // Customers that keep a document (an invoice or cash on account).
        let withDocuments = Set(keptInvoices.map { $0["customer_id"] } + keptPayments.filter { $0["invoice_id"].isEmpty }.map { $0["customer_id"] })
        func followsInvoiceOrAccount(_ row: Row) -> Bool {
            row["invoice_id"].isEmpty ? withDocuments.contains(row["customer_id"]) : invoiceIDs.contains(row["invoice_id"])
        }
        let promises = try Table(source, "promises.csv").filtered(followsInvoiceOrAccount)
        let dunning = try Table(source, "dunning.csv").filtered(followsInvoiceOrAccount)
        let referenced = withDocuments.union(keptPayments.map { $0["customer_id"] }).union(promises.rows.map { $0["customer_id"] })
            .union(dunning.rows.map { $0["customer_id"] })
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        try invoices.with(rows: keptInvoices).write(target)
        try payments.with(rows: keptPayments).write(target)
        try promises.write(target)
        try dunning.write(target)
        try Table(source, "disputes.csv").filtered { invoiceIDs.contains($0["invoice_id"]) }.write(target)
        try Table(source, "write_offs.csv").filtered { invoiceIDs.contains($0["invoice_id"]) }.write(target)
        try Table(source, "customers.csv").filtered { referenced.contains($0["customer_id"]) }.write(target)
        try Table(source, "entities.csv").filtered { entities.contains($0["entity_id"]) }.write(target)
        for file in ["fx_rates.csv", "snapshot.json"] {
            try FileManager.default.copyItem(atPath: source + "/" + file, toPath: target + "/" + file)
        }
    }

    /// Each customer's entity with the most documents (ties: the smallest entity id).
    static func mainEntities(_ invoices: Table) -> [String: String] {
        var counts: [String: [String: Int]] = [:]
        for row in invoices.rows { counts[row["customer_id"], default: [:]][row["entity_id"], default: 0] += 1 }
        return counts.mapValues { byEntity in
            byEntity.min { ($1.value, $0.key) < ($0.value, $1.key) }!.key
        }
    }

    /// One CSV line: its text, kept as it is, and its fields.
    struct Row {
        var line: Substring
        var fields: [String]
        var header: [String: Int]
        subscript(_ name: String) -> String { header[name].map { $0 < fields.count ? fields[$0] : "" } ?? "" }
    }

    struct Table {
        var name: String
        var head: Substring
        var rows: [Row]

        init(_ folder: String, _ name: String) throws {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            self.name = name
            head = lines[0]
            let columns = Self.fields(lines[0])
            let header = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
            rows = lines.dropFirst().map { Row(line: $0, fields: Self.fields($0), header: header) }
        }

        func filtered(_ keep: (Row) -> Bool) -> Table { with(rows: rows.filter(keep)) }

        func with(rows: [Row]) -> Table {
            var copy = self
            copy.rows = rows
            return copy
        }

        func write(_ folder: String) throws {
            let text = ([head] + rows.map(\.line)).joined(separator: "\n") + "\n"
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }

        /// The fields of a CSV line (quotes and doubled quotes understood).
        static func fields(_ line: Substring) -> [String] {
            var fields: [String] = [], field = "", quoted = false
            var chars = line.makeIterator()
            while let c = chars.next() {
                if quoted {
                    if c == "\"" { quoted = false } else { field.append(c) }
                } else if c == "\"" {
                    quoted = true
                } else if c == "," {
                    fields.append(field)
                    field = ""
                } else if c != "\r" {
                    field.append(c)
                }
            }
            fields.append(field)
            return fields
        }
    }
}

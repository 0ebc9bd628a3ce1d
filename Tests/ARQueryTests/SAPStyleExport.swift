import Foundation

/// Issue 15's fixture: the bundled sample rewritten as an SAP-style export (German column names,
/// `;` separators, Latin-1, `dd.mm.yyyy` dates, decimal comma with dot thousands, `RV`/`DG`
/// document types, customer numbers in lower case in payments and dunning, multi-line notes, an
/// extraction note with the as-of date, and a few bad rows), generated on the fly so that nothing
/// but the sample's own figures is in it.
enum SAPStyleExport {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sample = repository.appendingPathComponent("datasets/sample")

    /// Interchange table → (file name, interchange column → export column).
    static let tables: [(table: String, file: String, columns: [String: String])] = [
        ("entities", "T001.csv", ["entity_id": "Buchungskreis", "name": "Firma", "currency": "Währung", "country": "Land"]),
        ("customers", "KNA1.csv", ["customer_id": "Debitor", "name": "Name 1", "customer_group": "Konzern", "segment": "Segment",
                                   "region": "Region", "country": "Land", "sales_rep": "Sachbearbeiter",
                                   "payment_terms_days": "Zahlungsziel", "credit_limit": "Kreditlimit", "insured_limit": "Versicherungslimit"]),
        ("fx_rates", "TCURR.csv", ["date": "Gültig ab", "currency": "Währung", "rate": "Kurs"]),
        ("invoices", "BSID.csv", ["invoice_id": "Belegnummer", "entity_id": "Buchungskreis", "customer_id": "Debitor", "type": "Belegart",
                                  "issue_date": "Belegdatum", "due_date": "Nettofälligkeit", "amount": "Betrag", "currency": "Währung"]),
        ("payments", "ZAHL.csv", ["payment_id": "Zahlung", "customer_id": "Debitor", "invoice_id": "Belegnummer", "entity_id": "Buchungskreis",
                                  "payment_date": "Zahlungsdatum", "amount": "Betrag", "currency": "Währung"]),
        ("disputes", "UDM.csv", ["dispute_id": "Klärungsfall", "invoice_id": "Belegnummer", "opened_date": "Eröffnet",
                                 "resolved_date": "Gelöst", "amount": "Betrag", "reason": "Grund"]),
        ("promises", "ZUSAGE.csv", ["promise_id": "Zusage", "customer_id": "Debitor", "invoice_id": "Belegnummer", "made_date": "Erfasst",
                                    "promised_date": "Zugesagt", "amount": "Betrag", "currency": "Währung"]),
        ("write_offs", "AUSB.csv", ["invoice_id": "Belegnummer", "write_off_date": "Ausbuchungsdatum", "amount": "Betrag", "reason": "Grund"]),
        ("dunning", "MAHN.csv", ["action_id": "Mahnung", "customer_id": "Debitor", "invoice_id": "Belegnummer", "action_date": "Mahndatum",
                                 "level": "Mahnstufe", "channel": "Kanal"]),
    ]

    static let numberColumns: Set<String> = ["amount", "credit_limit", "insured_limit", "rate"]

    /// The mapping: every table key, formats once under `defaults`, the as-of date from the note.
    static var mapping: String {
        var text = """
        snapshot:
          as_of_from: {file: export_info.txt, key: Stichtag, date_format: dd.mm.yyyy}
          reporting_currency: EUR
          source: SAP FI-AR (generated from the sample)
        defaults: {separator: ";", encoding: latin-1, date_format: dd.mm.yyyy, decimal: ",", thousands: "."}
        normalize:
          customer_id: [trim, upper]
        tables:

        """
        for (table, file, columns) in tables {
            text += "  \(table):\n    - file: \(file)\n      required: false\n      columns:\n"
            for (column, name) in columns.sorted(by: { $0.key < $1.key }) { text += "        \(column): \"\(name)\"\n" }
            if table == "invoices" { text += "      values: {type: {RV: invoice, DG: credit_note}}\n" }
        }
        return text
    }

    /// What the generated export holds besides the sample's rows.
    struct Written {
        var folder: URL
        /// Physical lines of the bad rows, per file.
        var badLines: [String: [Int]] = [:]
    }

    /// Writes the export of the sample into a fresh folder.
    static func write() throws -> Written {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sap-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written = Written(folder: folder)
        for (table, file, columns) in tables {
            let rows = try readCSV(sample.appendingPathComponent(table + ".csv"))
            let header = rows[0]
            var lines = [(header.map { columns[$0] ?? $0 } + extraColumns(table)).joined(separator: ";")]
            var physical = 1
            for (r, row) in rows.dropFirst().enumerated() {
                var fields = zip(header, row).map { convert($1, column: $0, table: table) }
                fields += extraValues(table, row: r)
                let line = fields.map(quotedIfNeeded).joined(separator: ";")
                lines.append(line)
                physical += 1 + line.filter { $0 == "\n" }.count
            }
            for bad in badRows(table) {
                physical += 1
                written.badLines[file, default: []].append(physical)
                lines.append(bad)
            }
            try Data((lines.joined(separator: "\r\n") + "\r\n").data(using: .isoLatin1)!).write(to: folder.appendingPathComponent(file))
        }
        try Data("# Extraktion FI-AR\nMandant=100\nStichtag=31.10.2026\n".utf8).write(to: folder.appendingPathComponent("export_info.txt"))
        return written
    }

    static func extraColumns(_ table: String) -> [String] {
        switch table {
        case "invoices": ["Bemerkung"]
        case "disputes": ["Notiz"]
        default: []
        }
    }

    /// A multi-line note on every 50th invoice, a Latin-1 note on every dispute.
    static func extraValues(_ table: String, row: Int) -> [String] {
        switch table {
        case "invoices": [row % 50 == 0 ? "Lieferung Straße 5\nMünchen" : ""]
        case "disputes": ["Klärung läuft"]
        default: []
        }
    }

    /// Rows that must be rejected with their line: a date that does not exist, a number written
    /// with the other decimal mark, a credit limit that is not a number.
    static func badRows(_ table: String) -> [String] {
        switch table {
        case "invoices": [
            "BAD-1;FR01;C000001;RV;31.02.2026;31.03.2026;1.000,00;EUR;",
            "BAD-2;FR01;C000001;RV;01.02.2026;31.03.2026;12.34,56;EUR;",
        ]
        case "customers": ["C999999;Kaputt GmbH;;SMB;EMEA;DE;Tom Baker;30;abc;"]
        case "fx_rates": ["01.01.2026;USD;-0,9"]
        default: []
        }
    }

    static func convert(_ value: String, column: String, table: String) -> String {
        guard !value.isEmpty else { return value }
        if column == "date" || column.hasSuffix("_date") {
            let p = value.split(separator: "-")
            return "\(p[2]).\(p[1]).\(p[0])"
        }
        if numberColumns.contains(column) { return germanNumber(value) }
        if column == "type" { return value == "credit_note" ? "DG" : "RV" }
        if column == "customer_id", table == "payments" || table == "dunning" { return value.lowercased() }
        return value
    }

    /// `1234567.5` → `1.234.567,5`.
    static func germanNumber(_ value: String) -> String {
        let negative = value.hasPrefix("-")
        let plain = negative ? String(value.dropFirst()) : value
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        var integer = String(parts[0]), grouped = ""
        while integer.count > 3 {
            grouped = "." + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        grouped = integer + grouped
        return (negative ? "-" : "") + grouped + (parts.count > 1 ? "," + parts[1] : "")
    }

    static func quotedIfNeeded(_ field: String) -> String {
        guard field.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A small RFC 4180 reader for the sample (quotes, no line breaks inside fields).
    static func readCSV(_ url: URL) throws -> [[String]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map { line in
            var fields: [String] = [], field = "", quoted = false
            var chars = Array(line)[...]
            while let c = chars.popFirst() {
                if quoted {
                    if c == "\"" {
                        if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                    } else { field.append(c) }
                } else if c == "\"" { quoted = true } else if c == "," { fields.append(field); field = "" } else { field.append(c) }
            }
            fields.append(field)
            return fields
        }
    }
}

import ARCore
import Foundation
@testable import ARStore

/// A deliberately simple reader of an interchange CSV folder, for checking generated ledgers
/// (the real importer is ARImport): RFC 4180 fields, header names, every row through
/// `LedgerBuilder`, so any bad reference or missing rate fails loudly.
struct InterchangeFolder {
    struct Failure: Error, CustomStringConvertible { var description: String }

    let url: URL

    /// The rows of `file` as dictionaries from column name to field (empty fields are absent).
    func rows(_ file: String) throws -> [[String: String]] {
        let text = try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
        var records = InterchangeFolder.parse(text)
        guard !records.isEmpty else { return [] }
        let header = records.removeFirst()
        return records.map { fields in
            var row: [String: String] = [:]
            for (name, value) in zip(header, fields) where !value.isEmpty { row[name] = value }
            return row
        }
    }

    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = [], fields: [String] = [], field: [UInt8] = []
        var quoted = false, wasQuote = false
        for byte in text.utf8 {
            if quoted {
                if byte == UInt8(ascii: "\"") { quoted = false; wasQuote = true } else { field.append(byte) }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): if wasQuote { field.append(byte) }; quoted = true
            case UInt8(ascii: ","): fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true)
            case 10:
                fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true)
                records.append(fields); fields = []
            default: field.append(byte)
            }
            wasQuote = false
        }
        return records
    }

    /// Loads the folder into a ledger; throws on the first row the builder rejects.
    func ledger() throws -> Ledger {
        let info = try JSONDecoder().decode(SnapshotInfo.self, from: Data(contentsOf: url.appendingPathComponent("snapshot.json")))
        var b = LedgerBuilder(reportingCurrency: info.reportingCurrency, source: info.source)
        func need(_ row: [String: String], _ key: String) throws -> String {
            guard let v = row[key] else { throw Failure(description: "missing \(key) in \(row)") }
            return v
        }
        func day(_ row: [String: String], _ key: String) throws -> Day {
            guard let d = Day(iso: try need(row, key)) else { throw Failure(description: "bad \(key) in \(row)") }
            return d
        }
        func currency(_ row: [String: String]) throws -> Currency { Currency(code: try need(row, "currency"))! }
        func amount(_ row: [String: String], _ c: Currency) throws -> Int64 {
            try MinorUnits.parse(try need(row, "amount"), digits: c.minorDigits).get()
        }
        for r in try rows("entities.csv") { try b.add(EntityRecord(id: need(r, "entity_id"), name: r["name"], currency: currency(r), country: r["country"])) }
        for r in try rows("customers.csv") {
            try b.add(CustomerRecord(id: need(r, "customer_id"), name: r["name"], group: r["customer_group"], segment: r["segment"],
                                     region: r["region"], country: r["country"], salesRep: r["sales_rep"],
                                     paymentTermsDays: r["payment_terms_days"].flatMap { Int32($0) },
                                     creditLimit: r["credit_limit"], insuredLimit: r["insured_limit"]))
        }
        for r in try rows("fx_rates.csv") { b.add(FXRateRecord(day: try day(r, "date"), currency: try currency(r), rate: ExactRate(try need(r, "rate"))!)) }
        for r in try rows("invoices.csv") {
            let c = try currency(r)
            try b.add(DocumentRecord(id: need(r, "invoice_id"), entityID: need(r, "entity_id"), customerID: need(r, "customer_id"),
                                     kind: r["type"] == "credit_note" ? .creditNote : .invoice, issue: day(r, "issue_date"),
                                     due: r["due_date"].flatMap { Day(iso: $0) }, amount: amount(r, c), currency: c))
        }
        for r in try rows("payments.csv") {
            let c = try currency(r)
            try b.add(PaymentRecord(id: need(r, "payment_id"), customerID: need(r, "customer_id"), documentID: r["invoice_id"],
                                    entityID: r["entity_id"], day: day(r, "payment_date"), amount: amount(r, c), currency: c))
        }
        for r in try rows("disputes.csv") {
            let docID = try need(r, "invoice_id")
            let c = b.documentCurrency(id: docID) ?? .eur
            try b.add(DisputeRecord(id: need(r, "dispute_id"), documentID: docID, opened: day(r, "opened_date"),
                                    resolved: r["resolved_date"].flatMap { Day(iso: $0) },
                                    amount: try r["amount"].map { try MinorUnits.parse($0, digits: c.minorDigits).get() }, reason: r["reason"]))
        }
        for r in try rows("promises.csv") {
            let c = try r["currency"].map { _ in try currency(r) }
            let digits = (c ?? r["invoice_id"].flatMap { b.documentCurrency(id: $0) } ?? b.defaultPromiseCurrency(customerID: r["customer_id"] ?? "") ?? .eur).minorDigits
            try b.add(PromiseRecord(id: need(r, "promise_id"), customerID: need(r, "customer_id"), documentID: r["invoice_id"],
                                    made: day(r, "made_date"), promised: day(r, "promised_date"),
                                    amount: MinorUnits.parse(try need(r, "amount"), digits: digits).get(), currency: c))
        }
        for r in try rows("write_offs.csv") {
            let docID = try need(r, "invoice_id")
            let c = b.documentCurrency(id: docID) ?? .eur
            try b.add(WriteOffRecord(documentID: docID, day: day(r, "write_off_date"), amount: amount(r, c), reason: r["reason"]))
        }
        for r in try rows("dunning.csv") {
            try b.add(DunningRecord(id: need(r, "action_id"), customerID: need(r, "customer_id"), documentID: r["invoice_id"],
                                    day: day(r, "action_date"), level: r["level"].flatMap { Int32($0) }, channel: r["channel"]))
        }
        return b.finish(asOf: info.asOf)
    }
}

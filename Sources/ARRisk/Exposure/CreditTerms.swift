import ARCore
import ARStore
import Foundation

/// The credit terms of each customer and group, read once from the customers table: the limit,
/// the insured limit and the currency they are in.
///
/// Limits are "in the entity currency of the customer's invoices" (interchange.md): the currency
/// of the entity most of the customer's documents belong to (the reporting currency when it has
/// none). A group's own limit is that of a customer row whose id is the group's name; without
/// one, a group's limit is the sum of its customers'.
public struct CreditTerms: Sendable {
    /// One customer's (or group's) terms; amounts in minor units of `currency`.
    public struct Terms: Sendable, Equatable {
        public var currency: Currency
        public var creditLimit: Int64?
        public var insuredLimit: Int64?
    }

    /// Terms by customer row.
    public let customers: [Terms]
    /// Group name of each customer row (`nil`: none).
    public let groups: [String?]
    /// Terms of the groups that have a row of their own with a limit.
    public let groupTerms: [String: Terms]
    /// Customer row by id.
    public let rowOfID: [String: Int]

    public init(ledger: Ledger) {
        let currencies = Self.limitCurrencies(ledger)
        let table = ledger.customers
        var rows: [String: Int] = [:]
        var terms: [Terms] = []
        for c in 0..<table.count {
            rows[table.ids[c]] = c
            let currency = currencies[c]
            terms.append(Terms(currency: currency, creditLimit: Self.amount(table.creditLimit, c, currency),
                               insuredLimit: Self.amount(table.insuredLimit, c, currency)))
        }
        let groups = (0..<table.count).map { c in Self.text(table.group, c) }
        var own: [String: Terms] = [:]
        for group in Set(groups.compactMap { $0 }) {
            if let row = rows[group], terms[row].creditLimit != nil || terms[row].insuredLimit != nil { own[group] = terms[row] }
        }
        customers = terms
        self.groups = groups
        groupTerms = own
        rowOfID = rows
    }

    /// The limit as parsed money: the single place that reads the column, so the day the import
    /// parses limits itself (issue 15) only this changes.
    static func amount(_ column: DictionaryColumn, _ row: Int, _ currency: Currency) -> Int64? {
        guard let text = text(column, row) else { return nil }
        guard case let .success(minor) = MinorUnits.parse(text, digits: currency.minorDigits) else { return nil }
        return minor
    }

    static func text(_ column: DictionaryColumn, _ row: Int) -> String? {
        guard let value = column[row]?.trimmingCharacters(in: .whitespaces) else { return nil }
        return value.isEmpty ? nil : value
    }

    /// The currency of the entity most of each customer's documents belong to.
    static func limitCurrencies(_ ledger: Ledger) -> [Currency] {
        var counts = [[Int: Int]](repeating: [:], count: ledger.customers.count)
        for d in 0..<ledger.documents.count {
            counts[Int(ledger.documents.customer[d])][Int(ledger.documents.entity[d]), default: 0] += 1
        }
        return counts.map { byEntity in
            let entity = byEntity.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
            return entity.map { ledger.currencies[Int(ledger.entities.currency[$0])] } ?? ledger.snapshot.reportingCurrency
        }
    }
}

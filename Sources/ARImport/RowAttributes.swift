import ARStore

/// The unknown columns of rows that have no attributes of their own in the ledger (payments,
/// disputes, promises, write-offs, dunning), gathered per document or customer and set on it once
/// every row is loaded: `bank_ref` of a payment becomes the document attribute `payment_bank_ref`,
/// queryable like any document attribute (`ar by payment_bank_ref`). Several rows of one document
/// with different values keep them all, joined with ` | ` in load order.
struct RowAttributes {
    /// Owner id → attribute name → distinct values in load order.
    private(set) var documents: [String: [(name: String, values: [String])]] = [:]
    private(set) var customers: [String: [(name: String, values: [String])]] = [:]

    mutating func add(documentID: String, _ values: [(name: String, value: String)]) {
        Self.merge(&documents[documentID, default: []], values)
    }

    mutating func add(customerID: String, _ values: [(name: String, value: String)]) {
        Self.merge(&customers[customerID, default: []], values)
    }

    private static func merge(_ kept: inout [(name: String, values: [String])], _ values: [(name: String, value: String)]) {
        for (name, value) in values {
            if let k = kept.firstIndex(where: { $0.name == name }) {
                if !kept[k].values.contains(value) { kept[k].values.append(value) }
            } else {
                kept.append((name, [value]))
            }
        }
    }

    /// Sets the gathered attributes on the builder's documents and customers.
    func apply(to builder: inout LedgerBuilder) {
        for (id, attributes) in documents { builder.annotate(documentID: id, Self.joined(attributes)) }
        for (id, attributes) in customers { builder.annotate(customerID: id, Self.joined(attributes)) }
    }

    private static func joined(_ attributes: [(name: String, values: [String])]) -> [(name: String, value: String)] {
        attributes.map { ($0.name, $0.values.joined(separator: " | ")) }
    }
}

extension ImportSession {
    /// Keeps the unknown columns of a row just loaded on the document it names, else its customer.
    mutating func keepAttributes(_ table: TargetTable, _ f: RowFields, _ extras: [(name: String, index: Int)]) {
        let values = extraValues(f.row, extras).map { (name: table.attributePrefix + $0.name, value: $0.value) }
        guard !values.isEmpty else { return }
        let columns = f.columns
        if let c = columns.firstIndex(of: "invoice_id"), let id = f.text(c) {
            attributes.add(documentID: id, values)
        } else if let c = columns.firstIndex(of: "customer_id"), let id = f.text(c) {
            attributes.add(customerID: id, values)
        }
    }
}

import ARCore
import ARStore

extension MetricEngine {
    /// The values `dimension` takes in this engine's ledger (buckets in bucket order), for
    /// completion and for warning about a filter value that matches nothing. Read from the
    /// ledger's dictionaries, not from its rows. `customer` gives no list (see ``hasCustomer(_:)``).
    /// - Throws: ``MetricError`` for an extra column the ledger does not have.
    public func values(of dimension: Dimension) throws -> [String] {
        let customers = ledger.customers
        switch dimension {
        case .entity: return ledger.entities.ids
        case .customer: return []
        case .customerName: return customers.names.values
        case .customerGroup: return customers.group.values
        case .segment: return customers.segment.values
        case .region: return customers.region.values
        case .country: return customers.country.values
        case .salesRep: return customers.salesRep.values
        case .creditLimit: return customers.creditLimit.values
        case .insuredLimit: return customers.insuredLimit.values
        case .currency: return ledger.currencies.map(\.code)
        case .type: return ItemRows.typeNames
        case .bucket: return AgingSpec.standard.bucketNames
        case .disputeReason: return ledger.disputes.reason.values
        case .paymentTermsDays, .issueMonth, .documentAttribute, .customerAttribute:
            return try DimensionSource(dimension, rows: rows, ledger: ledger, aging: .standard).values
        }
    }

    /// Whether the ledger has a customer with this id (a byte comparison per customer, no copies).
    public func hasCustomer(_ id: String) -> Bool {
        let ids = ledger.customers.ids
        let wanted = Array(id.utf8)
        return ids.bytes.withUnsafeBufferPointer { bytes in
            (0..<ids.count).contains { c in
                let start = Int(ids.offsets[c]), end = Int(ids.offsets[c + 1])
                return end - start == wanted.count && bytes[start..<end].elementsEqual(wanted)
            }
        }
    }

    /// The day of the ledger's first document, if it has one.
    public var firstIssueDay: Day? {
        ledger.documents.issue.min().map(Day.init(rawValue:))
    }

    /// Whether the ledger holds open items only: documents but no payment at all, so no payment
    /// behaviour to measure (an extract of open items, like the HighRadius data set).
    public var holdsOpenItemsOnly: Bool {
        ledger.documents.count > 0 && ledger.payments.count == 0 && ledger.writeOffs.count == 0
    }
}

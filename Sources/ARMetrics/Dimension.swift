/// What a result can be broken down by.
public enum Dimension: Hashable, Sendable, CustomStringConvertible {
    case entity, customer, customerGroup, segment, region, country, salesRep, currency
    /// Attributes of the customer from the customers file.
    case customerName, creditLimit, insuredLimit, paymentTermsDays
    /// The aging bucket of an open item (under the first `aging` metric's spec, else the standard one).
    case bucket
    /// The reason of a dispute (for dispute metrics) or of an item's open dispute.
    case disputeReason
    /// The month of issue, `YYYY-MM`.
    case issueMonth
    /// The document type: `invoice`, `credit_note`, or `unallocated` for cash on account.
    case type
    /// An extra column of the snapshot's invoices file.
    case documentAttribute(String)
    /// An extra column of the snapshot's customers file.
    case customerAttribute(String)

    /// The built-in dimensions by their ARQL names.
    public static let builtIn: [String: Dimension] = [
        "entity": .entity, "customer": .customer, "customer_group": .customerGroup, "segment": .segment,
        "region": .region, "country": .country, "sales_rep": .salesRep, "currency": .currency,
        "bucket": .bucket, "dispute_reason": .disputeReason, "issue_month": .issueMonth, "type": .type,
        "customer_name": .customerName, "credit_limit": .creditLimit, "insured_limit": .insuredLimit,
        "payment_terms_days": .paymentTermsDays,
    ]

    /// The ARQL name.
    public var name: String {
        switch self {
        case .entity: "entity"
        case .customer: "customer"
        case .customerGroup: "customer_group"
        case .segment: "segment"
        case .region: "region"
        case .country: "country"
        case .salesRep: "sales_rep"
        case .currency: "currency"
        case .bucket: "bucket"
        case .disputeReason: "dispute_reason"
        case .issueMonth: "issue_month"
        case .type: "type"
        case .customerName: "customer_name"
        case .creditLimit: "credit_limit"
        case .insuredLimit: "insured_limit"
        case .paymentTermsDays: "payment_terms_days"
        case let .documentAttribute(n), let .customerAttribute(n): n
        }
    }

    public var description: String { name }
}

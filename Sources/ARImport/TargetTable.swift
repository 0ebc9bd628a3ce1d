/// The interchange tables (interchange.md), in load order: what a row references is loaded
/// before the row.
enum TargetTable: String, CaseIterable, Sendable {
    case entities, customers
    case fxRates = "fx_rates"
    case invoices, payments, disputes, promises
    case writeOffs = "write_offs"
    case dunning

    /// Column names, in the order of the `Int` constants the loaders use.
    var columns: [String] {
        switch self {
        case .entities: ["entity_id", "name", "currency", "country"]
        case .customers: ["customer_id", "name", "customer_group", "segment", "region", "country", "sales_rep",
                          "payment_terms_days", "credit_limit", "insured_limit"]
        case .fxRates: ["date", "currency", "rate"]
        case .invoices: ["invoice_id", "entity_id", "customer_id", "type", "issue_date", "due_date", "amount", "currency"]
        case .payments: ["payment_id", "customer_id", "invoice_id", "entity_id", "payment_date", "amount", "currency"]
        case .disputes: ["dispute_id", "invoice_id", "opened_date", "resolved_date", "amount", "reason"]
        case .promises: ["promise_id", "customer_id", "invoice_id", "made_date", "promised_date", "amount", "currency"]
        case .writeOffs: ["invoice_id", "write_off_date", "amount", "reason"]
        case .dunning: ["action_id", "customer_id", "invoice_id", "action_date", "level", "channel"]
        }
    }

    /// Columns the header must have (or the mapping must supply); `due_date` is checked per row
    /// because credit notes may omit it.
    var requiredColumns: [String] {
        switch self {
        case .entities: ["entity_id", "currency"]
        case .customers: ["customer_id"]
        case .fxRates: ["date", "currency", "rate"]
        case .invoices: ["invoice_id", "entity_id", "customer_id", "issue_date", "amount", "currency"]
        case .payments: ["payment_id", "customer_id", "payment_date", "amount", "currency"]
        case .disputes: ["dispute_id", "invoice_id", "opened_date"]
        case .promises: ["promise_id", "customer_id", "made_date", "promised_date", "amount"]
        case .writeOffs: ["invoice_id", "write_off_date", "amount"]
        case .dunning: ["action_id", "customer_id", "action_date"]
        }
    }

    /// Unknown columns are kept by every table that has rows a query can reach: customers and
    /// documents as their own attributes, the others on the document (or customer) they name.
    var keepsExtras: Bool { self != .entities && self != .fxRates }

    /// The prefix of the attributes a row of this table leaves on its document or customer
    /// (`payment_` for a payment's `bank_ref`: `payment_bank_ref`); empty for customers and documents.
    var attributePrefix: String {
        switch self {
        case .payments: "payment_"
        case .disputes: "dispute_"
        case .promises: "promise_"
        case .writeOffs: "write_off_"
        case .dunning: "dunning_"
        default: ""
        }
    }

    /// The interchange file name in a CSV folder.
    var fileName: String { rawValue + ".csv" }
}

/// Column positions in ``TargetTable/columns``, so the loaders index arrays, never dictionaries.
enum Col {
    enum Entity { static let id = 0, name = 1, currency = 2, country = 3 }
    enum Customer {
        static let id = 0, name = 1, group = 2, segment = 3, region = 4, country = 5, salesRep = 6
        static let terms = 7, creditLimit = 8, insuredLimit = 9
    }
    enum Rate { static let date = 0, currency = 1, rate = 2 }
    enum Invoice { static let id = 0, entity = 1, customer = 2, type = 3, issue = 4, due = 5, amount = 6, currency = 7 }
    enum Payment { static let id = 0, customer = 1, invoice = 2, entity = 3, date = 4, amount = 5, currency = 6 }
    enum Dispute { static let id = 0, invoice = 1, opened = 2, resolved = 3, amount = 4, reason = 5 }
    enum Promise { static let id = 0, customer = 1, invoice = 2, made = 3, promised = 4, amount = 5, currency = 6 }
    enum WriteOff { static let invoice = 0, date = 1, amount = 2, reason = 3 }
    enum Dunning { static let id = 0, customer = 1, invoice = 2, date = 3, level = 4, channel = 5 }
}

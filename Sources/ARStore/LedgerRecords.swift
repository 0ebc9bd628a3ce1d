import ARCore

// One row of each interchange table, already parsed, as handed to `LedgerBuilder`.


public struct EntityRecord: Sendable {
    public var id: String
    public var name: String?
    public var currency: Currency
    public var country: String?
    public init(id: String, name: String? = nil, currency: Currency, country: String? = nil) {
        self.id = id; self.name = name; self.currency = currency; self.country = country
    }
}

public struct CustomerRecord: Sendable {
    public var id: String
    public var name: String?
    public var group: String?
    public var segment: String?
    public var region: String?
    public var country: String?
    public var salesRep: String?
    public var paymentTermsDays: Int32?
    public var creditLimit: String?
    public var insuredLimit: String?
    public var extras: [(name: String, value: String)]
    public init(id: String, name: String? = nil, group: String? = nil, segment: String? = nil, region: String? = nil,
                country: String? = nil, salesRep: String? = nil, paymentTermsDays: Int32? = nil,
                creditLimit: String? = nil, insuredLimit: String? = nil, extras: [(name: String, value: String)] = []) {
        self.id = id; self.name = name; self.group = group; self.segment = segment; self.region = region
        self.country = country; self.salesRep = salesRep; self.paymentTermsDays = paymentTermsDays
        self.creditLimit = creditLimit; self.insuredLimit = insuredLimit; self.extras = extras
    }
}

public struct DocumentRecord: Sendable {
    public var id: String
    public var entityID: String
    public var customerID: String
    public var kind: DocumentKind
    public var issue: Day
    /// Required for invoices; a credit note without one is due on its issue day.
    public var due: Day?
    /// Minor units of `currency`, positive.
    public var amount: Int64
    public var currency: Currency
    public var extras: [(name: String, value: String)]
    public init(id: String, entityID: String, customerID: String, kind: DocumentKind = .invoice, issue: Day, due: Day?,
                amount: Int64, currency: Currency, extras: [(name: String, value: String)] = []) {
        self.id = id; self.entityID = entityID; self.customerID = customerID; self.kind = kind; self.issue = issue
        self.due = due; self.amount = amount; self.currency = currency; self.extras = extras
    }
}

public struct PaymentRecord: Sendable {
    public var id: String
    public var customerID: String
    /// `nil`: unallocated cash on account.
    public var documentID: String?
    public var entityID: String?
    public var day: Day
    public var amount: Int64
    public var currency: Currency
    public init(id: String, customerID: String, documentID: String?, entityID: String? = nil, day: Day, amount: Int64, currency: Currency) {
        self.id = id; self.customerID = customerID; self.documentID = documentID; self.entityID = entityID
        self.day = day; self.amount = amount; self.currency = currency
    }
}

public struct DisputeRecord: Sendable {
    public var id: String
    public var documentID: String
    public var opened: Day
    public var resolved: Day?
    /// Minor units of the document's currency; `nil` means the whole open amount.
    public var amount: Int64?
    public var reason: String?
    public init(id: String, documentID: String, opened: Day, resolved: Day? = nil, amount: Int64? = nil, reason: String? = nil) {
        self.id = id; self.documentID = documentID; self.opened = opened; self.resolved = resolved
        self.amount = amount; self.reason = reason
    }
}

public struct PromiseRecord: Sendable {
    public var id: String
    public var customerID: String
    public var documentID: String?
    public var made: Day
    public var promised: Day
    public var amount: Int64
    /// `nil`: the customer's most frequent document currency (``LedgerBuilder/defaultPromiseCurrency(customerID:)``).
    public var currency: Currency?
    public init(id: String, customerID: String, documentID: String? = nil, made: Day, promised: Day, amount: Int64, currency: Currency? = nil) {
        self.id = id; self.customerID = customerID; self.documentID = documentID; self.made = made
        self.promised = promised; self.amount = amount; self.currency = currency
    }
}

public struct WriteOffRecord: Sendable {
    public var documentID: String
    public var day: Day
    public var amount: Int64
    public var reason: String?
    public init(documentID: String, day: Day, amount: Int64, reason: String? = nil) {
        self.documentID = documentID; self.day = day; self.amount = amount; self.reason = reason
    }
}

public struct FXRateRecord: Sendable {
    public var day: Day
    public var currency: Currency
    public var rate: ExactRate
    public init(day: Day, currency: Currency, rate: ExactRate) {
        self.day = day; self.currency = currency; self.rate = rate
    }
}

public struct DunningRecord: Sendable {
    public var id: String
    public var customerID: String
    public var documentID: String?
    public var day: Day
    public var level: Int32?
    public var channel: String?
    public init(id: String, customerID: String, documentID: String? = nil, day: Day, level: Int32? = nil, channel: String? = nil) {
        self.id = id; self.customerID = customerID; self.documentID = documentID; self.day = day
        self.level = level; self.channel = channel
    }
}

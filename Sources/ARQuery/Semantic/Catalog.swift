import ARCore
import ARMetrics
import ARStore

/// What the binder knows of the snapshot a query runs on: its date, its reporting currency and the
/// extra columns its files carried (usable as dimensions and `where` fields).
public struct Catalog: Sendable, Hashable {
    /// The snapshot's as-of date: the default of `as of`.
    public var asOf: Day
    public var reportingCurrency: Currency
    /// Extra columns of the invoices file.
    public var documentAttributes: [String]
    /// Extra columns of the customers file.
    public var customerAttributes: [String]
    /// Metrics the runner's providers compute (``MetricProvider``).
    public var providedMetrics: [ProvidedMetric] = []

    public init(asOf: Day, reportingCurrency: Currency, documentAttributes: [String] = [],
                customerAttributes: [String] = [], providedMetrics: [ProvidedMetric] = []) {
        self.providedMetrics = providedMetrics
        self.asOf = asOf
        self.reportingCurrency = reportingCurrency
        self.documentAttributes = documentAttributes
        self.customerAttributes = customerAttributes
    }

    /// The catalog of a loaded snapshot.
    public init(ledger: Ledger, providedMetrics: [ProvidedMetric] = []) {
        self.init(asOf: ledger.snapshot.asOf, reportingCurrency: ledger.snapshot.reportingCurrency,
                  documentAttributes: ledger.documents.extras.names, customerAttributes: ledger.customers.extras.names,
                  providedMetrics: providedMetrics)
    }

    /// The dimension called `name`: a built-in one first, then an invoice column, then a customer column.
    public func dimension(named name: String) -> Dimension? {
        if let builtIn = Dimension.builtIn[name.lowercased()] { return builtIn }
        if documentAttributes.contains(name) { return .documentAttribute(name) }
        if customerAttributes.contains(name) { return .customerAttribute(name) }
        return nil
    }

    /// Every dimension name, built-in ones in their documented order, then the extras.
    public var dimensionNames: [String] {
        Catalog.builtInDimensionOrder + documentAttributes + customerAttributes.filter { !documentAttributes.contains($0) }
    }

    static let builtInDimensionOrder = ["entity", "customer", "customer_name", "customer_group", "segment", "region", "country",
                                        "sales_rep", "payment_terms_days", "credit_limit", "insured_limit", "currency", "bucket",
                                        "dispute_reason", "issue_month", "type"]
}

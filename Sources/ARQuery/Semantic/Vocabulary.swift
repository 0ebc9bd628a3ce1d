import ARMetrics

/// The words of ARQL with one-line descriptions, for completion, `.metrics`, `.dims` and help.
public enum Vocabulary {
    /// Keywords a statement can contain.
    public static let keywords = [
        "show", "by", "where", "having", "as", "of", "in", "order", "asc", "desc", "limit", "and", "or", "not",
        "daily", "weekly", "monthly", "quarterly", "from", "to", "over", "last", "days", "weeks", "months",
        "items", "forecast", "collections", "next", "explain", "sql", "chart", "title", "disputed", "project", "quarters", "predicted_pay_date",
    ]

    /// What each metric answers.
    public static func summary(of metric: MetricKind) -> String {
        switch metric {
        case .ar: "receivables balance: open items at the as-of date"
        case .current: "open items not yet due (dpd ≤ 0)"
        case .overdue: "open items past due (dpd > 0)"
        case .overdueRate: "overdue / ar"
        case .disputed: "open amount under an open dispute"
        case .aging: "balance per aging bucket (buckets: [30, 60, 90], basis: issue_date)"
        case .sales: "invoices minus credit notes issued in the period"
        case .dso: "days sales outstanding (method: standard|countback, period: 90 days)"
        case .bpdso: "best possible DSO: current / sales × days"
        case .add: "average days delinquent: DSO − best possible DSO"
        case .cei: "collection effectiveness index, % (period: 1 month)"
        case .badDebtRate: "write-offs / sales over the period (period: 12 months)"
        case .writeOffs: "write-offs dated in the period"
        case .daysToPay: "amount-weighted days from issue to clearing, invoices cleared in the period (weighted: false)"
        case .daysLate: "amount-weighted days from due date to clearing (weighted: false)"
        case .disputeDays: "mean days to resolve disputes resolved in the period"
        case .openDisputes: "number of disputes open at the as-of date"
        case .promiseKeptRate: "share of promises due in the period that were kept (grace: 0 days)"
        case .penalties: "late-payment interest plus fixed compensation (rules: eu|fr|uk)"
        case .count: "number of open items"
        case .customers: "number of customers with open items"
        case .collections: "cash received in the period (refunds of credit notes negative)"
        case .collectionsRate: "collections / ar at the start of the period"
        case .disputesOpened: "number of disputes opened in the period"
        case .disputesResolved: "number of disputes resolved in the period"
        case .disputedOpened: "amount put in dispute in the period"
        case .paidLateRate: "share of the invoices cleared in the period that were cleared after their due date"
        case .paidOnTimeRate: "share of the invoices cleared in the period that were cleared by their due date"
        }
    }

    /// What each built-in dimension groups by.
    public static func summary(ofDimension name: String) -> String {
        switch name {
        case "entity": "legal entity of the group"
        case "customer": "customer id"
        case "customer_name": "customer name"
        case "payment_terms_days": "customer's payment terms in days"
        case "credit_limit": "customer's credit limit, as written in the customers file"
        case "insured_limit": "customer's insured limit, as written in the customers file"
        case "customer_group": "parent group of the customer"
        case "segment": "customer segment (SMB, key account, …)"
        case "region": "customer region"
        case "country": "customer country"
        case "sales_rep": "customer's sales rep"
        case "currency": "document currency"
        case "bucket": "aging bucket of the open item"
        case "dispute_reason": "reason of the dispute"
        case "issue_month": "month of issue, YYYY-MM"
        case "type": "invoice, credit_note or unallocated"
        default: "extra column of the snapshot"
        }
    }
}

import ARCore

extension ItemTable {
    /// Column names in ARQL, in display order.
    public static let columnNames = ["id", "type", "entity", "customer", "customer_name", "currency", "issue_date", "due_date",
                                     "dpd", "bucket", "amount", "open", "open_reporting", "disputed"]

    /// Item `k`'s `column` (one of ``columnNames``) as text: money as a plain decimal in its
    /// currency (`1234.50`), dates in ISO form, missing values empty; `nil` for an unknown column.
    public func text(_ k: Int, _ column: String) -> String? {
        switch column {
        case "id": ids[k]
        case "type": types[k]
        case "entity": entities[k] ?? ""
        case "customer": customers[k]
        case "customer_name": customerNames[k] ?? ""
        case "currency": currencies[k]
        case "issue_date": issueDates[k].iso
        case "due_date": dueDates[k].iso
        case "dpd": String(daysPastDue[k])
        case "bucket": buckets[k]
        case "amount": MinorUnits.format(amounts[k], digits: Currency(code: currencies[k])?.minorDigits ?? 2)
        case "open": MinorUnits.format(open[k], digits: Currency(code: currencies[k])?.minorDigits ?? 2)
        case "open_reporting": MinorUnits.format(openReporting[k], digits: reportingCurrency.minorDigits)
        case "disputed": disputed[k] ? "true" : "false"
        default: nil
        }
    }
}

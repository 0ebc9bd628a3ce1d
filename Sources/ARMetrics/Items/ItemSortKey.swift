/// An `order by` key of an items list (``MetricEngine/items(asOf:filter:currency:order:limit:predictingPayDates:)``).
///
/// Keys compare typed values: days (`dpd`, `age`) and dates as integers, money (`open`,
/// `amount`) as output-currency minor units at the as-of rate, dimension values by their text
/// except `bucket`, in bucket order (`current`, `1-30`, `31-60`, …), `id` as text.
///
/// **Missing values come last, in both directions** (a cash-on-account row without entity, a
/// customer without region, an item without predicted pay date, a document without the
/// attribute): `asc` and `desc` order the values that are there. Ties keep document order
/// (documents, then cash on account), whatever the direction.
public struct ItemSortKey: Sendable, Hashable {
    /// What an items list can be ordered by.
    public enum Column: Sendable, Hashable, CustomStringConvertible {
        /// An item field (`open`, `dpd`, `age`, a dimension, …).
        case field(ItemField)
        /// The cash forecast's expected payment date (``MetricEngine/predictedPayDates(asOf:)``).
        case predictedPayDate

        public var description: String {
            switch self {
            case let .field(field): field.description
            case .predictedPayDate: "predicted_pay_date"
            }
        }
    }

    public var column: Column
    public var descending: Bool

    public init(column: Column, descending: Bool) {
        self.column = column
        self.descending = descending
    }

    public init(field: ItemField, descending: Bool) {
        self.init(column: .field(field), descending: descending)
    }

    /// Whether the key needs the forecast's predicted pay dates.
    var readsPredictedPayDate: Bool { column == .predictedPayDate }
}

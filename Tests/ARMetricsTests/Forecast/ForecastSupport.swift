import ARCore
import ARStore
@testable import ARMetrics

extension MetricEngine {
    /// Predicted pay date of each named document at `day`, as ISO text (`-` when not forecast).
    func predicted(_ ids: [String], at day: String) throws -> [String] {
        let dates = try predictedPayDates(asOf: d(day))
        return ids.map { id in
            guard let i = (0..<ledger.documents.count).first(where: { ledger.documents.ids[$0] == id }) else { return "?" }
            return dates[i] == MetricEngine.noPredictedPayDate ? "-" : Day(rawValue: dates[i]).iso
        }
    }
}

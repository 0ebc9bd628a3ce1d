import ARCore
import ARImport
import ARQuery
import Foundation
import Testing

/// The IBM "Accounts Receivable" sample through its mapping and ARQL: the counts and means the
/// file's own columns give, asked as a user would.
struct NewMeasuresOnRealDataTests {
    static let folder: URL? = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("shared/datasets/real/ibm-wa-accounts-receivable")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    static let mapping = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/mappings/ibm-wa-accounts-receivable.yaml")

    /// The file's columns `Disputed` and `DaysLate`, one entry per invoice.
    static func fileColumns() throws -> (disputed: Int, daysLate: [Int]) {
        let text = try String(contentsOf: folder!.appendingPathComponent("WA_Fn-UseC_-Accounts-Receivable.csv"), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        return (lines.filter { $0[7] == "Yes" }.count, lines.map { Int($0[11])! })
    }

    static func value(_ query: String) throws -> ResultValue? {
        let imported = try SnapshotImporter.load(from: folder!.appendingPathComponent("WA_Fn-UseC_-Accounts-Receivable.csv"),
                                                 mapping: MappingFile.load(from: mapping))
        return try QueryRunner(ledger: imported.ledger).run(query)[0].result?.rows.first?.first
    }

    @Test(.enabled(if: folder != nil, "the IBM sample is not under shared/datasets/real"))
    func disputedInvoicesAndTheMeanDaysLateAreReproduced() throws {
        let (disputed, daysLate) = try Self.fileColumns()
        #expect(disputed == 561)
        let mean = Double(daysLate.reduce(0, +)) / Double(daysLate.count)
        #expect((mean * 1e6).rounded() == 3_442_417)
        // Every invoice settles in 2012-2013: a 36-month period ending on the last settlement covers them all.
        #expect(try Self.value("disputes_opened(period: 36 months)") == .integer(Int64(disputed)))
        #expect(try Self.value("disputes_resolved(period: 36 months)") == .integer(Int64(disputed)))
        guard case let .number(asked)? = try Self.value("days_late(weighted: false, period: 36 months)") else {
            Issue.record("days_late gave no number")
            return
        }
        #expect(abs(asked - mean) < 1e-12)
        let late = daysLate.filter { $0 > 0 }.count
        guard case let .number(share)? = try Self.value("paid_late_rate(period: 36 months)") else {
            Issue.record("paid_late_rate gave no number")
            return
        }
        #expect(abs(share - Double(late) / Double(daysLate.count)) < 1e-12)
    }
}

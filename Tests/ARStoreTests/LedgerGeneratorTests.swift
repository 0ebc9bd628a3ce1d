import ARCore
import ARGenerator
import Foundation
import Synchronization
import Testing
@testable import ARStore

struct LedgerGeneratorTests {
    static let asOf = Day(iso: "2026-10-31")!
    static let config = GeneratorConfig(invoices: 3_000, seed: 11, asOf: asOf)

    private func generate(_ config: GeneratorConfig = config, format: OutputFormat = .csv) throws -> (URL, GeneratorSummary) {
        let folder = try LedgerFixtures.temporaryFolder()
        return (folder, try LedgerGenerator.write(config, to: folder, format: format))
    }

    @Test func sameSeedWritesTheSameBytes() throws {
        let (a, summary) = try generate()
        let (b, _) = try generate()
        let (c, _) = try generate(GeneratorConfig(invoices: 3_000, seed: 12, asOf: Self.asOf))
        defer { for url in [a, b, c] { try? FileManager.default.removeItem(at: url) } }
        #expect(summary.files.count == 10)
        for file in summary.files {
            let bytes = try Data(contentsOf: a.appendingPathComponent(file))
            #expect(bytes == (try Data(contentsOf: b.appendingPathComponent(file))), "\(file) differs between two runs")
        }
        #expect(try Data(contentsOf: a.appendingPathComponent("invoices.csv")) != (try Data(contentsOf: c.appendingPathComponent("invoices.csv"))))
    }

    @Test func everyRowIsValidAndNothingIsOverpaid() throws {
        let (folder, summary) = try generate()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = try InterchangeFolder(url: folder).ledger()   // throws on any bad reference, id, rate or amount
        let docs = ledger.documents
        #expect(docs.count == 3_000)
        #expect(summary.rows["invoices"] == 3_000)
        #expect(summary.rows["payments"] == ledger.payments.count)
        #expect(Set(ledger.currencies.map(\.code)) == ["EUR", "GBP", "USD", "JPY"])
        let asOf = Self.asOf.rawValue
        for i in 0..<docs.count {
            let allocated = docs.allocationAmount[Int(docs.allocationStart[i])..<Int(docs.allocationStart[i + 1])].reduce(0, +)
            let writtenOff = ledger.writeOffs.amount[Int(docs.writeOffStart[i])..<Int(docs.writeOffStart[i + 1])].reduce(0, +)
            #expect(allocated + writtenOff <= docs.amount[i], "document \(docs.ids[i]) is overpaid")
            #expect(docs.issue[i] <= asOf)
            #expect(docs.issue[i] >= Self.config.historyStart.rawValue)
        }
        #expect(ledger.payments.day.allSatisfy { $0 <= asOf })
        #expect(ledger.writeOffs.day.allSatisfy { $0 <= asOf })
        #expect(ledger.disputes.opened.allSatisfy { $0 <= asOf })
        #expect(ledger.promises.made.allSatisfy { $0 <= asOf })
        #expect(ledger.dunning.day.allSatisfy { $0 <= asOf })
        #expect((0..<ledger.disputes.count).allSatisfy { ledger.disputes.resolved[$0].map { $0 <= asOf } ?? true })
        // Every payment id brings positive cash: its invoice rows outweigh the credit notes it consumes.
        var cash: [String: Int64] = [:]
        for p in 0..<ledger.payments.count {
            let d = Int(ledger.payments.document[p])
            cash[ledger.payments.ids[p], default: 0] += d >= 0 && docs.isCreditNote(d) ? -ledger.payments.amount[p] : ledger.payments.amount[p]
        }
        #expect(cash.values.allSatisfy { $0 > 0 })
        // Cash lands on an entity of its own currency, allocated or not.
        #expect((0..<ledger.payments.count).allSatisfy { p in
            ledger.entities.currency[Int(ledger.payments.resolvedEntity[p])] == ledger.payments.currency[p]
        })
    }

    @Test func theLedgerHasEveryFeatureMetricsNeed() throws {
        let (folder, _) = try generate()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = try InterchangeFolder(url: folder).ledger()
        let docs = ledger.documents, payments = ledger.payments
        let creditNotes = (0..<docs.count).filter { docs.isCreditNote($0) }
        let consumed = creditNotes.filter { docs.allocationStart[$0 + 1] > docs.allocationStart[$0] }
        #expect(consumed.count > 10 && creditNotes.count - consumed.count > 10, "credit notes consumed and left open")
        var invoicesPerPayment: [String: Int] = [:]
        for p in 0..<payments.count where payments.document[p] >= 0 { invoicesPerPayment[payments.ids[p], default: 0] += 1 }
        #expect(invoicesPerPayment.values.filter { $0 > 1 }.count > 50, "split payments")
        let paymentRowsPerInvoice = (0..<docs.count).map { docs.allocationStart[$0 + 1] - docs.allocationStart[$0] }
        #expect(paymentRowsPerInvoice.filter { $0 > 1 }.count > 20, "invoices paid in instalments")
        #expect(payments.document.filter { $0 < 0 }.count >= 3, "unallocated cash")
        #expect(ledger.disputes.count > 50 && ledger.disputes.resolved.present.nonzeroBitCount < ledger.disputes.count, "open and resolved disputes")
        #expect(ledger.promises.document.contains(-1) && ledger.promises.document.contains { $0 >= 0 })
        #expect(Set(ledger.writeOffs.reason.values) == ["insolvency", "uncollectible"])
        #expect(Set(ledger.dunning.channel.values).isSuperset(of: ["email", "letter", "call"]))
        #expect(ledger.customers.segment.values.count == 3 && ledger.customers.group.values.count >= 3)
        #expect(ledger.customers.names.values.contains { $0.contains(",") }, "names that need CSV quoting")
        // Open invoices past due at as-of, so that aging and overdue figures have data.
        let asOf = ledger.snapshot.asOf.rawValue
        let overdueOpen = (0..<docs.count).filter { i in
            !docs.isCreditNote(i) && docs.due[i] < asOf && docs.allocationStart[i + 1] == docs.allocationStart[i]
                && docs.writeOffStart[i + 1] == docs.writeOffStart[i]
        }
        #expect(overdueOpen.count > 30)
    }

    @Test func reportsProgressUpToTheTotal() throws {
        let folder = try LedgerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let calls = Mutex<[Int]>([])
        try LedgerGenerator.write(GeneratorConfig(invoices: 25_000, seed: 5, asOf: Self.asOf), to: folder, format: .csv) { written, total in
            #expect(total == 25_000)
            calls.withLock { $0.append(written) }
        }
        let written = calls.withLock { $0 }
        #expect(written.count == 3 && written.last == 25_000 && written == written.sorted())
    }

    @Test func writesTheSameTablesToSQLite() throws {
        let (folder, summary) = try generate(GeneratorConfig(invoices: 500, seed: 3, asOf: Self.asOf), format: .sqlite)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(summary.files == ["ledger.sqlite"])
        let header = try Data(contentsOf: folder.appendingPathComponent("ledger.sqlite")).prefix(16)
        #expect(String(decoding: header, as: UTF8.self) == "SQLite format 3\u{0}")
        #expect(summary.rows["invoices"] == 500)
        if let keep = ProcessInfo.processInfo.environment["ARLENS_KEEP_SQLITE"] {   // to inspect it with sqlite3
            try? FileManager.default.copyItem(at: folder.appendingPathComponent("ledger.sqlite"), to: URL(fileURLWithPath: keep))
        }
    }
}

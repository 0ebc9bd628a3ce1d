import ARCore
import Foundation
import Testing
@testable import ARImport

/// `opened:` of derived disputes given as a list of columns: the earliest date is taken.
struct DisputeOpenedTests {
    @Test func aListOfOpeningColumnsTakesTheEarliestDate() throws {
        let mapping = MappingFileTests.mapping.replacingOccurrences(
            of: "resolved: Ausgeglichen", with: "resolved: Ausgeglichen\n          opened: [Fällig, Ausgeglichen]")
        #expect(mapping != MappingFileTests.mapping)
        let folder = try TestSupport.folder([:])
        try Data(MappingFileTests.exportA.data(using: .windowsCP1252)!).write(to: folder.appendingPathComponent("export_a.csv"))
        try Data(MappingFileTests.exportB.data(using: .windowsCP1252)!).write(to: folder.appendingPathComponent("export_b.csv"))
        let ledger = try SnapshotImporter.load(from: folder, mapping: MappingFile.parse(mapping, name: "erp.yaml")).ledger
        // R1 is due 02.03.2026 and settled 15.02.2026: the earlier, the settlement, opens it.
        #expect(ledger.disputes.ids.strings == ["DSP-R1"])
        #expect(ledger.disputes.opened[0] == TestSupport.day("2026-02-15").rawValue)
        #expect(ledger.disputes.resolved[0] == TestSupport.day("2026-02-15").rawValue)
    }

    @Test func anEmptyListOfOpeningColumnsIsAnError() throws {
        let mapping = MappingFileTests.mapping.replacingOccurrences(
            of: "resolved: Ausgeglichen", with: "resolved: Ausgeglichen\n          opened: []")
        #expect(throws: ImportError.self) { try MappingFile.parse(mapping, name: "erp.yaml") }
    }
}

import Foundation
import Testing

/// Issue 15 end to end: `--as-of`, `--reporting-currency`, an inferred date said loudly by
/// `import` and `inspect`, and `--json` that writes nothing but JSON on standard output.
@Suite(.serialized)
struct ImportOptionsCLITests {
    /// The sample without its snapshot.json, so the as-of date must come from elsewhere.
    private func sampleWithoutSettings() throws -> URL {
        let folder = try CLI.temporaryFolder().appendingPathComponent("sample")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("datasets/sample"), to: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("snapshot.json"))
        return folder
    }

    @Test func anInferredDateIsSaidByImportAndInspectAndJSONStaysJSON() throws {
        let sample = try sampleWithoutSettings()
        let store = sample.deletingLastPathComponent().appendingPathComponent("store").path
        let imported = try CLI.run(["import", sample.path, "--into", store, "--json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any])
        #expect(report["asOf"] as? String == "2026-10-31")   // the latest payment, not the latest due date (2027-01-29)
        #expect(report["asOfOrigin"] as? String == "inferred")
        #expect(imported.stderr.contains("warning: as-of date NOT GIVEN: inferred as 2026-10-31"))
        #expect(imported.stderr.contains("added snapshot"))
        let inspected = try CLI.run(["inspect", store])
        #expect(inspected.status == 0)
        #expect(inspected.stdout.hasPrefix("warning: as-of date NOT GIVEN: inferred as 2026-10-31"))
        let json = try CLI.run(["inspect", store, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["as_of_origin"] as? String == "inferred")
        #expect((object["notices"] as? [String])?.count == 1)
    }

    @Test func asOfAndReportingCurrencyOnTheCommandLineWin() throws {
        let sample = try sampleWithoutSettings()
        let store = sample.deletingLastPathComponent().appendingPathComponent("store").path
        let imported = try CLI.run(["import", sample.path, "--into", store, "--as-of", "2026-09-30", "--reporting-currency", "EUR"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("as of 2026-09-30 (--as-of), reporting currency EUR: reconciled"))
        #expect(!imported.stdout.contains("warning:"))
        let bad = try CLI.run(["import", sample.path, "--into", store, "--as-of", "30.09.2026"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--as-of '30.09.2026' is not a date"))
        #expect(bad.stderr.contains("help: write it as YYYY-MM-DD"))
    }
}

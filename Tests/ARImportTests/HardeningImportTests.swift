import ARCore
import ARStore
import Foundation
import Testing
@testable import ARImport

/// Issue 16: inputs that used to crash ARLens later or change figures silently, each reproduced.
struct HardeningImportTests {
    static let parties = [
        "entities.csv": "entity_id,name,currency,country\nFR01,France,EUR,FR\nJP01,Japan,JPY,JP\n",
        "customers.csv": "customer_id,name\nC1,One\nC2,Two\n",
        "fx_rates.csv": "date,currency,rate\n2020-01-01,JPY,0.0062\n",
    ]
    static let header = "invoice_id,entity_id,customer_id,type,issue_date,due_date,amount,currency\n"

    /// Item 1: amounts beyond 10^15 minor units are rejected with a reason, and the report's
    /// loaded total is exactly what the ledger holds.
    @Test func amountsOutOfRangeAreRejectedAndTheReportReconciles() throws {
        var files = Self.parties
        files["invoices.csv"] = Self.header
            + "I1,FR01,C1,invoice,2026-01-01,2026-02-01,50000000000000000.00,EUR\n"
            + "I2,FR01,C1,invoice,2026-01-01,2026-02-01,50000000000000000.00,EUR\n"
            + "I3,FR01,C1,invoice,2026-01-01,2026-02-01,92233720368547758.07,EUR\n"
            + "I4,JP01,C2,invoice,2026-01-01,2026-02-01,9223372036854775807,JPY\n"
            + "I5,FR01,C1,invoice,2026-01-01,2026-02-01,9999999999999.99,EUR\n"
            + "I6,FR01,C2,invoice,2026-01-01,2026-02-01,9999999999999.99,EUR\n"
        let result = try SnapshotImporter.load(from: try TestSupport.folder(files))
        #expect(result.rejects.map(\.line) == [2, 3, 4, 5])
        #expect(result.rejects.allSatisfy { $0.reason == "bad_amount" })
        #expect(result.rejects[0].message
            == "'50000000000000000.00' in amount is out of range: amounts are limited to 9,999,999,999,999.99 EUR (10^15 minor units)")
        #expect(result.rejects[3].message.hasSuffix("limited to 999,999,999,999,999 JPY (10^15 minor units)"))
        let invoices = try #require(result.report.files.first { $0.table == "invoices" })
        #expect(invoices.isReconciled && result.report.isReconciled)
        // Two maximal amounts sum past nothing in 128 bits; the ledger holds exactly the loaded total.
        let eur = try #require(invoices.amounts.first { $0.currency == "EUR" })
        #expect(eur.loaded == 2 * Int128(MinorUnits.maximumMagnitude))
        #expect(eur.loaded == result.ledger.documents.amount.reduce(Int128(0)) { $0 + Int128($1) })
        #expect(invoices.unreadAmountRows == 4)
    }

    /// Item 7: an import whose invoices all fail has nothing to store.
    @Test func anImportThatRejectsEveryInvoiceLoadsNoDocument() throws {
        let folder = try TestSupport.folder(["invoices.csv": Self.header + "I1,XX01,C9,invoice,2026-01-01,2026-02-01,10.00,EUR\n"])
        let result = try SnapshotImporter.load(from: folder)
        #expect(result.loadedNoDocument)
        #expect(result.rejects.map(\.reason) == ["unknown_entity"])
    }

    /// Item 13 and 11: long values are cut in messages; a mapping cannot point outside its folder.
    @Test func mappingErrorsCutLongValuesAndRefuseOutsidePaths() throws {
        let huge = String(repeating: "x", count: 1 << 20)
        let long = try #require(throwing(try MappingFile.parse("defaults: {date_format: \"\(huge)\"}", name: "m.yaml")))
        #expect(long.description.count < 300)
        #expect(long.description.contains("(1,048,576 characters)"))
        for path in ["../../../../etc/passwd", "/etc/passwd", "sub/../../x.csv"] {
            let error = try #require(throwing(try MappingFile.parse("tables:\n  invoices:\n    - file: \(path)\n", name: "m.yaml")))
            #expect(error.description == "m.yaml: line 3: 'tables.invoices[0].file': expected a file inside the snapshot folder, "
                + "found '\(path)': give a path relative to the folder, without '..' or a leading '/'")
        }
        #expect(throwing(try MappingFile.parse("tables:\n  invoices:\n    - file: extracts/2026-01.csv\n", name: "m.yaml")) == nil)
    }

    /// Item 5: a constant never silently replaces a column of the source.
    @Test func constantsThatWouldOverrideAColumnAreMappingErrors() throws {
        let both = try #require(throwing(try MappingFile.parse("""
            tables:
              invoices:
                - file: export.csv
                  columns: {currency: Curr}
                  constants:
                    entity_id: FR01
                    currency: EUR
            """, name: "m.yaml")))
        #expect(both.description == "m.yaml: line 7: 'tables.invoices[0].constants.currency': currency is mapped to column 'Curr' "
            + "under 'columns:' and given the constant 'EUR' here: keep one of them")
        var files = Self.parties
        files["export.csv"] = Self.header + "I1,FR01,C1,invoice,2026-01-01,2026-02-01,100.00,USD\n"
        files["fx_rates.csv"] = "date,currency,rate\n2020-01-01,USD,0.9\n"
        let implicit = try MappingFile.parse("""
            tables:
              invoices:
                - file: export.csv
                  constants: {currency: EUR}
            """, name: "m.yaml")
        let folder = try TestSupport.folder(files)
        let error = try #require(throwing(try SnapshotImporter.load(from: folder, mapping: implicit)))
        #expect(error.description == "m.yaml: line 4: 'tables.invoices[0].constants.currency': the constant 'EUR' for currency would "
            + "override the column 'currency' of export.csv: drop the constant, or list 'currency' under 'ignore:' to use it instead of the column")
        let ignoring = try MappingFile.parse("""
            tables:
              invoices:
                - file: export.csv
                  constants: {currency: EUR}
                  ignore: [currency]
            """, name: "m.yaml")
        let loaded = try SnapshotImporter.load(from: folder, mapping: ignoring)
        #expect(loaded.ledger.documents.count == 1)
        #expect(loaded.ledger.currencies[Int(loaded.ledger.documents.currency[0])].code == "EUR")
    }

    /// Item 4 end to end: the German sample line that multiplied amounts by 100 is now rejected.
    @Test func misplacedGroupingIsARejectWithAFix() throws {
        var files = Self.parties
        files["export.csv"] = "invoice_id;entity_id;customer_id;issue_date;due_date;amount;currency\n"
            + "I1;FR01;C1;2026-01-01;2026-02-01;1234.56;EUR\nI2;FR01;C1;2026-01-01;2026-02-01;1.234,56;EUR\n"
        let mapping = try MappingFile.parse("""
            tables:
              invoices:
                - {file: export.csv, separator: ";", decimal: ",", thousands: "."}
            """, name: "m.yaml")
        let result = try SnapshotImporter.load(from: try TestSupport.folder(files), mapping: mapping)
        #expect(result.ledger.documents.amount == [123_456])
        #expect(result.rejects.map(\.message) == ["'1234.56' in amount has thousands separators that are not every three digits: "
            + "check 'decimal' and 'thousands' in the mapping"])
    }
}

/// The error `body` throws, or `nil`.
func throwing<T>(_ body: @autoclosure () throws -> T) -> (any Error & CustomStringConvertible)? {
    do { _ = try body(); return nil } catch let error as any Error & CustomStringConvertible { return error } catch {
        return nil
    }
}

import ARCore
import ARMetrics
import ARStore
import Testing
@testable import ARQuery

/// The catalog of a built ledger: its date, currency and extra columns as dimensions.
struct CatalogTests {
    @Test func extraColumnsOfTheSnapshotBecomeDimensionsAndFields() throws {
        var builder = LedgerBuilder(reportingCurrency: .usd)
        try builder.add(EntityRecord(id: "US01", currency: .usd))
        try builder.add(CustomerRecord(id: "C1", extras: [(name: "industry", value: "retail")]))
        try builder.add(DocumentRecord(id: "I1", entityID: "US01", customerID: "C1", issue: Day(iso: "2026-08-01")!,
                                       due: Day(iso: "2026-08-31")!, amount: 100_00, currency: .usd,
                                       extras: [(name: "project", value: "P7")]))
        let ledger = builder.finish(asOf: Day(iso: "2026-09-15")!)
        let catalog = Catalog(ledger: ledger)
        #expect(catalog.documentAttributes == ["project"])
        #expect(catalog.customerAttributes == ["industry"])
        let statements = try QueryCompiler(catalog: catalog).compile("ar by project, industry where industry = retail and open > 1.5")
        guard case let .metrics(s) = statements[0] else {
            Issue.record("expected a metric statement")
            return
        }
        #expect(s.query.dimensions == [.documentAttribute("project"), .customerAttribute("industry")])
        #expect(s.query.dates == [Day(iso: "2026-09-15")!])
        #expect(s.query.filter == .and(.compare(.dimension(.customerAttribute("industry")), .eq, .string("retail")),
                                       .compare(.open, .gt, .integer(150))))
        // A typo of an extra column is suggested like a built-in one.
        #expect(throws: QueryDiagnostic(.unknownDimension, "expected a dimension, found 'projet'",
                                        at: SourceSpan(start: 6, end: 12), help: "did you mean 'project'?")) {
            try QueryCompiler(catalog: catalog).compile("ar by projet")
        }
    }
}

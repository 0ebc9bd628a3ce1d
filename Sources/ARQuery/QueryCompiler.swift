/// The front door of ARQL: text in, bound statements out.
///
/// ```swift
/// let compiler = QueryCompiler(catalog: Catalog(ledger: ledger))
/// let statements = try compiler.compile("ar by entity where entity = $entity", parameters: ["entity": "FR01"])
/// ```
public struct QueryCompiler: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// Parses and binds every `;`-separated statement of `text`.
    ///
    /// - Parameter parameters: values of the `$name` parameters, read as the type each place needs.
    /// - Throws: ``QueryDiagnostic`` for the first error, positioned in `text`.
    public func compile(_ text: String, parameters: [String: String] = [:]) throws -> [BoundStatement] {
        try compileTyped(text, parameters: parameters)
    }

    /// ``compile(_:parameters:)`` with the error type stated, for callers inside the module.
    func compileTyped(_ text: String, parameters: [String: String]) throws(QueryDiagnostic) -> [BoundStatement] {
        let syntax = try Parser.parse(text)
        let binder = Binder(catalog: catalog, parameters: parameters, source: text)
        var statements: [BoundStatement] = []
        for statement in syntax { statements.append(try binder.bind(statement)) }
        return statements
    }
}

import ARCore

extension Ledger {
    /// The ledger an extraction of the perimeter's rows alone would give.
    ///
    /// - A document is kept when its entity, currency and invoice columns are allowed and its
    ///   customer is allowed (customer id, group, segment, region, country, sales rep and extra
    ///   customer columns). A missing value is never allowed by a field the perimeter names.
    /// - Payments, disputes, write-offs, promises and dunning actions that name a document follow
    ///   it. Unallocated cash is kept when its customer and currency are allowed and, under an
    ///   entity field, its entity (as resolved by metrics.md, "Unallocated cash") is allowed; under
    ///   an invoice-column field it has no such column, so it is not kept. A promise or dunning action on
    ///   the account as a whole is kept when its customer is allowed, its currency is allowed, and,
    ///   under an entity or invoice-column field, the customer keeps at least one document.
    /// - Customers and entities are those the kept rows reference (and the allowed entities), so
    ///   not even a name of another customer remains. FX rates are kept whole.
    ///
    /// The result is rebuilt through ``LedgerBuilder``, exactly as an import of the filtered
    /// files would be.
    /// - Complexity: O(rows of every table).
    /// - Throws: ``PerimeterError`` for a field that is neither built in nor an extra column.
    public func restricted(to perimeter: Perimeter) throws(PerimeterError) -> Ledger {
        guard !perimeter.isEverything else { return self }
        let rule = try RestrictionRule(perimeter, ledger: self)
        return LedgerRestriction(ledger: self, rule: rule).build()
    }
}

/// Which rows a perimeter allows, evaluated on a ledger's codes.
struct RestrictionRule {
    let customerAllowed: [Bool]
    let entityAllowed: [Bool]
    let currencyAllowed: [Bool]
    /// Per document extra column named by the perimeter: the allowed codes.
    let documentColumns: [(codes: [Int32], allowed: [Bool])]
    /// Whether account-level rows need a kept document of their customer.
    let needsDocumentForAccountRows: Bool
    /// Whether the perimeter names entities (unallocated cash then needs a resolved, allowed entity).
    let entityConstrained: Bool

    init(_ perimeter: Perimeter, ledger: Ledger) throws(PerimeterError) {
        let customers = ledger.customers, documents = ledger.documents
        for field in perimeter.allowed.keys where !Perimeter.builtInFields.contains(field)
            && customers.extras.column(named: field) == nil && documents.extras.column(named: field) == nil {
            throw PerimeterError(field: field)
        }
        func allows(_ field: String, _ values: [String]) -> [Bool] {
            guard let set = perimeter.allowed[field] else { return values.map { _ in true } }
            return values.map(set.contains)
        }
        func allows(_ field: String, _ column: DictionaryColumn) -> [Bool] {
            let byCode = allows(field, column.values)
            return column.codes.map { $0 >= 0 && byCode[Int($0)] }
        }
        var customer = allows("customer", customers.ids.strings)
        let columns: [(String, DictionaryColumn)] = [
            ("customer_group", customers.group), ("segment", customers.segment), ("region", customers.region),
            ("country", customers.country), ("sales_rep", customers.salesRep),
        ] + customers.extras.names.map { ($0, customers.extras.column(named: $0)!) }
        for (field, column) in columns where perimeter.allowed[field] != nil && !documents.extras.names.contains(field) {
            let flags = allows(field, column)
            for c in customer.indices { customer[c] = customer[c] && c < flags.count && flags[c] }
        }
        customerAllowed = customer
        entityAllowed = allows("entity", ledger.entities.ids)
        currencyAllowed = allows("currency", ledger.currencies.map(\.code))
        documentColumns = documents.extras.names.filter { perimeter.allowed[$0] != nil }.map { name in
            let column = documents.extras.column(named: name)!
            let set = perimeter.allowed[name]!
            return (column.codes, column.values.map(set.contains))
        }
        entityConstrained = perimeter.allowed["entity"] != nil
        needsDocumentForAccountRows = entityConstrained || !documentColumns.isEmpty
    }

    func keepsDocument(_ i: Int, _ documents: DocumentTable) -> Bool {
        guard customerAllowed[Int(documents.customer[i])], entityAllowed[Int(documents.entity[i])],
              currencyAllowed[Int(documents.currency[i])] else { return false }
        return documentColumns.allSatisfy { column in
            i < column.codes.count && column.codes[i] >= 0 && column.allowed[Int(column.codes[i])]
        }
    }
}

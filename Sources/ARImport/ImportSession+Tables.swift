import ARCore
import ARStore

// One function per interchange table: read the row's columns, build the record, hand it to the
// builder. Amounts are parsed first so that a row rejected later still counts its amount.
extension ImportSession {
    mutating func addEntity(_ f: RowFields) throws(RowFailure) {
        let record = EntityRecord(id: try f.required(Col.Entity.id), name: f.text(Col.Entity.name),
                                  currency: try f.requiredCurrency(Col.Entity.currency), country: f.text(Col.Entity.country))
        do { try builder.add(record) } catch { throw RowFailure(error) }
    }

    mutating func addCustomer(_ f: RowFields, extras: [(name: String, index: Int)]) throws(RowFailure) {
        typealias C = Col.Customer
        let record = CustomerRecord(
            id: try f.required(C.id), name: f.text(C.name), group: f.text(C.group), segment: f.text(C.segment),
            region: f.text(C.region), country: f.text(C.country), salesRep: f.text(C.salesRep),
            paymentTermsDays: try f.integer(C.terms), creditLimit: try f.limit(C.creditLimit), insuredLimit: try f.limit(C.insuredLimit),
            extras: extraValues(f.row, extras))
        do { try builder.add(record) } catch { throw RowFailure(error) }
    }

    mutating func addRate(_ f: RowFields) throws(RowFailure) {
        let day = try f.requiredDay(Col.Rate.date)
        let currency = try f.requiredCurrency(Col.Rate.currency)
        let rate = try f.rate(Col.Rate.rate)
        builder.add(FXRateRecord(day: day, currency: currency, rate: rate))
    }

    mutating func addDocument(_ f: RowFields, extras: [(name: String, index: Int)], derived: inout DerivedRows,
                              tally: inout AmountTally) throws(RowFailure) {
        typealias C = Col.Invoice
        if f.isPresent(C.amount) { tally = .unread }
        let currency = try f.currency(C.currency)
        var amount: Int64?
        if let currency {
            amount = try f.amount(C.amount, in: currency)
            if let amount { tally = .amount(amount, currency) }
        }
        let id = try f.required(C.id)
        var kind = DocumentKind.invoice
        if f.isPresent(C.type) {
            if f.equals(C.type, DocumentKind.creditNoteBytes) {
                kind = .creditNote
            } else if !f.equals(C.type, DocumentKind.invoiceBytes) {
                throw RowFailure("bad_value", "\(quoted(f.text(C.type) ?? "")) in type is neither 'invoice' nor 'credit_note': map it under 'values:'")
            }
        }
        let entityID = try f.required(C.entity), customerID = try f.required(C.customer)
        let issue = try f.requiredDay(C.issue)
        let due = try f.day(C.due)
        guard let currency else { throw f.missing(C.currency) }
        guard var amount else { throw f.missing(C.amount) }
        if amount < 0, f.format.negativeIsCreditNote {
            amount = -amount
            kind = .creditNote
        }
        var record = DocumentRecord(id: id, entityID: entityID, customerID: customerID, kind: kind, issue: issue, due: due,
                                    amount: amount, currency: currency, extras: extraValues(f.row, extras))
        if kind == .invoice, due == nil { throw f.missing(C.due) }
        derived.addParties(for: record, fields: f, session: &self)
        do { warnings += try builder.add(record) } catch { throw RowFailure(error) }
        if derived.derivesAfterDocument {
            record.extras = []
            derived.lastDocument = record
        }
    }

    mutating func addPayment(_ f: RowFields, tally: inout AmountTally) throws(RowFailure) {
        typealias C = Col.Payment
        if f.isPresent(C.amount) { tally = .unread }
        let currency = try readAmount(f, amount: C.amount, currency: try f.currency(C.currency), tally: &tally)
        let record = PaymentRecord(id: try f.required(C.id), customerID: try f.required(C.customer), documentID: f.text(C.invoice),
                                   entityID: f.text(C.entity), day: try f.requiredDay(C.date),
                                   amount: try requiredAmount(f, C.amount, tally), currency: try unwrap(currency, f, C.currency))
        do { warnings += try builder.add(record) } catch { throw RowFailure(error) }
    }

    mutating func addDispute(_ f: RowFields, tally: inout AmountTally) throws(RowFailure) {
        typealias C = Col.Dispute
        let invoiceID = try f.required(C.invoice)
        try readDocumentAmount(f, invoiceID: invoiceID, amount: C.amount, tally: &tally)
        var amount: Int64?
        if case let .amount(value, _) = tally { amount = value }
        let record = DisputeRecord(id: try f.required(C.id), documentID: invoiceID, opened: try f.requiredDay(C.opened),
                                   resolved: try f.day(C.resolved), amount: amount, reason: f.text(C.reason))
        do { try builder.add(record) } catch { throw RowFailure(error) }
    }

    mutating func addPromise(_ f: RowFields, tally: inout AmountTally) throws(RowFailure) {
        typealias C = Col.Promise
        if f.isPresent(C.amount) { tally = .unread }
        let customerID = try f.required(C.customer)
        var currency = try f.currency(C.currency)
        if currency == nil {
            guard builder.hasCustomer(customerID) else { throw RowFailure(LedgerBuildError.unknownCustomer(customerID)) }
            let found = promiseCurrency[customerID] ?? builder.defaultPromiseCurrency(customerID: customerID) ?? builder.reportingCurrency
            promiseCurrency[customerID] = found
            currency = found
        }
        _ = try readAmount(f, amount: C.amount, currency: currency, tally: &tally)
        let record = PromiseRecord(id: try f.required(C.id), customerID: customerID, documentID: f.text(C.invoice),
                                   made: try f.requiredDay(C.made), promised: try f.requiredDay(C.promised),
                                   amount: try requiredAmount(f, C.amount, tally), currency: currency)
        do { warnings += try builder.add(record) } catch { throw RowFailure(error) }
    }

    mutating func addWriteOff(_ f: RowFields, tally: inout AmountTally) throws(RowFailure) {
        typealias C = Col.WriteOff
        let invoiceID = try f.required(C.invoice)
        try readDocumentAmount(f, invoiceID: invoiceID, amount: C.amount, tally: &tally)
        let record = WriteOffRecord(documentID: invoiceID, day: try f.requiredDay(C.date),
                                    amount: try requiredAmount(f, C.amount, tally), reason: f.text(C.reason))
        do { warnings += try builder.add(record) } catch { throw RowFailure(error) }
    }

    mutating func addDunning(_ f: RowFields) throws(RowFailure) {
        typealias C = Col.Dunning
        let record = DunningRecord(id: try f.required(C.id), customerID: try f.required(C.customer), documentID: f.text(C.invoice),
                                   day: try f.requiredDay(C.date), level: try f.integer(C.level), channel: f.text(C.channel))
        do { try builder.add(record) } catch { throw RowFailure(error) }
    }

    // MARK: - Helpers

    /// Parses the amount in `currency` and records it in `tally`; returns the currency.
    private func readAmount(_ f: RowFields, amount c: Int, currency: Currency?, tally: inout AmountTally) throws(RowFailure) -> Currency? {
        guard f.isPresent(c) else { return currency }
        tally = .unread
        guard let currency else { return nil }
        if let amount = try f.amount(c, in: currency) { tally = .amount(amount, currency) }
        return currency
    }

    /// Parses an amount in the currency of document `invoiceID` (disputes, write-offs).
    private func readDocumentAmount(_ f: RowFields, invoiceID: String, amount c: Int, tally: inout AmountTally) throws(RowFailure) {
        if f.isPresent(c) { tally = .unread }
        guard let currency = builder.documentCurrency(id: invoiceID) else {
            throw RowFailure(LedgerBuildError.unknownDocument(invoiceID))
        }
        _ = try readAmount(f, amount: c, currency: currency, tally: &tally)
    }

    private func requiredAmount(_ f: RowFields, _ c: Int, _ tally: AmountTally) throws(RowFailure) -> Int64 {
        guard case let .amount(amount, _) = tally else { throw f.missing(c) }
        return amount
    }

    private func unwrap(_ currency: Currency?, _ f: RowFields, _ c: Int) throws(RowFailure) -> Currency {
        guard let currency else { throw f.missing(c) }
        return currency
    }

    func extraValues(_ row: RowBuffer, _ extras: [(name: String, index: Int)]) -> [(name: String, value: String)] {
        guard !extras.isEmpty else { return [] }
        var values: [(name: String, value: String)] = []
        values.reserveCapacity(extras.count)
        for (name, index) in extras where !row.trimmed(index).isEmpty { values.append((name, row.string(index))) }
        return values
    }
}

extension DocumentKind {
    static let invoiceBytes = Array("invoice".utf8)
    static let creditNoteBytes = Array("credit_note".utf8)
}

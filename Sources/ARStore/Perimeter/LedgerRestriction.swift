import ARCore

/// Rebuilds a ledger from the rows a ``RestrictionRule`` keeps, through ``LedgerBuilder``.
struct LedgerRestriction {
    let ledger: Ledger
    let rule: RestrictionRule

    func build() -> Ledger {
        let docs = ledger.documents, pay = ledger.payments
        let keptDocument = (0..<docs.count).map { rule.keepsDocument($0, docs) }
        let keptPayment = (0..<pay.count).map { p -> Bool in
            let d = Int(pay.document[p])
            if d >= 0 { return keptDocument[d] }
            let e = pay.resolvedEntity[p]
            let entityAllowed = rule.entityConstrained ? e >= 0 && rule.entityAllowed[Int(e)] : true
            return rule.customerAllowed[Int(pay.customer[p])] && entityAllowed && rule.currencyAllowed[Int(pay.currency[p])]
                && rule.documentColumns.isEmpty
        }
        var customerHasDocument = [Bool](repeating: false, count: ledger.customers.count)
        for i in 0..<docs.count where keptDocument[i] { customerHasDocument[Int(docs.customer[i])] = true }
        func keepsAccountRow(customer c: Int32, document d: Int32, currency: Int32?) -> Bool {
            if d >= 0 { return keptDocument[Int(d)] }
            guard rule.customerAllowed[Int(c)], currency.map({ rule.currencyAllowed[Int($0)] }) ?? true else { return false }
            return !rule.needsDocumentForAccountRows || customerHasDocument[Int(c)]
        }
        let promises = ledger.promises, dunning = ledger.dunning
        let keptPromise = (0..<promises.count).map {
            keepsAccountRow(customer: promises.customer[$0], document: promises.document[$0], currency: promises.currency[$0])
        }
        let keptDunning = (0..<dunning.count).map {
            keepsAccountRow(customer: dunning.customer[$0], document: dunning.document[$0], currency: nil)
        }
        let keptCustomer = referencedCustomers(keptDocument, keptPayment, keptPromise, keptDunning)
        var builder = LedgerBuilder(reportingCurrency: ledger.snapshot.reportingCurrency, source: ledger.snapshot.source)
        addMasterData(&builder, keptDocument: keptDocument, keptPayment: keptPayment, keptCustomer: keptCustomer)
        addDocuments(&builder, kept: keptDocument)
        addEvents(&builder, keptDocument: keptDocument, keptPayment: keptPayment, keptPromise: keptPromise,
                  keptDunning: keptDunning)
        return builder.finish(asOf: ledger.snapshot.asOf, source: ledger.snapshot.source)
    }

    private func referencedCustomers(_ documents: [Bool], _ payments: [Bool], _ promises: [Bool], _ dunning: [Bool]) -> [Bool] {
        var kept = [Bool](repeating: false, count: ledger.customers.count)
        for (i, keep) in documents.enumerated() where keep { kept[Int(ledger.documents.customer[i])] = true }
        for (p, keep) in payments.enumerated() where keep { kept[Int(ledger.payments.customer[p])] = true }
        for (k, keep) in promises.enumerated() where keep { kept[Int(ledger.promises.customer[k])] = true }
        for (k, keep) in dunning.enumerated() where keep { kept[Int(ledger.dunning.customer[k])] = true }
        return kept
    }

    // MARK: - Rows back into records
    // Each `try?` below re-adds a row the full ledger already accepted under the same checks, so it
    // cannot fail; a row it would refuse is one the original import refused too.

    private func addMasterData(_ b: inout LedgerBuilder, keptDocument: [Bool], keptPayment: [Bool], keptCustomer: [Bool]) {
        let entities = ledger.entities
        var keptEntity = rule.entityAllowed
        if rule.entityAllowed.allSatisfy({ $0 }) {
            keptEntity = [Bool](repeating: false, count: entities.count)
            for i in keptDocument.indices where keptDocument[i] { keptEntity[Int(ledger.documents.entity[i])] = true }
            for p in keptPayment.indices where keptPayment[p] && ledger.payments.resolvedEntity[p] >= 0 {
                keptEntity[Int(ledger.payments.resolvedEntity[p])] = true
            }
        }
        for e in 0..<entities.count where keptEntity[e] {
            try? b.add(EntityRecord(id: entities.ids[e], name: entities.names[e],
                                    currency: ledger.currencies[Int(entities.currency[e])], country: entities.country[e]))
        }
        let c = ledger.customers
        for k in 0..<c.count where keptCustomer[k] {
            try? b.add(CustomerRecord(id: c.ids[k], name: c.names[k], group: c.group[k], segment: c.segment[k],
                                      region: c.region[k], country: c.country[k], salesRep: c.salesRep[k],
                                      paymentTermsDays: c.paymentTermsDays[k], creditLimit: c.creditLimit[k],
                                      insuredLimit: c.insuredLimit[k], extras: Self.extras(c.extras, row: k)))
        }
        let fx = ledger.fxRates
        for r in 0..<fx.count {
            b.add(FXRateRecord(day: Day(rawValue: fx.day[r]), currency: ledger.currencies[Int(fx.currency[r])],
                               rate: ExactRate(mantissa: fx.mantissa[r], scale: Int(fx.scale[r]))))
        }
    }

    private func addDocuments(_ b: inout LedgerBuilder, kept: [Bool]) {
        let d = ledger.documents
        for i in 0..<d.count where kept[i] {
            let kind = DocumentKind(rawValue: d.kind[i]) ?? .invoice
            try? b.add(DocumentRecord(id: d.ids[i], entityID: ledger.entities.ids[Int(d.entity[i])],
                                      customerID: ledger.customers.ids[Int(d.customer[i])], kind: kind,
                                      issue: Day(rawValue: d.issue[i]), due: Day(rawValue: d.due[i]), amount: d.amount[i],
                                      currency: ledger.currencies[Int(d.currency[i])], extras: Self.extras(d.extras, row: i)))
        }
    }

    private func addEvents(_ b: inout LedgerBuilder, keptDocument: [Bool], keptPayment: [Bool], keptPromise: [Bool],
                           keptDunning: [Bool]) {
        let docs = ledger.documents, customers = ledger.customers.ids
        func documentID(_ d: Int32) -> String? { d < 0 ? nil : docs.ids[Int(d)] }
        let pay = ledger.payments
        for p in 0..<pay.count where keptPayment[p] {
            // The resolved entity is written out so that the rebuilt ledger resolves it the same way.
            let entity = pay.document[p] < 0 && pay.resolvedEntity[p] >= 0 ? ledger.entities.ids[Int(pay.resolvedEntity[p])] : nil
            try? b.add(PaymentRecord(id: pay.ids[p], customerID: customers[Int(pay.customer[p])],
                                     documentID: documentID(pay.document[p]), entityID: entity,
                                     day: Day(rawValue: pay.day[p]), amount: pay.amount[p],
                                     currency: ledger.currencies[Int(pay.currency[p])]))
        }
        let disputes = ledger.disputes
        for k in 0..<disputes.count where keptDocument[Int(disputes.document[k])] {
            try? b.add(DisputeRecord(id: disputes.ids[k], documentID: docs.ids[Int(disputes.document[k])],
                                     opened: Day(rawValue: disputes.opened[k]), resolved: disputes.resolved[k].map(Day.init(rawValue:)),
                                     amount: disputes.amount[k], reason: disputes.reason[k]))
        }
        let promises = ledger.promises
        for k in 0..<promises.count where keptPromise[k] {
            try? b.add(PromiseRecord(id: promises.ids[k], customerID: customers[Int(promises.customer[k])],
                                     documentID: documentID(promises.document[k]), made: Day(rawValue: promises.made[k]),
                                     promised: Day(rawValue: promises.promised[k]), amount: promises.amount[k],
                                     currency: ledger.currencies[Int(promises.currency[k])]))
        }
        let writeOffs = ledger.writeOffs
        for k in 0..<writeOffs.count where keptDocument[Int(writeOffs.document[k])] {
            try? b.add(WriteOffRecord(documentID: docs.ids[Int(writeOffs.document[k])], day: Day(rawValue: writeOffs.day[k]),
                                      amount: writeOffs.amount[k], reason: writeOffs.reason[k]))
        }
        let dunning = ledger.dunning
        for k in 0..<dunning.count where keptDunning[k] {
            try? b.add(DunningRecord(id: dunning.ids[k], customerID: customers[Int(dunning.customer[k])],
                                     documentID: documentID(dunning.document[k]), day: Day(rawValue: dunning.day[k]),
                                     level: dunning.level[k], channel: dunning.channel[k]))
        }
    }

    /// Row `row`'s extra columns, every name present (an empty value is missing) so that the
    /// rebuilt ledger keeps every column even when no kept row has a value in it.
    private static func extras(_ attributes: ExtraAttributes, row: Int) -> [(name: String, value: String)] {
        attributes.names.indices.map { k in
            let column = attributes.columns[k]
            return (attributes.names[k], row < column.count ? column[row] ?? "" : "")
        }
    }
}

import ARCore
import ARStore

/// Rows an invoice source implies (mapping `derive:`): its customers and entities when the
/// snapshot has no such files, a payment for each settled date, a dispute for each disputed flag.
///
/// Parties are added just before the first document that names them. Payments and disputes are
/// derived only from documents that loaded; each kind has its own report line, so they reconcile
/// on their own.
struct DerivedRows {
    private let spec: DeriveSpec
    /// (customer column, source field) pairs for derived customer attributes.
    private var customerFields: [(column: Int, field: Int)] = []
    /// (attribute name, source field) pairs for derived customer extras.
    private var customerExtras: [(name: String, field: Int)] = []
    private var entityName = -1, entityCountry = -1
    private var paymentDate = -1
    private var disputeFlag = -1, disputeResolved = -1
    /// Source fields of the dispute's opening date (the earliest is taken); empty: the issue date.
    private var disputeOpened: [Int] = []
    private var customerReport: ImportReport.FileReport?
    private var entityReport: ImportReport.FileReport?
    private var paymentReport: ImportReport.FileReport?
    private var disputeReport: ImportReport.FileReport?
    private var seenEntities = Set<String>()
    /// The document the last row added.
    var lastDocument: DocumentRecord?

    var derivesAfterDocument: Bool { spec.payments != nil || spec.disputes != nil }

    init(spec source: SourceSpec, binding: ColumnBinding, fileName: String) throws(ImportError) {
        spec = source.derive
        func line(_ table: String) -> ImportReport.FileReport { .init(file: fileName, table: table + " (derived)") }
        if let customers = spec.customers {
            for (column, name) in customers.sorted(by: { $0.key < $1.key }) {
                let field = try binding.sourceIndex(name, fileName: fileName)
                if let c = TargetTable.customers.columns.firstIndex(of: column) {
                    customerFields.append((c, field))
                } else {
                    customerExtras.append((column, field))
                }
            }
            customerReport = line("customers")
        }
        if let entities = spec.entities {
            if let name = entities["name"] { entityName = try binding.sourceIndex(name, fileName: fileName) }
            if let country = entities["country"] { entityCountry = try binding.sourceIndex(country, fileName: fileName) }
            entityReport = line("entities")
        }
        if let payments = spec.payments {
            paymentDate = try binding.sourceIndex(payments.dateColumn, fileName: fileName)
            paymentReport = line("payments")
        }
        if let disputes = spec.disputes {
            disputeFlag = try binding.sourceIndex(disputes.flagColumn, fileName: fileName)
            for c in disputes.openedColumns { disputeOpened.append(try binding.sourceIndex(c, fileName: fileName)) }
            if let c = disputes.resolvedColumn { disputeResolved = try binding.sourceIndex(c, fileName: fileName) }
            disputeReport = line("disputes")
        }
    }

    var reports: [ImportReport.FileReport] {
        [entityReport, customerReport, paymentReport, disputeReport].compactMap { $0 }
    }

    /// Adds the document's entity and customer when they are derived and not yet known.
    mutating func addParties(for document: DocumentRecord, fields f: RowFields, session: inout ImportSession) {
        if entityReport != nil, !seenEntities.contains(document.entityID) {
            seenEntities.insert(document.entityID)
            let record = EntityRecord(id: document.entityID, name: value(f.row, entityName), currency: document.currency,
                                      country: value(f.row, entityCountry))
            // An entity already in entities.csv is a duplicate here: not derived, not counted.
            if (try? session.builder.add(record)) != nil { entityReport?.count(loaded: true, .none) }
        }
        if customerReport != nil, !session.builder.hasCustomer(document.customerID) {
            var record = CustomerRecord(id: document.customerID)
            for (column, field) in customerFields { record.set(column, value(f.row, field)) }
            for (name, field) in customerExtras { if let v = value(f.row, field) { record.extras.append((name, v)) } }
            customerReport?.count(loaded: (try? session.builder.add(record)) != nil, .none)
        }
    }

    /// Derives the payment and dispute of the document just loaded.
    mutating func afterDocument(_ f: RowFields, session: inout ImportSession, source: some RowSource) {
        guard let document = lastDocument else { return }
        lastDocument = nil
        if let payments = spec.payments, !f.row.trimmed(paymentDate).isEmpty {
            let tally = AmountTally.amount(document.amount, document.currency)
            do throws(RowFailure) {
                let day = try date(f, paymentDate, payments.dateColumn)
                let record = PaymentRecord(id: payments.idPrefix + document.id, customerID: document.customerID,
                                           documentID: document.id, day: day, amount: document.amount, currency: document.currency)
                do { session.warnings += try session.builder.add(record) } catch { throw RowFailure(error) }
                paymentReport?.count(loaded: true, tally)
                session.flag(source, f.row, .payments)
            } catch {
                session.warnings.removeAll()
                session.reject(source, f.row, .payments, error)
                paymentReport?.count(loaded: false, tally)
            }
        }
        if let disputes = spec.disputes {
            let flag = f.row.string(disputeFlag)
            do throws(RowFailure) {
                guard let disputed = disputes.isDisputed(flag) else {
                    throw RowFailure("bad_value", "\(quoted(flag)) in \(disputes.flagColumn) is not a known disputed flag: list it under 'values:'")
                }
                guard disputed else { return }
                var opened = disputeOpened.isEmpty ? document.issue : Day(rawValue: .max)
                for (field, column) in zip(disputeOpened, disputes.openedColumns) {
                    opened = min(opened, try date(f, field, column))
                }
                let resolved = disputeResolved < 0 || f.row.trimmed(disputeResolved).isEmpty
                    ? nil : try date(f, disputeResolved, disputes.resolvedColumn!)
                let record = DisputeRecord(id: disputes.idPrefix + document.id, documentID: document.id, opened: opened, resolved: resolved)
                do { try session.builder.add(record) } catch { throw RowFailure(error) }
                disputeReport?.count(loaded: true, .none)
            } catch {
                session.reject(source, f.row, .disputes, error)
                disputeReport?.count(loaded: false, .none)
            }
        }
    }

    private func date(_ f: RowFields, _ field: Int, _ name: String) throws(RowFailure) -> Day {
        let bytes = f.row.trimmed(field)
        if bytes.isEmpty { throw RowFailure("missing_field", "\(name) is empty: the derived row needs its date") }
        guard let day = f.format.dates.parse(bytes) else {
            throw RowFailure("bad_date", "\(quoted(String(decoding: bytes, as: UTF8.self))) in \(name) is not a date in the format \(f.format.dates.text)")
        }
        return day
    }

    private func value(_ row: RowBuffer, _ field: Int) -> String? {
        guard field >= 0, !row.trimmed(field).isEmpty else { return nil }
        return row.string(field)
    }
}

extension CustomerRecord {
    /// Sets the attribute at `column` of ``TargetTable/customers`` (never the id).
    mutating func set(_ column: Int, _ value: String?) {
        typealias C = Col.Customer
        switch column {
        case C.name: name = value
        case C.group: group = value
        case C.segment: segment = value
        case C.region: region = value
        case C.country: country = value
        case C.salesRep: salesRep = value
        case C.terms: paymentTermsDays = value.flatMap { Int32($0) }
        case C.creditLimit: creditLimit = value
        case C.insuredLimit: insuredLimit = value
        default: break
        }
    }
}

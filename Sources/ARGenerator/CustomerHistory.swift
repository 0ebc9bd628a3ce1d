import ARCore

/// Simulates one customer's two years of invoicing and collection, then writes its rows.
///
/// Every draw comes from the customer's own random stream, in a fixed order, so that the
/// history is a pure function of the seed, the customer index and its document count.
struct CustomerHistory {
    typealias Catalog = GeneratorCatalog

    let profile: CustomerProfile
    let config: GeneratorConfig
    var random: RandomSource
    var documents: [GeneratedDocument] = []
    var allocations: [GeneratedAllocation] = []
    /// Rows of the event tables, in the order drawn.
    var disputes: [[String?]] = []
    var promises: [[String?]] = []
    var writeOffs: [[String?]] = []
    var dunning: [[String?]] = []

    let asOf: Int32
    /// For a defaulting customer: the day it stops paying, and the day it is declared insolvent.
    var defaultDay: Int32 = .max
    var insolvencyDay: Int32 = .max

    init(profile: CustomerProfile, random: RandomSource, config: GeneratorConfig) {
        self.profile = profile
        self.random = random
        self.config = config
        asOf = config.asOf.rawValue
    }

    /// Draws `count` documents and everything that happens to them up to as-of.
    mutating func simulate(documentCount count: Int, ids: inout IDCounters) {
        let start = config.historyStart.rawValue
        let span = Int(asOf - start)
        var issueEnd = asOf
        if profile.behaviour == .defaulting {
            defaultDay = start + Int32(random.int((span * 3 / 10)...(span * 9 / 10)))
            insolvencyDay = defaultDay + Int32(random.int(90...240))
            issueEnd = min(asOf, defaultDay + 60)
        }
        let issues = (0..<count).map { _ in start + Int32(random.int(0...Int(issueEnd - start))) }.sorted()
        for issue in issues {
            let entity = profile.secondEntity.map { random.chance(20) ? $0 : profile.homeEntity } ?? profile.homeEntity
            if random.chance(4), let reference = recentInvoice(of: entity) {
                addCreditNote(issue: issue, crediting: reference, ids: &ids)
            } else {
                addInvoice(issue: issue, entity: entity, ids: &ids)
            }
        }
        addAccountEvents(ids: &ids)
    }

    /// The latest invoice of `entity` among the last twenty documents.
    private func recentInvoice(of entity: Int) -> Int? {
        documents.indices.suffix(20).last { !documents[$0].isCreditNote && documents[$0].entity == entity }
    }

    private mutating func addCreditNote(issue: Int32, crediting reference: Int, ids: inout IDCounters) {
        let credited = documents[reference]
        let amount = max(1, credited.amount * Int64(random.int(5...40)) / 100)
        let document = documents.count
        documents.append(GeneratedDocument(id: ids.next(\.document, prefix: "CN-", width: 8), entity: credited.entity,
                                           isCreditNote: true, issue: issue, due: issue, amount: amount))
        // Most credit notes are netted in the remittance that pays the invoice they correct.
        if let cleared = credited.cleared, issue <= cleared, amount <= credited.finalAllocation, random.chance(60) {
            allocations.append(GeneratedAllocation(entity: credited.entity, day: cleared, document: document, amount: amount))
            documents[document].cleared = cleared
        }
    }

    private mutating func addInvoice(issue: Int32, entity: Int, ids: inout IDCounters) {
        let catalogEntity = Catalog.entities[entity]
        let (low, high) = profile.segment.amountRange
        let cents = random.logUniform(low, high)
        let amount = max(1, cents * catalogEntity.perEuroCent.numerator / catalogEntity.perEuroCent.denominator)
        let document = documents.count
        let due = issue + Int32(profile.terms)
        documents.append(GeneratedDocument(id: ids.next(\.document, prefix: "INV-", width: 8), entity: entity,
                                           isCreditNote: false, issue: issue, due: due, amount: amount))
        let resolved = addDispute(to: document, ids: &ids)
        settle(document, afterDispute: resolved)
        addPromise(on: document, ids: &ids)
        addDunning(of: document, ids: &ids)
    }

    // MARK: - What happens to an invoice

    /// Opens a dispute on some invoices; returns its resolution day.
    private mutating func addDispute(to document: Int, ids: inout IDCounters) -> Int32? {
        guard random.chance(profile.behaviour == .chronic ? 8 : 3) else { return nil }
        let d = documents[document]
        let opened = d.issue + Int32(random.int(3...(profile.terms + 20)))
        let (reason, days, _) = Catalog.disputeReasons[random.weighted(Catalog.disputeReasonWeights)]
        let resolved = opened + Int32(random.int(days))
        let partial = random.chance(50) ? max(1, d.amount * Int64(random.int(20...60)) / 100) : nil
        guard opened <= asOf else { return resolved }
        let digits = Catalog.entities[d.entity].currency.minorDigits
        disputes.append([ids.next(\.dispute, prefix: "DSP-", width: 7), d.id, iso(opened), resolved <= asOf ? iso(resolved) : nil,
                         partial.map { MinorUnits.format($0, digits: digits) }, reason])
        return resolved
    }

    /// Decides when and how the invoice is paid, written off, or left open.
    private mutating func settle(_ document: Int, afterDispute resolved: Int32?) {
        let d = documents[document]
        var delay: Int
        switch profile.behaviour {
        case .prompt: delay = random.chance(7) ? random.int(5...25) : random.int(-12...2)
        case .late: delay = random.int(0...45)
        case .chronic: delay = random.int(20...120)
        case .defaulting: delay = random.int(0...40)
        }
        var day = max(d.due + Int32(delay), d.issue + 1)
        if let resolved { day = max(day, resolved + Int32(random.int(2...10))) }
        if profile.paysInRuns { day += Int32((4 - Day(rawValue: day).weekdayFromMonday + 7) % 7) }   // next Friday
        if profile.behaviour == .chronic, delay > 100, random.chance(25) {
            writeOff(document, on: d.due + Int32(random.int(120...180)), reason: "uncollectible")
        } else if day >= defaultDay {
            payPart(of: document, from: d.due + 5, before: min(defaultDay, asOf + 1))
            writeOff(document, on: insolvencyDay, reason: "insolvency")
        } else if day > asOf {
            if profile.behaviour != .prompt, random.chance(20) { payPart(of: document, from: d.due, before: min(day, asOf + 1)) }
        } else {
            payInFull(document, on: day)
        }
    }

    /// Pays 20–60 % of the invoice on a day in `from ..< before`, when that range is not empty.
    private mutating func payPart(of document: Int, from: Int32, before: Int32) {
        guard from < before, random.chance(40) else { return }
        let d = documents[document]
        let amount = max(1, d.amount * Int64(random.int(20...60)) / 100)
        guard amount < d.amount else { return }
        let day = from + Int32(random.int(0...Int(before - from - 1)))
        allocations.append(GeneratedAllocation(entity: d.entity, day: day, document: document, amount: amount))
    }

    /// Clears the invoice on `day`, in two instalments for some.
    private mutating func payInFull(_ document: Int, on day: Int32) {
        let d = documents[document]
        var remaining = d.amount
        let first = day - Int32(random.int(10...40))
        if random.chance(8), first > d.issue, d.amount > 1 {
            let part = max(1, d.amount * Int64(random.int(30...70)) / 100)
            allocations.append(GeneratedAllocation(entity: d.entity, day: first, document: document, amount: part))
            remaining -= part
        }
        allocations.append(GeneratedAllocation(entity: d.entity, day: day, document: document, amount: remaining))
        documents[document].cleared = day
        documents[document].finalAllocation = remaining
    }

    /// Writes off what is left open of the invoice on `day`, when that is on or before as-of.
    private mutating func writeOff(_ document: Int, on day: Int32, reason: String) {
        guard day <= asOf else { return }
        let d = documents[document]
        let paid = allocations.lazy.filter { $0.document == document }.reduce(Int64(0)) { $0 + $1.amount }
        guard d.amount > paid else { return }
        documents[document].writtenOff = day
        writeOffs.append([d.id, iso(day), MinorUnits.format(d.amount - paid, digits: digits(d)), reason])
    }

    func iso(_ day: Int32) -> String { Day(rawValue: day).iso }

    func digits(_ d: GeneratedDocument) -> Int { Catalog.entities[d.entity].currency.minorDigits }
}

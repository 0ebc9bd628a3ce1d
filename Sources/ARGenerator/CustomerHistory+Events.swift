import ARCore

// Promises to pay, dunning actions and the customer's account-level events.
extension CustomerHistory {
    /// The day collection stops chasing the invoice: cleared or written off (or never).
    private func chasedUntil(_ d: GeneratedDocument) -> Int32 { min(d.cleared ?? .max, d.writtenOff ?? .max) }

    /// Whether the promise currency column may stay empty (the customer's only currency is the default).
    private var singleCurrency: Bool { profile.secondEntity == nil }

    /// A promise on an invoice left unpaid 20 days past due, kept or broken as its payment falls.
    mutating func addPromise(on document: Int, ids: inout IDCounters) {
        let d = documents[document]
        guard profile.behaviour != .prompt, random.chance(30) else { return }
        let made = d.due + Int32(random.int(10...25))
        let promised = made + Int32(random.int(5...20))
        guard made <= asOf, made < chasedUntil(d) else { return }
        let paidBefore = allocations.lazy.filter { $0.document == document && $0.day <= made }.reduce(Int64(0)) { $0 + $1.amount }
        let currency = Catalog.entities[d.entity].currency
        promises.append([ids.next(\.promise, prefix: "PTP-", width: 7), profile.id, d.id, iso(made), iso(promised),
                         MinorUnits.format(d.amount - paidBefore, digits: currency.minorDigits),
                         singleCurrency && random.chance(30) ? nil : currency.code])
    }

    /// Reminders climbing the dunning ladder while the invoice stays unpaid.
    mutating func addDunning(of document: Int, ids: inout IDCounters) {
        let d = documents[document]
        let stop = chasedUntil(d)
        for step in Catalog.dunningLadder {
            let day = d.due + Int32(step.days)
            guard day < stop, day <= asOf else { break }
            dunning.append([ids.next(\.dunning, prefix: "DUN-", width: 8), profile.id, d.id, iso(day), String(step.level), step.channel])
        }
    }

    /// Payments on account, promises on the whole account, and the formal notice of a defaulting customer.
    mutating func addAccountEvents(ids: inout IDCounters) {
        let start = config.historyStart.rawValue
        let home = Catalog.entities[profile.homeEntity]
        let (low, high) = profile.segment.amountRange
        if profile.sendsUnallocatedCash {
            for _ in 0..<random.int(1...3) {
                let day = start + Int32(random.int(30...Int(asOf - start)))
                let cents = random.logUniform(low / 2, low * 4)
                let amount = max(1, cents * home.perEuroCent.numerator / home.perEuroCent.denominator)
                // A customer of two entities names the receiving one, so the cash cannot land on the other.
                allocations.append(GeneratedAllocation(entity: profile.homeEntity, day: day, document: -1, amount: amount,
                                                       namesEntity: profile.secondEntity != nil || random.chance(50)))
            }
        }
        if profile.behaviour == .chronic {
            var month = config.historyStart
            while month.rawValue <= asOf {
                if random.chance(25) {
                    let made = min(asOf, month.rawValue + Int32(random.int(0...27)))
                    let promised = made + Int32(random.int(7...30))
                    let amount = max(1, random.logUniform(low, high / 2) * home.perEuroCent.numerator / home.perEuroCent.denominator)
                    promises.append([ids.next(\.promise, prefix: "PTP-", width: 7), profile.id, nil, iso(made), iso(promised),
                                     MinorUnits.format(amount, digits: home.currency.minorDigits),
                                     singleCurrency && random.chance(50) ? nil : home.currency.code])
                }
                month = month.adding(months: 1)
            }
        }
        if profile.behaviour == .defaulting, defaultDay + 30 <= asOf {
            dunning.append([ids.next(\.dunning, prefix: "DUN-", width: 8), profile.id, nil, iso(defaultDay + 30), "4", "formal_notice"])
        }
    }
}

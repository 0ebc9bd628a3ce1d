import ARCore

/// Who a generated customer is and how it pays; a pure function of the seed and its index.
struct CustomerProfile {
    typealias Catalog = GeneratorCatalog

    let index: Int
    let id: String
    let name: String
    let group: String?
    let segment: Catalog.Segment
    let country: Catalog.Country
    let salesRep: String
    let terms: Int
    let behaviour: Catalog.Behaviour
    /// Index into the catalog's entities of the entity that invoices most documents.
    let homeEntity: Int
    /// A second entity invoicing a fifth of the documents, for some customers.
    let secondEntity: Int?
    /// Relative number of documents (see ``GeneratorCatalog/Segment/volume``).
    let volume: Int
    /// Whether the customer pays in weekly runs (every Friday), grouping invoices in one payment.
    let paysInRuns: Bool
    /// Whether the customer sends payments on account that no invoice absorbs.
    let sendsUnallocatedCash: Bool
    let creditLimitEuros: Int64
    let insured: Bool

    /// The stream of the customer's random draws, shared by the profile and its history.
    static func randomSource(seed: UInt64, index: Int) -> RandomSource {
        RandomSource(seed: seed, stream: UInt64(index) &+ 1)
    }

    init(index: Int, random r: inout RandomSource) {
        self.index = index
        id = "C" + zeroPadded(index + 1, width: 6)
        segment = Catalog.Segment(rawValue: r.weighted(Catalog.segmentWeights))!
        country = Catalog.countries[r.weighted(Catalog.countryWeights)]
        volume = r.int(segment.volume)
        let prefix = r.pick(Catalog.namePrefixes)
        if r.chance(6) {
            // Some names carry a comma, as real company names do, to exercise CSV quoting.
            name = "\(r.pick(Catalog.familyNames)), \(r.pick(Catalog.familyNames)) & \(prefix) \(country.legalForm)"
        } else {
            name = "\(prefix) \(r.pick(Catalog.nameActivities)) \(country.legalForm)"
        }
        // Customers come in blocks of five; every third block forms a group.
        group = (index / 5) % 3 == 0 ? "GRP-" + zeroPadded(index / 15 + 1, width: 4) : nil
        salesRep = r.pick(Catalog.salesReps[country.region]!)
        terms = r.pick(segment.terms)
        var behaviourWeights = Catalog.behaviourWeights
        if segment == .keyAccount { behaviourWeights[3] = 1 }
        behaviour = Catalog.Behaviour(rawValue: r.weighted(behaviourWeights))!
        homeEntity = country.entity
        if r.chance(12) {
            let other = r.int(0...(Catalog.entities.count - 2))
            secondEntity = other >= homeEntity ? other + 1 : other
        } else {
            secondEntity = nil
        }
        paysInRuns = r.chance(40)
        sendsUnallocatedCash = r.chance(6)
        creditLimitEuros = (segment.amountRange.1 / 100) * Int64(r.int(2...6)) / 1000 * 1000
        insured = r.chance(50)
    }

    /// The credit limit in the home entity's currency, in whole units, as a decimal with that currency's digits.
    var creditLimit: String { homeCurrencyAmount(euroCents: creditLimitEuros * 100) }

    /// Insured cover: 60 % of the credit limit for insured customers.
    var insuredLimit: String? { insured ? homeCurrencyAmount(euroCents: creditLimitEuros * 60) : nil }

    /// `euroCents` converted to the home entity's currency and rounded down to whole units.
    private func homeCurrencyAmount(euroCents: Int64) -> String {
        let entity = Catalog.entities[homeEntity]
        let perUnit = entity.currency.minorUnitsPerMajor
        let minor = euroCents * entity.perEuroCent.numerator / entity.perEuroCent.denominator / perUnit * perUnit
        return MinorUnits.format(minor, digits: entity.currency.minorDigits)
    }

    var customerRow: [String?] {
        [id, name, group, segment.name, country.region, country.code, salesRep, String(terms), creditLimit, insuredLimit]
    }
}

/// `value` in decimal, left-padded with zeros to `width` digits.
func zeroPadded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

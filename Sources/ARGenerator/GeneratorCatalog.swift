import ARCore

/// The fixed cast of the generated group: entities, countries, names, reps and reasons.
enum GeneratorCatalog {
    struct Entity {
        let id: String
        let name: String
        let currency: Currency
        let country: String
        /// Minor units of this currency per euro cent, as a fraction (amounts are drawn in euro cents).
        let perEuroCent: (numerator: Int64, denominator: Int64)
    }

    static let entities: [Entity] = [
        Entity(id: "FR01", name: "ARLens France SAS", currency: .eur, country: "FR", perEuroCent: (1, 1)),
        Entity(id: "DE01", name: "ARLens Deutschland GmbH", currency: .eur, country: "DE", perEuroCent: (1, 1)),
        Entity(id: "UK01", name: "ARLens UK Ltd", currency: Currency(code: "GBP")!, country: "GB", perEuroCent: (85, 100)),
        Entity(id: "US01", name: "ARLens Inc.", currency: .usd, country: "US", perEuroCent: (110, 100)),
        Entity(id: "JP01", name: "ARLens Japan KK", currency: Currency(code: "JPY")!, country: "JP", perEuroCent: (160, 100)),
    ]

    struct Country {
        let code: String
        let region: String
        /// Index into ``entities`` of the entity that invoices customers of this country.
        let entity: Int
        let weight: Int
        let legalForm: String
    }

    static let countries: [Country] = [
        Country(code: "FR", region: "EMEA", entity: 0, weight: 20, legalForm: "SAS"),
        Country(code: "BE", region: "EMEA", entity: 0, weight: 4, legalForm: "SA"),
        Country(code: "ES", region: "EMEA", entity: 0, weight: 6, legalForm: "S.L."),
        Country(code: "IT", region: "EMEA", entity: 0, weight: 6, legalForm: "S.p.A."),
        Country(code: "DE", region: "EMEA", entity: 1, weight: 18, legalForm: "GmbH"),
        Country(code: "NL", region: "EMEA", entity: 1, weight: 5, legalForm: "B.V."),
        Country(code: "AT", region: "EMEA", entity: 1, weight: 3, legalForm: "GmbH"),
        Country(code: "GB", region: "EMEA", entity: 2, weight: 12, legalForm: "Ltd"),
        Country(code: "IE", region: "EMEA", entity: 2, weight: 2, legalForm: "Ltd"),
        Country(code: "US", region: "AMER", entity: 3, weight: 14, legalForm: "Inc."),
        Country(code: "CA", region: "AMER", entity: 3, weight: 4, legalForm: "Inc."),
        Country(code: "MX", region: "AMER", entity: 3, weight: 2, legalForm: "S.A. de C.V."),
        Country(code: "JP", region: "APAC", entity: 4, weight: 5, legalForm: "KK"),
        Country(code: "KR", region: "APAC", entity: 4, weight: 2, legalForm: "Co., Ltd."),
    ]
    static let countryWeights = countries.map(\.weight)

    static let salesReps: [String: [String]] = [
        "EMEA": ["Claire Martin", "Jonas Weber", "Sofia Rossi", "Tom Baker", "Ines Garcia"],
        "AMER": ["Emily Johnson", "Carlos Diaz", "Mike Chen"],
        "APAC": ["Yuki Tanaka", "Min-jun Kim"],
    ]

    static let namePrefixes = [
        "Alpine", "Atlas", "Blue River", "Cobalt", "Delta", "Evergreen", "Falcon", "Granite", "Harbor", "Iris",
        "Juniper", "Keystone", "Lumen", "Meridian", "Northwind", "Orion", "Pioneer", "Quartz", "Redwood",
        "Summit", "Tidal", "Union", "Vertex", "Willow",
    ]
    static let nameActivities = [
        "Logistics", "Foods", "Machines", "Pharma", "Retail", "Textiles", "Energy", "Systems", "Building", "Motors",
    ]
    static let familyNames = ["Martin", "Petit", "Schmidt", "Brown", "Rossi", "Garcia", "Sato", "Kim"]

    enum Segment: Int, CaseIterable {
        case smb, midMarket, keyAccount
        var name: String { ["SMB", "mid-market", "key account"][rawValue] }
        /// Relative number of documents a customer of this segment receives.
        var volume: ClosedRange<Int> { [1...3, 3...8, 8...20][rawValue] }
        /// Invoice amounts in euro cents.
        var amountRange: (Int64, Int64) { [(50_00, 5_000_00), (500_00, 40_000_00), (2_000_00, 250_000_00)][rawValue] }
        var terms: [Int] { [[30, 30, 30, 14, 45], [30, 45, 60, 60], [60, 60, 90]][rawValue] }
    }
    static let segmentWeights = [60, 30, 10]

    /// How a customer pays.
    enum Behaviour: Int, CaseIterable {
        case prompt, late, chronic, defaulting
    }
    static let behaviourWeights = [45, 35, 16, 4]

    /// Dispute reasons with their resolution times in days.
    static let disputeReasons: [(reason: String, days: ClosedRange<Int>, weight: Int)] = [
        ("price", 10...40, 35), ("quantity", 5...25, 20), ("delivery", 7...30, 20), ("quality", 15...75, 15), ("admin", 3...15, 10),
    ]
    static let disputeReasonWeights = disputeReasons.map(\.weight)

    /// Dunning levels: days after the due date, level, channel.
    static let dunningLadder: [(days: Int, level: Int, channel: String)] = [
        (7, 1, "email"), (21, 2, "letter"), (40, 3, "call"), (70, 4, "formal_notice"), (110, 5, "agency"),
    ]

    /// FX series: currency, starting rate as mantissa, scale, largest monthly move (mantissa units).
    static let fxSeries: [(currency: String, start: Int64, scale: Int, step: Int)] = [
        ("USD", 9200, 4, 150), ("GBP", 11700, 4, 120), ("JPY", 6150, 6, 110),
    ]
}

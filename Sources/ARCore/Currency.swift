/// An ISO 4217 currency and the number of its minor digits.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    /// The three-letter code, upper case.
    public let code: String
    /// Digits after the decimal point: 2 for EUR, 0 for JPY, 3 for KWD.
    public let minorDigits: Int

    public var description: String { code }

    /// The currency for an ISO 4217 code, or `nil` when the code is not a known currency.
    public init?(code: some StringProtocol) {
        let upper = code.uppercased()
        guard let digits = Currency.minorDigitsByCode[upper] else { return nil }
        self.code = upper
        self.minorDigits = digits
    }

    /// 10 to the power of the minor digits: 100 for EUR.
    public var minorUnitsPerMajor: Int64 { Currency.powersOfTen[minorDigits] }

    static let powersOfTen: [Int64] = (0...18).map { n in (0..<n).reduce(Int64(1)) { acc, _ in acc * 10 } }

    /// Minor digits of the active ISO 4217 currencies (list 1); codes absent here are rejected.
    static let minorDigitsByCode: [String: Int] = {
        var table: [String: Int] = [:]
        let zero = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
        let three = "BHD IQD JOD KWD LYD OMR TND"
        let four = "CLF UYW"
        let two = """
        AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD \
        CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD \
        GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD \
        MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP \
        PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS \
        TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD YER ZAR ZMW ZWG
        """
        for code in zero.split(separator: " ") { table[String(code)] = 0 }
        for code in two.split(whereSeparator: { $0 == " " || $0 == "\n" }) { table[String(code)] = 2 }
        for code in three.split(separator: " ") { table[String(code)] = 3 }
        for code in four.split(separator: " ") { table[String(code)] = 4 }
        return table
    }()

    public static let eur = Currency(code: "EUR")!
    public static let usd = Currency(code: "USD")!
}

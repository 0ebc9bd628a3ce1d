import Testing
@testable import ARCore

struct MoneyTests {
    @Test func parsesAmountsIntoMinorUnits() {
        #expect(MinorUnits.parse("1234.5", digits: 2) == .success(123_450))
        #expect(MinorUnits.parse("0.07", digits: 2) == .success(7))
        #expect(MinorUnits.parse("12.300", digits: 2) == .success(1230))
        #expect(MinorUnits.parse("1500", digits: 0) == .success(1500))
        #expect(MinorUnits.parse("1.234", digits: 3) == .success(1234))
        #expect(MinorUnits.parse("-5.10", digits: 2) == .success(-510))
        #expect(MinorUnits.parse("12.345", digits: 2) == .failure(.tooManyDecimals(found: 3, allowed: 2)))
        #expect(MinorUnits.parse("12.5", digits: 0) == .failure(.tooManyDecimals(found: 1, allowed: 0)))
        #expect(MinorUnits.parse("12,50", digits: 2) == .failure(.notANumber))
        #expect(MinorUnits.parse("", digits: 2) == .failure(.notANumber))
        #expect(MinorUnits.format(-123_450, digits: 2) == "-1234.50")
        #expect(MinorUnits.format(5, digits: 3) == "0.005")
    }

    @Test func knowsMinorDigits() {
        #expect(Currency(code: "eur")?.minorDigits == 2)
        #expect(Currency(code: "JPY")?.minorDigits == 0)
        #expect(Currency(code: "KWD")?.minorDigits == 3)
        #expect(Currency(code: "XYZ") == nil)
    }

    @Test func convertsExactlyAndRoundsHalfAwayFromZero() {
        let rate = ExactRate("1.0873")!
        #expect(rate.description == "1.0873")
        // 100.00 USD × 1.0873 = 108.73 EUR
        #expect(rate.convert(10_000, sourceDigits: 2, targetDigits: 2) == 10_873)
        // 0.05 × 1.0873 = 0.054365 → 0.05; 0.15 × 1.1 = 0.165 → 0.17 (half away from zero)
        #expect(rate.convert(5, sourceDigits: 2, targetDigits: 2) == 5)
        #expect(ExactRate("1.1")!.convert(15, sourceDigits: 2, targetDigits: 2) == 17)
        #expect(ExactRate("1.1")!.convert(-15, sourceDigits: 2, targetDigits: 2) == -17)
        // 1000 JPY × 0.0062 = 6.20 EUR
        #expect(ExactRate("0.0062")!.convert(1000, sourceDigits: 0, targetDigits: 2) == 620)
        // 1.234 KWD × 2.98 = 3.67732 EUR → 3.68
        #expect(ExactRate("2.98")!.convert(1234, sourceDigits: 3, targetDigits: 2) == 368)
        #expect(ExactRate("0.000123456789012345")?.scale == 18)
        #expect(ExactRate("1e5") == nil)
    }
}

struct GroupedMoneyTests {
    @Test func groupsThousands() {
        #expect(MinorUnits.formatGrouped(123_456_789, digits: 2) == "1,234,567.89")
        #expect(MinorUnits.formatGrouped(-100_000, digits: 0) == "-100,000")
        #expect(MinorUnits.formatGrouped(99_999, digits: 3) == "99.999")
    }

    /// Issue 16, item 1: amounts are bounded at 10^15 − 1 minor units, whatever the currency.
    @Test func amountsBeyondTenToTheFifteenMinorUnitsAreOutOfRange() {
        #expect(MinorUnits.parse("9999999999999.99", digits: 2) == .success(MinorUnits.maximumMagnitude))
        #expect(MinorUnits.parse("-9999999999999.99", digits: 2) == .success(-MinorUnits.maximumMagnitude))
        #expect(MinorUnits.parse("10000000000000.00", digits: 2) == .failure(.outOfRange))
        #expect(MinorUnits.parse("50000000000000000.00", digits: 2) == .failure(.outOfRange))
        #expect(MinorUnits.parse("92233720368547758.07", digits: 2) == .failure(.outOfRange))
        #expect(MinorUnits.parse("999999999999999", digits: 0) == .success(999_999_999_999_999))
        #expect(MinorUnits.parse("9223372036854775807", digits: 0) == .failure(.outOfRange))
        #expect(MinorUnits.parse("999999999999.999", digits: 3) == .success(MinorUnits.maximumMagnitude))
        #expect(MinorUnits.isRepresentable(MinorUnits.maximumMagnitude) && !MinorUnits.isRepresentable(MinorUnits.maximumMagnitude + 1))
        // Every representable amount is exact as a Double.
        #expect(Int64(Double(MinorUnits.maximumMagnitude)) == MinorUnits.maximumMagnitude)
    }

    @Test func formatsOneHundredTwentyEightBitSums() {
        let sum = Int128(MinorUnits.maximumMagnitude) * 100_000
        #expect(MinorUnits.format(sum, digits: 2) == "999999999999999000.00")
        #expect(MinorUnits.formatGrouped(-sum, digits: 2) == "-999,999,999,999,999,000.00")
        #expect(MinorUnits.format(Int128(-5), digits: 3) == "-0.005")
    }
}

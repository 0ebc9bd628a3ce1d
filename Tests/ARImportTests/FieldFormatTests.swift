import ARCore
import Testing
@testable import ARImport

struct FieldFormatTests {
    func date(_ pattern: String, _ text: String) -> String? {
        DateFormat(pattern: pattern)!.parse(Array(text.utf8)[...])?.iso
    }

    @Test func readsEachDateFormat() {
        #expect(date("iso", "2026-03-31") == "2026-03-31")
        #expect(date("iso", "2026-03-31 00:00:00") == "2026-03-31")
        #expect(date("iso", "2026-3-31") == "2026-03-31")
        #expect(date("dd/mm/yyyy", "05/02/2013") == "2013-02-05")
        #expect(date("m/d/yyyy", "1/2/2013") == "2013-01-02")
        #expect(date("m/d/yyyy", "12/31/2013") == "2013-12-31")
        #expect(date("yyyymmdd", "20260331") == "2026-03-31")
        #expect(date("dd.mm.yyyy", "31.03.2026") == "2026-03-31")
        #expect(date("excel", "46112") == "2026-03-31")
        #expect(date("excel", "46112.75") == "2026-03-31")
        #expect(date("excel", "61") == "1900-03-01")
    }

    @Test func refusesWhatIsNotADate() {
        #expect(date("iso", "2026-02-30") == nil)
        #expect(date("iso", "31/03/2026") == nil)
        #expect(date("m/d/yyyy", "1/2/13") == nil)
        #expect(date("yyyymmdd", "2026331") == nil)
        #expect(date("dd/mm/yyyy", "05/02/2013x") == nil)
        #expect(date("excel", "abc") == nil)
        #expect(DateFormat(pattern: "dd/qq/yyyy") == nil)
        #expect(DateFormat(pattern: "dd/mm") == nil)
        #expect(DateFormat(pattern: "dd/mm/yy") == nil)
    }

    func amount(_ text: String, digits: Int = 2, decimal: Character = ".", thousands: Character? = nil) -> Result<Int64, AmountFormat.Failure> {
        AmountFormat(decimalMark: decimal.asciiValue!, thousandsSeparator: thousands?.asciiValue).parse(Array(text.utf8)[...], digits: digits)
    }

    @Test func readsAmountsWithDecimalCommaGroupingAndSigns() {
        #expect(amount("1234.5") == .success(123_450))
        #expect(amount("1.234.567,89", decimal: ",", thousands: ".") == .success(123_456_789))
        #expect(amount("1 234,5", decimal: ",", thousands: " ") == .success(123_450))
        #expect(amount("1,234.56", thousands: ",") == .success(123_456))
        #expect(amount("-50.00") == .success(-5_000))
        #expect(amount("50.00-") == .success(-5_000))
        #expect(amount("(50.00)") == .success(-5_000))
        #expect(amount(" 7 ") == .success(700))
        #expect(amount("1500", digits: 0) == .success(1_500))
        #expect(amount("1.250", digits: 3) == .success(1_250))
        #expect(amount("12.300") == .success(1_230))
    }

    @Test func refusesBadAmounts() {
        #expect(amount("12x") == .failure(.notANumber))
        #expect(amount("") == .failure(.notANumber))
        #expect(amount("1,5") == .failure(.notANumber))
        #expect(amount("1.2.3") == .failure(.notANumber))
        #expect(amount("40.005") == .failure(.tooManyDecimals(found: 3, allowed: 2)))
        #expect(amount("1.5", digits: 0) == .failure(.tooManyDecimals(found: 1, allowed: 0)))
        #expect(amount("99999999999999999999") == .failure(.outOfRange))
        #expect(amount("10000000000000.00") == .failure(.outOfRange))
    }

    /// Issue 16, item 4: with `decimal: ","` and `thousands: "."` these used to load as
    /// 123,456.00, 1,234.00 and 1,234.50; a separator must sit every three digits.
    @Test func thousandsSeparatorsSitEveryThreeDigits() {
        func german(_ text: String) -> Result<Int64, AmountFormat.Failure> { amount(text, decimal: ",", thousands: ".") }
        #expect(german("1234.56") == .failure(.misplacedGrouping))
        #expect(german("12.34") == .failure(.misplacedGrouping))
        #expect(german("1.2.3.4,5") == .failure(.misplacedGrouping))
        #expect(german(".123,00") == .failure(.misplacedGrouping))
        #expect(german("1.234.56,00") == .failure(.misplacedGrouping))
        #expect(german("1.234,5.6") == .failure(.notANumber))
        #expect(german("1.234,56") == .success(123_456))
        #expect(german("12.345.678,9") == .success(1_234_567_890))
        #expect(german("1234,56") == .success(123_456))
        #expect(german("-1.000") == .success(-100_000))
        #expect(amount("1,234.56", thousands: ",") == .success(123_456))
        #expect(amount("12,34", thousands: ",") == .failure(.misplacedGrouping))
    }

    /// Issue 16, item 2: an Excel serial past 9999-12-31 is not a date (it printed years such as 29278).
    @Test func excelSerialsStayInTheSupportedRange() {
        #expect(date("excel", "2958465") == "9999-12-31")
        #expect(date("excel", "2958466") == nil)
        #expect(date("excel", "9999999") == nil)
    }
}

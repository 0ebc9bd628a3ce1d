import Testing
@testable import ARMetrics

/// A filter's top-level conjuncts split into those evaluated before the open state and the rest.
struct FilterSplitTests {
    let emea = ItemPredicate.compare(.dimension(.region), .eq, .string("EMEA"))
    let old = ItemPredicate.compare(.dpd, .gt, .integer(90))
    let large = ItemPredicate.compare(.open, .gt, .integer(10_000))

    @Test func fixedConjunctsComeFirstInTheirOrder() {
        let split = ItemPredicate.and(.and(emea, .not(.disputed)), old).splitByState
        #expect(split.fixed == .and(emea, old))
        #expect(split.dated == .not(.disputed))
    }

    @Test func aDisjunctionReadingStateStaysWhole() {
        let either = ItemPredicate.or(old, large)
        #expect(either.splitByState.fixed == nil)
        #expect(either.splitByState.dated == either)
        #expect(ItemPredicate.and(emea, either).splitByState.fixed == emea)
    }

    @Test func stateFieldsAreTheOpenAmountDisputesBucketsAndReasons() {
        #expect(ItemPredicate.compare(.dimension(.bucket), .eq, .string("1-30")).readsOpenState)
        #expect(ItemPredicate.isIn(.dimension(.disputeReason), [.string("price")]).readsOpenState)
        #expect(large.readsOpenState)
        #expect(!ItemPredicate.compare(.amount, .gt, .integer(0)).readsOpenState)
        #expect(!ItemPredicate.not(old).readsOpenState)
        #expect(emea.splitByState.dated == nil)
    }
}

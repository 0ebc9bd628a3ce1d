/// Two ledgers are equal when their snapshot info, currencies and every table are equal
/// (used to check that an archive round-trips).
extension Ledger: Equatable {
    public static func == (a: Ledger, b: Ledger) -> Bool {
        a.snapshot == b.snapshot && a.currencies == b.currencies && a.entities == b.entities
            && a.customers == b.customers && a.documents == b.documents && a.payments == b.payments
            && a.disputes == b.disputes && a.promises == b.promises && a.writeOffs == b.writeOffs
            && a.fxRates == b.fxRates && a.dunning == b.dunning
    }
}

/// Splitting a `where` filter into the part fixed per row at a date and the part that needs the
/// open state, so that the cheap part runs first and rows it rejects never get an open amount,
/// a conversion or a group.
extension ItemPredicate {
    /// Whether evaluating the predicate reads the open state (`open`, `disputed`, `bucket`,
    /// `dispute_reason`); `dpd`, `age`, dates, `amount`, `id` and fixed dimensions do not.
    public var readsOpenState: Bool {
        switch self {
        case let .compare(field, _, _), let .isIn(field, _): field.readsOpenState
        case .disputed: true
        case let .and(a, b), let .or(a, b): a.readsOpenState || b.readsOpenState
        case let .not(a): a.readsOpenState
        }
    }

    /// The top-level conjuncts split into those that read no open state and those that do;
    /// `nil` for an empty side. `fixed AND dated` selects exactly the rows `self` selects.
    public var splitByState: (fixed: ItemPredicate?, dated: ItemPredicate?) {
        var fixed: [ItemPredicate] = [], dated: [ItemPredicate] = []
        var pending = [self]
        while let p = pending.popLast() {
            if case let .and(a, b) = p {
                pending.append(b)
                pending.append(a)
            } else if p.readsOpenState {
                dated.append(p)
            } else {
                fixed.append(p)
            }
        }
        func conjunction(_ parts: [ItemPredicate]) -> ItemPredicate? {
            guard let first = parts.first else { return nil }
            return parts.dropFirst().reduce(first) { .and($0, $1) }
        }
        return (conjunction(fixed), conjunction(dated))
    }
}

extension ItemField {
    var readsOpenState: Bool {
        switch self {
        case .open: true
        case let .dimension(d): d == .bucket || d == .disputeReason
        case .dpd, .age, .amount, .issueDate, .dueDate, .id: false
        }
    }
}

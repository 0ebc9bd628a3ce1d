import ARCore
import ARMetrics
import ARStore

/// The plan that runs: the ``LogicalPlan`` with every decision made and visible — which
/// snapshot answers each date, the perimeter it is read under, and how the engine evaluates the
/// dates. ``QueryRunner`` executes exactly this tree and `explain` prints it.
///
/// ```
/// Limit 3 per date
///   Sort overdue desc
///     Merge 2 snapshot parts by date
///       Aggregate overdue by entity (sweep: one pass over 2 dates)
///         Scan snapshot 2026-05-31-1f0c9a2b (as of 2026-05-31) at 2 dates from 2026-04-30 to 2026-05-31 in EUR
///       Aggregate overdue by entity (per date)
///         Scan snapshot 2026-10-31-7d21e4c0 (as of 2026-10-31) as of 2026-06-30 in EUR
/// ```
public indirect enum PhysicalPlan: Sendable, Hashable {
    /// The metric engine computes `query` on one snapshot at `query.dates`.
    case aggregate(SnapshotScan, MetricQuery, EvaluationStrategy)
    /// Tables of the same query from several snapshots, rows ordered by group then date.
    case merge([PhysicalPlan])
    case having(HavingPredicate, PhysicalPlan)
    case sort([SortKey], PhysicalPlan)
    case limit(Int, perDate: Bool, PhysicalPlan)
    case project(shown: Int, PhysicalPlan)
    case trend(TrendProjection, PhysicalPlan)
    case chart(ChartSpec, PhysicalPlan)
    /// `items` on one snapshot.
    case openItems(SnapshotScan, ItemsStatement)
    /// The cash forecast on one snapshot.
    case forecast(SnapshotScan, ForecastQuery)
    /// The current figures beside the same figures at the comparison's earlier date.
    case compare(Comparison, current: PhysicalPlan, previous: PhysicalPlan)

    /// The nodes this one reads.
    public var inputs: [PhysicalPlan] {
        switch self {
        case .aggregate, .openItems, .forecast: []
        case let .merge(parts): parts
        case let .compare(_, current, previous): [current, previous]
        case let .having(_, i), let .sort(_, i), let .limit(_, _, i), let .project(_, i), let .trend(_, i), let .chart(_, i): [i]
        }
    }

    /// Every snapshot the plan reads, in date order, with the dates each answers.
    public var scans: [SnapshotScan] {
        switch self {
        case let .aggregate(scan, _, _), let .openItems(scan, _), let .forecast(scan, _): [scan]
        // The earlier date first: a result's context ends with the date it is as of.
        case let .compare(_, current, previous): previous.scans + current.scans
        default: inputs.flatMap(\.scans)
        }
    }

    /// The metric query of the first aggregate, for captions.
    var firstQuery: MetricQuery? {
        if case let .aggregate(_, query, _) = self { return query }
        return inputs.lazy.compactMap(\.firstQuery).first
    }
}

/// One snapshot read by a plan: which, under which perimeter, at which dates.
public struct SnapshotScan: Sendable, Hashable {
    public var snapshot: SnapshotSource.Snapshot
    public var perimeter: Perimeter
    public var dates: [Day]

    public init(snapshot: SnapshotSource.Snapshot, perimeter: Perimeter, dates: [Day]) {
        self.snapshot = snapshot
        self.perimeter = perimeter
        self.dates = dates
    }
}

extension PhysicalPlan {
    /// The plan as an indented tree, root first (what `explain` prints).
    public var explained: String {
        let query = firstQuery
        let labels = PlanLabels(metrics: query?.metrics ?? [], dimensions: query?.dimensions ?? [],
                                currency: query?.currency ?? scans.first?.snapshot.reportingCurrency)
        var lines: [String] = []
        append(to: &lines, indent: "", labels: labels)
        return lines.joined(separator: "\n") + "\n"
    }

    private func append(to lines: inout [String], indent: String, labels: PlanLabels) {
        let below = indent + "  "
        switch self {
        case let .aggregate(scan, query, strategy):
            let how = strategy == .sweep ? "sweep: one pass over \(query.dates.count) dates" : "per date"
            lines.append(indent + "Aggregate " + PlanLabels.aggregate(query.metrics, query.dimensions) + " (\(how))")
            var inner = below
            Self.filterLines(query.filter, indent: &inner, into: &lines)
            lines.append(inner + Self.scanCaption(scan, currency: query.currency))
        case let .merge(parts):
            lines.append(indent + "Merge \(parts.count) snapshot parts by date")
            for part in parts { part.append(to: &lines, indent: below, labels: labels) }
        case let .openItems(scan, items):
            lines.append(indent + "OpenItems" + PlanLabels.items(items.order, items.limit))
            var inner = below
            Self.filterLines(items.filter, indent: &inner, into: &lines)
            lines.append(inner + Self.scanCaption(scan, currency: items.currency))
        case let .forecast(scan, query):
            lines.append(indent + PlanLabels.forecast(query))
            var inner = below
            Self.filterLines(query.filter, indent: &inner, into: &lines)
            lines.append(inner + Self.scanCaption(scan, currency: query.currency))
        case let .having(predicate, input):
            lines.append(indent + "Having \(labels.text(of: predicate))")
            input.append(to: &lines, indent: below, labels: labels)
        case let .sort(keys, input):
            lines.append(indent + "Sort \(labels.text(of: keys))")
            input.append(to: &lines, indent: below, labels: labels)
        case let .limit(count, perDate, input):
            lines.append(indent + "Limit \(count)" + (perDate ? " per date" : ""))
            input.append(to: &lines, indent: below, labels: labels)
        case let .project(shown, input):
            lines.append(indent + "Project \(labels.metricNames.prefix(shown).joined(separator: ", "))")
            input.append(to: &lines, indent: below, labels: labels)
        case let .trend(projection, input):
            lines.append(indent + labels.trend(projection))
            input.append(to: &lines, indent: below, labels: labels)
        case let .chart(spec, input):
            lines.append(indent + PlanLabels.chart(spec))
            input.append(to: &lines, indent: below, labels: labels)
        case let .compare(comparison, current, previous):
            lines.append(indent + PlanLabels.compare(comparison))
            current.append(to: &lines, indent: below, labels: labels)
            previous.append(to: &lines, indent: below, labels: labels)
        }
    }

    /// The filter as the engine applies it: conjuncts on fixed fields first (rows they reject get
    /// no open amount, conversion or group), then those that read the open state at each date.
    private static func filterLines(_ filter: ItemPredicate?, indent: inout String, into lines: inout [String]) {
        guard let filter else { return }
        let split = filter.splitByState
        if let dated = split.dated {
            lines.append(indent + "Filter at each date \(dated.arqlText)")
            indent += "  "
        }
        if let fixed = split.fixed {
            lines.append(indent + "Filter \(fixed.arqlText)")
            indent += "  "
        }
    }

    private static func scanCaption(_ scan: SnapshotScan, currency: Currency?) -> String {
        "Scan snapshot \(scan.snapshot.id) (as of \(scan.snapshot.asOf.iso)) " + PlanLabels.dates(scan.dates)
            + " in \((currency ?? scan.snapshot.reportingCurrency).code)"
            + (scan.perimeter.isEverything ? "" : " within \(scan.perimeter)")
    }
}

/// Reads the `pages` of a pack: each page's grid and its blocks, placed on the grid.
enum PageLoader {
    static let pageKeys = ["title", "grid", "blocks"]
    static let contentKeys = ["chart", "table", "kpi", "comparison", "text"]
    static let blockKeys = contentKeys + ["title", "row", "column", "row_span", "column_span", "show", "against"]

    /// The pages; errors are collected block by block so that one check reports them all.
    static func pages(_ node: PackNode, collector: inout DiagnosticCollector) -> [PackPage] {
        var pages: [PackPage] = []
        do {
            let items = try node.list()
            if items.isEmpty { collector.add(node.error("expected at least one page, found none")) }
            for item in items {
                do {
                    pages.append(try page(item, collector: &collector))
                } catch {
                    collector.add(error)
                }
            }
        } catch {
            collector.add(error)
        }
        return pages
    }

    static func page(_ node: PackNode, collector: inout DiagnosticCollector) throws(PackDiagnostic) -> PackPage {
        let fields = try node.fields(allowed: pageKeys)
        let title = try fields.required("title", what: "the page's heading").text(what: "a title")
        let blocksNode = try fields.required("blocks", what: "what the page shows")
        let items = try blocksNode.list()
        // Without a grid, the blocks are stacked in equal rows.
        var rows = Array(repeating: 1.0, count: max(1, min(6, items.count))), columns: [Double] = [1]
        if let grid = fields["grid"] {
            rows = [1]
            let gridFields = try grid.fields(allowed: ["rows", "columns"])
            if let node = gridFields["rows"] { rows = try weights(node) }
            if let node = gridFields["columns"] { columns = try weights(node) }
        }
        var placement = GridPlacement(rows: rows.count, columns: columns.count)
        var blocks: [PackBlock] = []
        for item in items {
            do {
                blocks.append(try block(item, placement: &placement))
            } catch {
                collector.add(error)
            }
        }
        if blocks.isEmpty && collector.diagnostics.isEmpty { throw blocksNode.error("expected at least one block, found none") }
        return PackPage(title: title, rowWeights: rows, columnWeights: columns, blocks: blocks, location: node.location)
    }

    /// `3` (three equal shares) or `[1, 2]` (the second twice the first).
    static func weights(_ node: PackNode) throws(PackDiagnostic) -> [Double] {
        if node.node.scalar != nil { return Array(repeating: 1, count: try node.integer(in: 1...6, what: "a number of cells")) }
        let items = try node.list()
        guard (1...6).contains(items.count) else { throw node.error("expected 1 to 6 shares, found \(items.count)") }
        var shares: [Double] = []
        for item in items { shares.append(try item.number(what: "a share")) }
        return shares
    }

    static func block(_ node: PackNode, placement: inout GridPlacement) throws(PackDiagnostic) -> PackBlock {
        let fields = try node.fields(allowed: blockKeys)
        let kinds = fields.pairs.filter { contentKeys.contains($0.key) }
        guard kinds.count == 1, let kind = kinds.first else {
            throw (kinds.count > 1 ? kinds[1].keyNode : node).error(
                "expected one of \(PackNode.quotedList(contentKeys)) in a block, found \(kinds.count == 0 ? "none" : "\(kinds.count)")",
                help: "write one block per chart, table, KPI board, comparison or text")
        }
        let content = try self.content(kind.key, kind.value, fields: fields)
        if fields["show"] != nil, kind.key != "table" { throw fields.keyNode("show")!.error("'show' applies to a table block only") }
        if fields["against"] != nil, kind.key != "comparison" { throw fields.keyNode("against")!.error("'against' applies to a comparison block only") }
        let rowSpan = try fields["row_span"]?.integer(in: 1...6, what: "a number of rows") ?? 1
        let columnSpan = try fields["column_span"]?.integer(in: 1...6, what: "a number of columns") ?? 1
        let requested = (row: try fields["row"]?.integer(in: 1...6, what: "a row") , column: try fields["column"]?.integer(in: 1...6, what: "a column"))
        let cell = try placement.place(row: requested.row.map { $0 - 1 }, column: requested.column.map { $0 - 1 },
                                       rowSpan: rowSpan, columnSpan: columnSpan, at: node)
        return PackBlock(content: content, title: try fields["title"]?.text(what: "a title"), row: cell.row, column: cell.column,
                         rowSpan: rowSpan, columnSpan: columnSpan, location: node.location)
    }

    static func content(_ kind: String, _ node: PackNode, fields: PackFields) throws(PackDiagnostic) -> PackBlock.Content {
        switch kind {
        case "chart": return .chart(try PackLoader.query(node))
        case "table": return .table(try PackLoader.query(node), columns: try tableColumns(fields["show"]))
        case "kpi":
            var queries: [PackQuery] = []
            for item in try node.list() { queries.append(try PackLoader.query(item)) }
            return .kpi(queries)
        case "comparison":
            var against: [ComparisonDate] = [.monthAgo, .yearAgo]
            if let node = fields["against"] {
                against = []
                for item in try node.list() {
                    against.append(ComparisonDate(rawValue: try item.choice(ComparisonDate.allCases.map(\.rawValue), what: "a date to compare with"))!)
                }
            }
            return .comparison(try PackLoader.query(node), against: against)
        default:
            return .text(try PackLoader.template(node))
        }
    }

    /// `show: [id, customer_name: Customer, …]`: the columns to show, each optionally renamed.
    static func tableColumns(_ node: PackNode?) throws(PackDiagnostic) -> [TableColumn] {
        guard let node else { return [] }
        var columns: [TableColumn] = []
        for item in try node.list() {
            if let pairs = item.node.mapping, pairs.count == 1 {
                let (key, value) = (item.child(pairs[0].key), item.child(pairs[0].value))
                columns.append(TableColumn(name: try key.text(what: "a column"), heading: try value.text(what: "a heading"), location: key.location))
            } else {
                let name = try item.text(what: "a column")
                columns.append(TableColumn(name: name, heading: name, location: item.location))
            }
        }
        return columns
    }
}

/// The cells of a page's grid taken so far: blocks without a position take the next free cell,
/// row by row.
struct GridPlacement {
    let rows: Int, columns: Int
    private var taken: Set<Int> = []

    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    mutating func place(row: Int?, column: Int?, rowSpan: Int, columnSpan: Int,
                        at node: PackNode) throws(PackDiagnostic) -> (row: Int, column: Int) {
        let start: (Int, Int)
        if let row, let column {
            start = (row, column)
        } else if let free = (0..<(rows * columns)).first(where: { fits($0 / columns, $0 % columns, rowSpan, columnSpan) }) {
            start = (free / columns, free % columns)
        } else {
            throw node.error("expected a free cell for this block, found the page's \(rows) × \(columns) grid full",
                             help: "add rows or columns to the page's 'grid', or move the block to another page")
        }
        guard start.0 + rowSpan <= rows, start.1 + columnSpan <= columns else {
            throw node.error("expected the block inside the page's \(rows) × \(columns) grid, found it reaching row \(start.0 + rowSpan), column \(start.1 + columnSpan)")
        }
        guard fits(start.0, start.1, rowSpan, columnSpan) else {
            throw node.error("this block overlaps another one at row \(start.0 + 1), column \(start.1 + 1)")
        }
        for r in start.0..<(start.0 + rowSpan) { for c in start.1..<(start.1 + columnSpan) { taken.insert(r * columns + c) } }
        return start
    }

    private func fits(_ row: Int, _ column: Int, _ rowSpan: Int, _ columnSpan: Int) -> Bool {
        guard row + rowSpan <= rows, column + columnSpan <= columns else { return false }
        for r in row..<(row + rowSpan) { for c in column..<(column + columnSpan) where taken.contains(r * columns + c) { return false } }
        return true
    }
}

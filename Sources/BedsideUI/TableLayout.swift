import BedsideContent

/// Draws a GFM table with box-drawing characters (or ASCII), shrinking wide
/// columns and wrapping their cells so the table fits the width.
struct TableLayout {
    let table: Table
    let unicode: Bool

    private var glyphs: (h: String, v: String, tl: String, tm: String, tr: String, ml: String, mm: String, mr: String, bl: String, bm: String, br: String) {
        unicode ? ("─", "│", "┌", "┬", "┐", "├", "┼", "┤", "└", "┴", "┘")
                : ("-", "|", "+", "+", "+", "+", "+", "+", "+", "+", "+")
    }

    func lines(width: Int) -> [LayoutLine] {
        let header = table.header.map(\.plainText)
        let rows = table.rows.map { $0.map(\.plainText) }
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return [] }
        func cell(_ row: [String], _ c: Int) -> String { c < row.count ? row[c] : "" }

        var widths = (0..<columns).map { c in
            ([cell(header, c)] + rows.map { cell($0, c) }).map(DisplayWidth.of).max() ?? 1
        }.map { max(1, $0) }
        // Borders and one space of padding each side: 3 per column plus 1.
        let budget = max(columns, width - (3 * columns + 1))
        while widths.reduce(0, +) > budget, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 3 {
            widths[widest] -= 1
        }

        let g = glyphs
        let border = Style(.border)
        func rule(_ left: String, _ mid: String, _ right: String) -> LayoutLine {
            LayoutLine([Span(left + widths.map { String(repeating: g.h, count: $0 + 2) }.joined(separator: mid) + right, border)])
        }
        func rowLines(_ row: [String], style: Style) -> [LayoutLine] {
            let wrapped = (0..<columns).map { c in wrap(cell(row, c), widths[c]) }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { lineIndex in
                var spans = [Span(g.v, border)]
                for c in 0..<columns {
                    let text = lineIndex < wrapped[c].count ? wrapped[c][lineIndex] : ""
                    let pad = widths[c] - DisplayWidth.of(text)
                    let aligned = alignment(c) == .right ? String(repeating: " ", count: pad) + text
                        : alignment(c) == .center ? String(repeating: " ", count: pad / 2) + text + String(repeating: " ", count: pad - pad / 2)
                        : text + String(repeating: " ", count: pad)
                    spans += [Span(" "), Span(aligned, style), Span(" "), Span(g.v, border)]
                }
                return LayoutLine(spans)
            }
        }
        var out = [rule(g.tl, g.tm, g.tr)]
        if !header.isEmpty {
            out += rowLines(header, style: Style(.heading, bold: true))
            out.append(rule(g.ml, g.mm, g.mr))
        }
        for row in rows { out += rowLines(row, style: .plain) }
        out.append(rule(g.bl, g.bm, g.br))
        return out
    }

    private func alignment(_ column: Int) -> Table.Alignment {
        column < table.alignments.count ? table.alignments[column] : .none
    }

    /// Word-wraps plain cell text to `width` columns, breaking long words.
    private func wrap(_ text: String, _ width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            for piece in String(word).chunked(toWidth: width) {
                let joined = current.isEmpty ? piece : current + " " + piece
                if DisplayWidth.of(joined) <= width {
                    current = joined
                } else {
                    lines.append(current)
                    current = piece
                }
            }
        }
        lines.append(current)
        return lines
    }
}

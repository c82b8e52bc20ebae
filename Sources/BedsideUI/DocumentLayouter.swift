import BedsideContent

/// Lays out a `Document` at a width: wrapped paragraphs, hanging indents,
/// callouts, tables, numbered links. Pure: the same document and options
/// always give the same lines. The reader and `bedside read` both use it.
public struct DocumentLayouter {
    let options: LayoutOptions
    let matcher: GlossaryMatcher?
    private var layout = DocumentLayout()
    private var links: [(LinkTarget, String)] = []
    private var markedTerms: Set<String> = []
    /// Each paragraph's words as made at the first width, used again in order.
    private var replay: PreparedText?
    private var replayed = 0
    /// Each paragraph's words as made now, for a later width.
    private var recorded: [TextRuns] = []

    public static func layout(_ document: Document, options: LayoutOptions, glossary: GlossaryMatcher? = nil) -> DocumentLayout {
        layout(document, options: options, glossary: glossary, reusing: nil).layout
    }

    /// Lays out `document`, reusing the words and glossary marks of an
    /// earlier layout of the same document with the same options at another
    /// width (`prepared`), so a resize or a new width only wraps again.
    /// Returns the layout and what a later width can reuse.
    static func layout(_ document: Document, options: LayoutOptions, glossary: GlossaryMatcher?,
                       reusing prepared: PreparedText?) -> (layout: DocumentLayout, prepared: PreparedText) {
        var layouter = DocumentLayouter(options: options, matcher: glossary)
        layouter.replay = prepared
        layouter.layout.width = options.width
        let lines = layouter.blocks(document.blocks, first: [], rest: [])
        layouter.append(lines)
        // Drop the trailing blank line.
        while layouter.layout.lines.last?.text.trimmingCharacters(in: .whitespaces).isEmpty == true {
            layouter.layout.lines.removeLast()
        }
        if let prepared {
            // Paragraphs are met in the same order at every width; if they
            // were not, the reused words would be wrong, so start afresh.
            guard layouter.replayed == prepared.runs.count else {
                return layout(document, options: options, glossary: glossary, reusing: nil)
            }
            layouter.links = prepared.links
            layouter.pendingMarks = prepared.marks
        }
        layouter.collectLinks()
        let made = prepared ?? PreparedText(runs: layouter.recorded, links: layouter.links, marks: layouter.pendingMarks)
        return (layouter.layout, made)
    }

    private init(options: LayoutOptions, matcher: GlossaryMatcher?) {
        self.options = options
        self.matcher = matcher
    }

    private var bullet: [String] { options.unicode ? ["•", "◦", "▪"] : ["*", "-", "+"] }

    private mutating func append(_ lines: [LayoutLine]) { layout.lines += lines }

    /// Lays out blocks with a blank line between them. Headings are recorded
    /// with their final line numbers, so this is only called at top level or
    /// for nested content whose lines are appended in order.
    private mutating func blocks(_ blocks: [Block], first: [Span], rest: [Span], tight: Bool = false) -> [LayoutLine] {
        var out: [LayoutLine] = []
        for (i, block) in blocks.enumerated() {
            if i > 0 && !tight { out.append(LayoutLine(rest.map { Span($0.text.trimmingTrailing(), $0.style) })) }
            let prefix = (i == 0) ? first : rest
            let startLine = layout.lines.count + out.count
            out += self.block(block, first: prefix, rest: rest, startLine: startLine)
        }
        return out
    }

    private mutating func block(_ block: Block, first: [Span], rest: [Span], startLine: Int) -> [LayoutLine] {
        let width = options.width
        switch block {
        case .heading(let h):
            var style = Style(h.level <= 1 ? .title : .heading, bold: h.level <= 2, underline: h.level >= 3)
            if options.headingRules { style = .plain }
            let lines = wrapRuns(h.content, base: style, first: first, rest: rest)
            layout.headings.append(HeadingEntry(text: h.text, level: h.level, anchor: h.anchor, line: startLine))
            guard options.headingRules, h.level <= 2 else { return lines }
            let rule = String(repeating: h.level == 1 ? "=" : "-", count: min(width, lines.map(\.width).max() ?? 0))
            return lines + [LayoutLine([Span(rule)])]
        case .paragraph(let inlines):
            return wrapRuns(inlines, base: .plain, first: first, rest: rest)
        case .thematicBreak:
            return [LayoutLine(first + [Span(String(repeating: options.unicode ? "─" : "-", count: max(1, width - LayoutLine(first).width)), Style(.muted))])]
        case .list(let list):
            return self.list(list, first: first, rest: rest)
        case .blockQuote(let inner):
            let bar = Span(options.unicode ? "│ " : "| ", Style(.quote))
            if isTooDeep(rest, adding: 2) { return blocks(inner, first: first, rest: rest) }
            return blocks(inner, first: first + [bar], rest: rest + [bar])
        case .callout(let callout):
            let lines = self.callout(callout, first: first, rest: rest)
            layout.callouts.append(CalloutEntry(label: callout.label, firstLine: startLine, lastLine: startLine + max(0, lines.count - 1)))
            return lines
        case .table(let table):
            return TableLayout(table: table, unicode: options.unicode).lines(width: width - LayoutLine(rest).width)
                .enumerated().map { LayoutLine(($0.offset == 0 ? first : rest) + $0.element.spans) }
        case .code(_, let text):
            let style = Style(.code)
            var out: [LayoutLine] = []
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let pieces = String(line).chunked(toWidth: max(1, width - LayoutLine(rest).width - 2))
                for (j, piece) in pieces.enumerated() {
                    out.append(LayoutLine((i == 0 && j == 0 ? first : rest) + [Span("  " + piece, style)]))
                }
            }
            return out
        }
    }

    private mutating func list(_ list: ListBlock, first: [Span], rest: [Span]) -> [LayoutLine] {
        let depth = rest.filter { $0.text.allSatisfy { $0 == " " } }.count
        let lastNumber = list.start + max(0, list.items.count - 1)
        let markerWidth = list.ordered ? "\(lastNumber).".count + 1 : 2
        var out: [LayoutLine] = []
        for (i, item) in list.items.enumerated() {
            if i > 0 && !list.tight { out.append(LayoutLine(rest)) }
            let marker = list.ordered ? "\(list.start + i)." : bullet[depth % bullet.count]
            let padded = marker + String(repeating: " ", count: max(1, markerWidth - DisplayWidth.of(marker)))
            var itemFirst = (i == 0 ? first : rest) + [Span(padded, Style(.muted))]
            var itemRest = rest + [Span(String(repeating: " ", count: markerWidth))]
            if isTooDeep(rest, adding: markerWidth) {
                // No room for another indent: the item's text goes on at the current one.
                itemFirst = i == 0 ? first : rest
                itemRest = rest
            }
            out += blocks(item.isEmpty ? [.paragraph([])] : item, first: itemFirst, rest: itemRest, tight: list.tight)
        }
        return out
    }

    /// True when indenting `rest` by `adding` more columns would take more
    /// than half the width: deeper lists and quotes then stop indenting, so
    /// their text keeps room to be read (MarkdownParser already limits the
    /// depth to `maxNesting`, which at 2 columns a level is 32 columns).
    private func isTooDeep(_ rest: [Span], adding: Int) -> Bool {
        LayoutLine(rest).width + adding > options.width / 2
    }

    private mutating func callout(_ callout: Callout, first: [Span], rest: [Span]) -> [LayoutLine] {
        let role: Role = switch callout.kind {
        case .emergency: .emergency
        case .warning: .warning
        case .tip: .tip
        case .note: .note
        }
        let barText = options.unicode ? "┃ " : (callout.kind == .emergency || callout.kind == .warning ? "! " : "> ")
        let bar = Span(barText, Style(role, bold: true))
        // Too deep to indent: the label and text still show, at the current indent.
        let bars = isTooDeep(rest, adding: 2) ? [] : [bar]
        let label = callout.kind == .emergency ? callout.label.uppercased() : callout.label
        // The label wraps like text, so a long marker never runs off the screen.
        let labelStyle = Style(role, bold: true, reverse: callout.kind == .emergency)
        let header = wrapRuns([.text(label)], base: labelStyle, first: first + bars, rest: rest + bars)
        let body = blocks(callout.blocks, first: rest + bars, rest: rest + bars)
        return header + body
    }

    /// Wraps inline content and marks the first use of each glossary word.
    private mutating func wrapRuns(_ inlines: [Inline], base: Style, first: [Span], rest: [Span]) -> [LayoutLine] {
        if let replay, replayed < replay.runs.count {
            replayed += 1
            return replay.runs[replayed - 1].wrap(width: options.width, first: first, rest: rest)
        }
        if replay != nil { replayed += 1 }   // more paragraphs than recorded: the count check starts afresh
        var runs = TextRuns(inlines, base: base, options: options, links: &links)
        if let matcher { markGlossaryWords(&runs, matcher) }
        recorded.append(runs)
        return runs.wrap(width: options.width, first: first, rest: rest)
    }

    /// Restyles glossary words (not already links) in the token stream.
    private mutating func markGlossaryWords(_ flow: inout TextRuns, _ matcher: GlossaryMatcher) {
        let wordIndexes = flow.tokens.indices.filter { flow.tokens[$0].fragments != nil }
        func plain(_ i: Int) -> String {
            switch flow.tokens[i] {
            case .single(let fragment): fragment.text
            case .word(let fragments): fragments.map(\.text).joined()
            case .hardBreak: ""
            }
        }
        // Each word is normalised once; phrases are then looked up from those.
        let normalized = wordIndexes.map { GlossaryMatcher.normalize(plain($0)) }
        // Whether a glossary phrase can start at each word (its first non-empty
        // word starts some phrase): most words start none, and are passed over
        // without trying every phrase length.
        var canStart = [Bool](repeating: false, count: normalized.count)
        var next = -1
        for i in stride(from: normalized.count - 1, through: 0, by: -1) {
            if !normalized[i].isEmpty { next = i }
            canStart[i] = next >= 0 && matcher.startsPhrase(normalized[next])
        }
        var k = 0
        while k < wordIndexes.count {
            if !canStart[k] {
                k += 1
                continue
            }
            var matched = 0
            for length in stride(from: min(matcher.longest, wordIndexes.count - k), through: 1, by: -1) {
                let slice = wordIndexes[k..<(k + length)]
                guard let termID = matcher.term(normalized: normalized[k..<(k + length)]), !markedTerms.contains(termID) else { continue }
                let isLinked = slice.contains { i in
                    flow.tokens[i].fragments?.contains { $0.link != nil } ?? false
                }
                if isLinked { continue }
                markedTerms.insert(termID)
                for i in slice {
                    guard var fragments = flow.tokens[i].fragments else { continue }
                    for j in fragments.indices where fragments[j].text.contains(where: \.isLetter) {
                        fragments[j].style.role = .glossary
                        fragments[j].style.underline = true
                    }
                    flow.tokens[i] = .make(fragments)
                }
                pendingMarks.append(termID)
                matched = length
                break
            }
            k += max(1, matched)
        }
    }

    private var pendingMarks: [String] = []

    /// Finds where each link and glossary mark ended up. Marks were found in
    /// reading order, so the n-th marked run on screen is the n-th term found.
    private mutating func collectLinks() {
        var pieces: [Int: [LaidOutLink.Piece]] = [:]
        var marks: [GlossaryMark] = []
        var termIDs = pendingMarks[...]
        for (lineIndex, line) in layout.lines.enumerated() {
            var column = 0
            var inMark = false
            for span in line.spans {
                let w = DisplayWidth.of(span.text)
                if let link = span.link {
                    if var list = pieces[link], let last = list.last, last.line == lineIndex, last.column + last.width == column {
                        list[list.count - 1].width += w
                        pieces[link] = list
                    } else {
                        pieces[link, default: []].append(.init(line: lineIndex, column: column, width: w))
                    }
                }
                let isMark = span.style.role == .glossary && span.link == nil
                if isMark && inMark, var last = marks.popLast() {
                    last.width = column + w - last.column          // the next word of the same phrase
                    marks.append(last)
                } else if isMark, let id = termIDs.popFirst() {
                    marks.append(GlossaryMark(termID: id, line: lineIndex, column: column, width: w))
                }
                // A phrase's words are joined by a plain space: stay in the mark across it.
                if !(span.text == " " && inMark) { inMark = isMark }
                column += w
            }
        }
        layout.glossaryMarks = marks
        // Numbers as shown: actions (flow answers, teach-back marks) take none (0).
        var shown = 0
        layout.links = links.enumerated().map { index, link in
            let isAction = if case .app = link.0 { true } else { false }
            if !isAction { shown += 1 }
            return LaidOutLink(number: isAction ? 0 : shown, target: link.0, text: link.1, pieces: pieces[index] ?? [])
        }
    }
}

/// The part of a document's layout that does not depend on the width: each
/// paragraph's words with their styles, links and glossary marks, and the
/// links and marked terms in reading order. Making it is most of a layout's
/// cost (words split and styled, every word looked up in the glossary).
struct PreparedText {
    var runs: [TextRuns]
    var links: [(LinkTarget, String)]
    var marks: [String]
}

extension String {
    func trimmingTrailing() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    /// Splits into pieces of at most `width` columns.
    func chunked(toWidth width: Int) -> [String] {
        var pieces: [String] = []
        var current = ""
        var used = 0
        for ch in self {
            let w = DisplayWidth.of(ch)
            if used + w > width && !current.isEmpty {
                pieces.append(current)
                current = ""
                used = 0
            }
            current.append(ch)
            used += w
        }
        pieces.append(current)
        return pieces
    }
}

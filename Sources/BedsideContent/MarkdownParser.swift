import CCmark
import Foundation

/// Parses CommonMark + GFM (tables, autolinks, strikethrough) with cmark-gfm
/// and converts cmark's tree into our `Document` before freeing it, so no C
/// pointer outlives `parse`. Raw HTML is dropped, never rendered.
public enum MarkdownParser {
    /// - Parameter firstLine: the file line where `text` starts (after front
    ///   matter), so link locations are file lines.
    public static func parse(_ text: String, firstLine: Int = 1) -> Document {
        Extensions.registerOnce
        // cmark-gfm is not safe to run on two threads at once: attaching the
        // extensions switches their characters on in a process-wide table, and
        // finishing a parse switches them off again. Two languages loading at
        // once (or a topic opened while the flows parse in the background)
        // corrupted the heap in a release build. One parse at a time.
        lock.lock()
        defer { lock.unlock() }
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return Document(blocks: []) }
        defer { cmark_parser_free(parser) }
        let (text, capped) = MarkerCap.capped(text)
        // The autolink extension splits text at every 'w' and ':' it might start a
        // link at: a node per word, 30+ bytes of cmark per byte of a huge text.
        // Beyond a megabyte (no real topic is near it) bare URLs stay text.
        let names = text.utf8.count > 1_000_000 ? ["table", "strikethrough"] : ["table", "autolink", "strikethrough"]
        for name in names {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        // cmark stops at NUL bytes inside C strings, so feed the bytes with an explicit length.
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { return Document(blocks: []) }
        defer { cmark_node_free(root) }
        let converter = Converter(lineOffset: firstLine - 1)
        var document = Document(blocks: converter.topLevelBlocks(consuming: root))
        document.nestingFlattenedAt = converter.flattenedAt.location
            ?? (capped ? SourceLocation(line: firstLine) : nil)
        return document
    }

    /// The most lists and quotes kept inside one another. Deeper ones are
    /// flattened into the deepest kept level, so their text is still shown.
    /// Why a limit: a file of 10,000 nested `- ` or `>` made every walk over
    /// the tree recurse 10,000 deep (a crash on the browser's background
    /// thread) and the layout's indents grow with the square of the depth.
    public static let maxNesting = 16

    /// Inline markup (emphasis, links, image text) nested deeper than this is
    /// kept as its plain text, for the same reason.
    public static let maxInlineNesting = 32

    /// What `bedside check` says about a document flattened at `maxNesting`.
    public static let flattenedMessage = "nesting deeper than \(maxNesting) levels is flattened: use fewer levels of lists and quotes"

    private static let lock = NSLock()

    private enum Extensions {
        static let registerOnce: Void = { cmark_gfm_core_extensions_ensure_registered() }()
    }
}

/// Where the first too-deep container was found (a class, so the
/// non-mutating converter can record it).
private final class FlattenRecord {
    var location: SourceLocation?
}

private struct Converter {
    let lineOffset: Int
    let flattenedAt = FlattenRecord()

    func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    func typeName(_ node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    }

    func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    func line(_ node: OpaquePointer) -> Int {
        Int(cmark_node_get_start_line(node)) + lineOffset
    }

    func location(_ node: OpaquePointer) -> SourceLocation {
        SourceLocation(line: line(node), column: Int(cmark_node_get_start_column(node)))
    }

    /// Lists and quotes: the containers whose nesting is limited.
    func isNestingContainer(_ node: OpaquePointer) -> Bool {
        let type = typeName(node)
        return type == "list" || type == "block_quote"
    }

    /// The blocks inside `node`, which sits `depth` lists and quotes deep.
    /// The document's blocks, each top-level cmark node freed once converted:
    /// cmark's tree and ours are never both whole, which halves the peak
    /// memory of a huge topic (200,000 paragraphs).
    func topLevelBlocks(consuming root: OpaquePointer) -> [Block] {
        var result: [Block] = []
        while let child = cmark_node_first_child(root) {
            if let block = block(child, depth: 0) { result.append(block) }
            cmark_node_unlink(child)
            cmark_node_free(child)
        }
        return result
    }

    func blocks(childrenOf node: OpaquePointer, depth: Int) -> [Block] {
        var result: [Block] = []
        for child in children(of: node) {
            if isNestingContainer(child) && depth >= MarkdownParser.maxNesting {
                if flattenedAt.location == nil { flattenedAt.location = location(child) }
                result += flattened(child)
            } else if let block = block(child, depth: depth) {
                result.append(block)
            }
        }
        return result
    }

    /// The leaf blocks (paragraphs, headings, code, tables, rules) anywhere
    /// below `root`, in reading order, without their lists and quotes. A loop
    /// over cmark's parent and sibling links, not recursion: `root` may hold
    /// thousands of levels.
    func flattened(_ root: OpaquePointer) -> [Block] {
        var result: [Block] = []
        var next = cmark_node_first_child(root)
        while let node = next {
            let type = typeName(node)
            if type == "list" || type == "item" || type == "block_quote", let child = cmark_node_first_child(node) {
                next = child
                continue
            }
            if type != "list" && type != "item" && type != "block_quote", let block = block(node, depth: MarkdownParser.maxNesting) {
                result.append(block)
            }
            // On to the next sibling, climbing out of finished containers.
            var current = node
            next = nil
            while current != root {
                if let sibling = cmark_node_next(current) {
                    next = sibling
                    break
                }
                guard let parent = cmark_node_parent(current) else { break }
                current = parent
            }
        }
        return result
    }

    func block(_ node: OpaquePointer, depth: Int) -> Block? {
        let at = location(node)
        switch typeName(node) {
        case "heading":
            var content = inlines(childrenOf: node, at: at)
            // "## Cuándo avisar {#when-to-tell-your-team}": a translation keeps
            // the English anchor, so links and walkthrough steps find it.
            let explicit = Anchor.takeExplicit(&content)
            return .heading(Heading(level: Int(cmark_node_get_heading_level(node)), content: content,
                                    anchor: explicit ?? Anchor.slug(content.plainText), line: at.line))
        case "paragraph":
            let content = inlines(childrenOf: node, at: at)
            return content.isEmpty ? nil : .paragraph(content)
        case "thematic_break":
            return .thematicBreak
        case "list":
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let items = children(of: node).map { blocks(childrenOf: $0, depth: depth + 1) }
            return .list(ListBlock(ordered: ordered, start: Int(cmark_node_get_list_start(node)),
                                   tight: cmark_node_get_list_tight(node) != 0, items: items))
        case "block_quote":
            return quoteOrCallout(blocks(childrenOf: node, depth: depth + 1))
        case "code_block":
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            var text = literal(node)
            if text.hasSuffix("\n") { text.removeLast() }
            return .code(language: info.isEmpty ? nil : info, text: text)
        case "table":
            return table(node, at: at)
        default:
            // html_block and anything unknown: raw HTML is never shown.
            return nil
        }
    }

    /// A block quote whose first paragraph opens with a known bold marker is a callout.
    func quoteOrCallout(_ content: [Block]) -> Block {
        guard case .paragraph(let inlines)? = content.first,
              case .strong(let marker)? = inlines.first,
              let kind = Callout.kind(forLabel: marker.plainText) else {
            return .blockQuote(content)
        }
        // Drop the marker and the space or line break after it.
        var rest = Array(inlines.dropFirst())
        while let first = rest.first {
            if first == .softBreak || first == .lineBreak {
                rest.removeFirst()
                continue
            }
            if case .text(let s) = first {
                let trimmed = s.drop { $0 == " " }
                if trimmed.isEmpty {
                    rest.removeFirst()
                    continue
                }
                rest[0] = .text(String(trimmed))
            }
            break
        }
        var blocks = Array(content.dropFirst())
        if !rest.isEmpty { blocks.insert(.paragraph(rest), at: 0) }
        return .callout(Callout(kind: kind, label: marker.plainText.trimmingCharacters(in: .whitespaces), blocks: blocks))
    }

    func table(_ node: OpaquePointer, at: SourceLocation) -> Block {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [Table.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for i in 0..<columns {
                switch UInt8(raw[i]) {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for row in children(of: node) {
            let cells = children(of: row).map { inlines(childrenOf: $0, at: SourceLocation(line: line(row))) }
            if typeName(row) == "table_header" || cmark_gfm_extensions_get_table_row_is_header(row) != 0 {
                header = cells
            } else {
                rows.append(cells)
            }
        }
        return .table(Table(alignments: alignments, header: header, rows: rows))
    }

    func inlines(childrenOf node: OpaquePointer, at: SourceLocation, depth: Int = 0) -> [Inline] {
        var result: [Inline] = []
        for child in children(of: node) {
            let converted = depth >= MarkdownParser.maxInlineNesting ? plainText(child) : inline(child, at: at, depth: depth)
            guard let inline = converted else { continue }
            // Merge neighbouring text runs (cmark splits text at some characters).
            if case .text(let new) = inline, case .text(let old)? = result.last {
                result[result.count - 1] = .text(old + new)
            } else {
                result.append(inline)
            }
        }
        return result
    }

    /// The text inside an inline node, markup dropped, as one text run; nil
    /// when there is none. Walks cmark's tree with its iterator, not recursion.
    func plainText(_ node: OpaquePointer) -> Inline? {
        guard let iterator = cmark_iter_new(node) else { return nil }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch typeName(current) {
            case "text", "code": text += literal(current)
            case "softbreak", "linebreak": text += " "
            default: break
            }
        }
        return text.isEmpty ? nil : .text(text)
    }

    func inline(_ node: OpaquePointer, at: SourceLocation, depth: Int) -> Inline? {
        let depth = depth + 1
        switch typeName(node) {
        case "text": return .text(literal(node))
        case "code": return .code(literal(node))
        case "softbreak": return .softBreak
        case "linebreak": return .lineBreak
        case "emph": return .emphasis(inlines(childrenOf: node, at: at, depth: depth))
        case "strong": return .strong(inlines(childrenOf: node, at: at, depth: depth))
        case "strikethrough": return .strikethrough(inlines(childrenOf: node, at: at, depth: depth))
        case "link":
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let own = Int(cmark_node_get_start_line(node))
            let where_ = own > 0 ? SourceLocation(line: own + lineOffset, column: Int(cmark_node_get_start_column(node))) : at
            return .link(Link(target: LinkTarget.parse(url), destination: url,
                              content: inlines(childrenOf: node, at: at, depth: depth), location: where_))
        case "image":
            // A terminal cannot show pictures: keep the description as text.
            let alt = inlines(childrenOf: node, at: at, depth: depth)
            return alt.isEmpty ? nil : .emphasis(alt)
        default:
            return nil // html_inline and unknown nodes
        }
    }
}

/// A copy of a document with every piece of text passed through a function
/// (for example `ASCIIFold.fold`), structure, links and anchors unchanged.
/// Recursion is bounded: parsed documents hold at most
/// `MarkdownParser.maxNesting` levels of blocks.
extension Document {
    public func mappingText(_ transform: (String) -> String) -> Document {
        var copy = self
        copy.blocks = blocks.map { $0.mappingText(transform) }
        return copy
    }
}

extension Block {
    public func mappingText(_ f: (String) -> String) -> Block {
        func inlines(_ list: [Inline]) -> [Inline] { list.map { $0.mappingText(f) } }
        switch self {
        case .heading(var heading):
            heading.content = inlines(heading.content)
            return .heading(heading)
        case .paragraph(let content): return .paragraph(inlines(content))
        case .thematicBreak: return .thematicBreak
        case .list(var list):
            list.items = list.items.map { $0.map { $0.mappingText(f) } }
            return .list(list)
        case .blockQuote(let inner): return .blockQuote(inner.map { $0.mappingText(f) })
        case .callout(var callout):
            callout.label = f(callout.label)
            callout.blocks = callout.blocks.map { $0.mappingText(f) }
            return .callout(callout)
        case .table(var table):
            table.header = table.header.map(inlines)
            table.rows = table.rows.map { $0.map(inlines) }
            return .table(table)
        case .code(let language, let text): return .code(language: language, text: f(text))
        }
    }
}

extension Inline {
    public func mappingText(_ f: (String) -> String) -> Inline {
        switch self {
        case .text(let s): return .text(f(s))
        case .code(let s): return .code(f(s))
        case .emphasis(let c): return .emphasis(c.map { $0.mappingText(f) })
        case .strong(let c): return .strong(c.map { $0.mappingText(f) })
        case .strikethrough(let c): return .strikethrough(c.map { $0.mappingText(f) })
        case .link(var link):
            link.content = link.content.map { $0.mappingText(f) }
            return .link(link)
        case .softBreak, .lineBreak: return self
        }
    }
}

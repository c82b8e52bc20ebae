import BedsideContent

/// A topic as plain wrapped text, for `bedside read`: screen readers, scripts
/// and tests. ASCII only, headings underlined, links listed by number.
/// Every text from content goes through `ASCIIFold.fold` before layout, so
/// the promise holds for the words too (curly quotes, dashes, accents), and no
/// escape or bidi character from a file reaches the terminal.
public enum PlainTextPage {
    public static func render(topicID id: String, store: ContentStore, width: Int) -> String? {
        guard let topic = store.topic(id), let parsed = store.document(for: id) else { return nil }
        let fold = ASCIIFold.fold
        let document = parsed.mappingText(fold)
        let options = LayoutOptions(width: width, unicode: false, numberLinks: true, headingRules: true)
        let title = Document(blocks: [.heading(Heading(level: 1, content: [.text(fold(topic.title))], anchor: "", line: 0))])
        var out = DocumentLayouter.layout(title, options: options).lines.map(\.text)
        if let section = store.section(topic.section) { out.append("(\(fold(section.title)))") }
        out.append("")
        let layout = DocumentLayouter.layout(document, options: options)
        out += layout.lines.map { $0.text.trimmingTrailing() }
        if !layout.links.isEmpty {
            out += ["", "Links:"]
            for link in layout.links { out.append(wrapped(fold("[\(link.number)] \(describe(link.target, from: id, store))"), width: width, indent: 4)) }
        }
        // The browser's "Read next" list, with the command that reads each one.
        let related = topic.related.compactMap { store.topic($0.value) }
        if !related.isEmpty {
            out += ["", "Read next:"]
            for next in related { out.append(wrapped(fold("- \(next.title) -- bedside read \(next.id)"), width: width, indent: 2)) }
        }
        out += ["", "Sources:"]
        for source in topic.sources {
            let parts = [source.title, source.organisation, source.url].compactMap { $0 }
            out.append(wrapped(fold("- " + parts.joined(separator: ", ")), width: width, indent: 2))
        }
        if let reviewed = topic.reviewed { out.append("Last reviewed: \(reviewed)") }
        return out.joined(separator: "\n") + "\n"
    }

    /// Where a link goes, in words.
    public static func describe(_ target: LinkTarget, from topicID: String?, _ store: ContentStore) -> String {
        switch store.resolve(target, from: topicID) {
        case .topic(let id, let anchor):
            let title = store.topic(id)?.title ?? id
            return "topic: \(title)" + (anchor.map { " (section #\($0))" } ?? "") + " -- bedside read \(id)"
        case .anchor(let anchor): return "this page, section #\(anchor)"
        case .glossary(let id):
            guard let term = store.term(id) else { return "glossary: \(id)" }
            return "\(term.term): \(term.definition)"
        case .flow(let id): return "symptom check: \(store.flow(id)?.title ?? id) -- bedside flow \(id)"
        case .section(let id): return "section: \(store.section(id)?.title ?? id)"
        case .walkthrough(let id): return "walkthrough: \(store.walkthrough(id)?.title ?? id)"
        case .glossaryIndex: return "the glossary"
        case .flowPicker: return "the symptom checks -- bedside flow --list"
        case .walkthroughPicker: return "the nurse walkthroughs"
        case .web(let url): return url
        case .file(let path, _): return path
        case .app: return "an action on this screen"
        }
    }

    static func wrapped(_ text: String, width: Int, indent: Int) -> String {
        var noLinks: [(LinkTarget, String)] = []
        let flow = InlineFlow([.text(text)], base: .plain, options: LayoutOptions(width: width, numberLinks: false), links: &noLinks)
        return flow.wrap(width: width, first: [], rest: [Span(String(repeating: " ", count: indent))])
            .map { $0.text.trimmingTrailing() }.joined(separator: "\n")
    }
}

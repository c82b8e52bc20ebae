import BedsideContent

/// A topic as plain wrapped text, for `bedside read`: screen readers, scripts
/// and tests. ASCII only, headings underlined, links listed by number.
/// Every text from content goes through `ASCIIFold.fold` before layout, so
/// the promise holds for the words too (curly quotes, dashes, accents), and no
/// escape or bidi character from a file reaches the terminal.
public enum PlainTextPage {
    public static func render(topicID id: String, store: ContentStore, site: SiteConfig = .defaults, width: Int) -> String? {
        guard let topic = store.topic(id), let parsed = store.document(for: id) else { return nil }
        let fold = ASCIIFold.fold
        let text = store.strings
        let document = parsed.mappingText { fold(PhonePlaceholder.fill($0, site: site, strings: text)) }
        let options = LayoutOptions(width: width, unicode: false, numberLinks: true, headingRules: true)
        let title = Document(blocks: [.heading(Heading(level: 1, content: [.text(fold(topic.title))], anchor: "", line: 0))])
        var out = DocumentLayouter.layout(title, options: options).lines.map(\.text)
        if let section = store.section(topic.section) { out.append("(\(fold(section.title)))") }
        out.append("")
        let layout = DocumentLayouter.layout(document, options: options)
        out += layout.lines.map { $0.text.trimmingTrailing() }
        if !layout.links.isEmpty {
            out += ["", fold(text[.readLinks])]
            for link in layout.links where link.number > 0 { out.append(wrapped(fold("[\(link.number)] \(describe(link.target, from: id, store))"), width: width, indent: 4)) }
        }
        // The browser's "Read next" list, with the command that reads each one.
        let related = topic.related.compactMap { store.topic($0.value) }
        if !related.isEmpty {
            out += ["", fold(text[.readNext])]
            for next in related { out.append(wrapped(fold(text.text(.readNextItem, ["title": next.title, "id": next.id])), width: width, indent: 2)) }
        }
        out += ["", fold(text[.readSources])]
        for source in topic.sources {
            let parts = [source.title, source.organisation, source.url].compactMap { $0 }
            out.append(wrapped(fold("- " + parts.joined(separator: ", ")), width: width, indent: 2))
        }
        if let reviewed = topic.reviewed {
            out.append(fold(text.text(.readLastReviewed, ["date": text.date(year: reviewed.year, month: reviewed.month, day: reviewed.day)])))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Where a link goes, in words.
    public static func describe(_ target: LinkTarget, from topicID: String?, _ store: ContentStore) -> String {
        let text = store.strings
        switch store.resolve(target, from: topicID) {
        case .topic(let id, let anchor):
            let title = store.topic(id)?.title ?? id
            if let anchor { return text.text(.readLinkTopicSection, ["title": title, "anchor": anchor, "id": id]) }
            return text.text(.readLinkTopic, ["title": title, "id": id])
        case .anchor(let anchor): return text.text(.readLinkAnchor, ["anchor": anchor])
        case .glossary(let id):
            guard let term = store.term(id) else { return text.text(.readLinkGlossary, ["id": id]) }
            return "\(term.term): \(term.definition)"
        case .flow(let id): return text.text(.readLinkFlow, ["title": store.flow(id)?.title ?? id, "id": id])
        case .section(let id): return text.text(.readLinkSection, ["title": store.section(id)?.title ?? id])
        case .walkthrough(let id): return text.text(.readLinkWalkthrough, ["title": store.walkthrough(id)?.title ?? id])
        case .glossaryIndex: return text[.readLinkGlossaryIndex]
        case .flowPicker: return text[.readLinkFlowPicker]
        case .walkthroughPicker: return text[.readLinkWalkthroughPicker]
        case .web(let url): return url
        case .file(let path, _): return path
        case .app: return text[.readLinkAction]
        }
    }

    static func wrapped(_ text: String, width: Int, indent: Int) -> String {
        TextWrap.lines(text, width: width, rest: String(repeating: " ", count: indent)).joined(separator: "\n")
    }
}

import BedsideContent

/// The glossary as pages: an A-Z index with a jump row of letters, and one
/// page per word that a reader can act on (its see-also words, the topic
/// about it, and the symptom check when there is one).
enum GlossaryPages {
    static func letterAnchor(_ letter: Character) -> String { "letter-" + String(letter).lowercased() }

    static func initial(_ term: GlossaryTerm) -> Character {
        let first = ASCIIFold.fold(String(term.term.prefix(1))).uppercased().first ?? "#"
        return first.isLetter ? first : "#"
    }

    static func index(_ terms: [GlossaryTerm], _ text: Catalogue) -> Document {
        var blocks: [Block] = [.heading(Pages.heading(1, text[.pageGlossary]))]
        var letters: [Character] = []
        for term in terms where letters.last != initial(term) { letters.append(initial(term)) }
        // The jump row: each letter is a link to its heading below.
        var jump: [Inline] = [.text(text[.glossaryJump] + " ")]
        for (i, letter) in letters.enumerated() {
            if i > 0 { jump.append(.text(" ")) }
            jump.append(.link(Link(target: .anchor(letterAnchor(letter)), destination: "", content: [.text(String(letter))],
                                   location: SourceLocation(line: 0))))
        }
        blocks.append(.paragraph(jump))
        for letter in letters {
            blocks.append(.heading(Heading(level: 2, content: [.text(String(letter))], anchor: letterAnchor(letter), line: 0)))
            blocks.append(Pages.linkList(terms.filter { initial($0) == letter }.map { ($0.term, .glossary($0.id), $0.definition) }))
        }
        return Document(blocks: blocks)
    }

    static func term(_ id: String, _ env: AppEnvironment) -> Document {
        let store = env.store, text = store.strings
        guard let term = store.term(id) else { return Document(blocks: [.paragraph([.text(text[.topicNotLoaded])])]) }
        var blocks: [Block] = [.heading(Pages.heading(1, term.term)), .paragraph([.text(term.definition)])]
        if !term.alsoCalled.isEmpty {
            blocks.append(.paragraph([.emphasis([.text(text.text(.boxAlsoCalled, ["words": term.alsoCalled.joined(separator: ", ")]))])]))
        }
        if let topic = topic(for: term, store) {
            var links: [(String, LinkTarget, String?)] = [(topic.title, .topic(id: topic.id, anchor: nil), nil)]
            blocks.append(.heading(Pages.heading(2, text[.glossaryTermRead])))
            if let flow = store.flows.first(where: { $0.topic?.value == topic.id }) {
                blocks.append(Pages.linkList(links))
                blocks.append(.heading(Pages.heading(2, text[.glossaryTermCheck])))
                links = [(flow.title, .flow(flow.id), nil)]
            }
            blocks.append(Pages.linkList(links))
        }
        let seeAlso = term.seeAlso.compactMap { store.term($0.value) }
        if !seeAlso.isEmpty {
            blocks.append(.heading(Pages.heading(2, text[.glossaryTermSeeAlso])))
            blocks.append(Pages.linkList(seeAlso.map { ($0.term, .glossary($0.id), nil) }))
        }
        return Document(blocks: blocks)
    }

    /// The topic about a word: one whose id, title or other names match the
    /// word or one of its other names.
    static func topic(for term: GlossaryTerm, _ store: ContentStore) -> TopicInfo? {
        let names = Set(([term.term] + term.alsoCalled).map { $0.lowercased() })
        let head = store.topicHeads.first { topic in
            topic.id == term.id || names.contains(topic.title.lowercased())
                || topic.alsoCalled.contains { names.contains($0.lowercased()) }
        }
        return head.flatMap { store.topic($0.id) }
    }
}

import BedsideContent

/// Builds the document shown for each page, from the content store alone.
/// Home, section and index pages are generated Markdown documents, so the
/// reader, links, Tab and find work the same everywhere.
enum Pages {
    /// - Parameter marks: teach-back marks, for walkthrough pages.
    static func document(_ page: Page, _ env: AppEnvironment, marks: [VisitLog.PromptKey: VisitLog.Mark] = [:]) -> Document {
        let store = env.store
        switch page {
        case .home:
            var blocks = store.home.blocks
            blocks.append(.heading(heading(2, "Sections")))
            blocks.append(linkList(store.manifest.sections.map { ($0.title, .section($0.id), nil) }))
            var more: [(String, LinkTarget, String?)] = []
            if store.hasFlowFiles { more.append(("Check a symptom", .flowPicker, "press c")) }
            if !store.glossary.isEmpty { more.append(("Glossary: medical words explained", .glossaryIndex, nil)) }
            if store.hasWalkthroughFiles { more.append(("Walkthroughs with your nurse", .walkthroughPicker, nil)) }
            if !more.isEmpty {
                blocks.append(.heading(heading(2, "More")))
                blocks.append(linkList(more))
            }
            if env.kiosk {
                blocks.append(linkList([("Finish: forget me", .app(.forgetVisit), "clears this visit from the screen")]))
            }
            blocks.append(.paragraph([.text("Press / to search. Press ? for help.")]))
            return Document(blocks: blocks)
        case .section(let id):
            let topics = store.topics(inSection: id)
            return Document(blocks: [.heading(heading(1, store.section(id)?.title ?? id)),
                                     linkList(topics.map { ($0.title, .topic(id: $0.id, anchor: nil), $0.summary) })])
        case .topic(let id):
            guard let topic = store.topic(id), let body = store.document(for: id) else {
                return Document(blocks: [.paragraph([.text("This topic could not be loaded.")])])
            }
            var blocks = [Block.heading(heading(1, topic.title))] + body.blocks + [.thematicBreak]
            let related = topic.related.compactMap { store.topic($0.value) }
            if !related.isEmpty {
                blocks.append(.heading(heading(2, "Read next")))
                blocks.append(linkList(related.map { ($0.title, .topic(id: $0.id, anchor: nil), nil) }))
            }
            blocks.append(.heading(heading(3, "Sources")))
            blocks.append(.list(ListBlock(ordered: false, items: topic.sources.map { source in
                [.paragraph([.text([source.title, source.organisation, source.url].compactMap { $0 }.joined(separator: ", "))])]
            })))
            if let reviewed = topic.reviewed {
                blocks.append(.paragraph([.emphasis([.text("Last reviewed \(reviewed).")])]))
            }
            return Document(blocks: blocks)
        case .glossaryIndex:
            let terms = store.glossary.sorted { $0.term.lowercased() < $1.term.lowercased() }
            return Document(blocks: [.heading(heading(1, "Glossary")),
                                     linkList(terms.map { ($0.term, .glossary($0.id), $0.definition) })])
        case .flowPicker:
            var blocks = [Block.heading(heading(1, "Check a symptom"))]
            if let disclaimer = store.strings.values["flow-disclaimer"] { blocks.append(.paragraph([.text(disclaimer)])) }
            if store.flows.isEmpty {
                blocks.append(notLoaded("No symptom checks could be loaded."))
            } else {
                blocks.append(linkList(store.flows.map { ($0.title, .flow($0.id), nil) }, ordered: true))
            }
            return Document(blocks: blocks)
        case .walkthroughPicker:
            let list = store.walkthroughs.isEmpty ? notLoaded("No walkthroughs could be loaded.")
                : linkList(store.walkthroughs.map { ($0.title, .walkthrough($0.id), $0.summary.isEmpty ? nil : $0.summary) }, ordered: true)
            return Document(blocks: [.heading(heading(1, "Walkthroughs")), list])
        case .flow(let id, let answers):
            return FlowPage.document(id, answers: answers, env)
        case .walkthrough(let id, let step):
            return WalkthroughPage.document(id, step: step, env, marks: marks)
        case .file:
            return env.file?.document ?? Document(blocks: [])
        }
    }

    /// Said when menu files exist but none parsed (every one is broken).
    private static func notLoaded(_ what: String) -> Block {
        .paragraph([.text(what + " Please ask the staff to run 'bedside check'; until then, call your care team with any worry.")])
    }

    static func title(_ page: Page, _ env: AppEnvironment) -> String {
        switch page {
        case .home: return "Home"
        case .section(let id): return env.store.section(id)?.title ?? id
        case .topic(let id): return env.store.topic(id)?.title ?? id
        case .glossaryIndex: return "Glossary"
        case .flowPicker: return "Check a symptom"
        case .flow(let id, _): return env.store.flow(id)?.title ?? id
        case .walkthroughPicker: return "Walkthroughs"
        case .walkthrough(let id, _): return env.store.walkthrough(id)?.title ?? id
        case .file(let path): return path.split(separator: "/").last.map(String.init) ?? path
        }
    }

    /// "Symptoms › Bone pain": where you are, for the status bar.
    static func breadcrumb(_ page: Page, _ env: AppEnvironment) -> String {
        switch page {
        case .topic(let id):
            guard let topic = env.store.topic(id) else { return id }
            let section = env.store.section(topic.section)?.title
            return [section, topic.title].compactMap { $0 }.joined(separator: env.unicode ? " › " : " > ")
        case .flow:
            return ["Check a symptom", title(page, env)].joined(separator: env.unicode ? " › " : " > ")
        case .walkthrough(_, let step):
            return [title(page, env), "Step \(step + 1)"].joined(separator: env.unicode ? " › " : " > ")
        default:
            return title(page, env)
        }
    }

    static func heading(_ level: Int, _ text: String) -> Heading {
        Heading(level: level, content: [.text(text)], anchor: Anchor.slug(text), line: 0)
    }

    static func linkList(_ items: [(String, LinkTarget, String?)], ordered: Bool = false) -> Block {
        .list(ListBlock(ordered: ordered, tight: true, items: items.map { title, target, note in
            var inlines: [Inline] = [.link(Link(target: target, destination: "", content: [.text(title)], location: SourceLocation(line: 0)))]
            if let note { inlines.append(.text(" - " + note)) }
            return [.paragraph(inlines)]
        }))
    }
}

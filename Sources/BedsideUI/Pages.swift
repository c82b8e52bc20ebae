import BedsideContent

/// Builds the document shown for each page, from the content store alone.
/// Home, section and index pages are generated Markdown documents, so the
/// reader, links, Tab and find work the same everywhere.
enum Pages {
    /// - Parameter marks: teach-back marks, for walkthrough pages.
    /// "English | Español" at the top of home: each name in its own language,
    /// the current one plain, the others links that switch at once.
    static func languageChoice(_ env: AppEnvironment) -> [Block] {
        guard env.languages.count > 1 else { return [] }
        var inlines: [Inline] = []
        for (index, choice) in env.languages.enumerated() {
            if index > 0 { inlines.append(.text(" | ")) }
            if choice.language == env.store.language {
                inlines.append(.strong([.text(choice.name)]))
            } else {
                inlines.append(.link(Link(target: .app(.language(choice.language)), destination: "", content: [.text(choice.name)], location: SourceLocation(line: 0))))
            }
        }
        return [.paragraph(inlines)]
    }

    static func document(_ page: Page, _ env: AppEnvironment, marks: [VisitLog.PromptKey: VisitLog.Mark] = [:]) -> Document {
        let store = env.store
        let text = store.strings
        switch page {
        case .home:
            var blocks = languageChoice(env) + phones(store.home, env).blocks
            // The ways in come first, so "Check a symptom" and the glossary show
            // on the first 80x24 screen; the sections follow.
            var more: [(String, LinkTarget, String?)] = []
            if store.hasFlowFiles { more.append((text[.homeCheckSymptom], .flowPicker, text[.homeCheckSymptomNote])) }
            if !store.glossary.isEmpty { more.append((text[.homeGlossary], .glossaryIndex, nil)) }
            if store.hasWalkthroughFiles { more.append((text[.homeWalkthroughs], .walkthroughPicker, nil)) }
            if env.kiosk { more.append((text[.homeFinish], .app(.forgetVisit), text[.homeFinishNote])) }
            if !more.isEmpty {
                blocks.append(.heading(heading(2, text[.homeMore])))
                blocks.append(linkList(more))
            }
            blocks.append(.heading(heading(2, text[.homeSections])))
            blocks.append(linkList(store.manifest.sections.map { ($0.title, .section($0.id), nil) }))
            if store.home == ContentLoader.minimalHome(text) { blocks.append(.paragraph([.text(text[.homeKeys])])) }
            return Document(blocks: blocks)
        case .section(let id):
            let topics = store.topics(inSection: id)
            return Document(blocks: [.heading(heading(1, store.section(id)?.title ?? id)),
                                     linkList(topics.map { ($0.title, .topic(id: $0.id, anchor: nil), $0.summary) })])
        case .topic(let id):
            guard let topic = store.topic(id), let body = store.document(for: id) else {
                return Document(blocks: [.paragraph([.text(text[.topicNotLoaded])])])
            }
            var blocks = [Block.heading(heading(1, topic.title))] + phones(body, env).blocks + [.thematicBreak]
            let related = topic.related.compactMap { store.topic($0.value) }
            if !related.isEmpty {
                blocks.append(.heading(heading(2, text[.pageReadNext])))
                blocks.append(linkList(related.map { ($0.title, .topic(id: $0.id, anchor: nil), nil) }))
            }
            blocks.append(.heading(heading(3, text[.pageSources])))
            blocks.append(.list(ListBlock(ordered: false, items: topic.sources.map { source in
                [.paragraph([.text([source.title, source.organisation, source.url].compactMap { $0 }.joined(separator: ", "))])]
            })))
            if let reviewed = topic.reviewed {
                blocks.append(.paragraph([.emphasis([.text(text.text(.pageLastReviewed, ["date": text.date(year: reviewed.year, month: reviewed.month, day: reviewed.day)]))])]))
            }
            return Document(blocks: blocks)
        case .glossaryIndex:
            let terms = store.glossary.sorted { $0.term.lowercased() < $1.term.lowercased() }
            return GlossaryPages.index(terms, text)
        case .glossaryTerm(let id):
            return GlossaryPages.term(id, env)
        case .flowPicker:
            var blocks = [Block.heading(heading(1, text[.pageCheckSymptom]))]
            blocks.append(.paragraph([.text(text[.flowDisclaimer])]))
            if store.flows.isEmpty {
                blocks.append(notLoaded(text[.menuNoFlows], text))
            } else {
                blocks.append(linkList(store.flows.map { ($0.title, .flow($0.id), nil) }, ordered: true))
            }
            return Document(blocks: blocks)
        case .walkthroughPicker:
            let list = store.walkthroughs.isEmpty ? notLoaded(text[.menuNoWalkthroughs], text)
                : linkList(store.walkthroughs.map { ($0.title, .walkthrough($0.id), $0.summary.isEmpty ? nil : $0.summary) }, ordered: true)
            return Document(blocks: [.heading(heading(1, text[.pageWalkthroughs])), list])
        case .flow(let id, let answers):
            return FlowPage.document(id, answers: answers, env)
        case .walkthrough(let id, let step):
            return WalkthroughPage.document(id, step: step, env, marks: marks)
        case .file:
            return env.file?.document ?? Document(blocks: [])
        }
    }

    /// The clinic's numbers in place of `{phone:...}`.
    static func phones(_ document: Document, _ env: AppEnvironment) -> Document {
        document.mappingText { PhonePlaceholder.fill($0, site: env.site, strings: env.store.strings) }
    }

    /// Said when menu files exist but none parsed (every one is broken).
    private static func notLoaded(_ what: String, _ text: Catalogue) -> Block {
        .paragraph([.text(what + " " + text[.menuAskStaff])])
    }

    static func title(_ page: Page, _ env: AppEnvironment) -> String {
        switch page {
        case .home: return env.store.strings[.pageHome]
        case .section(let id): return env.store.section(id)?.title ?? id
        case .topic(let id): return env.store.topic(id)?.title ?? id
        case .glossaryIndex: return env.store.strings[.pageGlossary]
        case .glossaryTerm(let id): return env.store.term(id)?.term ?? id
        case .flowPicker: return env.store.strings[.pageCheckSymptom]
        case .flow(let id, _): return env.store.flow(id)?.title ?? id
        case .walkthroughPicker: return env.store.strings[.pageWalkthroughs]
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
            return [env.store.strings[.pageCheckSymptom], title(page, env)].joined(separator: env.unicode ? " › " : " > ")
        case .walkthrough(_, let step):
            return [title(page, env), env.store.strings.text(.pageStep, ["number": "\(step + 1)"])].joined(separator: env.unicode ? " › " : " > ")
        case .glossaryTerm:
            return [env.store.strings[.pageGlossary], title(page, env)].joined(separator: env.unicode ? " › " : " > ")
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

import BedsideContent

/// A nurse walkthrough step as a generated document: progress, the nurse's
/// note, the part of the topic to go through (or a link to run a flow), and
/// the teach-back prompts the nurse marks "understood" or "needs review".
enum WalkthroughPage {
    static func document(_ id: String, step: Int, _ env: AppEnvironment, marks allMarks: [VisitLog.PromptKey: VisitLog.Mark]) -> Document {
        let text = env.store.strings
        guard let walkthrough = env.store.walkthrough(id), !walkthrough.steps.isEmpty else {
            return Document(blocks: [.paragraph([.text(text[.walkthroughNotLoaded])])])
        }
        let index = min(max(0, step), walkthrough.steps.count - 1)
        let current = walkthrough.steps[index]
        var blocks: [Block] = [.heading(Pages.heading(1, walkthrough.title))]
        blocks.append(.paragraph([.emphasis([.text(text.text(.walkStepOf, ["number": "\(index + 1)", "count": "\(walkthrough.steps.count)"]))])]))
        if let note = current.nurseNote {
            blocks.append(.callout(Callout(kind: .note, label: text[.walkNurseNote], blocks: [.paragraph([.text(note)])])))
        }
        blocks += content(of: current.target, env)
        blocks.append(.heading(Pages.heading(2, text[.walkTeachBack])))
        blocks.append(.paragraph([.emphasis([.text(text[.walkTeachBackHow])])]))
        var marks: [Int: VisitLog.Mark] = [:]
        for (key, mark) in allMarks where key.walkthrough == id && key.step == index { marks[key.prompt] = mark }
        blocks.append(.list(ListBlock(ordered: true, tight: false, items: current.prompts.enumerated().map { number, prompt in
            // The marks get their own line so "[x] needs review" never wraps apart.
            var item: [Block] = [.paragraph([.text(prompt)]),
                                 .paragraph(markLinks(step: index, prompt: number, current: marks[number], text))]
            if marks[number] == .needsReview, let again = explainAgain(current.target, env) {
                item.append(.paragraph([.text(text[.walkExplainAgain]), again]))
            }
            return item
        })))
        blocks.append(.paragraph(navigation(index, count: walkthrough.steps.count, text)))
        return Document(blocks: blocks)
    }

    static func markLinks(step: Int, prompt: Int, current: VisitLog.Mark?, _ words: Catalogue) -> [Inline] {
        func link(_ text: String, _ understood: Bool, chosen: Bool) -> Inline {
            .link(Link(target: .app(.markTeachBack(step: step, prompt: prompt, understood: understood)), destination: "",
                       content: [chosen ? .strong([.text("[x] " + text)]) : .text("[ ] " + text)], location: SourceLocation(line: 0)))
        }
        return [link(words[.walkUnderstood], true, chosen: current == .understood), .text("   "),
                link(words[.walkNeedsReview], false, chosen: current == .needsReview)]
    }

    static func navigation(_ index: Int, count: Int, _ text: Catalogue) -> [Inline] {
        var inlines: [Inline] = []
        if index > 0 {
            inlines.append(.link(Link(target: .app(.goToStep(index - 1)), destination: "", content: [.text(text[.walkPrevious])], location: SourceLocation(line: 0))))
        }
        if index + 1 < count {
            if !inlines.isEmpty { inlines.append(.text("   ")) }
            inlines.append(.link(Link(target: .app(.goToStep(index + 1)), destination: "", content: [.text(text[.walkNext])], location: SourceLocation(line: 0))))
        } else {
            if !inlines.isEmpty { inlines.append(.text("   ")) }
            inlines.append(.text(text[.walkLast]))
        }
        return inlines
    }

    /// The topic (or just its section) to go through, or the flow to run.
    static func content(of target: Walkthrough.Target, _ env: AppEnvironment) -> [Block] {
        switch target {
        case .flow(let flowID):
            let title = env.store.flow(flowID)?.title ?? flowID
            let text = env.store.strings
            return [.heading(Pages.heading(2, title)),
                    .paragraph([.text(text[.walkRunCheck]),
                                .link(Link(target: .flow(flowID), destination: "", content: [.text(text[.walkStartCheck])], location: SourceLocation(line: 0))),
                                .text(text[.walkComesBack])])]
        case .topic(let topicID, let anchor):
            guard let topic = env.store.topic(topicID), let body = env.store.document(for: topicID) else {
                return [.paragraph([.text(env.store.strings[.topicNotLoaded])])]
            }
            var blocks: [Block] = [.heading(Pages.heading(2, topic.title))]
            let filled = Pages.phones(body, env).blocks
            blocks += anchor.map { section(filled, anchor: $0) } ?? filled
            return blocks
        }
    }

    /// The blocks under the heading with `anchor`, up to the next heading of
    /// the same or a higher level.
    static func section(_ blocks: [Block], anchor: String) -> [Block] {
        guard let start = blocks.firstIndex(where: { if case .heading(let h) = $0 { h.anchor == anchor } else { false } }),
              case .heading(let heading) = blocks[start] else { return blocks }
        var out: [Block] = [blocks[start]]
        for block in blocks[(start + 1)...] {
            if case .heading(let h) = block, h.level <= heading.level { break }
            out.append(block)
        }
        return out
    }

    static func explainAgain(_ target: Walkthrough.Target, _ env: AppEnvironment) -> Inline? {
        switch target {
        case .topic(let id, let anchor):
            let title = env.store.topic(id)?.title ?? id
            return .link(Link(target: .topic(id: id, anchor: anchor), destination: "", content: [.text(title)], location: SourceLocation(line: 0)))
        case .flow(let id):
            return .link(Link(target: .flow(id), destination: "", content: [.text(env.store.flow(id)?.title ?? id)], location: SourceLocation(line: 0)))
        }
    }
}

extension AppState {
    /// "step/prompt/u|r": marks a teach-back prompt; the same mark again clears it.
    mutating func markTeachBack(step: Int, prompt: Int, _ mark: VisitLog.Mark, _ env: AppEnvironment) {
        guard case .walkthrough(let id, _) = location.page else { return }
        let key = VisitLog.PromptKey(walkthrough: id, step: step, prompt: prompt)
        visit.marks[key] = visit.marks[key] == mark ? nil : mark
        let text = env.store.strings
        message = visit.marks[key].map { text.text(.walkMarked, ["mark": text[$0 == .understood ? .walkUnderstood : .walkNeedsReview]]) }
            ?? text[.walkMarkCleared]
    }
}

import BedsideContent

/// A nurse walkthrough step as a generated document: progress, the nurse's
/// note, the part of the topic to go through (or a link to run a flow), and
/// the teach-back prompts the nurse marks "understood" or "needs review".
enum WalkthroughPage {
    static func document(_ id: String, step: Int, _ env: AppEnvironment, marks allMarks: [VisitLog.PromptKey: VisitLog.Mark]) -> Document {
        guard let walkthrough = env.store.walkthrough(id), !walkthrough.steps.isEmpty else {
            return Document(blocks: [.paragraph([.text("This walkthrough could not be loaded.")])])
        }
        let index = min(max(0, step), walkthrough.steps.count - 1)
        let current = walkthrough.steps[index]
        var blocks: [Block] = [.heading(Pages.heading(1, walkthrough.title))]
        blocks.append(.paragraph([.emphasis([.text("Step \(index + 1) of \(walkthrough.steps.count)")])]))
        if let note = current.nurseNote {
            blocks.append(.callout(Callout(kind: .note, label: "Nurse note:", blocks: [.paragraph([.text(note)])])))
        }
        blocks += content(of: current.target, env)
        blocks.append(.heading(Pages.heading(2, "Teach-back")))
        blocks.append(.paragraph([.emphasis([.text("Ask in your own words. Mark each answer.")])]))
        var marks: [Int: VisitLog.Mark] = [:]
        for (key, mark) in allMarks where key.walkthrough == id && key.step == index { marks[key.prompt] = mark }
        blocks.append(.list(ListBlock(ordered: true, tight: false, items: current.prompts.enumerated().map { number, prompt in
            // The marks get their own line so "[x] needs review" never wraps apart.
            var item: [Block] = [.paragraph([.text(prompt)]),
                                 .paragraph(markLinks(step: index, prompt: number, current: marks[number]))]
            if marks[number] == .needsReview, let again = explainAgain(current.target, env) {
                item.append(.paragraph([.text("Explain again: "), again]))
            }
            return item
        })))
        blocks.append(.paragraph(navigation(index, count: walkthrough.steps.count)))
        return Document(blocks: blocks)
    }

    static func markLinks(step: Int, prompt: Int, current: VisitLog.Mark?) -> [Inline] {
        func link(_ text: String, _ understood: Bool, chosen: Bool) -> Inline {
            .link(Link(target: .app(.markTeachBack(step: step, prompt: prompt, understood: understood)), destination: "",
                       content: [chosen ? .strong([.text("[x] " + text)]) : .text("[ ] " + text)], location: SourceLocation(line: 0)))
        }
        return [link("understood", true, chosen: current == .understood), .text("   "),
                link("needs review", false, chosen: current == .needsReview)]
    }

    static func navigation(_ index: Int, count: Int) -> [Inline] {
        var inlines: [Inline] = []
        if index > 0 {
            inlines.append(.link(Link(target: .app(.goToStep(index - 1)), destination: "", content: [.text("Previous step")], location: SourceLocation(line: 0))))
        }
        if index + 1 < count {
            if !inlines.isEmpty { inlines.append(.text("   ")) }
            inlines.append(.link(Link(target: .app(.goToStep(index + 1)), destination: "", content: [.text("Next step")], location: SourceLocation(line: 0))))
        } else {
            if !inlines.isEmpty { inlines.append(.text("   ")) }
            inlines.append(.text("Last step. Press p for the take-home summary."))
        }
        return inlines
    }

    /// The topic (or just its section) to go through, or the flow to run.
    static func content(of target: Walkthrough.Target, _ env: AppEnvironment) -> [Block] {
        switch target {
        case .flow(let flowID):
            let title = env.store.flow(flowID)?.title ?? flowID
            return [.heading(Pages.heading(2, title)),
                    .paragraph([.text("Run this symptom check together: "),
                                .link(Link(target: .flow(flowID), destination: "", content: [.text("start the check")], location: SourceLocation(line: 0))),
                                .text(". Backspace comes back here.")])]
        case .topic(let topicID, let anchor):
            guard let topic = env.store.topic(topicID), let body = env.store.document(for: topicID) else {
                return [.paragraph([.text("This topic could not be loaded.")])]
            }
            var blocks: [Block] = [.heading(Pages.heading(2, topic.title))]
            blocks += anchor.map { section(body.blocks, anchor: $0) } ?? body.blocks
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
        message = visit.marks[key].map { "Marked: \($0.rawValue)." } ?? "Mark cleared."
    }
}

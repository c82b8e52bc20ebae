import BedsideContent
import BedsideFlows

/// Symptom-flow screens as generated documents, so links, Tab, find, the
/// mouse and scrolling work as on any page. A flow page is the flow plus the
/// answers given so far; the session is replayed from them (it is cheap), so
/// the history stack alone remembers where the patient is.
enum FlowPage {
    /// The session after `answers`, or nil when the flow does not exist.
    /// An answer that no longer fits (content changed) stops the replay there.
    static func session(_ id: String, answers: [String], _ store: ContentStore) -> FlowSession? {
        guard let flow = store.flow(id) else { return nil }
        var session = FlowSession(flow: flow)
        for answer in answers {
            do { try session.answer(answer) } catch { break }
        }
        return session
    }

    static func card(_ session: FlowSession, _ env: AppEnvironment) -> CareCard? {
        CareCard(session: session, site: env.site, store: env.store)
    }

    static func document(_ id: String, answers: [String], _ env: AppEnvironment) -> Document {
        guard let session = session(id, answers: answers, env.store) else {
            return Document(blocks: [.paragraph([.text("This symptom check could not be loaded.")])])
        }
        let words = FlowWords(env.store.strings)
        switch session.current {
        case .question(let question):
            return questionDocument(session, question, words)
        case .outcome:
            return outcomeDocument(session, card(session, env)!, words)
        }
    }

    static func questionDocument(_ session: FlowSession, _ question: FlowQuestion, _ words: FlowWords) -> Document {
        var blocks: [Block] = [.heading(Pages.heading(1, session.flow.title))]
        let progress = session.progress
        blocks.append(.paragraph([.emphasis([.text(words.fill("flow-progress", ["number": "\(progress.number)", "upTo": "\(progress.upTo)"]))])]))
        if session.answered.isEmpty {
            blocks += session.flow.intro.blocks
            blocks.append(.paragraph([.text(words["flow-disclaimer"])]))
        }
        blocks.append(.heading(Pages.heading(2, question.text)))
        if let help = question.help { blocks.append(.paragraph([.text(help)])) }
        // Loose list: a blank line between answers makes each a large target.
        blocks.append(.list(ListBlock(ordered: true, tight: false, items: question.answers.map { answer in
            [.paragraph([.link(Link(target: .app(.answer(answer.id)), destination: "",
                                    content: [.strong([.text(answer.text)])], location: SourceLocation(line: 0)))])]
        })))
        var hint = "Press the number of your answer."
        if !session.answered.isEmpty { hint += " Backspace changes your last answer." }
        blocks.append(.paragraph([.emphasis([.text(hint)])]))
        return Document(blocks: blocks)
    }

    /// The care card. Its order puts what to do now first: the level, whom to
    /// call, what to do while waiting, the steps and what to say. For an
    /// emergency all of that fits one 80x24 screen (tested).
    static func outcomeDocument(_ session: FlowSession, _ card: CareCard, _ words: FlowWords) -> Document {
        // One paragraph with line breaks: the level, who to call and the safety
        // line stay together at the top without blank lines between them.
        let phones = card.phones.map { phone in phone.label + ": " + phone.display }
        var top: [Inline] = [.strong([.text(card.title)]), .lineBreak]
        if let note = card.escalationNote { top += [.text(note), .lineBreak] }
        top += [.strong([.text(card.headings.call + ": ")]), .text(phones.joined(separator: "; ")), .lineBreak,
                .strong([.text(card.safetyLine)])]
        let inside: [Block] = [.paragraph(top)]
        var blocks: [Block] = [.callout(Callout(kind: calloutKind(card.level), label: card.headline, blocks: inside))]
        blocks.append(.paragraph([.strong([.text(card.headings.steps)])]))
        blocks.append(.list(ListBlock(ordered: true, items: card.steps.map { [.paragraph([.text($0)])] })))
        // What to say, for the patient and for a carer, in one paragraph: the
        // phone call comes before any explanation, and it must fit 80x24.
        var say: [Inline] = []
        if let words = card.say {
            say += [.strong([.text(card.headings.say + ": ")]), .text("\u{201C}" + words + "\u{201D}")]
        }
        if let other = card.sayForSomeone {
            if !say.isEmpty { say.append(.lineBreak) }
            say += [.strong([.text(card.headings.sayForSomeone + ": ")]), .text("\u{201C}" + other + "\u{201D}")]
        }
        if !say.isEmpty { blocks.append(.paragraph(say)) }
        // Below this rule is the explanation: what it may mean and what to read.
        // Everything above it is what to do now, and fits one 80x24 screen (tested).
        blocks.append(.thematicBreak)
        blocks.append(.paragraph([.strong([.text(card.headings.meaning + ": ")]), .text(card.meaning)]))
        if !card.related.isEmpty {
            var inlines: [Inline] = [.strong([.text(card.headings.related + ": ")])]
            for (i, topic) in card.related.enumerated() {
                if i > 0 { inlines.append(.text(", ")) }
                inlines.append(.link(Link(target: .topic(id: topic.id, anchor: nil), destination: "",
                                          content: [.text(topic.title)], location: SourceLocation(line: 0))))
            }
            blocks.append(.paragraph(inlines))
        }
        blocks.append(.thematicBreak)
        blocks.append(.heading(Pages.heading(2, words["flow-heading-answers"])))
        blocks.append(.list(ListBlock(ordered: false, items: session.answered.map {
            [.paragraph([.text($0.question.text + " "), .strong([.text($0.answer.text)])])]
        })))
        blocks.append(.paragraph([.link(Link(target: .app(.restartFlow), destination: "", content: [.text("Start this check again")],
                                             location: SourceLocation(line: 0))),
                                  .text(" or press Backspace to change your last answer.")]))
        return Document(blocks: blocks)
    }

    static func calloutKind(_ level: UrgencyLevel) -> Callout.Kind {
        switch level {
        case .emergency: .emergency
        case .urgent: .warning
        case .soon: .note
        case .routine: .tip
        }
    }
}

extension AppState {
    /// Answers the current flow question: a new page, so Back undoes it.
    mutating func answerFlow(_ answerID: String, _ env: AppEnvironment) {
        guard case .flow(let id, let answers) = location.page,
              let session = FlowPage.session(id, answers: answers, env.store),
              let question = session.question, question.answers.contains(where: { $0.id == answerID }) else { return }
        go(to: .flow(id, answers: Array(session.answered.map(\.answer.id)) + [answerID]), env)
    }

    /// Digits on a question page choose that answer (1 = first).
    mutating func answerFlow(number: Int, _ env: AppEnvironment) -> Bool {
        guard case .flow(let id, let answers) = location.page,
              let question = FlowPage.session(id, answers: answers, env.store)?.question else { return false }
        guard number >= 1, number <= question.answers.count else {
            message = "Please press a number from 1 to \(question.answers.count)."
            return true
        }
        answerFlow(question.answers[number - 1].id, env)
        return true
    }
}

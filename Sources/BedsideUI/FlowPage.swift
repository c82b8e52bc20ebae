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
        let text = env.store.strings
        guard let session = session(id, answers: answers, env.store) else {
            return Document(blocks: [.paragraph([.text(text[.flowNotLoaded])])])
        }
        switch session.current {
        case .question(let question):
            return questionDocument(session, question, text)
        case .outcome:
            return outcomeDocument(session, card(session, env)!, text)
        }
    }

    /// The anchor of the question heading, so the screen can keep the
    /// question in view (it is not a slug of the text: two questions may share words).
    static let questionAnchor = "bedside-question"

    static func questionDocument(_ session: FlowSession, _ question: FlowQuestion, _ text: Catalogue) -> Document {
        var blocks: [Block] = [.heading(Pages.heading(1, session.flow.title))]
        let progress = session.progress
        blocks.append(.paragraph([.emphasis([.text(text.text(.flowProgress, ["number": "\(progress.number)", "upTo": "\(progress.upTo)"]))])]))
        if session.answered.isEmpty {
            blocks += session.flow.intro.blocks
            blocks.append(.paragraph([.text(text[.flowDisclaimer])]))
        }
        blocks.append(.heading(Heading(level: 2, content: [.text(question.text)], anchor: questionAnchor, line: 0)))
        if let help = question.help { blocks.append(.paragraph([.text(help)])) }
        // Loose list: a blank line between answers makes each a large target.
        // The list numbers are what digits choose; no other link on a question
        // page shows a number (see `layoutOptions`).
        blocks.append(.list(ListBlock(ordered: true, tight: false, items: question.answers.map { answer in
            [.paragraph([.link(Link(target: .app(.answer(answer.id)), destination: "",
                                    content: [.strong([.text(answer.text)])], location: SourceLocation(line: 0)))])]
        })))
        blocks.append(.paragraph([.emphasis([.text(session.answered.isEmpty ? text[.flowPressNumber] : text[.flowPressNumberBack])])]))
        return Document(blocks: blocks)
    }

    static func outcomeDocument(_ session: FlowSession, _ card: CareCard, _ text: Catalogue) -> Document {
        var blocks = CareCardDocument.blocks(card)
        blocks.append(.thematicBreak)
        blocks.append(.heading(Pages.heading(2, text[.flowHeadingAnswers])))
        blocks.append(.list(ListBlock(ordered: false, items: session.answered.map {
            [.paragraph([.text($0.question.text + " "), .strong([.text($0.answer.text)])])]
        })))
        blocks.append(.paragraph([.link(Link(target: .app(.restartFlow), destination: "", content: [.text(text[.flowStartAgain])],
                                             location: SourceLocation(line: 0))),
                                  .text(text[.flowOrBackspace])]))
        return Document(blocks: blocks)
    }

    /// On a question page digits answer, so no other link shows a number there.
    static func isQuestion(_ page: Page, _ store: ContentStore) -> Bool {
        guard case .flow(let id, let answers) = page else { return false }
        return session(id, answers: answers, store)?.question != nil
    }
}

extension AppState {
    /// Answers the current flow question: a new page, so Back undoes it.
    mutating func answerFlow(_ answerID: String, _ env: AppEnvironment) {
        guard case .flow(let id, let answers) = location.page,
              let session = FlowPage.session(id, answers: answers, env.store),
              let question = session.question, question.answers.contains(where: { $0.id == answerID }) else { return }
        // Remember the choice on this page: Backspace comes back with it selected.
        let layout = layout(env)
        location.selectedLink = layout.links.firstIndex { $0.target == .app(.answer(answerID)) }
        go(to: .flow(id, answers: Array(session.answered.map(\.answer.id)) + [answerID]), env)
    }

    /// Digits on a question page choose that answer (1 = first), but only an
    /// answer the reader can see: a key must never answer a question that is
    /// off screen. An answer out of view is scrolled into view instead.
    mutating func answerFlow(number: Int, _ env: AppEnvironment) -> Bool {
        guard case .flow(let id, let answers) = location.page,
              let question = FlowPage.session(id, answers: answers, env.store)?.question else { return false }
        guard number >= 1, number <= question.answers.count else {
            message = env.store.strings.text(.flowNumberRange, ["count": "\(question.answers.count)"])
            return true
        }
        let layout = layout(env)
        let answerLinks = layout.links.indices.filter { if case .app(.answer) = layout.links[$0].target { true } else { false } }
        if number - 1 < answerLinks.count, !isQuestionVisible(env) || !isVisible(link: answerLinks[number - 1], env) {
            keepQuestionInView(env)
            return true
        }
        answerFlow(question.answers[number - 1].id, env)
        return true
    }

    func isQuestionVisible(_ env: AppEnvironment) -> Bool {
        guard let line = layout(env).line(ofAnchor: FlowPage.questionAnchor) else { return true }
        return line >= location.scroll && line < location.scroll + frame.text.height
    }

    /// On a question page, scrolls so the question and its answers are on
    /// screen: the intro gives way first. When they cannot all fit, the
    /// question goes to the top with as many answers as fit below it.
    mutating func keepQuestionInView(_ env: AppEnvironment) {
        guard FlowPage.isQuestion(location.page, env.store), !frame.tooSmall else { return }
        let layout = layout(env)
        guard let questionLine = layout.line(ofAnchor: FlowPage.questionAnchor) else { return }
        let lastAnswerLine = layout.links.filter { if case .app(.answer) = $0.target { true } else { false } }
            .map(\.firstLine).max() ?? questionLine
        let height = frame.text.height
        let top = location.scroll, bottom = top + height
        if questionLine >= top && lastAnswerLine < bottom { return }
        // Fits when the last answer is within a screen of the question: show the
        // most of the intro that still leaves every answer visible.
        let wanted = lastAnswerLine - height + 1
        scroll(to: min(questionLine, max(wanted, 0)), env)
    }
}

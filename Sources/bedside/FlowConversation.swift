import Foundation
import BedsideContent
import BedsideFlows
import BedsideUI

/// The plain-text question-and-answer run behind `bedside flow ID`: one
/// question at a time, answers read line by line, so it works with a screen
/// reader and with piped input. Input and output are passed in, which keeps
/// it testable without a terminal.
struct FlowConversation {
    var store: ContentStore
    var site: SiteConfig
    var width: Int
    /// The flow's intro, already laid out as plain lines.
    var introLines: [String]

    init(store: ContentStore, site: SiteConfig, width: Int, introLines: [String] = []) {
        self.store = store
        self.site = site
        self.width = max(20, width)
        self.introLines = introLines
    }

    /// Asks until an outcome, `q`, or the end of input. `b` goes back one question.
    func run(_ session: inout FlowSession, readLine: () -> String?, write: ([String]) -> Void) {
        let text = store.strings
        write([session.flow.title])
        let intro = introLines.map(\.trimmingTrailingSpaces)
        if !intro.isEmpty { write([""] + intro) }
        write([""] + TextWrap.lines(text[.flowDisclaimer], width: width))
        while true {
            switch session.current {
            case .outcome(let outcome):
                let card = CareCard(outcome: outcome, flow: session.flow, site: site, store: store, escalated: session.escalated)
                write([""] + FlowText.path(session.answered, text: text, width: width)
                      + [""] + FlowText.card(card, store: store, width: width))
                return
            case .question(let question):
                write([""] + FlowText.question(question, progress: session.progress, text: text, width: width)
                      + TextWrap.lines(text[.flowPrompt], width: width))
                guard let line = readLine() else {
                    write([""] + TextWrap.lines(text[.flowStopped], width: width))
                    return
                }
                switch line.trimmingCharacters(in: .whitespaces).lowercased() {
                case "b", "back":
                    session.back()
                case "q", "quit":
                    write([""] + TextWrap.lines(text[.flowStopped], width: width))
                    return
                case let typed:
                    do {
                        try session.answer(input: typed)
                    } catch {
                        write(TextWrap.lines(text.text(.flowNotAnAnswer, ["count": "\(question.answers.count)"]), width: width))
                    }
                }
            }
        }
    }
}

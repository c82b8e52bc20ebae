import Foundation
import BedsideContent

/// The plain-text question-and-answer run behind `bedside flow ID`: one
/// question at a time, answers read line by line, so it works with a screen
/// reader and with piped input. Input and output are passed in, which keeps
/// it testable without a terminal.
public struct FlowConversation {
    public var store: ContentStore
    public var site: SiteConfig
    public var width: Int
    /// The flow's intro, already laid out as plain lines.
    public var introLines: [String]

    public init(store: ContentStore, site: SiteConfig, width: Int, introLines: [String] = []) {
        self.store = store
        self.site = site
        self.width = max(20, width)
        self.introLines = introLines
    }

    /// Asks until an outcome, `q`, or the end of input. `b` goes back one question.
    public func run(_ session: inout FlowSession, readLine: () -> String?, write: ([String]) -> Void) {
        let words = FlowWords(store.strings)
        write([session.flow.title])
        let intro = introLines.map(\.trimmingTrailingSpaces)
        if !intro.isEmpty { write([""] + intro) }
        write([""] + CareCardText.wrap(words["flow-disclaimer"], width: width))
        while true {
            switch session.current {
            case .outcome(let outcome):
                let card = CareCard(outcome: outcome, flow: session.flow, site: site, store: store, escalated: session.escalated)
                write([""] + CareCardText.path(session.answered, words: words, width: width)
                      + [""] + CareCardText.lines(card, width: width))
                return
            case .question(let question):
                write([""] + CareCardText.question(question, progress: session.progress, words: words, width: width)
                      + CareCardText.wrap(words["flow-prompt"], width: width))
                guard let line = readLine() else {
                    write([""] + CareCardText.wrap(words["flow-stopped"], width: width))
                    return
                }
                switch line.trimmingCharacters(in: .whitespaces).lowercased() {
                case "b", "back":
                    session.back()
                case "q", "quit":
                    write([""] + CareCardText.wrap(words["flow-stopped"], width: width))
                    return
                case let typed:
                    do {
                        try session.answer(input: typed)
                    } catch {
                        write(CareCardText.wrap(words.fill("flow-not-an-answer", ["count": "\(question.answers.count)"]), width: width))
                    }
                }
            }
        }
    }
}

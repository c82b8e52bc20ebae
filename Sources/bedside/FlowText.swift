import BedsideContent
import BedsideFlows
import BedsideUI

/// `bedside flow` as plain text: the care card comes from the browser's one
/// renderer (`CareCardDocument`) laid out as ASCII text, so the level, whom to
/// call and the safety line read the same on screen, in a pipe and on paper.
enum FlowText {
    /// The card as lines no wider than `width`, then its links by number.
    static func card(_ card: CareCard, store: ContentStore, width: Int) -> [String] {
        let (lines, layout) = CareCardDocument.plainLines(card, width: width, numberLinks: true)
        var out = lines
        if !layout.links.isEmpty {
            out += ["", store.strings[.readLinks]]
            for link in layout.links where link.number > 0 {
                out += TextWrap.lines(ASCIIFold.fold("[\(link.number)] " + PlainTextPage.describe(link.target, from: nil, store)),
                                      width: width, rest: "    ")
            }
        }
        return out
    }

    /// A question with its numbered answers, under "Question N of up to M".
    static func question(_ question: FlowQuestion, progress: (number: Int, upTo: Int), text: Catalogue, width: Int) -> [String] {
        var out = TextWrap.lines(text.text(.flowProgress, ["number": "\(progress.number)", "upTo": "\(progress.upTo)"]), width: width)
        out += TextWrap.lines(question.text, width: width)
        if let help = question.help { out += TextWrap.lines(help, width: width, first: "  ", rest: "  ") }
        for (index, answer) in question.answers.enumerated() {
            let marker = "  \(index + 1). "
            out += TextWrap.lines(answer.text, width: width, first: marker, rest: String(repeating: " ", count: marker.count))
        }
        return out
    }

    /// The answers given so far: each question, then the answer chosen.
    static func path(_ steps: [AnsweredQuestion], text: Catalogue, width: Int) -> [String] {
        guard !steps.isEmpty else { return [] }
        var out = [text[.flowHeadingAnswers]]
        for step in steps {
            out += TextWrap.lines("\(step.question.text) \(step.answer.text)", width: width, first: "  - ", rest: "    ")
        }
        return out
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

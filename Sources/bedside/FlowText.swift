import BedsideContent

/// Plain-text rendering of flow screens, shared by `bedside flow` and the TUI:
/// pure functions from values to wrapped lines, so a screen reader, a pipe and
/// a test all get the same words.
public enum CareCardText {
    /// The care card as lines no wider than `width` (at least 20 is used).
    public static func lines(_ card: CareCard, width: Int) -> [String] {
        let width = max(20, width)
        var out: [String] = []
        out += wrap(card.headline, width: width)
        out += wrap(card.title, width: width)
        if let note = card.escalationNote { out += wrap(note, width: width) }
        out.append("")
        out.append(card.headings.call)
        for phone in card.phones {
            out += wrap("\(capitalizedFirst(phone.label)): \(phone.display)", width: width, indent: "  ", hanging: "    ")
        }
        out.append("")
        out.append(card.headings.steps)
        for (index, step) in card.steps.enumerated() {
            let marker = "  \(index + 1). "
            out += wrap(step, width: width, indent: marker, hanging: String(repeating: " ", count: marker.count))
        }
        if let say = card.say {
            out.append("")
            out.append(card.headings.say)
            out += wrap("\"\(say)\"", width: width, indent: "  ", hanging: "  ")
        }
        if let other = card.sayForSomeone {
            out += wrap(card.headings.sayForSomeone + ":", width: width)
            out += wrap("\"\(other)\"", width: width, indent: "  ", hanging: "  ")
        }
        out.append("")
        out.append(card.headings.meaning)
        out += wrap(card.meaning, width: width, indent: "  ", hanging: "  ")
        if !card.related.isEmpty {
            out.append("")
            out.append(card.headings.related)
            for topic in card.related {
                out += wrap("- \(topic.title) (\(topic.id))", width: width, indent: "  ", hanging: "    ")
            }
        }
        out.append("")
        out += wrap(card.safetyLine, width: width)
        return out
    }

    /// A question with its numbered answers, under "Question N of up to M".
    public static func question(_ question: FlowQuestion, progress: (number: Int, upTo: Int), words: FlowWords,
                                width: Int) -> [String] {
        let width = max(20, width)
        var out = wrap(words.fill("flow-progress", ["number": "\(progress.number)", "upTo": "\(progress.upTo)"]), width: width)
        out += wrap(question.text, width: width)
        if let help = question.help { out += wrap(help, width: width, indent: "  ", hanging: "  ") }
        for (index, answer) in question.answers.enumerated() {
            let marker = "  \(index + 1). "
            out += wrap(answer.text, width: width, indent: marker, hanging: String(repeating: " ", count: marker.count))
        }
        return out
    }

    /// The answers given so far: each question, then the answer chosen.
    public static func path(_ steps: [AnsweredQuestion], words: FlowWords, width: Int) -> [String] {
        guard !steps.isEmpty else { return [] }
        let width = max(20, width)
        var out = [words["flow-heading-answers"]]
        for step in steps {
            out += wrap("\(step.question.text) \(step.answer.text)", width: width, indent: "  - ", hanging: "    ")
        }
        return out
    }

    static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// Greedy word wrap. The first line starts with `indent`, the rest with
    /// `hanging`; a word longer than a line is split so nothing overflows.
    public static func wrap(_ text: String, width: Int, indent: String = "", hanging: String = "") -> [String] {
        var lines: [String] = []
        var line = indent
        var lineHasWord = false
        func room(_ prefix: String) -> Int { max(1, width - prefix.count) }
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            var word = Substring(word)
            let needed = (lineHasWord ? 1 : 0) + word.count
            if line.count + needed <= width {
                line += (lineHasWord ? " " : "") + word
                lineHasWord = true
                continue
            }
            if lineHasWord {
                lines.append(line)
                line = hanging
                lineHasWord = false
            }
            while !word.isEmpty, line.count + word.count > width {
                let take = max(1, width - line.count)
                lines.append(line + word.prefix(take))
                word = word.dropFirst(take)
                line = hanging
            }
            if !word.isEmpty {
                line += word
                lineHasWord = true
            }
        }
        if lineHasWord || lines.isEmpty { lines.append(lineHasWord ? line : indent.trimmingTrailingSpaces) }
        return lines
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

import BedsideContent
import BedsideFlows

/// The one care-card renderer: a card as document blocks. The browser lays
/// them out on screen, `bedside flow` prints them as plain text through the
/// same layouter, and the summary reuses the card's lines, so the level, whom
/// to call and the safety line read the same everywhere.
///
/// Its order puts what to do now first: the level, whom to call, what to do
/// while waiting, the steps and what to say. For an emergency all of that
/// fits one 80x24 screen (tested).
public enum CareCardDocument {
    public static func blocks(_ card: CareCard, quotes: (open: String, close: String) = ("\u{201C}", "\u{201D}")) -> [Block] {
        // One paragraph with line breaks: the level, who to call and the safety
        // line stay together at the top without blank lines between them.
        var top: [Inline] = [.strong([.text(card.title)]), .lineBreak]
        if let note = card.escalationNote { top += [.text(note), .lineBreak] }
        top += [.strong([.text(card.headings.call + ": ")]), .text(phoneLine(card)), .lineBreak,
                .strong([.text(card.safetyLine)])]
        var blocks: [Block] = [.callout(Callout(kind: calloutKind(card.level), label: card.headline, blocks: [.paragraph(top)]))]
        blocks.append(.paragraph([.strong([.text(card.headings.steps)])]))
        blocks.append(.list(ListBlock(ordered: true, items: card.steps.map { [.paragraph([.text($0)])] })))
        // What to say, for the patient and for a carer, in one paragraph: the
        // phone call comes before any explanation, and it must fit 80x24.
        var say: [Inline] = []
        if let words = card.say {
            say += [.strong([.text(card.headings.say + ": ")]), .text(quotes.open + words + quotes.close)]
        }
        if let other = card.sayForSomeone {
            if !say.isEmpty { say.append(.lineBreak) }
            say += [.strong([.text(card.headings.sayForSomeone + ": ")]), .text(quotes.open + other + quotes.close)]
        }
        if !say.isEmpty { blocks.append(.paragraph(say)) }
        // Below this rule is the explanation: what it may mean and what to read.
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
        return blocks
    }

    /// The card as plain ASCII lines no wider than `width`: what `bedside flow`
    /// prints and what the take-home summary holds, from the same blocks the
    /// screen shows. With `numberLinks`, related topics carry [n] for a list
    /// printed after the card.
    public static func plainLines(_ card: CareCard, width: Int, numberLinks: Bool = false) -> (lines: [String], layout: DocumentLayout) {
        let folded = blocks(card, quotes: ("\"", "\"")).map { $0.mappingText(ASCIIFold.fold) }
        let layout = DocumentLayouter.layout(Document(blocks: folded), options: LayoutOptions(width: width, unicode: false, numberLinks: numberLinks))
        return (layout.lines.map { $0.text.trimmingTrailing() }, layout)
    }

    /// "Your cancer care team's 24-hour line: 555-0100; your care team in
    /// office hours: 555-0199": the most urgent number first.
    public static func phoneLine(_ card: CareCard) -> String {
        card.phones.map { capitalizedFirst($0.label) + ": " + $0.display }.joined(separator: "; ")
    }

    static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
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

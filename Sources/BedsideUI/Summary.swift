import BedsideContent
import BedsideFlows

/// The take-home summary of a visit, as Markdown and as plain text. It lists
/// what was read, the care cards reached (level and numbers), walkthrough
/// steps with teach-back marks, and the clinic's numbers. It is built from the
/// visit log alone, so nothing typed into search can reach it.
public enum SummaryWriter {
    struct Section {
        var heading: String
        var items: [String]
        /// Care cards, whole, as the screen showed them (plain lines).
        var cards: [[String]] = []
    }

    static func sections(_ visit: VisitLog, _ env: AppEnvironment) -> [Section] {
        let store = env.store, text = store.strings
        var out: [Section] = []
        let phones = CareCard.phones(SiteConfig.knownPhoneNames, site: env.site, strings: text)
        out.append(Section(heading: text[.summaryNumbers],
                           items: phones.map { CareCardDocument.capitalizedFirst($0.label) + ": " + $0.display }))
        if !visit.outcomes.isEmpty {
            // Each card whole, from the one renderer the screen and `bedside flow`
            // use: the level, whom to call, what to do and the safety line read
            // the same on paper.
            var cards: [[String]] = []
            for record in visit.outcomes {
                guard let session = FlowPage.session(record.flowID, answers: record.answers, store),
                      let card = FlowPage.card(session, env) else { continue }
                cards.append([card.flowTitle] + CareCardDocument.plainLines(card, width: cardWidth).lines)
            }
            out.append(Section(heading: text[.summaryChecks], items: [], cards: cards))
        }
        if !visit.topics.isEmpty {
            out.append(Section(heading: text[.summaryTopics], items: visit.topics.compactMap { store.topic($0)?.title }))
        }
        for id in visit.walkthroughs {
            guard let walkthrough = store.walkthrough(id) else { continue }
            var items: [String] = []
            let seen = visit.walkthroughSteps[id] ?? []
            for (index, step) in walkthrough.steps.enumerated() where seen.contains(index) {
                items.append(text.text(.summaryStep, ["number": "\(index + 1)", "title": stepTitle(step.target, store)]))
                // Only the questions the nurse asked and marked: an unmarked one was not asked.
                for (number, prompt) in step.prompts.enumerated() {
                    guard let mark = visit.marks[VisitLog.PromptKey(walkthrough: id, step: index, prompt: number)] else { continue }
                    let label = CareCardDocument.capitalizedFirst(text[mark == .understood ? .walkUnderstood : .walkNeedsReview])
                    var line = "  - \(label): \(prompt)"
                    if mark == .needsReview { line += " " + sentence(text.text(.summaryGoOver, ["title": stepTitle(step.target, store)])) }
                    items.append(line)
                }
            }
            out.append(Section(heading: text.text(.summaryWalkthrough, ["title": walkthrough.title]), items: items))
        }
        return out
    }

    /// The width of a care card in the summary (its lines are indented by 4).
    static let cardWidth = 66

    /// "When to tell your team": a step is named by the part of the topic it
    /// covers, not the topic's title over and over.
    static func stepTitle(_ target: Walkthrough.Target, _ store: ContentStore) -> String {
        switch target {
        case .topic(let id, let anchor):
            let title = store.topic(id)?.title ?? id
            guard let anchor, let document = store.document(for: id),
                  let heading = document.blocks.lazy.compactMap({ block -> Heading? in
                      if case .heading(let h) = block, h.anchor == anchor { return h } else { return nil }
                  }).first else { return title }
            return heading.text
        case .flow(let id): return store.flow(id)?.title ?? id
        }
    }

    /// Ends `text` with one full stop, unless it already ends a sentence.
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingTrailing()
        guard let last = trimmed.last else { return trimmed }
        return ".?!:".contains(last) ? trimmed : trimmed + "."
    }

    static func title(_ env: AppEnvironment) -> String {
        let text = env.store.strings
        return env.site.clinicName.map { text.text(.summaryTitleClinic, ["clinic": $0]) } ?? text[.summaryTitle]
    }

    static func when(_ clock: LocalTime?, _ text: Catalogue) -> String? {
        guard let clock else { return nil }
        return text.text(.summaryWhen, ["date": text.date(year: clock.year, month: clock.month, day: clock.day),
                                        "time": text.time(hour: clock.hour, minute: clock.minute)])
    }

    public static func markdown(_ visit: VisitLog, _ env: AppEnvironment, at clock: LocalTime?) -> String {
        var lines = ["# " + title(env), ""]
        if let when = when(clock, env.store.strings) { lines += [when, ""] }
        for section in sections(visit, env) {
            lines += ["## " + section.heading, ""]
            for item in section.items {
                lines.append(item.hasPrefix("  - ") ? item : "- " + item)
            }
            for card in section.cards {
                lines += ["### " + (card.first ?? ""), "", "```"] + card.dropFirst() + ["```", ""]
            }
            lines.append("")
        }
        lines.append("*" + env.store.strings[.summaryFooter] + "*")
        return lines.joined(separator: "\n") + "\n"
    }

    public static func text(_ visit: VisitLog, _ env: AppEnvironment, at clock: LocalTime?, width: Int = 72) -> String {
        let heading = title(env)
        var lines = [heading, String(repeating: "=", count: min(width, DisplayWidth.of(heading)))]
        if let when = when(clock, env.store.strings) { lines.append(when) }
        lines.append("")
        for section in sections(visit, env) {
            lines += [section.heading, String(repeating: "-", count: min(width, DisplayWidth.of(section.heading)))]
            for item in section.items {
                let nested = item.hasPrefix("  - ")
                let body = nested ? String(item.dropFirst(4)) : item
                lines += TextWrap.lines(body, width: width, first: nested ? "    * " : "  * ", rest: nested ? "      " : "    ")
            }
            for card in section.cards {
                lines += TextWrap.lines(card.first ?? "", width: width, first: "  * ", rest: "    ")
                lines += card.dropFirst().map { $0.isEmpty ? "" : "    " + $0 }
                lines.append("")
            }
            lines.append("")
        }
        lines += TextWrap.lines(env.store.strings[.summaryFooter], width: width)
        return lines.joined(separator: "\n") + "\n"
    }
}

extension AppState {
    /// `p`: the take-home summary, shown first as it will be saved or printed.
    /// Enter then saves it (and prints it when the clinic set a print command);
    /// in kiosk mode it is only ever printed.
    mutating func makeSummary(_ env: AppEnvironment) {
        if env.kiosk && env.site.printCommand == nil {
            return message = env.store.strings[.summaryNoPrinter]
        }
        overlay = .summaryPreview(scroll: 0)
    }

    /// Enter in the preview.
    mutating func confirmSummary(_ env: AppEnvironment) {
        var text = SummaryWriter.text(visit, env, at: clock)
        var markdown = env.kiosk ? "" : SummaryWriter.markdown(visit, env, at: clock)
        // The nurse's copy follows the patient's, on a new printed page (form feed).
        if let staff = env.staffCopy?(visit, clock) {
            text += "\n\u{0C}\n" + staff.text
            markdown += "\n\n---\n\n" + staff.markdown
        }
        if env.kiosk {
            pendingEffects.append(.printSummary(text: text))
        } else {
            pendingEffects.append(.saveSummary(text: text, markdown: markdown))
        }
    }
}

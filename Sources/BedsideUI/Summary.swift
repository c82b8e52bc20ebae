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
    }

    static func sections(_ visit: VisitLog, _ env: AppEnvironment) -> [Section] {
        let store = env.store
        var out: [Section] = []
        var numbers: [String] = []
        for name in SiteConfig.knownPhoneNames {
            let phone = CareCard.resolve(name, site: env.site, words: FlowWords(store.strings))
            numbers.append(capitalized(phone.label) + ": " + phone.display)
        }
        out.append(Section(heading: "Numbers to call", items: numbers))
        if !visit.outcomes.isEmpty {
            var items: [String] = []
            for record in visit.outcomes {
                guard let session = FlowPage.session(record.flowID, answers: record.answers, store),
                      let card = FlowPage.card(session, env) else { continue }
                var item = "\(card.flowTitle): \(card.headline). \(card.title)."
                item += " Call: " + card.phones.map { $0.label + " " + $0.display }.joined(separator: "; ") + "."
                items.append(item)
            }
            out.append(Section(heading: "Symptom checks", items: items))
        }
        if !visit.topics.isEmpty {
            out.append(Section(heading: "Topics you read", items: visit.topics.compactMap { store.topic($0)?.title }))
        }
        for id in visit.walkthroughs {
            guard let walkthrough = store.walkthrough(id) else { continue }
            var items: [String] = []
            let seen = visit.walkthroughSteps[id] ?? []
            for (index, step) in walkthrough.steps.enumerated() where seen.contains(index) {
                items.append("Step \(index + 1): \(stepTitle(step.target, store))")
                for (number, prompt) in step.prompts.enumerated() {
                    let mark = visit.marks[VisitLog.PromptKey(walkthrough: id, step: index, prompt: number)]
                    let label = mark.map { SummaryWriter.capitalized($0.rawValue) } ?? "Not asked"
                    var line = "  - \(label): \(prompt)"
                    if mark == .needsReview { line += " Go over again: \(stepTitle(step.target, store))." }
                    items.append(line)
                }
            }
            out.append(Section(heading: "Walkthrough: \(walkthrough.title)", items: items))
        }
        return out
    }

    static func stepTitle(_ target: Walkthrough.Target, _ store: ContentStore) -> String {
        switch target {
        case .topic(let id, _): store.topic(id)?.title ?? id
        case .flow(let id): store.flow(id)?.title ?? id
        }
    }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    static func title(_ env: AppEnvironment) -> String {
        "Your visit summary" + (env.site.clinicName.map { " - " + $0 } ?? "")
    }

    static let footer = "This summary helps you remember your visit. It does not replace advice from your care team. If a symptom gets worse or you are worried, call."

    public static func markdown(_ visit: VisitLog, _ env: AppEnvironment, date: String) -> String {
        var lines = ["# " + title(env), "", "Date: " + date, ""]
        for section in sections(visit, env) {
            lines += ["## " + section.heading, ""]
            for item in section.items {
                lines.append(item.hasPrefix("  - ") ? item : "- " + item)
            }
            lines.append("")
        }
        lines.append("*" + footer + "*")
        return lines.joined(separator: "\n") + "\n"
    }

    public static func text(_ visit: VisitLog, _ env: AppEnvironment, date: String, width: Int = 72) -> String {
        let heading = title(env)
        var lines = [heading, String(repeating: "=", count: min(width, heading.count)), "Date: " + date, ""]
        for section in sections(visit, env) {
            lines += [section.heading, String(repeating: "-", count: min(width, section.heading.count))]
            for item in section.items {
                let nested = item.hasPrefix("  - ")
                let body = nested ? String(item.dropFirst(4)) : item
                lines += wrap(body, width: width, first: nested ? "    * " : "  * ", rest: nested ? "      " : "    ")
            }
            lines.append("")
        }
        lines += wrap(footer, width: width, first: "", rest: "")
        return lines.joined(separator: "\n") + "\n"
    }

    static func wrap(_ text: String, width: Int, first: String, rest: String) -> [String] {
        var lines: [String] = []
        var line = first
        var empty = true
        for word in text.split(separator: " ") {
            if !empty && line.count + 1 + word.count > width {
                lines.append(line)
                line = rest
                empty = true
            }
            line += (empty ? "" : " ") + word
            empty = false
        }
        lines.append(line)
        return lines
    }
}

extension AppState {
    /// `p`: the take-home summary. At home it is saved (and printed when the
    /// clinic set a print command); in kiosk mode it is only ever printed.
    mutating func makeSummary(_ env: AppEnvironment) {
        let date = env.today()
        let text = SummaryWriter.text(visit, env, date: date)
        if env.kiosk {
            guard env.site.printCommand != nil else {
                return message = "No printer here: please ask staff for a printed copy. Nothing was saved."
            }
            pendingEffects.append(.printSummary(text: text))
        } else {
            pendingEffects.append(.saveSummary(text: text, markdown: SummaryWriter.markdown(visit, env, date: date)))
        }
    }
}

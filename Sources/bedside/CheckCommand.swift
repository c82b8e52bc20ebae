// not-ui-file: `bedside check` reports to the clinic's content editors (diagnostics, readability and
// governance tables), in English like every diagnostic in BedsideContent; patients never see it.
import ArgumentParser
import BedsideContent
import BedsideSearch
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the content store: fields, links, flows, walkthroughs and reading level.",
        discussion: "Problems are printed as path:line:column: severity: message. Exits 1 on any error."
    )

    @OptionGroup var options: ContentOptions
    @Option(help: "Output format.") var format: OutputFormat = .text
    @Flag(help: "Print every topic's Flesch-Kincaid and SMOG grades.") var readability = false
    @Option(help: "Highest SMOG grade allowed.") var maxSmog: Double = 8
    @Option(help: "Highest Flesch-Kincaid grade allowed.") var maxFk: Double = 7
    @Option(help: "A site config file to validate too.") var site: String?
    @Option(help: "Today's date (YYYY-MM-DD), for the review-age warning. Default: the real date.") var today: String?
    @Flag(help: "List every topic, flow and walkthrough with its governance fields, those awaiting sign-off or overdue first.")
    var governance = false

    func run() throws {
        let store = try options.load()
        // Without --site the content is checked against the built-in defaults, so
        // the result never depends on the machine's own site config.
        let (siteConfig, siteProblems) = site == nil ? (SiteConfig.defaults, []) : SiteConfig.load(explicit: site, environment: [:])
        let date = try today.map { text -> ReviewDate in
            guard let date = ReviewDate.parse(text) else { throw ValidationError("--today must be YYYY-MM-DD") }
            return date
        } ?? ReviewDate.today()
        var validator = Validator(limits: ReadabilityLimits(smog: maxSmog, fleschKincaid: maxFk), today: date, site: siteConfig)
        validator.dictionary = WordList.system()
        if governance { return print(GovernanceTable.render(store.governanceItems, today: date)) }
        var report = validator.check(store)
        report.diagnostics += siteProblems
        report.diagnostics += SynonymsFile.check(contentRoot: store.root)

        switch format {
        case .json:
            try printJSON(report.diagnostics)
        case .text:
            if readability { print(ReadabilityTable.render(report.readability, limits: validator.limits)) }
            for diagnostic in report.diagnostics { print(diagnostic.formatted) }
            print("\(report.errorCount) error(s), \(report.warningCount) warning(s): \(store.topics.count) topics, \(store.glossary.count) glossary terms, \(store.flows.count) flows, \(store.walkthroughs.count) walkthroughs in \(store.root)")
        }
        if report.errorCount > 0 { throw ExitCode(1) }
    }
}

/// The system's word list (Debian's wamerican), for telling a real word in a
/// glossary alias from a misspelling. Without it only the content's own words count.
enum WordList {
    static func system(path: String = "/usr/share/dict/words") -> Set<String> {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").map { $0.lowercased() })
    }
}

/// `bedside check --governance`: what a clinic must sign off, as a table.
enum GovernanceTable {
    static func render(_ items: [GovernanceItem], today: ReviewDate) -> String {
        func overdue(_ item: GovernanceItem) -> Bool { item.governance.reviewDue.map { $0 < today } ?? true }
        let sorted = items.enumerated().sorted { a, b in
            let ka = (overdue(a.element) ? 0 : 1, a.element.governance.awaitsSignOff ? 0 : 1, a.offset)
            let kb = (overdue(b.element) ? 0 : 1, b.element.governance.awaitsSignOff ? 0 : 1, b.offset)
            return ka < kb
        }.map(\.element)
        var lines = ["| kind | id | version | reviewed | review due | reviewed by | sign-off |", "|---|---|---|---|---|---|---|"]
        for item in sorted {
            let g = item.governance
            let due = g.reviewDue.map { $0 < today ? "\($0) OVERDUE" : "\($0)" } ?? "missing"
            lines.append("| \(item.kind.rawValue) | \(item.id) | \(g.version.map(String.init) ?? "missing") | \(g.reviewed.map(\.description) ?? "missing") | \(due) | \(g.reviewedBy ?? "missing") | \(g.signedOff?.description ?? "missing") |")
        }
        let waiting = items.filter(\.governance.awaitsSignOff).count
        let late = items.filter(overdue).count
        lines.append("")
        lines.append("\(waiting) of \(items.count) items await sign-off; \(late) are past their review date or have none.")
        return lines.joined(separator: "\n")
    }
}

enum ReadabilityTable {
    static func render(_ rows: [TopicReadability], limits: ReadabilityLimits) -> String {
        var lines = [pad("topic", 38) + pad("words", 7) + pad("sent", 6) + pad("FK", 6) + pad("SMOG", 6) + "ok"]
        for row in rows {
            let s = row.score
            let ok = s.smog <= limits.smog && s.fleschKincaid <= limits.fleschKincaid
            lines.append(pad(row.id, 38) + pad("\(s.words)", 7) + pad("\(s.sentences)", 6)
                         + pad(String(format: "%.1f", s.fleschKincaid), 6) + pad(String(format: "%.1f", s.smog), 6) + (ok ? "yes" : "NO"))
        }
        if !rows.isEmpty {
            let fk = rows.map(\.score.fleschKincaid), smog = rows.map(\.score.smog)
            lines.append(String(format: "mean FK %.2f, worst FK %.1f; mean SMOG %.2f, worst SMOG %.1f (%d topics)",
                                fk.reduce(0, +) / Double(fk.count), fk.max()!, smog.reduce(0, +) / Double(smog.count), smog.max()!, rows.count))
        }
        return lines.joined(separator: "\n")
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}

extension ReviewDate {
    static func today() -> ReviewDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return ReviewDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}

// not-ui-file: `bedside check` reports to the clinic's content editors (diagnostics, readability and
// governance tables), in English like every diagnostic in BedsideContent; patients never see it.
import ArgumentParser
import BedsideContent
import BedsidePack
import BedsideSearch
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the content store: fields, links, flows, walkthroughs and reading level.",
        discussion: "Problems are printed as path:line:column: severity: message. Exits 1 on any error."
    )

    @OptionGroup var options: ContentOptions
    @Option(help: "Output format.") var format: OutputFormat = .text
    @Flag(help: "Print every topic's reading level: Flesch-Kincaid and SMOG grades in English, Fernández-Huerta and INFLESZ in Spanish.")
    var readability = false
    @Option(help: "Highest SMOG grade allowed.") var maxSmog: Double = 8
    @Option(help: "Highest Flesch-Kincaid grade allowed.") var maxFk: Double = 7
    @Option(help: "Lowest Fernández-Huerta reading ease allowed (Spanish).") var minFh: Double = 70
    @Option(help: "Lowest INFLESZ (Szigriszt-Pazos) reading ease allowed (Spanish).") var minInflesz: Double = 65
    @Option(help: "A site config file to validate too.") var site: String?
    @Option(help: "Today's date (YYYY-MM-DD), for the review-age warning. Default: the real date.") var today: String?
    @Flag(help: "List every topic, flow and walkthrough with its governance fields, those awaiting sign-off or overdue first.")
    var governance = false

    func run() throws {
        let root = try ContentLocator.locate(explicit: options.content)
        // Without --lang every language the folder holds is checked: English, then each translation.
        let languages: [ContentLanguage] = options.lang.flatMap(ContentLanguage.parse).map { [$0] }
            ?? ContentLoader.languages(root: root)
        let english = ContentLoader.load(root: root)
        // Without --site the content is checked against the built-in defaults, so
        // the result never depends on the machine's own site config.
        let (siteConfig, siteProblems) = site == nil ? (SiteConfig.defaults, []) : SiteConfig.load(explicit: site, environment: [:])
        let date = try today.map { text -> ReviewDate in
            guard let date = ReviewDate.parse(text) else { throw ValidationError("--today must be YYYY-MM-DD") }
            return date
        } ?? ReviewDate.today()
        var validator = Validator(limits: ReadabilityLimits(smog: maxSmog, fleschKincaid: maxFk, fernandezHuerta: minFh,
                                                            inflesz: minInflesz),
                                  today: date, site: siteConfig)
        if governance {
            let stores = languages.filter { $0 != .en }.map { ContentLoader.load(root: root, language: $0) }
            return print(GovernanceTable.render(english.governanceItems, today: date)
                         + stores.map { "\n\n" + TranslationTable.render($0) }.joined())
        }
        var diagnostics: [Diagnostic] = siteProblems
        var seen: Set<String> = []
        var tables: [String] = []
        var counts = ""
        for language in languages {
            let store = language == .en ? english : ContentLoader.load(root: root, language: language)
            // English spelling rules only fit English aliases.
            validator.dictionary = language == .en ? WordList.system() : []
            var report = validator.check(store)
            report.diagnostics += SynonymsFile.check(contentRoot: store.root, language: language)
            if language != .en { report.diagnostics += TranslationChecks.problems(english: english, translated: store) }
            // A translated library re-reads the English files, so their problems would repeat.
            for diagnostic in report.diagnostics where seen.insert(diagnostic.formatted).inserted { diagnostics.append(diagnostic) }
            if readability { tables.append(ReadabilityTable.render(report.readability, limits: validator.limits, language: language)) }
            counts += "; \(language.rawValue): \(store.topics.filter { $0.language == language }.count) of \(store.topics.count) topics"
        }
        diagnostics += Self.packProblems(root: root)
        diagnostics.sort { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
        let errors = diagnostics.filter { $0.severity == .error }.count, warnings = diagnostics.count - errors

        switch format {
        case .json:
            try printJSON(diagnostics)
        case .text:
            for table in tables { print(table) }
            for diagnostic in diagnostics { print(diagnostic.formatted) }
            print("\(errors) error(s), \(warnings) warning(s): \(english.topics.count) topics, \(english.glossary.count) glossary terms, \(english.flows.count) flows, \(english.walkthroughs.count) walkthroughs in \(english.root)\(counts)")
        }
        if errors > 0 { throw ExitCode(1) }
    }
}

extension Check {
    /// The folder's content pack, if it has one, checked byte for byte
    /// against the files (every file's checksum, not only sizes and times).
    static func packProblems(root: String) -> [Diagnostic] {
        let path = root + "/" + ContentPack.fileName
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let text = ContentLoader.catalogue(root: root, language: .en)
        do {
            let pack = try ContentPack.open(path)
            try pack.verify()
            guard let why = pack.staleness(root: root, checksums: true) else { return [] }
            return [.warning(path, 1, 1, text.text(.cliPackUnusable, ["reason": "out of date: " + why]))] // not-ui: a check detail, English like the others
        } catch {
            return [.warning(path, 1, 1, text.text(.cliPackUnusable, ["reason": "\(error)"]))]
        }
    }
}

/// `check --governance` for a translation: which are stale or await sign-off.
enum TranslationTable {
    static func render(_ store: ContentStore) -> String {
        let language = store.language.rawValue
        var lines = ["| kind | id | language | translated from | English now | status | sign-off |", "|---|---|---|---|---|---|---|"]
        var stale = 0, missing = 0
        func row(_ kind: String, _ id: String, _ record: TranslationRecord?) {
            guard let record else {
                missing += 1
                return lines.append("| \(kind) | \(id) | \(language) | - | - | NOT TRANSLATED | - |")
            }
            if record.isStale { stale += 1 }
            lines.append("| \(kind) | \(id) | \(language) | \(record.translationOf.map(String.init) ?? "missing") | \(record.englishVersion.map(String.init) ?? "missing") | \(record.isStale ? "STALE" : "current") | \(record.signedOff?.description ?? "missing") |")
        }
        for topic in store.topics { row("topic", topic.id, topic.translation) }
        for flow in store.flows { row("flow", flow.id, flow.translation) }
        for walkthrough in store.walkthroughs { row("walkthrough", walkthrough.id, walkthrough.translation) }
        lines.append("")
        lines.append("\(language): \(stale) stale translation(s), \(missing) item(s) not translated.")
        return lines.joined(separator: "\n")
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
    static func render(_ rows: [TopicReadability], limits: ReadabilityLimits, language: ContentLanguage) -> String {
        guard language == .en else { return spanish(rows, limits: limits) }
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

    /// Fernández-Huerta (as corrected by Law) and INFLESZ: higher is easier; 70 and 65 are "fairly easy".
    static func spanish(_ rows: [TopicReadability], limits: ReadabilityLimits) -> String {
        var lines = [pad("topic (es)", 38) + pad("words", 7) + pad("sent", 6) + pad("FH", 7) + pad("INFLESZ", 9) + "ok"]
        let scored = rows.compactMap { row in row.spanish.map { (row.id, $0) } }
        for (id, s) in scored {
            let ok = s.fernandezHuerta >= limits.fernandezHuerta && s.inflesz >= limits.inflesz
            lines.append(pad(id, 38) + pad("\(s.words)", 7) + pad("\(s.sentences)", 6) + pad(String(format: "%.1f", s.fernandezHuerta), 7)
                         + pad(String(format: "%.1f", s.inflesz), 9) + (ok ? "yes" : "NO"))
        }
        if !scored.isEmpty {
            let fh = scored.map(\.1.fernandezHuerta), inflesz = scored.map(\.1.inflesz)
            lines.append(String(format: "mean FH %.1f, lowest FH %.1f; mean INFLESZ %.1f, lowest INFLESZ %.1f (%d Spanish topics)",
                                fh.reduce(0, +) / Double(fh.count), fh.min()!, inflesz.reduce(0, +) / Double(inflesz.count), inflesz.min()!, scored.count))
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

import Foundation

/// A topic's reading grades, for `bedside check --readability`.
public struct TopicReadability: Equatable, Sendable {
    public var id: String
    public var path: String
    public var score: ReadabilityScore
    /// Fernández-Huerta and INFLESZ, for a topic written in Spanish (English formulas do not apply to it).
    public var spanish: SpanishReadabilityScore? = nil
}

public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var readability: [TopicReadability]
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// `bedside check`: everything that can be wrong with a content store, found
/// in one pass and reported with file, line and column.
public struct Validator {
    public var limits: ReadabilityLimits
    public var today: ReviewDate
    public var site: SiteConfig
    /// Reviews older than this many months get a warning.
    public var staleAfterMonths = 12
    /// Real words (a system word list), so a shown glossary alias can be
    /// told apart from a misspelling. Empty: the content's own words only.
    public var dictionary: Set<String> = []

    public init(limits: ReadabilityLimits = ReadabilityLimits(), today: ReviewDate, site: SiteConfig = .defaults) {
        self.limits = limits
        self.today = today
        self.site = site
    }

    public func check(_ store: ContentStore) -> CheckReport {
        var d = store.diagnostics
        var readability: [TopicReadability] = []
        checkTopicsMeta(store, &d)
        // Each topic's checks are independent: run them in parallel and merge in
        // topic order, so the report is the same as a sequential pass.
        let perTopic = Parallel.map(Array(store.topics)) { topic -> (TopicReadability, [Diagnostic])? in
            guard let document = store.document(for: topic.id) else { return nil }
            var found: [Diagnostic] = []
            if let at = document.nestingFlattenedAt {
                found.append(.warning(topic.path, at.line, at.column, MarkdownParser.flattenedMessage))
            }
            checkLinks(in: document.blocks, of: topic, store, &found)
            if let body = store.body(of: topic.id) {
                found += PhonePlaceholder.problems(in: body, file: topic.path, firstLine: topic.bodyFirstLine)
            }
            let score = Readability.score(of: document)
            if topic.language == .es {
                let spanish = SpanishReadability.score(of: document)
                if spanish.fernandezHuerta < limits.fernandezHuerta || spanish.inflesz < limits.inflesz {
                    found.append(.error(topic.path, topic.bodyFirstLine, 1, String(
                        format: "reading level too high: Fernández-Huerta %.1f (at least %.0f), INFLESZ %.1f (at least %.0f); use shorter sentences and fewer long words",
                        spanish.fernandezHuerta, limits.fernandezHuerta, spanish.inflesz, limits.inflesz)))
                }
                return (TopicReadability(id: topic.id, path: topic.path, score: score, spanish: spanish), found)
            }
            if score.smog > limits.smog || score.fleschKincaid > limits.fleschKincaid {
                found.append(.error(topic.path, topic.bodyFirstLine, 1, String(
                    format: "reading level too high: SMOG %.1f (limit %.0f), Flesch-Kincaid %.1f (limit %.0f); use shorter sentences and fewer long words",
                    score.smog, limits.smog, score.fleschKincaid, limits.fleschKincaid)))
            }
            return (TopicReadability(id: topic.id, path: topic.path, score: score), found)
        }
        for case let (score, found)? in perTopic {
            d += found
            readability.append(score)
        }
        checkGlossary(store, &d)
        // Without a word list a rare real word looks like a typo: check aliases only with one.
        if !dictionary.isEmpty { d += AliasSpelling.problems(store, dictionary: dictionary) }
        checkGovernance(store, &d)
        checkFlows(store, &d)
        checkWalkthroughs(store, &d)
        checkLinks(in: store.home.blocks, of: nil, store, &d, homePath: store.root + "/home.md")
        if let at = store.home.nestingFlattenedAt {
            d.append(.warning(store.root + "/home.md", at.line, at.column, MarkdownParser.flattenedMessage))
        }
        d += ControlCharacterCheck.problems(root: store.root)
        d.sort { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
        return CheckReport(diagnostics: d, readability: readability)
    }

    // MARK: - Duplicate ids

    /// One error per file that reuses an id. The file whose name matches the
    /// id keeps it (it is the one links and walkthroughs mean); the others are
    /// blamed at their `id:` line, whatever order the folder listing gave.
    static func duplicates(_ items: [(id: String, path: String, at: SourceLocation)], what: String) -> [Diagnostic] {
        var groups: [String: [Int]] = [:]
        for (index, item) in items.enumerated() { groups[item.id, default: []].append(index) }
        var found: [Diagnostic] = []
        for (id, indexes) in groups where indexes.count > 1 {
            func named(_ i: Int) -> Bool {
                ((items[i].path as NSString).lastPathComponent as NSString).deletingPathExtension == id
            }
            let owner = indexes.first(where: named) ?? indexes[0]
            for i in indexes where i != owner {
                found.append(.error(items[i].path, items[i].at.line, items[i].at.column,
                                    "duplicate \(what) id '\(id)': \(items[owner].path) already uses it"))
            }
        }
        return found
    }

    // MARK: - Topics

    func checkTopicsMeta(_ store: ContentStore, _ d: inout [Diagnostic]) {
        let sectionIDs = Set(store.manifest.sections.map(\.id))
        d += Self.duplicates(store.topics.map { ($0.id, $0.path, $0.idLocation) }, what: "topic")
        for topic in store.topics {
            // A translation ("bone-pain.es.md") is named after its English file.
            let fileName = (((topic.englishPath ?? topic.path) as NSString).lastPathComponent as NSString).deletingPathExtension
            if fileName != topic.id {
                d.append(.error(topic.path, topic.idLocation.line, topic.idLocation.column,
                                "id '\(topic.id)' differs from the file name '\(fileName)': rename one so they match"))
            }
            if !sectionIDs.contains(topic.section) {
                d.append(.error(topic.path, 1, 1, "section '\(topic.section)' is not in sections.yaml, so no section reaches this topic (sections: \(store.manifest.sections.map(\.id).joined(separator: ", ")))"))
            } else {
                let folder = ((topic.path as NSString).deletingLastPathComponent as NSString).lastPathComponent
                if folder != "topics" && folder != topic.section {
                    d.append(.warning(topic.path, 1, 1, "the file is in folder '\(folder)' but its section is '\(topic.section)'"))
                }
            }
            for related in topic.related where store.topic(related.value) == nil {
                d.append(.error(topic.path, related.location.line, related.location.column,
                                "related topic '\(related.value)' does not exist\(suggestion(related.value, among: store.topics.map(\.id)))"))
            }
            if topic.sources.isEmpty == false, let reviewed = topic.reviewed {
                let age = reviewed.months(until: today)
                if age >= staleAfterMonths {
                    d.append(.warning(topic.path, 1, 1, "last reviewed \(reviewed) (\(age) months ago): ask a clinician to review it and update 'reviewed'"))
                } else if age < 0 {
                    d.append(.warning(topic.path, 1, 1, "'reviewed' is \(reviewed), a date in the future"))
                }
            }
        }
        for section in store.manifest.sections where store.topics(inSection: section.id).isEmpty {
            d.append(.warning(store.root + "/sections.yaml", 1, 1, "section '\(section.id)' has no topics"))
        }
    }

    // MARK: - Links

    func checkLinks(in blocks: [Block], of topic: TopicInfo?, _ store: ContentStore, _ d: inout [Diagnostic], homePath: String? = nil) {
        let path = topic?.path ?? homePath ?? store.root
        let ownAnchors = Set(Self.anchors(in: blocks))
        Self.forEachLink(in: blocks) { link in
            let at = link.location
            func fail(_ message: String) { d.append(.error(path, at.line, at.column, message)) }
            switch store.resolve(link.target, from: topic?.id) {
            case .topic(let id, let anchor):
                guard store.topic(id) != nil else {
                    return fail("link to unknown topic '\(id)'\(suggestion(id, among: store.topics.map(\.id)))")
                }
                if let anchor, let document = store.document(for: id), !Self.anchors(in: document.blocks).contains(anchor) {
                    fail("topic '\(id)' has no heading with anchor '#\(anchor)'")
                }
            case .anchor(let anchor):
                if !ownAnchors.contains(anchor) { fail("no heading in this file has the anchor '#\(anchor)'") }
            case .glossary(let id):
                if store.term(id) == nil { fail("link to unknown glossary term '\(id)'\(suggestion(id, among: store.glossary.map(\.id)))") }
            case .flow(let id):
                if store.flow(id) == nil { fail("link to unknown symptom flow '\(id)'\(suggestion(id, among: store.flows.map(\.id)))") }
            case .section(let id):
                if store.section(id) == nil { fail("link to unknown section '\(id)' (sections: \(store.manifest.sections.map(\.id).joined(separator: ", ")))") }
            case .walkthrough(let id):
                if store.walkthrough(id) == nil { fail("link to unknown walkthrough '\(id)'") }
            case .file(let target, _):
                fail("link to '\(target)' does not lead to a topic: use topic:ID, glossary:ID, flow:ID, #anchor or a path to a topic's .md file")
            case .glossaryIndex, .flowPicker, .walkthroughPicker, .web:
                break
            case .app:
                fail("app actions cannot be linked from content")
            }
        }
    }

    public static func anchors(in blocks: [Block]) -> [String] {
        blocks.compactMap { if case .heading(let h) = $0 { return h.anchor } else { return nil } }
    }

    /// Calls `body` for every link, in reading order, at any depth.
    public static func forEachLink(in blocks: [Block], _ body: (Link) -> Void) {
        func inlines(_ list: [Inline]) {
            for inline in list {
                switch inline {
                case .link(let link):
                    body(link)
                    inlines(link.content)
                case .emphasis(let c), .strong(let c), .strikethrough(let c): inlines(c)
                default: break
                }
            }
        }
        for block in blocks {
            switch block {
            case .heading(let h): inlines(h.content)
            case .paragraph(let p): inlines(p)
            case .list(let l): l.items.forEach { forEachLink(in: $0, body) }
            case .blockQuote(let b): forEachLink(in: b, body)
            case .callout(let c): forEachLink(in: c.blocks, body)
            case .table(let t): (t.header + t.rows.flatMap { $0 }).forEach(inlines)
            case .thematicBreak, .code: break
            }
        }
    }

    // MARK: - Glossary, flows, walkthroughs

    func checkGlossary(_ store: ContentStore, _ d: inout [Diagnostic]) {
        var seen: [String: String] = [:]
        for term in store.glossary {
            if let other = seen[term.id] {
                d.append(.error(term.path, term.location.line, term.location.column, "duplicate glossary id '\(term.id)': \(other) already uses it"))
            } else {
                seen[term.id] = "\(term.path):\(term.location.line)"
            }
            for see in term.seeAlso where store.term(see.value) == nil {
                d.append(.error(term.path, see.location.line, see.location.column,
                                "see-also '\(see.value)' is not a glossary term\(suggestion(see.value, among: store.glossary.map(\.id)))"))
            }
        }
    }

    func checkFlows(_ store: ContentStore, _ d: inout [Diagnostic]) {
        let phones = Set(SiteConfig.knownPhoneNames).union(site.phones.keys)
        d += Self.duplicates(store.flows.map { ($0.id, $0.path, $0.idLocation) }, what: "flow")
        for flow in store.flows {
            for outcome in flow.outcomes {
                for name in outcome.call where !phones.contains(name) {
                    d.append(.error(flow.path, outcome.location.line, outcome.location.column,
                                    "outcome '\(outcome.id)' calls '\(name)', which is not a phone name (use: \(phones.sorted().joined(separator: ", ")))"))
                }
                for related in outcome.related where store.topic(related.value) == nil {
                    d.append(.error(flow.path, related.location.line, related.location.column, "related topic '\(related.value)' does not exist"))
                }
            }
            if let topic = flow.topic {
                guard store.topic(topic.value) != nil else {
                    d.append(.error(flow.path, topic.location.line, topic.location.column, "topic '\(topic.value)' does not exist"))
                    continue
                }
                let listsEmergencySigns = store.document(for: topic.value).map { Self.hasEmergencyCallout($0.blocks) } ?? false
                let reachesEmergency = FlowChecks.outcomes(reachableFrom: flow.start, in: flow).contains { $0.level == .emergency }
                if listsEmergencySigns && !reachesEmergency {
                    d.append(.error(flow.path, topic.location.line, topic.location.column,
                                    "topic '\(topic.value)' lists emergency warning signs, but this flow never reaches an emergency outcome"))
                }
            }
        }
    }

    static func hasEmergencyCallout(_ blocks: [Block]) -> Bool {
        blocks.contains {
            switch $0 {
            case .callout(let c): return c.kind == .emergency || hasEmergencyCallout(c.blocks)
            case .blockQuote(let b): return hasEmergencyCallout(b)
            case .list(let l): return l.items.contains(where: hasEmergencyCallout)
            default: return false
            }
        }
    }

    func checkWalkthroughs(_ store: ContentStore, _ d: inout [Diagnostic]) {
        var seen: [String: String] = [:]
        for walkthrough in store.walkthroughs {
            if let first = seen[walkthrough.id] {
                d.append(.error(walkthrough.path, 1, 1, "walkthrough id '\(walkthrough.id)' is also used by \(first)"))
            } else {
                seen[walkthrough.id] = walkthrough.path
            }
            let fileName = (walkthrough.path as NSString).lastPathComponent.replacingOccurrences(of: ".md", with: "")
            if fileName != walkthrough.id {
                d.append(.warning(walkthrough.path, 1, 1, "walkthrough id '\(walkthrough.id)' differs from its file name '\(fileName).md'"))
            }
            // Teach-back prompts are read aloud to patients: hold them to the topics' reading level.
            let prompts = Document(blocks: walkthrough.steps.flatMap { $0.prompts.map { Block.paragraph([.text($0)]) } })
            if let translation = walkthrough.translation, store.language == .es {
                let spanish = SpanishReadability.score(of: prompts)
                if spanish.words >= 30 && (spanish.fernandezHuerta < limits.fernandezHuerta || spanish.inflesz < limits.inflesz) {
                    d.append(.warning(translation.path, 1, 1, String(format: "teach-back prompts read at Fernández-Huerta %.1f and INFLESZ %.1f (at least %.0f and %.0f): use shorter words and sentences", spanish.fernandezHuerta, spanish.inflesz, limits.fernandezHuerta, limits.inflesz)))
                }
            }
            let score = Readability.score(of: prompts)
            if walkthrough.translation == nil && score.words >= 30 && score.fleschKincaid > limits.fleschKincaid {
                d.append(.warning(walkthrough.path, 1, 1, String(format: "teach-back prompts read at Flesch-Kincaid grade %.1f (limit %.1f): use shorter words and sentences", score.fleschKincaid, limits.fleschKincaid)))
            }
            for step in walkthrough.steps {
                let at = step.location
                switch step.target {
                case .topic(let id, let anchor):
                    guard let document = store.document(for: id) else {
                        d.append(.error(walkthrough.path, at.line, at.column, "step topic '\(id)' does not exist"))
                        continue
                    }
                    if let anchor, !Self.anchors(in: document.blocks).contains(anchor) {
                        d.append(.error(walkthrough.path, at.line, at.column, "topic '\(id)' has no heading '#\(anchor)'"))
                    }
                case .flow(let id):
                    if store.flow(id) == nil { d.append(.error(walkthrough.path, at.line, at.column, "step flow '\(id)' does not exist")) }
                }
            }
        }
    }

    /// " (did you mean 'x'?)" when a known id is one or two edits away.
    func suggestion(_ id: String, among ids: [String]) -> String {
        let best = ids.map { ($0, EditDistance.between($0, id)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }
        return best.map { " (did you mean '\($0.0)'?)" } ?? ""
    }
}

/// "Did you mean": the ids close to one that was mistyped, closest first. One
/// rule for every command (read, flow, --topic).
public enum DidYouMean {
    public static func ids(near id: String, among ids: [String], most: Int = 3) -> [String] {
        ids.map { ($0, EditDistance.between($0, id)) }
            .filter { $0.1 <= 3 || $0.0.contains(id) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(most).map(\.0)
    }

    /// ". Did you mean: a, b?" or nothing.
    public static func sentence(near id: String, among ids: [String]) -> String {
        let near = Self.ids(near: id, among: ids)
        return near.isEmpty ? "" : ". Did you mean: \(near.joined(separator: ", "))?"
    }

    /// The same, in the catalogue's words (for the command line).
    public static func sentence(near id: String, among ids: [String], _ text: Catalogue) -> String {
        let near = Self.ids(near: id, among: ids)
        return near.isEmpty ? "" : text.text(.cliDidYouMean, ["ids": near.joined(separator: ", ")])
    }
}

public enum EditDistance {
    /// Levenshtein distance with a row buffer; fine for ids and words.
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

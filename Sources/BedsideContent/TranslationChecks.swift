import Foundation

/// `bedside check` for a translated library: each translation must say what the
/// English says, in the same shape, so a reader in either language gets the same
/// headings, warnings, links and phone numbers. The loader already refuses a
/// translation that changes a symptom check's logic (see `TranslationOverlay`);
/// this compares topic bodies and says which translations are missing or stale.
public enum TranslationChecks {
    public static func problems(english: ContentStore, translated: ContentStore) -> [Diagnostic] {
        guard translated.language != .en else { return [] }
        let language = translated.language
        var found: [Diagnostic] = []
        for topic in english.topics {
            guard let other = translated.topic(topic.id) else { continue }
            guard other.language == language, let record = other.translation else {
                found.append(.warning(topic.path, 1, 1, "no \(language.rawValue) translation (\(language.translationPath(of: topic.path) ?? "")): the English is shown to \(language.rawValue) readers"))
                continue
            }
            found += stale(record, what: "topic '\(topic.id)'")
            guard let englishDocument = english.document(for: topic.id), let document = translated.document(for: topic.id) else { continue }
            found += compare(englishDocument, englishPath: topic.path, document, path: other.path, bodyLine: other.bodyFirstLine)
            if let englishBody = english.body(of: topic.id), let body = translated.body(of: topic.id) {
                found += placeholders(englishBody, body, path: other.path, line: other.bodyFirstLine)
            }
        }
        for flow in english.flows {
            guard let other = translated.flow(flow.id) else { continue }
            if let record = other.translation { found += stale(record, what: "symptom check '\(flow.id)'") } else {
                found.append(.warning(flow.path, 1, 1, "no \(language.rawValue) translation (\(language.translationPath(of: flow.path) ?? "")): the English is shown to \(language.rawValue) readers"))
            }
        }
        for walkthrough in english.walkthroughs {
            guard let other = translated.walkthrough(walkthrough.id) else { continue }
            if let record = other.translation { found += stale(record, what: "walkthrough '\(walkthrough.id)'") } else {
                found.append(.warning(walkthrough.path, 1, 1, "no \(language.rawValue) translation: the English is shown to \(language.rawValue) readers"))
            }
        }
        let homePath = english.root + "/home.md"
        if let translatedHome = language.translationPath(of: homePath), FileManager.default.fileExists(atPath: translatedHome) {
            found += compare(english.home, englishPath: homePath, translated.home, path: translatedHome, bodyLine: 1)
        }
        return found
    }

    static func stale(_ record: TranslationRecord, what: String) -> [Diagnostic] {
        guard record.isStale, let made = record.translationOf, let now = record.englishVersion else { return [] }
        return [.warning(record.path, record.line, 1, "stale translation: made from version \(made) of \(what), and the English is now version \(now); update the text, then 'translation-of: \(now)'")]
    }

    /// Headings (level and anchor, in order), callouts (kind, in order), tables
    /// (shape) and link targets (the same set: a translation may reorder a sentence).
    static func compare(_ english: Document, englishPath: String, _ translated: Document, path: String, bodyLine: Int) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let a = Outline(english.blocks), b = Outline(translated.blocks)
        for index in 0..<max(a.headings.count, b.headings.count) {
            let want = index < a.headings.count ? a.headings[index] : nil
            let have = index < b.headings.count ? b.headings[index] : nil
            if want?.level == have?.level && want?.anchor == have?.anchor { continue }
            let line = have?.line ?? bodyLine
            if let want {
                let english = "\(String(repeating: "#", count: want.level)) \(want.text) (line \(want.line) of the English)"
                if let have {
                    found.append(.error(path, line, 1, "heading \(index + 1) is '\(String(repeating: "#", count: have.level)) … {#\(have.anchor)}' here but \(english) has anchor '#\(want.anchor)': give each heading the English heading's level and end it with {#\(want.anchor)}"))
                } else {
                    found.append(.error(path, line, 1, "heading \(index + 1) is missing: translate \(english) and end it with {#\(want.anchor)}"))
                }
            } else if let have {
                found.append(.error(path, have.line, 1, "heading '#\(have.anchor)' has no English heading to match: a translation keeps the English headings"))
            }
            break // one message per file: after the first difference every later heading would differ too
        }
        if a.callouts != b.callouts {
            found.append(.error(path, bodyLine, 1, "the warning boxes differ from the English: it has \(describe(a.callouts)), this has \(describe(b.callouts)); keep each box, of the same kind, in the same order (Spanish markers: docs/translations.md)"))
        }
        if a.tables != b.tables {
            found.append(.error(path, bodyLine, 1, "the tables differ from the English (columns × rows): it has \(a.tables), this has \(b.tables)"))
        }
        let missing = a.links.subtracting(b.links), extra = b.links.subtracting(a.links)
        for target in missing.sorted() {
            found.append(.error(path, bodyLine, 1, "the English links to '\(target)' and this translation does not: keep every link target"))
        }
        for target in extra.sorted() {
            let line = b.linkLines[target] ?? bodyLine
            found.append(.error(path, line, 1, "a link to '\(target)' that the English does not have: links keep the English targets"))
        }
        return found
    }

    /// `{phone:NAME}` placeholders: the same ones, as many times, as in the English.
    static func placeholders(_ english: String, _ translated: String, path: String, line: Int) -> [Diagnostic] {
        let want = PhonePlaceholder.names(in: english).map(\.name).sorted(), have = PhonePlaceholder.names(in: translated).map(\.name).sorted()
        guard want != have else { return [] }
        return [.error(path, line, 1, "phone placeholders differ from the English: it has \(want.isEmpty ? "none" : want.joined(separator: ", ")), this has \(have.isEmpty ? "none" : have.joined(separator: ", ")); copy each {phone:NAME} exactly")]
    }

    private static func describe(_ kinds: [Callout.Kind]) -> String {
        kinds.isEmpty ? "none" : kinds.map(\.rawValue).joined(separator: ", ")
    }

    /// The parts of a document a translation must keep.
    struct Outline {
        var headings: [Heading] = []
        var callouts: [Callout.Kind] = []
        var tables: [String] = []  // "columns×rows"
        var links: Set<String> = []
        var linkLines: [String: Int] = [:]

        init(_ blocks: [Block]) {
            walk(blocks)
            Validator.forEachLink(in: blocks) { link in
                let key = Self.key(link.target)
                links.insert(key)
                if linkLines[key] == nil { linkLines[key] = link.location.line }
            }
        }

        private mutating func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(let heading): headings.append(heading)
                case .callout(let callout):
                    callouts.append(callout.kind)
                    walk(callout.blocks)
                case .blockQuote(let inner): walk(inner)
                case .list(let list): list.items.forEach { walk($0) }
                case .table(let table): tables.append("\(table.header.count)×\(table.rows.count)")
                default: break
                }
            }
        }

        static func key(_ target: LinkTarget) -> String {
            switch target {
            case .topic(let id, let anchor): "topic:\(id)" + (anchor.map { "#\($0)" } ?? "")
            case .anchor(let anchor): "#\(anchor)"
            case .glossary(let id): "glossary:\(id)"
            case .flow(let id): "flow:\(id)"
            case .section(let id): "section:\(id)"
            case .walkthrough(let id): "walkthrough:\(id)"
            case .glossaryIndex: "glossary:"
            case .flowPicker: "flow:"
            case .walkthroughPicker: "walkthrough:"
            case .web(let url): url
            case .file(let path, let anchor): path + (anchor.map { "#\($0)" } ?? "")
            case .app: "app"
            }
        }
    }
}

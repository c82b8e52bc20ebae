import Foundation
import Yams

/// Where a translated item's text came from, so `check` can say when the
/// English has moved on since (a stale translation).
public struct TranslationRecord: Equatable, Sendable {
    /// The translation file.
    public var path: String
    /// The English `version:` it was made from (`translation-of:`).
    public var translationOf: Int?
    /// The English file's `version:` now.
    public var englishVersion: Int?
    public var signedOff: SignOff?
    /// Where `translation-of:` is written (line 1 when it is missing).
    public var line: Int

    /// True when the English changed after this translation was made.
    public var isStale: Bool {
        guard let made = translationOf, let now = englishVersion else { return false }
        return made < now
    }
}

/// The languages a content folder can hold. English is the source; every other
/// language is a translation beside it (`bone-pain.es.md` next to `bone-pain.md`).
public enum ContentLanguage: String, CaseIterable, Sendable, Codable {
    case en, es

    /// The Snowball stemmer's name for this language.
    public var stemmerName: String {
        switch self {
        case .en: "english"
        case .es: "spanish"
        }
    }

    /// The translation file beside an English one: "topics/a/bone-pain.md" →
    /// "topics/a/bone-pain.es.md". Nil for English.
    public func translationPath(of englishPath: String) -> String? {
        guard self != .en else { return nil }
        guard let dot = englishPath.lastIndex(of: "."),
              !englishPath[dot...].contains("/") else { return englishPath + "." + rawValue }
        return englishPath[..<dot] + "." + rawValue + englishPath[dot...]
    }

    /// A language from a code or locale ("es", "es_US.UTF-8", "Spanish", "español").
    public static func parse(_ text: String) -> ContentLanguage? {
        let lower = text.lowercased()
        if let exact = ContentLanguage(rawValue: lower) { return exact }
        switch lower {
        case "english", "inglés", "ingles": return .en
        case "spanish", "español", "espanol": return .es
        default: break
        }
        // A locale: language, then "_", "-", "." or "@".
        let code = lower.prefix { $0.isLetter }
        return code.count == 2 ? ContentLanguage(rawValue: String(code)) : nil
    }

    /// The language to use when none was asked for: the site's, else the
    /// locale's (LC_ALL, LC_MESSAGES, LANG, as gettext reads them), else English.
    public static func resolve(option: String?, site: String?, environment: [String: String]) -> ContentLanguage {
        if let option, let language = parse(option) { return language }
        if let site, let language = parse(site) { return language }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            // "C" and "POSIX" say nothing about a language; the first set variable decides.
            return parse(value) ?? .en
        }
        return .en
    }
}

/// The front matter every translated Markdown file shares.
struct TranslationHeader {
    var id: String?
    var title: String?
    var summary: String?
    var alsoCalled: [String]
    var keywords: [String]
    var record: TranslationRecord

    /// Keys a translation may hold; everything else comes from the English file.
    static let fields: Set<String> = ["id", "lang", "translation-of", "title", "summary", "also-called", "keywords",
                                      "translated", "translated-by", "signed-off"]

    /// Reads the shared keys and checks `id` and `lang` against the English file.
    static func read(_ map: Node.Mapping, root: Node, yaml: inout YAMLFields, englishID: String, englishVersion: Int?,
                     language: ContentLanguage, path: String, extra: Set<String> = [], logicKeys: Set<String>) -> TranslationHeader {
        for (key, value) in map {
            guard let name = key.scalar?.string, !fields.contains(name), !extra.contains(name) else { continue }
            if logicKeys.contains(name) {
                yaml.error(key, "'\(name)' comes from the English file and is the same in every language: remove it here (a translation holds only text)")
            } else {
                yaml.error(key, "unknown field '\(name)' in a translation: it may hold \((fields.union(extra)).sorted().joined(separator: ", "))")
            }
            _ = value
        }
        let id = yaml.string(map, "id", in: root, required: true)
        if let id, id != englishID {
            yaml.error(YAMLFields.value(map, "id"), "id '\(id)' differs from the English file's id '\(englishID)': a translation keeps the English id")
        }
        if let lang = yaml.string(map, "lang", in: root, required: true), ContentLanguage.parse(lang) != language {
            yaml.error(YAMLFields.value(map, "lang"), "'lang: \(lang)' does not match the file name (.\(language.rawValue).): write 'lang: \(language.rawValue)'")
        }
        var translationOf: Int?
        let ofNode = YAMLFields.value(map, "translation-of")
        if ofNode != nil {
            translationOf = yaml.int(map, "translation-of")
        } else {
            yaml.warning(root, "missing 'translation-of': write the English file's version this was translated from, so check can tell when it is stale")
        }
        var signedOff: SignOff?
        if let text = yaml.string(map, "signed-off", in: root, required: false) {
            if text.lowercased() == "pending" { signedOff = .pending } else if let date = ReviewDate.parse(text) { signedOff = .signed(date) } else {
                yaml.error(YAMLFields.value(map, "signed-off"), "'signed-off' must be 'pending' or the date of sign-off (YYYY-MM-DD), not '\(text)'")
            }
        }
        let record = TranslationRecord(path: path, translationOf: translationOf, englishVersion: englishVersion,
                                       signedOff: signedOff, line: yaml.location(ofNode ?? root).line)
        return TranslationHeader(id: id, title: yaml.string(map, "title", in: root, required: true),
                                 summary: yaml.string(map, "summary", in: root, required: false),
                                 alsoCalled: yaml.strings(map, "also-called"), keywords: yaml.strings(map, "keywords"),
                                 record: record)
    }
}

/// Puts a translation's text over the English item. The English keeps the
/// logic (flow routes, levels, calls), the order, the sources and the review
/// dates; a translation that cannot be read leaves the English in place, with
/// a diagnostic, so nothing disappears from the library.
enum TranslationOverlay {
    /// Reads `path` if it exists. Nil (and no diagnostic) when there is no translation.
    static func read(_ path: String, _ diagnostics: inout [Diagnostic]) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return ContentLoader.readText(path, &diagnostics)
    }

    static func frontMatter(_ text: String, path: String, _ diagnostics: inout [Diagnostic])
        -> (yaml: YAMLFields, root: Node, map: Node.Mapping, split: FrontMatterSplit)? {
        let split: FrontMatterSplit
        switch FrontMatter.split(text) {
        case .success(let s): split = s
        case .failure(let error):
            diagnostics.append(.error(path, 1, 1, error.message + " (the English text is shown instead)"))
            return nil
        }
        var yaml = YAMLFields(file: path, firstLine: split.yamlFirstLine)
        guard let root = yaml.parse(split.yaml), let map = yaml.mapping(root, what: "the front matter") else {
            diagnostics += yaml.diagnostics
            return nil
        }
        return (yaml, root, map, split)
    }

    // MARK: Topics

    /// Reads the translation beside `englishPath`, if there is one, and lays it over `english`.
    private static func fromFile<Item>(_ english: Item, englishPath: String, language: ContentLanguage,
                                       _ overlay: (Item, ContentLanguage, String, String) -> (Item, [Diagnostic])) -> (Item, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let path = language.translationPath(of: englishPath), let text = read(path, &diagnostics) else {
            return (english, diagnostics)
        }
        let (item, more) = overlay(english, language, text, path)
        return (item, diagnostics + more)
    }

    static func topic(_ english: TopicFile, language: ContentLanguage) -> (TopicFile, [Diagnostic]) {
        fromFile(english, englishPath: english.info.path, language: language) { topic($0, language: $1, text: $2, path: $3) }
    }

    /// The same, on a translation's text (the fuzzer calls it directly).
    static func topic(_ english: TopicFile, language: ContentLanguage, text: String, path: String) -> (TopicFile, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let front = frontMatter(text, path: path, &diagnostics) else { return (english, diagnostics) }
        var yaml = front.yaml
        let (root, map) = (front.root, front.map)
        let split = front.split
        let header = TranslationHeader.read(map, root: root, yaml: &yaml, englishID: english.info.id,
                                            englishVersion: english.info.governance.version, language: language, path: path,
                                            logicKeys: Set(["section", "order", "related", "sources"]).union(Governance.fields))
        if Readability.isBlank(split.body[...]) {
            yaml.error(root, "the translation has no body: write the text after the closing '---'")
        }
        diagnostics += yaml.diagnostics
        // A translation whose own front matter is wrong is still shown when it has a title and a body:
        // its problems are reported, and an id mix-up keeps it off (it would be the wrong topic).
        guard header.id == english.info.id, let title = header.title, !Readability.isBlank(split.body[...]) else {
            diagnostics.append(.warning(path, 1, 1, "this translation is not used until the errors above are fixed: the English text is shown instead"))
            return (english, diagnostics)
        }
        var info = english.info
        info.title = title
        info.summary = header.summary ?? english.info.summary
        info.alsoCalled = header.alsoCalled
        info.keywords = header.keywords
        info.englishPath = english.info.path
        info.path = path
        info.bodyFirstLine = split.bodyFirstLine
        info.language = language
        info.translation = header.record
        return (TopicFile(info: info, body: split.body), diagnostics)
    }

    // MARK: Flows

    /// Text keys of a flow translation; the logic keys are refused by name.
    static let flowLogicKeys: Set<String> = Set(["start", "topic", "escalate", "related", "go", "level", "call",
                                                 "red-flag", "amber"]).union(Governance.fields)

    static func flow(_ english: Flow, language: ContentLanguage) -> (Flow, [Diagnostic]) {
        fromFile(english, englishPath: english.path, language: language) { flow($0, language: $1, text: $2, path: $3) }
    }

    static func flow(_ english: Flow, language: ContentLanguage, text: String, path: String) -> (Flow, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let front = frontMatter(text, path: path, &diagnostics) else { return (english, diagnostics) }
        var yaml = front.yaml
        let (root, map) = (front.root, front.map)
        let split = front.split
        let header = TranslationHeader.read(map, root: root, yaml: &yaml, englishID: english.id,
                                            englishVersion: english.governance.version, language: language, path: path,
                                            extra: ["questions", "outcomes"], logicKeys: flowLogicKeys)
        var flow = english
        guard header.id == english.id else {
            diagnostics += yaml.diagnostics
            return (english, diagnostics)
        }
        flow.title = header.title ?? english.title
        flow.alsoCalled = header.alsoCalled
        flow.translation = header.record
        flow.language = language
        flow.textPath = path

        var questions = english.questions
        let questionNodes = items(map, "questions", yaml: &yaml, root: root, englishIDs: english.questions.map(\.id), what: "question")
        for (index, question) in english.questions.enumerated() {
            guard let node = questionNodes[question.id], let entry = node.mapping else { continue }
            refuseLogic(entry, &yaml)
            yaml.rejectUnknownKeys(entry, allowed: Set(["id", "text", "help", "answers"]).union(flowLogicKeys), what: "a translated question")
            questions[index].text = requiredText(entry, "text", node: node, english: question.text, yaml: &yaml) ?? question.text
            questions[index].help = optionalText(entry, "help", node: node, english: question.help, yaml: &yaml, what: "question '\(question.id)'")
            let answerNodes = items(entry, "answers", yaml: &yaml, root: node, englishIDs: question.answers.map(\.id),
                                    what: "answer of question '\(question.id)'")
            for (a, answer) in question.answers.enumerated() {
                guard let answerNode = answerNodes[answer.id], let answerMap = answerNode.mapping else { continue }
                refuseLogic(answerMap, &yaml)
                yaml.rejectUnknownKeys(answerMap, allowed: Set(["id", "text"]).union(flowLogicKeys), what: "a translated answer")
                questions[index].answers[a].text = requiredText(answerMap, "text", node: answerNode, english: answer.text, yaml: &yaml) ?? answer.text
            }
        }
        var outcomes = english.outcomes
        let outcomeNodes = items(map, "outcomes", yaml: &yaml, root: root, englishIDs: english.outcomes.map(\.id), what: "outcome")
        for (index, outcome) in english.outcomes.enumerated() {
            guard let node = outcomeNodes[outcome.id], let entry = node.mapping else { continue }
            refuseLogic(entry, &yaml)
            yaml.rejectUnknownKeys(entry, allowed: Set(["id", "title", "actions", "say", "say-for-someone", "meaning", "while-waiting"]).union(flowLogicKeys),
                                   what: "a translated outcome")
            outcomes[index].title = requiredText(entry, "title", node: node, english: outcome.title, yaml: &yaml) ?? outcome.title
            outcomes[index].meaning = requiredText(entry, "meaning", node: node, english: outcome.meaning, yaml: &yaml) ?? outcome.meaning
            outcomes[index].say = optionalText(entry, "say", node: node, english: outcome.say, yaml: &yaml, what: "outcome '\(outcome.id)'")
            outcomes[index].sayForSomeone = optionalText(entry, "say-for-someone", node: node, english: outcome.sayForSomeone,
                                                         yaml: &yaml, what: "outcome '\(outcome.id)'")
            outcomes[index].whileWaiting = optionalText(entry, "while-waiting", node: node, english: outcome.whileWaiting,
                                                        yaml: &yaml, what: "outcome '\(outcome.id)'")
            let actions = yaml.strings(entry, "actions")
            if actions.count == outcome.actions.count {
                outcomes[index].actions = actions
            } else {
                yaml.error(YAMLFields.value(entry, "actions") ?? node,
                           "outcome '\(outcome.id)' has \(actions.count) actions here and \(outcome.actions.count) in English: translate each one, in the same order (the English actions are shown until then)")
            }
        }
        flow.questions = questions
        flow.outcomes = outcomes
        if !Readability.isBlank(split.body[...]) {
            flow.intro = MarkdownParser.parse(split.body, firstLine: split.bodyFirstLine)
        } else if !english.intro.blocks.isEmpty {
            yaml.error(root, "the English check has an introduction and this translation has none: translate it after the closing '---'")
        }
        diagnostics += yaml.diagnostics
        return (flow, diagnostics)
    }

    /// A route, level, call, red flag or amber mark in a translation is an
    /// error, never used: the triage logic is defined once, in English, and
    /// signed off once, so no language can send a reader somewhere else.
    private static func refuseLogic(_ map: Node.Mapping, _ yaml: inout YAMLFields) {
        for (key, _) in map {
            guard let name = key.scalar?.string, flowLogicKeys.contains(name) else { continue }
            yaml.error(key, "'\(name)' is part of the check's logic, which comes from the English file and is the same in every language: remove it here (a translation holds only text)")
        }
    }

    /// The entries of a translated list by id, reporting ids the English lacks, ids it misses, and a changed order.
    private static func items(_ map: Node.Mapping, _ key: String, yaml: inout YAMLFields, root: Node, englishIDs: [String],
                              what: String) -> [String: Node] {
        guard let list = YAMLFields.value(map, key)?.sequence else {
            if !englishIDs.isEmpty { yaml.error(root, "missing '\(key)': translate every \(what) of the English file (\(englishIDs.joined(separator: ", ")))") }
            return [:]
        }
        var found: [String: Node] = [:]
        var order: [String] = []
        for item in list {
            guard let entry = yaml.mapping(item, what: "each \(what)"),
                  let id = yaml.string(entry, "id", in: item, required: true) else { continue }
            guard englishIDs.contains(id) else {
                yaml.error(item, "\(what) '\(id)' is not in the English file: a translation cannot add one (the English defines the check's questions, answers and outcomes)")
                continue
            }
            if found[id] != nil { yaml.error(item, "\(what) '\(id)' is translated twice"); continue }
            found[id] = item
            order.append(id)
        }
        let missing = englishIDs.filter { found[$0] == nil }
        if !missing.isEmpty {
            yaml.error(YAMLFields.value(map, key) ?? root, "\(what) \(missing.map { "'\($0)'" }.joined(separator: ", ")) not translated: the English text is shown until it is")
        }
        if order != englishIDs.filter({ found[$0] != nil }) {
            yaml.warning(YAMLFields.value(map, key) ?? root, "the \(key) are in another order than in the English file: keep the English order so the two are easy to compare")
        }
        return found
    }

    private static func requiredText(_ map: Node.Mapping, _ key: String, node: Node, english: String, yaml: inout YAMLFields) -> String? {
        let value = yaml.string(map, key, in: node, required: false)
        if value == nil, !english.isEmpty { yaml.error(node, "missing '\(key)': translate \"\(english)\" (the English is shown until then)") }
        return value
    }

    private static func optionalText(_ map: Node.Mapping, _ key: String, node: Node, english: String?, yaml: inout YAMLFields,
                                     what: String) -> String? {
        let value = yaml.string(map, key, in: node, required: false)
        switch (english, value) {
        case (let english?, nil):
            yaml.error(node, "missing '\(key)' in \(what): translate \"\(english)\" (the English is shown until then)")
            return english
        case (nil, _?):
            yaml.error(YAMLFields.value(map, key) ?? node, "'\(key)' in \(what) has no English text to translate: remove it, or add it to the English file first")
            return nil
        default:
            return value
        }
    }

    // MARK: Walkthroughs

    static func walkthrough(_ english: Walkthrough, language: ContentLanguage) -> (Walkthrough, [Diagnostic]) {
        fromFile(english, englishPath: english.path, language: language) { walkthrough($0, language: $1, text: $2, path: $3) }
    }

    static func walkthrough(_ english: Walkthrough, language: ContentLanguage, text: String, path: String) -> (Walkthrough, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let front = frontMatter(text, path: path, &diagnostics) else { return (english, diagnostics) }
        var yaml = front.yaml
        let (root, map) = (front.root, front.map)
        let header = TranslationHeader.read(map, root: root, yaml: &yaml, englishID: english.id,
                                            englishVersion: english.governance.version, language: language, path: path,
                                            extra: ["steps"], logicKeys: Set(["order"]).union(Governance.fields))
        var walkthrough = english
        guard header.id == english.id else {
            diagnostics += yaml.diagnostics
            return (english, diagnostics)
        }
        walkthrough.title = header.title ?? english.title
        walkthrough.summary = header.summary ?? english.summary
        walkthrough.translation = header.record
        let steps = YAMLFields.value(map, "steps")?.sequence ?? []
        if steps.count != english.steps.count {
            yaml.error(YAMLFields.value(map, "steps") ?? root,
                       "\(steps.count) steps here and \(english.steps.count) in English: translate each step, in the same order")
        }
        for (index, item) in steps.enumerated() where index < english.steps.count {
            guard let step = yaml.mapping(item, what: "each step") else { continue }
            yaml.rejectUnknownKeys(step, allowed: ["topic", "section", "flow", "prompts", "nurse-note"], what: "a translated step")
            let target: Walkthrough.Target? = {
                if let flow = step["flow"]?.scalar?.string { return .flow(flow) }
                if let topic = step["topic"]?.scalar?.string { return .topic(id: topic, anchor: step["section"]?.scalar?.string) }
                return nil
            }()
            if target != english.steps[index].target {
                yaml.error(item, "step \(index + 1) names another page than step \(index + 1) of the English file: keep the same topic, section or flow (only prompts and the nurse note are translated)")
            }
            let prompts = yaml.strings(step, "prompts")
            if prompts.count == english.steps[index].prompts.count {
                walkthrough.steps[index].prompts = prompts
            } else {
                yaml.error(item, "step \(index + 1) has \(prompts.count) prompts here and \(english.steps[index].prompts.count) in English: translate each one")
            }
            walkthrough.steps[index].nurseNote = optionalText(step, "nurse-note", node: item, english: english.steps[index].nurseNote,
                                                              yaml: &yaml, what: "step \(index + 1)")
        }
        diagnostics += yaml.diagnostics
        return (walkthrough, diagnostics)
    }

    // MARK: Glossary and sections

    /// One glossary file's translation, term by term (same ids as the English file).
    static func glossary(_ english: [GlossaryTerm], englishPath: String, language: ContentLanguage) -> ([GlossaryTerm], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let path = language.translationPath(of: englishPath), let text = read(path, &diagnostics) else { return (english, diagnostics) }
        let (terms, more) = glossary(english, englishPath: englishPath, text: text, path: path)
        return (terms, diagnostics + more)
    }

    static func glossary(_ english: [GlossaryTerm], englishPath: String, text: String, path: String) -> ([GlossaryTerm], [Diagnostic]) {
        let diagnostics: [Diagnostic] = []
        var yaml = YAMLFields(file: path)
        guard let root = yaml.parse(text), let list = root.sequence else {
            if yaml.diagnostics.isEmpty { yaml.error(nil, "a glossary translation is a list of terms, each with id, term and definition") }
            return (english, diagnostics + yaml.diagnostics)
        }
        var byID: [String: (Node.Mapping, Node)] = [:]
        for item in list {
            guard let entry = yaml.mapping(item, what: "each term") else { continue }
            yaml.rejectUnknownKeys(entry, allowed: ["id", "term", "also-called", "search-only", "definition"],
                                   what: "a translated term ('see-also' comes from the English file)")
            guard let id = yaml.string(entry, "id", in: item, required: true) else { continue }
            if !english.contains(where: { $0.id == id }) {
                yaml.error(item, "term '\(id)' is not in \(englishPath): a translation cannot add one")
            }
            byID[id] = (entry, item)
        }
        var terms = english
        for (index, term) in english.enumerated() {
            guard let (entry, item) = byID[term.id] else {
                yaml.error(root, "term '\(term.id)' is not translated: the English definition is shown until it is")
                continue
            }
            terms[index].term = requiredText(entry, "term", node: item, english: term.term, yaml: &yaml) ?? term.term
            terms[index].definition = requiredText(entry, "definition", node: item, english: term.definition, yaml: &yaml) ?? term.definition
            terms[index].alsoCalled = yaml.strings(entry, "also-called")
            terms[index].searchOnly = yaml.strings(entry, "search-only")
            terms[index].path = path
            terms[index].location = yaml.location(item)
        }
        return (terms, diagnostics + yaml.diagnostics)
    }

    /// Section titles (and the search language) from `sections.es.yaml`.
    static func manifest(_ english: Manifest, root: String, language: ContentLanguage) -> (Manifest, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let path = language.translationPath(of: root + "/sections.yaml"), let text = read(path, &diagnostics) else {
            return (english, diagnostics)
        }
        let (parsed, problems) = Manifest.parse(text: text, path: path)
        diagnostics += problems
        var manifest = english
        manifest.language = language.stemmerName
        let titles = Dictionary(parsed.sections.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        for (index, section) in english.sections.enumerated() {
            if let title = titles[section.id] { manifest.sections[index].title = title } else {
                diagnostics.append(.error(path, 1, 1, "section '\(section.id)' has no title here: add it (the English title is shown until then)"))
            }
        }
        for section in parsed.sections where english.section(section.id) == nil {
            diagnostics.append(.error(path, 1, 1, "section '\(section.id)' is not in sections.yaml: a translation cannot add a section"))
        }
        return (manifest, diagnostics)
    }
}

extension Manifest {
    func section(_ id: String) -> Section? { sections.first { $0.id == id } }
}

import Foundation
import Yams

/// Walkthrough, glossary and section translations: text only, by the English order and ids.
extension TranslationOverlay {
    // MARK: Walkthroughs

    static func walkthrough(_ english: Walkthrough, language: ContentLanguage) -> (Walkthrough, [Diagnostic]) {
        fromFile(english, englishPath: english.path, language: language) { walkthrough($0, language: $1, text: $2, path: $3) }
    }

    static func walkthrough(_ english: Walkthrough, language: ContentLanguage, text: String, path: String) -> (Walkthrough, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let opened = open(text, path: path, englishID: english.id, englishVersion: english.governance.version,
                                language: language, extra: ["steps"], logicKeys: Set(["order"]).union(Governance.fields),
                                &diagnostics) else { return (english, diagnostics) }
        var yaml = opened.yaml
        let (root, map, header) = (opened.root, opened.map, opened.header)
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

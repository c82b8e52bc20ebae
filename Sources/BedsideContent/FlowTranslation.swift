import Foundation
import Yams

/// A symptom check's translation: text only, by the English ids (see `TranslationOverlay`).
extension TranslationOverlay {
    // MARK: Flows

    /// Text keys of a flow translation; the logic keys are refused by name.
    static let flowLogicKeys: Set<String> = Set(["start", "topic", "escalate", "related", "go", "level", "call",
                                                 "red-flag", "amber"]).union(Governance.fields)

    static func flow(_ english: Flow, language: ContentLanguage) -> (Flow, [Diagnostic]) {
        fromFile(english, englishPath: english.path, language: language) { flow($0, language: $1, text: $2, path: $3) }
    }

    static func flow(_ english: Flow, language: ContentLanguage, text: String, path: String) -> (Flow, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let opened = open(text, path: path, englishID: english.id, englishVersion: english.governance.version,
                                language: language, extra: ["questions", "outcomes"], logicKeys: flowLogicKeys,
                                &diagnostics) else { return (english, diagnostics) }
        var yaml = opened.yaml
        let (root, map, split, header) = (opened.root, opened.map, opened.split, opened.header)
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

    static func requiredText(_ map: Node.Mapping, _ key: String, node: Node, english: String, yaml: inout YAMLFields) -> String? {
        let value = yaml.string(map, key, in: node, required: false)
        if value == nil, !english.isEmpty { yaml.error(node, "missing '\(key)': translate \"\(english)\" (the English is shown until then)") }
        return value
    }

    static func optionalText(_ map: Node.Mapping, _ key: String, node: Node, english: String?, yaml: inout YAMLFields,
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
}

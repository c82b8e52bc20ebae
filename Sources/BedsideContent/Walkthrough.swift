import Foundation
import Yams

/// A nurse walkthrough: an ordered set of screens with teach-back prompts.
public struct Walkthrough: Equatable, Sendable {
    public enum Target: Equatable, Sendable {
        case topic(id: String, anchor: String?)
        case flow(String)
    }

    public struct Step: Equatable, Sendable {
        public var target: Target
        /// Teach-back prompts: "In your own words, what would you do if...".
        public var prompts: [String]
        /// Shown only in walkthrough mode, for the nurse.
        public var nurseNote: String?
        public var location: SourceLocation
    }

    public var id: String
    public var title: String
    public var summary: String
    public var steps: [Step]
    public var path: String
    /// Position in the walkthrough list (lower first); unordered ones come last, by title.
    public var order: Int? = nil
    public var governance = Governance()
    public var translation: TranslationRecord? = nil
}

enum WalkthroughParser {
    static func parse(text: String, path: String) -> (Walkthrough?, [Diagnostic]) {
        let split: FrontMatterSplit
        switch FrontMatter.split(text) {
        case .success(let s): split = s
        case .failure(let error): return (nil, [.error(path, 1, 1, error.message)])
        }
        var yaml = YAMLFields(file: path, firstLine: split.yamlFirstLine)
        guard let root = yaml.parse(split.yaml), let map = yaml.mapping(root, what: "a walkthrough") else {
            return (nil, yaml.diagnostics)
        }
        yaml.rejectUnknownKeys(map, allowed: Governance.fields.union(["id", "title", "summary", "order", "steps"]), what: "a walkthrough")
        let id = yaml.string(map, "id", in: root, required: true)
        let title = yaml.string(map, "title", in: root, required: true)
        let summary = yaml.string(map, "summary", in: root, required: false) ?? ""
        var steps: [Walkthrough.Step] = []
        if let list = map["steps"]?.sequence, !list.isEmpty {
            for item in list {
                guard let step = yaml.mapping(item, what: "a step") else { continue }
                yaml.rejectUnknownKeys(step, allowed: ["topic", "section", "flow", "prompts", "nurse-note"], what: "a step")
                let topic = yaml.string(step, "topic", in: item, required: false)
                let flow = yaml.string(step, "flow", in: item, required: false)
                let anchor = yaml.string(step, "section", in: item, required: false)
                let prompts = yaml.strings(step, "prompts")
                if !(1...3).contains(prompts.count) {
                    yaml.error(step["prompts"] ?? item, "each step needs 1 to 3 teach-back 'prompts' (this one has \(prompts.count))")
                }
                let target: Walkthrough.Target
                switch (topic, flow) {
                case let (topic?, nil): target = .topic(id: topic, anchor: anchor)
                case let (nil, flow?):
                    if anchor != nil { yaml.error(step["section"] ?? item, "'section' only goes with a 'topic' step, not a 'flow' step") }
                    target = .flow(flow)
                default:
                    yaml.error(item, "each step names exactly one 'topic: id' or 'flow: id'")
                    continue
                }
                steps.append(Walkthrough.Step(target: target, prompts: prompts,
                                              nurseNote: yaml.string(step, "nurse-note", in: item, required: false),
                                              location: yaml.location(item)))
            }
        } else {
            yaml.error(map["steps"] ?? root, "a walkthrough needs 'steps': a list of topics or flows, each with prompts")
        }
        let governance = Governance.parse(map, yaml: &yaml, root: root)
        guard let id, let title else { return (nil, yaml.diagnostics) }
        return (Walkthrough(id: id, title: title, summary: summary, steps: steps, path: path, order: yaml.int(map, "order"),
                            governance: governance),
                yaml.diagnostics)
    }
}

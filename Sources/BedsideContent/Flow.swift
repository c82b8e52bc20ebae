import Foundation
import Yams

/// How fast to act on a flow's outcome, least to most urgent.
public enum UrgencyLevel: String, CaseIterable, Comparable, Sendable, Codable {
    /// Mention it at the next visit, with self-care advice.
    case routine
    /// Contact the care team within 1-2 days.
    case soon
    /// Call the cancer care team's 24-hour line now, today.
    case urgent
    /// Call the emergency number now.
    case emergency

    var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: UrgencyLevel, b: UrgencyLevel) -> Bool { a.rank < b.rank }
}

public struct FlowAnswer: Equatable, Sendable {
    public var id: String
    public var text: String
    /// A red-flag answer must end the flow at `emergency`.
    public var redFlag: Bool
    /// A milder warning sign: alone it does not change where the answer goes,
    /// but enough of them on one path end the flow at the flow's escalation
    /// outcome (oncology phone triage: two or more amber signs count as red).
    public var amber: Bool
    /// A question id or an outcome id.
    public var next: String
    public var location: SourceLocation

    public init(id: String, text: String, redFlag: Bool = false, amber: Bool = false, next: String,
                location: SourceLocation = SourceLocation(line: 1)) {
        self.id = id
        self.text = text
        self.redFlag = redFlag
        self.amber = amber
        self.next = next
        self.location = location
    }
}

public struct FlowQuestion: Equatable, Sendable {
    public var id: String
    public var text: String
    public var help: String?
    public var answers: [FlowAnswer]
    public var location: SourceLocation

    public init(id: String, text: String, help: String? = nil, answers: [FlowAnswer],
                location: SourceLocation = SourceLocation(line: 1)) {
        self.id = id
        self.text = text
        self.help = help
        self.answers = answers
        self.location = location
    }
}

public struct FlowOutcome: Equatable, Sendable {
    public var id: String
    public var level: UrgencyLevel
    public var title: String
    /// Phone names from the site config: emergency, after-hours, care-team.
    public var call: [String]
    public var actions: [String]
    /// What to say on the phone, when it matters.
    public var say: String?
    /// The same words for a carer calling about someone else.
    public var sayForSomeone: String?
    /// What to do while waiting for help: an emergency card's last line.
    public var whileWaiting: String?
    public var meaning: String
    public var related: [Located<String>]
    public var location: SourceLocation

    public init(id: String, level: UrgencyLevel, title: String, call: [String], actions: [String], say: String? = nil,
                sayForSomeone: String? = nil, whileWaiting: String? = nil,
                meaning: String, related: [Located<String>] = [], location: SourceLocation = SourceLocation(line: 1)) {
        self.sayForSomeone = sayForSomeone
        self.whileWaiting = whileWaiting
        self.id = id
        self.level = level
        self.title = title
        self.call = call
        self.actions = actions
        self.say = say
        self.meaning = meaning
        self.related = related
        self.location = location
    }
}

/// "Symptoms that add up": once a path has given `ambers` amber answers, the
/// flow ends at outcome `outcome` (urgent or emergency), whatever the answer
/// would otherwise lead to. `FlowChecks` makes sure nothing the path could
/// still reach is more urgent, so ending there never plays a sign down.
public struct FlowEscalation: Equatable, Sendable {
    public var ambers: Int
    public var outcome: String
    public var location: SourceLocation

    public init(ambers: Int, outcome: String, location: SourceLocation = SourceLocation(line: 1)) {
        self.ambers = ambers
        self.outcome = outcome
        self.location = location
    }
}

/// A "What does this symptom mean?" flow: questions that lead to outcomes.
public struct Flow: Equatable, Sendable {
    public var id: String
    public var title: String
    public var alsoCalled: [String]
    /// The topic whose warning signs this flow checks.
    public var topic: Located<String>?
    public var start: String
    public var questions: [FlowQuestion] {
        didSet { questionPositions = Self.positions(of: questions.map(\.id)) }
    }
    public var outcomes: [FlowOutcome] {
        didSet { outcomePositions = Self.positions(of: outcomes.map(\.id)) }
    }
    /// Where each id first appears in `questions` / `outcomes`, so `question(_:)`
    /// and `outcome(_:)` are lookups, not scans: the checks and the walkers ask
    /// them for every answer, which made a long flow take cubic time. Kept in
    /// step with the arrays by their `didSet`.
    private var questionPositions: [String: Int] = [:]
    private var outcomePositions: [String: Int] = [:]
    public var intro: Document
    public var path: String
    public var escalation: FlowEscalation?
    public var governance: Governance
    /// Where `id:` is written, for messages about duplicates.
    public var idLocation = SourceLocation(line: 1)
    /// The language of the text (the logic is the English file's in every language).
    public var language: ContentLanguage = .en
    /// The translation file the text came from, when it is not `path`.
    public var textPath: String?
    public var translation: TranslationRecord?

    public init(id: String, title: String, alsoCalled: [String] = [], topic: Located<String>? = nil, start: String,
                questions: [FlowQuestion], outcomes: [FlowOutcome], intro: Document = Document(blocks: []), path: String,
                escalation: FlowEscalation? = nil, governance: Governance = Governance()) {
        self.escalation = escalation
        self.governance = governance
        self.id = id
        self.title = title
        self.alsoCalled = alsoCalled
        self.topic = topic
        self.start = start
        self.questions = questions
        self.outcomes = outcomes
        self.intro = intro
        self.path = path
        // didSet does not run in an initialiser.
        questionPositions = Self.positions(of: questions.map(\.id))
        outcomePositions = Self.positions(of: outcomes.map(\.id))
    }

    /// The first position of each id (a repeated id is an error the checks
    /// report; lookups answer with the first, as a scan from the start would).
    private static func positions(of ids: [String]) -> [String: Int] {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() where positions[id] == nil { positions[id] = position }
        return positions
    }

    /// The position in `questions` of the question `id`, or nil.
    public func questionPosition(_ id: String) -> Int? { questionPositions[id] }

    /// Parses and checks one flow file's text. A flow with any error is nil,
    /// with `path:line:column` diagnostics saying why.
    public static func parse(text: String, path: String) -> (Flow?, [Diagnostic]) {
        FlowParser.parse(text: text, path: path)
    }

    public func question(_ id: String) -> FlowQuestion? { questionPositions[id].map { questions[$0] } }
    public func outcome(_ id: String) -> FlowOutcome? { outcomePositions[id].map { outcomes[$0] } }

    /// Where `answer` leads when `earlierAmbers` amber answers came before it
    /// on the path: the escalation outcome if this answer is the amber one that
    /// completes the rule's count, else the answer's own target id.
    public func target(of answer: FlowAnswer, earlierAmbers: Int) -> String {
        if answer.amber, let escalation, earlierAmbers + 1 >= escalation.ambers, outcome(escalation.outcome) != nil {
            return escalation.outcome
        }
        return answer.next
    }
}

enum FlowParser {
    static let fields: Set<String> = Governance.fields.union(["id", "title", "also-called", "topic", "start", "questions",
                                                              "outcomes", "escalate"])

    /// Parses a flow file. Structural problems (a missing level, too few
    /// answers, an unknown target, a cycle, a red flag that can be overridden)
    /// are errors, and such a flow is not loaded: an unsafe flow must never
    /// reach a patient.
    static func parse(text: String, path: String) -> (Flow?, [Diagnostic]) {
        let split: FrontMatterSplit
        switch FrontMatter.split(text) {
        case .success(let s): split = s
        case .failure(let error): return (nil, [.error(path, 1, 1, error.message)])
        }
        var yaml = YAMLFields(file: path, firstLine: split.yamlFirstLine)
        guard let root = yaml.parse(split.yaml), let map = yaml.mapping(root, what: "a flow") else {
            return (nil, yaml.diagnostics)
        }
        yaml.refuseUnknownKeys(map, allowed: fields, what: "a flow")
        let id = yaml.string(map, "id", in: root, required: true)
        let title = yaml.string(map, "title", in: root, required: true)
        let alsoCalled = yaml.strings(map, "also-called")
        let topic = yaml.string(map, "topic", in: root, required: false).map { Located($0, yaml.location(map["topic"])) }

        var questions: [FlowQuestion] = []
        if let list = map["questions"]?.sequence, !list.isEmpty {
            questions = list.compactMap { parseQuestion($0, &yaml) }
        } else {
            yaml.error(map["questions"] ?? root, "a flow needs 'questions': a list, each with id, text and answers")
        }
        var outcomes: [FlowOutcome] = []
        if let list = map["outcomes"]?.sequence, !list.isEmpty {
            outcomes = list.compactMap { parseOutcome($0, &yaml) }
        } else {
            yaml.error(map["outcomes"] ?? root, "a flow needs 'outcomes': a list, each with id, level, title, call and actions")
        }
        let start = yaml.string(map, "start", in: root, required: false) ?? questions.first?.id ?? ""
        let escalation = parseEscalation(YAMLFields.value(map, "escalate"), &yaml)
        let governance = Governance.parse(map, yaml: &yaml, root: root)
        guard let id, let title, yaml.diagnostics.allSatisfy({ $0.severity != .error }) else {
            return (nil, yaml.diagnostics)
        }
        let intro = MarkdownParser.parse(split.body, firstLine: split.bodyFirstLine)
        if let at = intro.nestingFlattenedAt {
            yaml.diagnostics.append(.warning(path, at.line, at.column, MarkdownParser.flattenedMessage))
        }
        var flow = Flow(id: id, title: title, alsoCalled: alsoCalled, topic: topic, start: start,
                        questions: questions, outcomes: outcomes, intro: intro, path: path,
                        escalation: escalation, governance: governance)
        flow.idLocation = yaml.location(YAMLFields.value(map, "id"))
        let problems = FlowChecks.structure(of: flow, startLocation: yaml.location(map["start"] ?? root))
        if problems.contains(where: { $0.severity == .error }) {
            return (nil, yaml.diagnostics + problems)
        }
        return (flow, yaml.diagnostics + problems)
    }

    static func parseQuestion(_ node: Node, _ yaml: inout YAMLFields) -> FlowQuestion? {
        guard let map = yaml.mapping(node, what: "a question") else { return nil }
        yaml.refuseUnknownKeys(map, allowed: ["id", "text", "help", "answers"], what: "a question")
        let id = yaml.string(map, "id", in: node, required: true)
        let text = yaml.string(map, "text", in: node, required: true)
        let help = yaml.string(map, "help", in: node, required: false)
        var answers: [FlowAnswer] = []
        if let list = map["answers"]?.sequence {
            for item in list {
                guard let answer = yaml.mapping(item, what: "an answer") else { continue }
                yaml.refuseUnknownKeys(answer, allowed: ["id", "text", "red-flag", "amber", "go"], what: "an answer")
                guard let answerID = yaml.string(answer, "id", in: item, required: true),
                      let answerText = yaml.string(answer, "text", in: item, required: true),
                      let next = yaml.string(answer, "go", in: item, required: true) else { continue }
                answers.append(FlowAnswer(id: answerID, text: answerText, redFlag: yaml.bool(answer, "red-flag"),
                                          amber: yaml.bool(answer, "amber"), next: next, location: yaml.location(item)))
            }
        }
        if !(2...5).contains(answers.count) {
            yaml.error(map["answers"] ?? node, "question '\(id ?? "?")' has \(answers.count) answer(s): give 2 to 5")
        }
        guard let id, let text else { return nil }
        return FlowQuestion(id: id, text: text, help: help, answers: answers, location: yaml.location(node))
    }

    static func parseOutcome(_ node: Node, _ yaml: inout YAMLFields) -> FlowOutcome? {
        guard let map = yaml.mapping(node, what: "an outcome") else { return nil }
        yaml.refuseUnknownKeys(map, allowed: ["id", "level", "title", "call", "actions", "say", "say-for-someone",
                                              "while-waiting", "meaning", "related"],
                               what: "an outcome")
        let id = yaml.string(map, "id", in: node, required: true)
        let levelText = yaml.string(map, "level", in: node, required: true)
        let level = levelText.flatMap { UrgencyLevel(rawValue: $0.lowercased()) }
        if let levelText, level == nil {
            yaml.error(map["level"], "level '\(levelText)' is not one of: emergency, urgent, soon, routine")
        }
        let title = yaml.string(map, "title", in: node, required: true)
        let call = yaml.strings(map, "call")
        if call.isEmpty { yaml.error(map["call"] ?? node, "outcome '\(id ?? "?")' must say whom to call ('call: [care-team]')") }
        let actions = yaml.strings(map, "actions")
        if actions.isEmpty { yaml.error(map["actions"] ?? node, "outcome '\(id ?? "?")' needs at least one step in 'actions'") }
        let say = yaml.string(map, "say", in: node, required: false)
        let sayForSomeone = yaml.string(map, "say-for-someone", in: node, required: false)
        let whileWaiting = yaml.string(map, "while-waiting", in: node, required: false)
        let meaning = yaml.string(map, "meaning", in: node, required: true)
        let related = yaml.locatedStrings(map, "related")
        guard let id, let level, let title, let meaning, !call.isEmpty, !actions.isEmpty else { return nil }
        return FlowOutcome(id: id, level: level, title: title, call: call, actions: actions, say: say,
                           sayForSomeone: sayForSomeone, whileWaiting: whileWaiting, meaning: meaning, related: related, location: yaml.location(node))
    }
}

extension FlowParser {
    /// `escalate: { ambers: 2, go: outcome-id }`. A malformed rule is an error,
    /// so the flow does not load: a rule that silently did nothing would let a
    /// cluster of signs end at "soon".
    static func parseEscalation(_ node: Node?, _ yaml: inout YAMLFields) -> FlowEscalation? {
        guard let node else { return nil }
        guard let map = yaml.mapping(node, what: "'escalate' (write it as: escalate: {ambers: 2, go: outcome-id})") else { return nil }
        yaml.refuseUnknownKeys(map, allowed: ["ambers", "go"], what: "'escalate'")
        let target = yaml.string(map, "go", in: node, required: true)
        var count: Int?
        if YAMLFields.value(map, "ambers") == nil {
            yaml.error(node, "'escalate' needs 'ambers': how many amber answers on one path escalate (2 or more)")
        } else if let n = yaml.int(map, "ambers") {
            if n < 2 || n > 20 {
                yaml.error(YAMLFields.value(map, "ambers"), "'ambers' must be from 2 to 20, not \(n): one amber sign alone is not a cluster")
            } else {
                count = n
            }
        }
        guard let target, let count else { return nil }
        return FlowEscalation(ambers: count, outcome: target, location: yaml.location(node))
    }
}

extension YAMLFields {
    /// In a flow an unknown field is an error, not a warning: a misspelt
    /// `red-flag` or `go` would silently drop a safety rule, so such a flow
    /// must not load.
    mutating func refuseUnknownKeys(_ map: Node.Mapping, allowed: Set<String>, what: String) {
        for key in map.keys {
            guard let name = key.scalar?.string, !allowed.contains(name) else { continue }
            let known = allowed.sorted().joined(separator: ", ")
            error(key, "unknown field '\(name)' in \(what) (known fields: \(known))")
        }
    }
}

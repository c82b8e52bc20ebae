/// Structural and safety checks on one flow. They run when a flow loads, so an
/// unsafe flow is refused before any patient can walk it.
///
/// The safety rules:
/// - a red-flag answer goes straight to an `emergency` outcome (nothing asked
///   later can override it), and an answer that goes straight to `emergency`
///   is marked `red-flag: true`;
/// - red-flag questions come first: once a path passes a question with no red
///   flags, it asks no more red-flag questions;
/// - an `emergency` outcome calls `emergency`; an `urgent` one calls `after-hours`;
/// - every question has 2 to 5 answers; every outcome has steps and a phone.
public enum FlowChecks {
    public static let answerRange = 2...5

    public static func structure(of flow: Flow, startLocation: SourceLocation = SourceLocation(line: 1)) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func error(_ at: SourceLocation, _ message: String) {
            problems.append(.error(flow.path, at.line, at.column, message))
        }
        var seen: [String: SourceLocation] = [:]
        for (id, at) in flow.questions.map({ ($0.id, $0.location) }) + flow.outcomes.map({ ($0.id, $0.location) }) {
            if let first = seen[id] {
                error(at, "id '\(id)' is used twice in this flow (first on line \(first.line)): ids must be unique")
            } else {
                seen[id] = at
            }
        }
        guard flow.question(flow.start) != nil else {
            error(startLocation, "the flow starts at '\(flow.start)', which is not a question in this flow")
            return problems
        }
        for question in flow.questions {
            if !answerRange.contains(question.answers.count) {
                error(question.location, "question '\(question.id)' has \(question.answers.count) answer(s): give 2 to 5")
            }
            for answer in question.answers where flow.question(answer.next) == nil && flow.outcome(answer.next) == nil {
                error(answer.location, "answer '\(answer.id)' of question '\(question.id)' goes to '\(answer.next)', which is neither a question nor an outcome in this flow")
            }
            var answerIDs: Set<String> = []
            for answer in question.answers where !answerIDs.insert(answer.id).inserted {
                error(answer.location, "question '\(question.id)' has two answers with id '\(answer.id)'")
            }
        }
        for outcome in flow.outcomes {
            if outcome.actions.isEmpty { error(outcome.location, "outcome '\(outcome.id)' needs at least one step in 'actions'") }
            if outcome.call.isEmpty { error(outcome.location, "outcome '\(outcome.id)' must say whom to call ('call: [care-team]')") }
            if outcome.level == .emergency && !outcome.call.contains("emergency") {
                error(outcome.location, "emergency outcome '\(outcome.id)' must call 'emergency' (it calls: \(outcome.call.joined(separator: ", ")))")
            }
            if outcome.level == .urgent && !outcome.call.contains("after-hours") {
                error(outcome.location, "urgent outcome '\(outcome.id)' must call 'after-hours', the 24-hour line (it calls: \(outcome.call.joined(separator: ", ")))")
            }
        }
        let graph = FlowGraph(flow)
        if let cycle = graph.firstCycle() {
            let at = flow.question(cycle[0])?.location ?? startLocation
            error(at, "the questions loop back on themselves (\(cycle.joined(separator: " -> "))): every path must end at an outcome")
            return problems
        }
        var reached = graph.reachable(from: flow.start)
        if let escalation = flow.escalation, flow.questions.contains(where: { reached.contains($0.id) && $0.answers.contains(where: \.amber) }) {
            reached.insert(escalation.outcome)
        }
        for question in flow.questions where !reached.contains(question.id) {
            error(question.location, "no answer leads to question '\(question.id)': link it from an answer or remove it")
        }
        for outcome in flow.outcomes where !reached.contains(outcome.id) {
            error(outcome.location, "no answer leads to outcome '\(outcome.id)': link it from an answer or remove it")
        }
        problems += redFlagProblems(flow, graph)
        problems += AmberChecks.problems(flow, graph)
        problems += cardWordingProblems(flow)
        return problems
    }

    /// What a card must say to be usable on the phone. Warnings, not errors:
    /// the triage is still right without them, so the flow still loads.
    static func cardWordingProblems(_ flow: Flow) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for outcome in flow.outcomes where outcome.level >= .urgent {
            let at = outcome.location
            if outcome.say == nil {
                problems.append(.warning(flow.path, at.line, at.column, "\(outcome.level.rawValue) outcome '\(outcome.id)' needs 'say': the words to use on the phone"))
            }
            if outcome.sayForSomeone == nil {
                problems.append(.warning(flow.path, at.line, at.column, "\(outcome.level.rawValue) outcome '\(outcome.id)' needs 'say-for-someone': the same words for a carer calling (\"My husband has cancer and...\")"))
            }
            if outcome.level == .emergency && outcome.whileWaiting == nil {
                problems.append(.warning(flow.path, at.line, at.column, "emergency outcome '\(outcome.id)' needs 'while-waiting': what to do until help comes (its last line)"))
            }
        }
        return problems
    }

    /// The red-flag rules: straight to emergency, marked when it goes there,
    /// and asked before any question without red flags.
    static func redFlagProblems(_ flow: Flow, _ graph: FlowGraph? = nil) -> [Diagnostic] {
        let graph = graph ?? FlowGraph(flow)
        var problems: [Diagnostic] = []
        func error(_ at: SourceLocation, _ message: String) {
            problems.append(.error(flow.path, at.line, at.column, message))
        }
        for question in flow.questions {
            for answer in question.answers {
                let outcome = flow.outcome(answer.next)
                if answer.redFlag {
                    if let outcome, outcome.level != .emergency {
                        error(answer.location, "red-flag answer '\(answer.id)' of question '\(question.id)' ends at '\(outcome.id)' (\(outcome.level.rawValue)): a red flag must go straight to an emergency outcome")
                    } else if outcome == nil && flow.question(answer.next) != nil {
                        error(answer.location, "red-flag answer '\(answer.id)' of question '\(question.id)' goes on to question '\(answer.next)': a red flag must go straight to an emergency outcome, so no later answer can override it")
                    }
                } else if let outcome, outcome.level == .emergency {
                    error(answer.location, "answer '\(answer.id)' of question '\(question.id)' goes straight to emergency outcome '\(outcome.id)' but is not marked 'red-flag: true'")
                }
            }
        }
        // Red-flag questions come first: none may follow a question without red flags.
        // Each red-flag question names the first question in the file (without red
        // flags) that leads to it; reports come in that question's order, then the
        // red-flag question's, as a pass over every pair would give them.
        let earliest = earliestPlainAncestor(flow, graph)
        var late: [(earlier: Int, position: Int)] = []
        for (position, question) in flow.questions.enumerated() where isRedFlagQuestion(question) {
            guard let node = flow.questionPosition(question.id), let earlier = earliest[node] else { continue }
            late.append((earlier, position))
        }
        late.sort { ($0.earlier, $0.position) < ($1.earlier, $1.position) }
        var reported: Set<String> = []
        for (earlier, position) in late {
            let question = flow.questions[position]
            guard reported.insert(question.id).inserted else { continue }
            error(question.location, "red-flag question '\(question.id)' comes after question '\(flow.questions[earlier].id)', which has no red flags: ask every red-flag question first")
        }
        return problems
    }

    /// For each question (by position), the first position in the file of a
    /// question without red flags from which some path leads to it, or nil.
    /// One pass in topological order: a question inherits the earliest such
    /// question of everything that leads to it. Needs a loop-free flow (the
    /// structure check refuses loops first); with a loop it answers all nil.
    static func earliestPlainAncestor(_ flow: Flow, _ graph: FlowGraph) -> [Int?] {
        var earliest = [Int?](repeating: nil, count: flow.questions.count)
        guard let order = graph.topologicalOrder() else { return earliest }
        func lower(_ node: Int, _ candidate: Int?) {
            guard let candidate else { return }
            earliest[node] = min(earliest[node] ?? candidate, candidate)
        }
        // Every question in the file without red flags, even a repeated id, is
        // a starting point through its own answers.
        for (position, question) in flow.questions.enumerated() where !isRedFlagQuestion(question) {
            for next in graph.successors[position] { lower(next, position) }
        }
        for node in order {
            for next in graph.successors[node] { lower(next, earliest[node]) }
        }
        return earliest
    }

    public static func isRedFlagQuestion(_ question: FlowQuestion) -> Bool {
        question.answers.contains(where: \.redFlag)
    }

    /// Every question and outcome id reachable from `start`.
    public static func reachable(from start: String, in flow: Flow) -> Set<String> {
        var seen: Set<String> = []
        var stack = [start]
        while let id = stack.popLast() {
            guard seen.insert(id).inserted, let question = flow.question(id) else { continue }
            stack += question.answers.map(\.next)
        }
        return seen
    }

    public static func outcomes(reachableFrom id: String, in flow: Flow) -> [FlowOutcome] {
        reachable(from: id, in: flow).compactMap { flow.outcome($0) }.sorted { $0.id < $1.id }
    }

    /// The first loop among the questions, as the ids along it, or nil.
    static func findCycle(_ flow: Flow) -> [String]? {
        FlowGraph(flow).firstCycle()
    }
}

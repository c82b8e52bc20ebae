/// Structural checks on one flow. They run when a flow loads, so an unsafe
/// flow is refused before any patient can walk it.
public enum FlowChecks {
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
            for answer in question.answers where flow.question(answer.next) == nil && flow.outcome(answer.next) == nil {
                error(answer.location, "answer '\(answer.id)' of question '\(question.id)' goes to '\(answer.next)', which is neither a question nor an outcome in this flow")
            }
            var answerIDs: Set<String> = []
            for answer in question.answers where !answerIDs.insert(answer.id).inserted {
                error(answer.location, "question '\(question.id)' has two answers with id '\(answer.id)'")
            }
        }
        if let cycle = findCycle(flow) {
            let at = flow.question(cycle[0])?.location ?? startLocation
            error(at, "the questions loop back on themselves (\(cycle.joined(separator: " -> "))): every path must end at an outcome")
            return problems
        }
        let reached = reachable(from: flow.start, in: flow)
        for question in flow.questions where !reached.contains(question.id) {
            error(question.location, "no answer leads to question '\(question.id)': link it from an answer or remove it")
        }
        for outcome in flow.outcomes where !reached.contains(outcome.id) {
            error(outcome.location, "no answer leads to outcome '\(outcome.id)': link it from an answer or remove it")
        }
        for question in flow.questions {
            for answer in question.answers where answer.redFlag {
                let lower = outcomes(reachableFrom: answer.next, in: flow).filter { $0.level != .emergency }
                for outcome in lower {
                    error(answer.location, "red-flag answer '\(answer.id)' of question '\(question.id)' can end at '\(outcome.id)' (\(outcome.level.rawValue)): a red flag must always end at emergency")
                }
            }
        }
        return problems
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
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var path: [String] = []
        func visit(_ id: String) -> [String]? {
            guard let question = flow.question(id) else { return nil }
            switch marks[id] {
            case .done: return nil
            case .visiting:
                let start = path.firstIndex(of: id) ?? 0
                return Array(path[start...]) + [id]
            case nil: break
            }
            marks[id] = .visiting
            path.append(id)
            for answer in question.answers {
                if let cycle = visit(answer.next) { return cycle }
            }
            path.removeLast()
            marks[id] = .done
            return nil
        }
        for question in flow.questions {
            if let cycle = visit(question.id) { return cycle }
        }
        return nil
    }
}

/// The rules for amber answers and a flow's `escalate` rule. They keep the
/// escalation safe and real:
/// - an amber answer is a milder sign, never a red flag;
/// - amber answers and the rule come together (one without the other does nothing);
/// - the rule ends at an urgent or emergency outcome;
/// - nothing reachable after an amber answer is more urgent than that outcome,
///   so ending there early can never play down a later sign;
/// - some path can give as many amber answers as the rule counts.
enum AmberChecks {
    static func problems(_ flow: Flow, _ graph: FlowGraph? = nil) -> [Diagnostic] {
        let graph = graph ?? FlowGraph(flow)
        var problems: [Diagnostic] = []
        func error(_ at: SourceLocation, _ message: String) {
            problems.append(.error(flow.path, at.line, at.column, message))
        }
        let ambers = flow.questions.flatMap { question in question.answers.filter(\.amber).map { (question, $0) } }
        for (question, answer) in ambers where answer.redFlag {
            error(answer.location, "answer '\(answer.id)' of question '\(question.id)' is both 'red-flag' and 'amber': a red flag is an emergency on its own, an amber sign is a milder one")
        }
        guard let escalation = flow.escalation else {
            if let (question, answer) = ambers.first {
                error(answer.location, "answer '\(answer.id)' of question '\(question.id)' is 'amber', but the flow has no 'escalate' rule (escalate: {ambers: 2, go: outcome-id}), so amber signs would never add up")
            }
            return problems
        }
        guard !ambers.isEmpty else {
            error(escalation.location, "the 'escalate' rule counts amber answers, but no answer is marked 'amber: true'")
            return problems
        }
        guard let target = flow.outcome(escalation.outcome) else {
            error(escalation.location, "'escalate' goes to '\(escalation.outcome)', which is not an outcome in this flow")
            return problems
        }
        if target.level < .urgent {
            error(escalation.location, "'escalate' goes to '\(target.id)' (\(target.level.rawValue)): signs that add up must reach an urgent or emergency outcome")
        }
        let worstAfter = worstLevels(flow, graph)
        for (question, answer) in ambers {
            if let worst = worstAfter(answer.next), worst > target.level {
                error(answer.location, "amber answer '\(answer.id)' of question '\(question.id)' can still lead to a \(worst.rawValue) outcome, more urgent than the escalation outcome '\(target.id)' (\(target.level.rawValue)): ask amber questions after the more urgent ones")
            }
        }
        let most = mostAmbers(flow, graph)
        if most < escalation.ambers {
            error(escalation.location, "no path through the flow gives \(escalation.ambers) amber answers (at most \(most)), so the 'escalate' rule could never apply")
        }
        return problems
    }

    /// The most amber answers any one path can give (the question graph has
    /// no loops: FlowChecks refuses those before this runs).
    static func mostAmbers(_ flow: Flow, _ graph: FlowGraph? = nil) -> Int {
        (graph ?? FlowGraph(flow)).longestWalk(from: flow.start, base: 0) { $0.amber ? 1 : 0 }
    }

    /// The most urgent outcome level reachable from an id (itself included),
    /// as a function of the id. Every question's worst level is worked out once,
    /// in reverse topological order, rather than one search per amber answer.
    static func worstLevels(_ flow: Flow, _ graph: FlowGraph) -> (String) -> UrgencyLevel? {
        let levels = Dictionary(flow.outcomes.map { ($0.id, $0.level) }, uniquingKeysWith: { a, _ in a })
        var worst = [UrgencyLevel?](repeating: nil, count: flow.questions.count)
        func worse(_ a: UrgencyLevel?, _ b: UrgencyLevel?) -> UrgencyLevel? {
            guard let a else { return b }
            guard let b else { return a }
            return max(a, b)
        }
        // Loops are refused before this runs; with one, fall back to a search per id.
        guard let order = graph.topologicalOrder() else {
            return { id in graph.reachable(from: id).compactMap { levels[$0] }.max() }
        }
        for node in order.reversed() {
            for answer in flow.questions[node].answers {
                worst[node] = worse(worst[node], levels[answer.next])
                if let next = flow.questionPosition(answer.next) { worst[node] = worse(worst[node], worst[next]) }
            }
        }
        return { id in worse(levels[id], flow.questionPosition(id).flatMap { worst[$0] }) }
    }
}

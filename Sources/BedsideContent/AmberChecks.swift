/// The rules for amber answers and a flow's `escalate` rule. They keep the
/// escalation safe and real:
/// - an amber answer is a milder sign, never a red flag;
/// - amber answers and the rule come together (one without the other does nothing);
/// - the rule ends at an urgent or emergency outcome;
/// - nothing reachable after an amber answer is more urgent than that outcome,
///   so ending there early can never play down a later sign;
/// - some path can give as many amber answers as the rule counts.
enum AmberChecks {
    static func problems(_ flow: Flow) -> [Diagnostic] {
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
        let levels = Dictionary(flow.outcomes.map { ($0.id, $0.level) }, uniquingKeysWith: { a, _ in a })
        for (question, answer) in ambers {
            let after = FlowChecks.reachable(from: answer.next, in: flow).compactMap { levels[$0] }
            if let worst = after.max(), worst > target.level {
                error(answer.location, "amber answer '\(answer.id)' of question '\(question.id)' can still lead to a \(worst.rawValue) outcome, more urgent than the escalation outcome '\(target.id)' (\(target.level.rawValue)): ask amber questions after the more urgent ones")
            }
        }
        if mostAmbers(flow) < escalation.ambers {
            error(escalation.location, "no path through the flow gives \(escalation.ambers) amber answers (at most \(mostAmbers(flow))), so the 'escalate' rule could never apply")
        }
        return problems
    }

    /// The most amber answers any one path can give (the question graph has
    /// no loops: FlowChecks refuses those before this runs).
    static func mostAmbers(_ flow: Flow) -> Int {
        var memo: [String: Int] = [:]
        var onPath: Set<String> = []
        let questions = Dictionary(flow.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func most(_ id: String) -> Int {
            if let known = memo[id] { return known }
            guard let question = questions[id], onPath.insert(id).inserted else { return 0 }
            let best = question.answers.map { ($0.amber ? 1 : 0) + most($0.next) }.max() ?? 0
            onPath.remove(id)
            memo[id] = best
            return best
        }
        return most(flow.start)
    }
}

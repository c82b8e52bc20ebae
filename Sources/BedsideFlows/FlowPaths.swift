import BedsideContent

/// A complete walk through a flow: the answers given and where they end.
public struct FlowPath: Equatable, Sendable {
    public var steps: [AnsweredQuestion]
    public var outcome: FlowOutcome
    /// The answer ids in order, as `--answers` takes them.
    public var answerIDs: [String] { steps.map(\.answer.id) }
    /// True when any answer on the path is a red flag.
    public var hasRedFlag: Bool { steps.contains { $0.answer.redFlag } }
    /// How many answers on the path are amber signs.
    public var amberCount: Int { steps.count { $0.answer.amber } }
    /// True when the path ended at the escalation outcome because amber signs added up.
    public var escalated: Bool {
        guard let last = steps.last else { return false }
        return last.answer.amber && last.answer.next != outcome.id
    }
}

/// Whole-flow walks: every path (for tests and `bedside check`) and the
/// longest one (for "Question N of up to M").
public enum FlowPaths {
    /// Every path from the start to an outcome. A loop (which FlowChecks
    /// refuses) is cut where it closes, so this always terminates.
    public static func all(in flow: Flow) -> [FlowPath] {
        var result: [FlowPath] = []
        var steps: [AnsweredQuestion] = []
        var onPath: Set<String> = []
        var ambers = 0
        func walk(_ question: FlowQuestion) {
            guard onPath.insert(question.id).inserted else { return }
            for answer in question.answers {
                steps.append(AnsweredQuestion(question: question, answer: answer))
                // The same rule as FlowSession: the amber answer that completes
                // the escalation count ends the path at the escalation outcome.
                let target = flow.target(of: answer, earlierAmbers: ambers)
                if answer.amber { ambers += 1 }
                if let next = flow.question(target) {
                    walk(next)
                } else if let outcome = flow.outcome(target) {
                    result.append(FlowPath(steps: steps, outcome: outcome))
                }
                if answer.amber { ambers -= 1 }
                steps.removeLast()
            }
            onPath.remove(question.id)
        }
        if let start = flow.question(flow.start) ?? flow.questions.first { walk(start) }
        return result
    }

    /// How many questions the longest way from question `id` to an outcome
    /// asks, counting `id` itself. 0 for an outcome or an unknown id.
    public static func longestQuestionCount(from id: String, in flow: Flow) -> Int {
        // Iterative: a recursive walk overflows the stack on a long chain of questions.
        FlowGraph(flow).longestWalk(from: id, base: 1) { _ in 0 }
    }
}

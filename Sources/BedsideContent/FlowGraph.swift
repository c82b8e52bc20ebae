/// The question graph of one flow, walked without recursion.
///
/// A flow file can hold thousands of questions in a chain. Recursive walks
/// overflow the small stack of the thread that loads content in the
/// background, and per-question searches made the checks cubic, so every
/// whole-flow walk here is an explicit-stack loop or a pass in topological
/// order: linear in questions plus answers.
///
/// Questions are named by position in `flow.questions`. An answer's target
/// resolves as `flow.question(_:)` does: to the first question with that id.
public struct FlowGraph {
    public let flow: Flow
    /// For each question, the positions of the questions its answers go to
    /// (answers that go to an outcome or an unknown id are left out).
    public let successors: [[Int]]

    public init(_ flow: Flow) {
        self.flow = flow
        successors = flow.questions.map { question in question.answers.compactMap { flow.questionPosition($0.next) } }
    }

    /// Every question, each before every question it leads to, or nil when the
    /// questions loop. Only the first position of each id takes part: a later
    /// question with the same id can never be reached.
    public func topologicalOrder() -> [Int]? {
        let count = flow.questions.count
        var incoming = [Int](repeating: 0, count: count)
        var canonical = [Bool](repeating: false, count: count)
        for position in 0..<count where flow.questionPosition(flow.questions[position].id) == position {
            canonical[position] = true
        }
        for position in 0..<count where canonical[position] {
            for next in successors[position] { incoming[next] += 1 }
        }
        var order: [Int] = []
        order.reserveCapacity(count)
        var ready = (0..<count).filter { canonical[$0] && incoming[$0] == 0 }
        while let position = ready.popLast() {
            order.append(position)
            for next in successors[position] {
                incoming[next] -= 1
                if incoming[next] == 0 { ready.append(next) }
            }
        }
        return order.count == canonical.count(where: { $0 }) ? order : nil
    }

    /// The first loop among the questions, as the ids along it (the first id
    /// repeated at the end), or nil. The same loop a depth-first search from
    /// each question in file order, answers in order, finds first.
    public func firstCycle() -> [String]? {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        // One frame per question on the current path: its position and the next answer to follow.
        var stack: [(position: Int, answer: Int)] = []
        var path: [String] = []
        for root in flow.questions {
            guard let rootPosition = flow.questionPosition(root.id), marks[root.id] == nil else { continue }
            marks[root.id] = .visiting
            path.append(root.id)
            stack.append((rootPosition, 0))
            while let frame = stack.last {
                let answers = flow.questions[frame.position].answers
                guard frame.answer < answers.count else {
                    stack.removeLast()
                    marks[path.removeLast()] = .done
                    continue
                }
                stack[stack.count - 1].answer += 1
                let next = answers[frame.answer].next
                guard let nextPosition = flow.questionPosition(next) else { continue }
                switch marks[next] {
                case .done: continue
                case .visiting:
                    let start = path.firstIndex(of: next) ?? 0
                    return Array(path[start...]) + [next]
                case nil:
                    marks[next] = .visiting
                    path.append(next)
                    stack.append((nextPosition, 0))
                }
            }
        }
        return nil
    }

    /// Every question and outcome id reachable from `start` (itself included).
    public func reachable(from start: String) -> Set<String> {
        FlowChecks.reachable(from: start, in: flow)
    }

    /// The largest value of a walk from question `id` to its end, where a
    /// question is worth `base` plus the best of its answers, and an answer
    /// `weight(answer)` plus the value of where it goes (0 for an outcome).
    /// A question already on the walk counts 0, so a loop still ends. Each
    /// question is valued once; the walk keeps its own stack.
    public func longestWalk(from id: String, base: Int, weight: (FlowAnswer) -> Int) -> Int {
        var memo: [String: Int] = [:]
        var onPath: Set<String> = []
        struct Frame { var id: String; var position: Int; var answer: Int; var best: Int? }
        var stack: [Frame] = []
        /// Starts valuing `id`; returns its value when it is already known (or 0).
        func enter(_ id: String) -> Int? {
            if let known = memo[id] { return known }
            guard let position = flow.questionPosition(id), onPath.insert(id).inserted else { return 0 }
            stack.append(Frame(id: id, position: position, answer: 0, best: nil))
            return nil
        }
        if let value = enter(id) { return value }
        var result = 0
        while let frame = stack.last {
            let answers = flow.questions[frame.position].answers
            if frame.answer < answers.count {
                let answer = answers[frame.answer]
                stack[stack.count - 1].answer += 1
                if let value = enter(answer.next) {
                    let candidate = weight(answer) + value
                    stack[stack.count - 1].best = max(stack[stack.count - 1].best ?? candidate, candidate)
                }
                continue
            }
            let value = base + (frame.best ?? 0)
            stack.removeLast()
            onPath.remove(frame.id)
            memo[frame.id] = value
            result = value
            if !stack.isEmpty {
                // Hand the value to the answer that led here (the one just followed).
                let parent = stack[stack.count - 1]
                let answer = flow.questions[parent.position].answers[parent.answer - 1]
                let candidate = weight(answer) + value
                stack[stack.count - 1].best = max(parent.best ?? candidate, candidate)
            }
        }
        return result
    }
}

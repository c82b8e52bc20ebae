import Foundation
import BedsideContent

/// One step of the path so far: the question and the answer given to it.
public struct AnsweredQuestion: Equatable, Sendable {
    public var question: FlowQuestion
    public var answer: FlowAnswer
    public init(question: FlowQuestion, answer: FlowAnswer) {
        self.question = question
        self.answer = answer
    }
}

/// A person's walk through one flow: a pure value with no I/O, so the CLI,
/// the TUI and the tests all drive the same state machine.
///
/// It expects a flow that passed `FlowChecks.structure` (every loaded flow
/// has). On a hand-built flow with a missing start it begins at the first
/// question; an answer that leads nowhere is refused with `.brokenTarget`.
public struct FlowSession: Equatable, Sendable {
    public enum Step: Equatable, Sendable {
        case question(FlowQuestion)
        case outcome(FlowOutcome)
    }

    public private(set) var flow: Flow
    /// Where the person is now.
    public private(set) var current: Step
    /// The answers given so far, in order.
    public private(set) var answered: [AnsweredQuestion] = []

    public init(flow: Flow) {
        self.flow = flow
        self.current = .question(Self.firstQuestion(of: flow))
    }

    static func firstQuestion(of flow: Flow) -> FlowQuestion {
        flow.question(flow.start) ?? flow.questions.first
            ?? FlowQuestion(id: flow.start, text: "", help: nil, answers: [], location: SourceLocation(line: 1))
    }

    /// The question being asked, or nil once the flow has ended.
    public var question: FlowQuestion? {
        if case .question(let q) = current { return q }
        return nil
    }

    /// The outcome reached, or nil while questions remain.
    public var outcome: FlowOutcome? {
        if case .outcome(let o) = current { return o }
        return nil
    }

    public var isFinished: Bool { outcome != nil }

    /// Answers the current question by answer id (exact match).
    public mutating func answer(_ answerID: String) throws(FlowError) {
        let question = try currentQuestion()
        guard let answer = question.answers.first(where: { $0.id == answerID }) else {
            throw .unknownAnswer(given: answerID, question: question.id, choices: question.answers.map(\.id))
        }
        try take(answer, of: question)
    }

    /// Answers the current question by its 1-based position, as shown on screen.
    public mutating func answer(number: Int) throws(FlowError) {
        let question = try currentQuestion()
        guard number >= 1, number <= question.answers.count else {
            throw .numberOutOfRange(given: number, question: question.id, count: question.answers.count)
        }
        try take(question.answers[number - 1], of: question)
    }

    /// Answers with what a person typed: an answer id (any case, spaces
    /// trimmed) or a 1-based number. An id wins over a number, so an answer
    /// whose id is "2" is still reachable by its id.
    public mutating func answer(input: String) throws(FlowError) {
        let question = try currentQuestion()
        let typed = input.trimmingCharacters(in: .whitespaces)
        if let answer = question.answers.first(where: { $0.id == typed })
            ?? question.answers.first(where: { $0.id.lowercased() == typed.lowercased() }) {
            try take(answer, of: question)
        } else if let number = Int(typed) {
            try self.answer(number: number)
        } else {
            throw .unknownAnswer(given: typed, question: question.id, choices: question.answers.map(\.id))
        }
    }

    /// Undoes the last answer, to change it. Does nothing at the first question.
    public mutating func back() {
        guard let last = answered.popLast() else { return }
        current = .question(last.question)
    }

    /// Starts again from the first question.
    public mutating func restart() {
        answered = []
        current = .question(Self.firstQuestion(of: flow))
    }

    /// "Question N of up to M". N counts the current question; M is N plus the
    /// longest way from here to an outcome, so it never understates what is left.
    /// At an outcome both are the number of questions answered.
    public var progress: (number: Int, upTo: Int) {
        guard let question else { return (answered.count, answered.count) }
        let number = answered.count + 1
        return (number, answered.count + FlowPaths.longestQuestionCount(from: question.id, in: flow))
    }

    private func currentQuestion() throws(FlowError) -> FlowQuestion {
        switch current {
        case .question(let q): return q
        case .outcome(let o): throw .finished(outcome: o.id)
        }
    }

    /// Amber answers given so far on this path.
    public var amberCount: Int { answered.count { $0.answer.amber } }

    /// True when the outcome was reached because amber signs added up.
    public var escalated: Bool {
        guard let last = answered.last, let outcome else { return false }
        return last.answer.amber && last.answer.next != outcome.id
    }

    private mutating func take(_ answer: FlowAnswer, of question: FlowQuestion) throws(FlowError) {
        let target = flow.target(of: answer, earlierAmbers: amberCount)
        if let next = flow.question(target) {
            current = .question(next)
        } else if let outcome = flow.outcome(target) {
            current = .outcome(outcome)
        } else {
            throw .brokenTarget(answer: answer.id, target: target)
        }
        answered.append(AnsweredQuestion(question: question, answer: answer))
    }
}

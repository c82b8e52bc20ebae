import BedsideContent

/// Why an answer was refused. Each case carries what a person (or a script)
/// needs to try again: the choices that would have worked.
public enum FlowError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No answer of `question` has this id (and it is not a valid number).
    case unknownAnswer(given: String, question: String, choices: [String])
    /// A 1-based number outside 1...count.
    case numberOutOfRange(given: Int, question: String, count: Int)
    /// The flow has already ended at an outcome: there is nothing to answer.
    case finished(outcome: String)
    /// The answer points at an id that is neither a question nor an outcome.
    /// Loaded flows never do this (FlowChecks refuses them); hand-built ones might.
    case brokenTarget(answer: String, target: String)

    public var description: String { describe(Catalogue()) }

    /// The reason in the catalogue's words.
    public func describe(_ text: Catalogue) -> String {
        switch self {
        case let .unknownAnswer(given, question, choices):
            let numbered = choices.enumerated().map { "\($0.offset + 1) (\($0.element))" }.joined(separator: ", ")
            return text.text(.flowNotAnswerError, ["given": given, "question": question, "choices": numbered])
        case let .numberOutOfRange(given, question, count):
            return text.text(.flowOutOfRangeError, ["given": "\(given)", "question": question, "count": "\(count)"])
        case let .finished(outcome):
            return text.text(.flowEndedError, ["outcome": outcome])
        case let .brokenTarget(answer, target):
            return text.text(.flowBrokenError, ["answer": answer, "target": target])
        }
    }
}

import BedsideContent
import BedsideFlows

/// The JSON shapes of `bedside flow --format json`: where a path ends, either
/// `{"question": {...}}` or `{"outcome": {...}}`, and the `--list` rows.
public enum FlowJSON {
    public struct Answer: Encodable, Equatable, Sendable {
        public var id: String
        public var text: String
    }

    public struct Question: Encodable, Equatable, Sendable {
        public var id: String
        public var text: String
        public var help: String?
        public var answers: [Answer]
        public init(_ question: FlowQuestion) {
            id = question.id
            text = question.text
            help = question.help
            answers = question.answers.map { Answer(id: $0.id, text: $0.text) }
        }
    }

    public struct Phone: Encodable, Equatable, Sendable {
        public var name: String
        public var label: String
        /// null when the clinic has not set this number.
        public var number: String?
        public var display: String

        enum CodingKeys: String, CodingKey { case name, label, number, display }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(label, forKey: .label)
            try c.encode(number, forKey: .number) // an explicit null, not a missing key
            try c.encode(display, forKey: .display)
        }
    }

    public struct Topic: Encodable, Equatable, Sendable {
        public var id: String
        public var title: String
    }

    public struct Outcome: Encodable, Equatable, Sendable {
        public var id: String
        public var level: String
        public var headline: String
        public var title: String
        public var actions: [String]
        public var call: [Phone]
        public var say: String?
        public var sayForSomeone: String?
        public var meaning: String
        public var related: [Topic]
        /// The card's last line: the safety line, or for an emergency what to do while waiting.
        public var safety: String
        /// True when two or more amber answers raised the level to this outcome.
        public var escalated: Bool
        enum CodingKeys: String, CodingKey {
            case id, level, headline, title, actions, call, say, meaning, related, safety, escalated
            case sayForSomeone = "say-for-someone"
        }
        public init(_ card: CareCard) {
            id = card.outcomeID
            level = card.level.rawValue
            headline = card.headline
            title = card.title
            actions = card.steps
            call = card.phones.map { Phone(name: $0.name, label: $0.label, number: $0.number, display: $0.display) }
            say = card.say
            sayForSomeone = card.sayForSomeone
            escalated = card.escalated
            meaning = card.meaning
            related = card.related.map { Topic(id: $0.id, title: $0.title) }
            safety = card.safetyLine
        }
    }

    /// Exactly one of the two is set.
    public struct Position: Encodable, Equatable, Sendable {
        public var question: Question?
        public var outcome: Outcome?
        public init(question: Question) { self.question = question }
        public init(outcome: Outcome) { self.outcome = outcome }
    }

    public struct ListItem: Encodable, Equatable, Sendable {
        public var id: String
        public var title: String
        public var alsoCalled: [String]
        public var topic: String?
        enum CodingKeys: String, CodingKey {
            case id, title, topic
            case alsoCalled = "also-called"
        }
        public init(_ flow: Flow) {
            id = flow.id
            title = flow.title
            alsoCalled = flow.alsoCalled
            topic = flow.topic?.value
        }
    }

    /// Where `session` stands now, as JSON.
    public static func position(_ session: FlowSession, site: SiteConfig, store: ContentStore) -> Position {
        switch session.current {
        case .question(let q): return Position(question: Question(q))
        case .outcome(let o):
            return Position(outcome: Outcome(CareCard(outcome: o, flow: session.flow, site: site, store: store,
                                                      escalated: session.escalated)))
        }
    }
}

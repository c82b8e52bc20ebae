import BedsideContent
import BedsideFlows

/// What happened in this visit, for the take-home summary: pages read, care
/// cards reached and teach-back marks. It never holds anything typed into
/// search or find, and a kiosk reset throws it away with the rest of the state.
public struct VisitLog: Equatable, Sendable {
    public struct FlowRecord: Equatable, Sendable {
        public var flowID: String
        public var answers: [String]
        public var outcomeID: String
    }

    public enum Mark: String, Equatable, Sendable {
        case understood
        case needsReview = "needs-review"
    }

    public struct PromptKey: Hashable, Sendable, Comparable {
        public var walkthrough: String
        public var step: Int
        public var prompt: Int
        public static func < (a: PromptKey, b: PromptKey) -> Bool {
            (a.walkthrough, a.step, a.prompt) < (b.walkthrough, b.step, b.prompt)
        }
    }

    /// Topic ids in the order first read.
    public var topics: [String] = []
    /// The latest care card of each flow run, in the order reached.
    public var outcomes: [FlowRecord] = []
    /// Walkthroughs opened, in order, with the steps seen.
    public var walkthroughSteps: [String: Set<Int>] = [:]
    public var walkthroughs: [String] = []
    public var marks: [PromptKey: Mark] = [:]

    public init() {}

    public var isEmpty: Bool { topics.isEmpty && outcomes.isEmpty && walkthroughs.isEmpty }

    mutating func note(_ page: Page, _ env: AppEnvironment) {
        switch page {
        case .topic(let id):
            if !topics.contains(id) { topics.append(id) }
        case .flow(let id, let answers):
            guard let session = FlowPage.session(id, answers: answers, env.store), let outcome = session.outcome else { return }
            // Changing an answer replaces that flow's earlier card: the summary shows where the patient ended.
            outcomes.removeAll { $0.flowID == id }
            outcomes.append(FlowRecord(flowID: id, answers: session.answered.map(\.answer.id), outcomeID: outcome.id))
        case .walkthrough(let id, let step):
            if !walkthroughs.contains(id) { walkthroughs.append(id) }
            walkthroughSteps[id, default: []].insert(step)
        default:
            break
        }
    }
}

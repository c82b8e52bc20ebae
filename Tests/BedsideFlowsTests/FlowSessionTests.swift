import BedsideContent
import BedsideFlows
import XCTest

final class FlowSessionTests: XCTestCase {
    func testStartsAtTheStartQuestionWithNoAnswers() throws {
        let flow = try Shipped.flow("back-pain")
        let session = FlowSession(flow: flow)
        XCTAssertEqual(session.question?.id, flow.start)
        XCTAssertEqual(session.answered, [])
        XCTAssertFalse(session.isFinished)
        XCTAssertEqual(session.progress.number, 1)
        XCTAssertEqual(session.progress.upTo, flow.questions.count, "back pain is one line of questions")
    }

    func testAnswerByIDByNumberAndByTypedInputAgree() throws {
        let flow = try Shipped.flow("high-calcium")
        var byID = FlowSession(flow: flow), byNumber = FlowSession(flow: flow), byInput = FlowSession(flow: flow)
        try byID.answer("no")
        try byNumber.answer(number: 2)
        try byInput.answer(input: "  NO ")
        XCTAssertEqual(byID, byNumber)
        XCTAssertEqual(byID, byInput)
        try byInput.answer(input: "1")
        XCTAssertEqual(byInput.outcome?.level, .emergency)
        XCTAssertEqual(byInput.answered.map(\.answer.id), ["no", "yes"])
        XCTAssertEqual(byInput.answered.map(\.question.id), ["confused", "sleepy"])
    }

    func testBadAnswersAreRefusedAndLeaveTheSessionUnchanged() throws {
        var session = FlowSession(flow: try Shipped.flow("high-calcium"))
        let before = session
        XCTAssertThrowsError(try session.answer("maybe")) { error in
            XCTAssertEqual(error as? FlowError, .unknownAnswer(given: "maybe", question: "confused", choices: ["yes", "no", "not-sure"]))
            XCTAssertTrue("\(error)".contains("1 (yes), 2 (no), 3 (not-sure)"), "\(error)")
        }
        XCTAssertThrowsError(try session.answer(number: 0)) { XCTAssertEqual($0 as? FlowError, .numberOutOfRange(given: 0, question: "confused", count: 3)) }
        XCTAssertThrowsError(try session.answer(number: 4))
        XCTAssertThrowsError(try session.answer(input: "7"))
        XCTAssertThrowsError(try session.answer(input: ""))
        XCTAssertEqual(session, before)
        try session.answer("yes")
        XCTAssertThrowsError(try session.answer("no")) { XCTAssertEqual($0 as? FlowError, .finished(outcome: "calcium-emergency")) }
    }

    func testBackUndoesOneAnswerAndIsANoOpAtTheStart() throws {
        let flow = try Shipped.flow("possible-fracture")
        var session = FlowSession(flow: flow)
        let start = session
        session.back()
        XCTAssertEqual(session, start)
        try session.answer("no")
        let atSecond = session
        try session.answer("yes")
        XCTAssertEqual(session.outcome?.level, .emergency)
        session.back()
        XCTAssertEqual(session, atSecond, "back from an outcome returns to the question that led there")
        try session.answer("not-leg")
        XCTAssertEqual(session.question?.id, "weakness")
        session.back(); session.back(); session.back()
        XCTAssertEqual(session, start)
    }

    func testRestartForgetsEveryAnswer() throws {
        let flow = try Shipped.flow("bone-drug-side-effects")
        var session = FlowSession(flow: flow)
        for _ in 0..<5 { try session.answer("no") }
        session.restart()
        XCTAssertEqual(session, FlowSession(flow: flow))
        try session.answer("yes")
        session.restart()
        XCTAssertEqual(session, FlowSession(flow: flow))
    }

    func testProgressCountsTheLongestRemainingWayAndEndsEqualAtAnOutcome() throws {
        let flow = try Shipped.flow("bladder-bowel-changes")
        var session = FlowSession(flow: flow)
        let longest = FlowPaths.all(in: flow).map(\.steps.count).max()
        XCTAssertEqual(session.progress.upTo, longest)
        for _ in 0..<3 { try session.answer("no") }
        XCTAssertEqual(session.progress.number, 4)
        XCTAssertEqual(session.progress.upTo, longest)
        try session.answer("yes")
        XCTAssertEqual(session.progress.number, 4)
        XCTAssertEqual(session.progress.upTo, 4)
    }

    /// Random answers, backs and restarts on every shipped flow, checked
    /// against a simple model: the stack of questions visited.
    func testRandomWalksMatchAStackModel() throws {
        var rng = SplitMix64(seed: 0x5EED_F10E)
        for flow in Shipped.store.flows {
            for _ in 0..<150 {
                var session = FlowSession(flow: flow)
                var stack: [String] = []          // question ids answered, in order
                var ambers: [Bool] = []           // whether each answer was an amber sign
                var here = flow.start             // question or outcome id
                var lastUpTo = session.progress.upTo
                for _ in 0..<60 {
                    let roll = Int.random(in: 0..<10, using: &rng)
                    if roll == 0 {
                        session.restart()
                        stack = []; ambers = []; here = flow.start
                        lastUpTo = session.progress.upTo
                    } else if roll <= 2 {
                        session.back()
                        if let previous = stack.popLast() { here = previous; ambers.removeLast() }
                        lastUpTo = session.progress.upTo
                    } else if let question = session.question {
                        let pick = Int.random(in: 0..<question.answers.count, using: &rng)
                        try session.answer(number: pick + 1)
                        stack.append(question.id)
                        let answer = question.answers[pick]
                        ambers.append(answer.amber)
                        // The model's escalation: the amber answer that makes the rule's count ends the check.
                        let count = ambers.filter { $0 }.count
                        if answer.amber, let rule = flow.escalation, count >= rule.ambers {
                            here = rule.outcome
                        } else {
                            here = answer.next
                        }
                        if !session.isFinished {
                            XCTAssertLessThanOrEqual(session.progress.upTo, lastUpTo, "the promise 'up to M' never grows on answering")
                        }
                        lastUpTo = session.progress.upTo
                    } else {
                        XCTAssertThrowsError(try session.answer(number: 1))
                    }
                    XCTAssertEqual(session.answered.map(\.question.id), stack)
                    switch session.current {
                    case .question(let q): XCTAssertEqual(q.id, here)
                    case .outcome(let o): XCTAssertEqual(o.id, here)
                    }
                    XCTAssertLessThanOrEqual(session.progress.number, session.progress.upTo)
                    if session.answered.contains(where: \.answer.redFlag) {
                        XCTAssertEqual(session.outcome?.level, .emergency, "a red flag ends the flow at once")
                    }
                }
            }
        }
    }

    func testEveryPathEndsWithinTheNumberOfQuestions() throws {
        for flow in Shipped.store.flows {
            for path in FlowPaths.all(in: flow) {
                XCTAssertLessThanOrEqual(path.steps.count, flow.questions.count)
                XCTAssertEqual(Set(path.steps.map(\.question.id)).count, path.steps.count, "no question is asked twice")
            }
        }
    }

    func testAnAnswerLeadingNowhereInAHandBuiltFlowIsRefused() {
        let flow = Flow(id: "t", title: "T", start: "q",
                        questions: [FlowQuestion(id: "q", text: "Q?", answers: [
                            FlowAnswer(id: "a", text: "A", next: "missing"),
                            FlowAnswer(id: "b", text: "B", next: "end"),
                        ])],
                        outcomes: [FlowOutcome(id: "end", level: .routine, title: "E", call: ["care-team"], actions: ["x"], meaning: "m")],
                        path: "t.md")
        var session = FlowSession(flow: flow)
        XCTAssertThrowsError(try session.answer("a")) { XCTAssertEqual($0 as? FlowError, .brokenTarget(answer: "a", target: "missing")) }
        XCTAssertEqual(session.question?.id, "q")
        XCTAssertNoThrow(try session.answer("b"))
        XCTAssertEqual(session.outcome?.id, "end")
    }
}

import BedsideContent
import BedsideFlows
import XCTest

/// "Symptoms that add up" (issue 12, 1.5): two or more amber answers on one
/// path end the check at the escalation outcome; one alone does not. The
/// engine, the path walker, the care card and `check` all follow the rule.
final class AmberEscalationTests: XCTestCase {
    /// Three milder signs; two of them together are a call today.
    static let sample = """
        ---
        id: cluster
        title: Several mild signs
        escalate:
          ambers: 2
          go: several-signs
        questions:
          - id: confused
            text: "Are you confused?"
            answers:
              - {id: "yes", text: "Yes", red-flag: true, go: call-now}
              - {id: "no", text: "No", go: sick}
          - id: sick
            text: "Do you feel sick?"
            answers:
              - {id: "yes", text: "Yes", amber: true, go: appetite}
              - {id: "no", text: "No", go: appetite}
          - id: appetite
            text: "Have you lost your appetite?"
            answers:
              - {id: "yes", text: "Yes", amber: true, go: tired}
              - {id: "no", text: "No", go: tired}
          - id: tired
            text: "Are you more tired than usual?"
            answers:
              - {id: "yes", text: "Yes", amber: true, go: soon}
              - {id: "no", text: "No", go: fine}
        outcomes:
          - id: call-now
            level: emergency
            title: "Call now"
            call: [emergency]
            actions: ["Call the emergency number now."]
            say: "I have cancer and I am confused."
            say-for-someone: "My husband has cancer and is confused."
            while-waiting: "While you wait: if you are alone, unlock your door."
            meaning: "It may be serious."
          - id: several-signs
            level: urgent
            title: "Several signs together need a call today"
            call: [after-hours, care-team]
            actions: ["Call the 24-hour line now."]
            say: "I have cancer and I have several new symptoms."
            say-for-someone: "My husband has cancer and has several new symptoms."
            meaning: "Signs that add up can mean calcium is rising."
          - id: soon
            level: soon
            title: "Tell your team soon"
            call: [care-team]
            actions: ["Contact your care team within 1-2 days."]
            meaning: "One mild sign is worth mentioning."
          - id: fine
            level: routine
            title: "Mention it"
            call: [care-team]
            actions: ["Mention it at your next visit."]
            meaning: "Nothing here needs a call now."
        ---
        """

    func flow() throws -> Flow {
        let (flow, problems) = Flow.parse(text: Self.sample, path: "flows/cluster.md")
        XCTAssertEqual(problems.map(\.formatted), [])
        return try XCTUnwrap(flow)
    }

    func walk(_ answers: [String]) throws -> FlowSession {
        var session = FlowSession(flow: try flow())
        for answer in answers { try session.answer(answer) }
        return session
    }

    func testOneAmberAloneEndsAtTheLevelItsAnswerLeadsTo() throws {
        XCTAssertEqual(try walk(["no", "yes", "no", "no"]).outcome?.id, "fine")
        XCTAssertEqual(try walk(["no", "no", "no", "yes"]).outcome?.level, .soon)
        XCTAssertFalse(try walk(["no", "no", "no", "yes"]).escalated)
    }

    func testTheSecondAmberEndsTheCheckAtOnceAtTheEscalationOutcome() throws {
        let session = try walk(["no", "yes", "yes"])
        XCTAssertEqual(session.outcome?.id, "several-signs")
        XCTAssertEqual(session.outcome?.level, .urgent)
        XCTAssertTrue(session.escalated)
        XCTAssertEqual(session.answered.count, 3, "no more questions once the signs add up")
        // Not next to each other: nausea and tiredness, with no appetite loss between.
        XCTAssertEqual(try walk(["no", "yes", "no", "yes"]).outcome?.id, "several-signs")
        XCTAssertEqual(try walk(["no", "no", "yes", "yes"]).outcome?.id, "several-signs")
    }

    func testBackUndoesTheEscalation() throws {
        var session = try walk(["no", "yes", "yes"])
        session.back()
        XCTAssertEqual(session.question?.id, "appetite")
        try session.answer("no")
        try session.answer("no")
        XCTAssertEqual(session.outcome?.id, "fine")
    }

    func testThePathWalkerAgreesWithTheEngineOnEveryPath() throws {
        let flow = try flow()
        let paths = FlowPaths.all(in: flow)
        // Written from the rule, not the file: confused -> emergency; 2+ ambers -> urgent;
        // one amber on "tired" -> soon; otherwise routine.
        for path in paths {
            let answers = path.answerIDs
            let ambers = zip(["confused", "sick", "appetite", "tired"], answers).filter { $0.0 != "confused" && $0.1 == "yes" }.count
            let expected: UrgencyLevel = answers.first == "yes" ? .emergency : ambers >= 2 ? .urgent
                : (answers.count == 4 && answers[3] == "yes") ? .soon : .routine
            XCTAssertEqual(path.outcome.level, expected, "\(answers)")
            var session = FlowSession(flow: flow)
            for id in answers { try session.answer(id) }
            XCTAssertEqual(session.outcome, path.outcome, "\(answers)")
            XCTAssertEqual(session.escalated, path.escalated, "\(answers)")
        }
        XCTAssertEqual(paths.count, 1 + 4 + 1 + 1 + 1, "confused; 4 paths of 2 ambers; one amber in sick or appetite then tired no; none")
    }

    func testTheCardSaysWhyTheLevelRoseAndTheTableMarksIt() throws {
        let session = try walk(["no", "yes", "yes"])
        let card = try XCTUnwrap(CareCard(outcome: session.outcome!, flow: session.flow, site: .defaults, escalated: session.escalated))
        XCTAssertTrue(card.escalated)
        XCTAssertTrue(card.escalationNote?.contains("add up") == true, "\(String(describing: card.escalationNote))")
        let table = TriageTable.markdown([session.flow])
        XCTAssertTrue(table.contains("Escalation: 2 or more amber answers"), table)
        XCTAssertTrue(table.contains("URGENT (ambers added up)"), table)
        XCTAssertTrue(TriageTable.tsv([session.flow]).contains("\tseveral-signs\turgent\tyes"))
    }

    // MARK: check rejects a malformed rule with file:line

    func problems(_ text: String) -> [String] {
        let (flow, problems) = Flow.parse(text: text, path: "flows/cluster.md")
        let errors = problems.filter { $0.severity == .error }.map(\.formatted)
        if !errors.isEmpty { XCTAssertNil(flow, "a flow with errors must not load") }
        return errors
    }

    func assertError(_ text: String, at line: Int, _ words: String, file: StaticString = #filePath, sourceLine: UInt = #line) {
        let errors = problems(text)
        XCTAssertTrue(errors.contains { $0.hasPrefix("flows/cluster.md:\(line):") && $0.contains(words) },
                      "expected line \(line) to say '\(words)', got \(errors)", file: file, line: sourceLine)
    }

    func testAnEscalationWithoutACountIsRefused() {
        let text = Self.sample.replacingOccurrences(of: "  ambers: 2\n", with: "")
        assertError(text, at: line(of: "escalate:", in: text) + 1, "needs 'ambers'")
    }

    func testACountOfOneIsRefused() {
        let text = Self.sample.replacingOccurrences(of: "ambers: 2", with: "ambers: 1")
        assertError(text, at: line(of: "ambers: 1", in: text), "from 2 to 20")
    }

    func testACountNoPathCanReachIsRefused() {
        let text = Self.sample.replacingOccurrences(of: "ambers: 2", with: "ambers: 4")
        assertError(text, at: line(of: "ambers: 4", in: text), "no path through the flow gives 4 amber answers")
    }

    func testAnUnknownTargetIsRefused() {
        let text = Self.sample.replacingOccurrences(of: "go: several-signs", with: "go: nowhere")
        assertError(text, at: line(of: "ambers: 2", in: text), "'nowhere', which is not an outcome")
    }

    func testEscalatingToALowLevelIsRefused() {
        let text = Self.sample.replacingOccurrences(of: "go: several-signs", with: "go: soon")
        assertError(text, at: line(of: "ambers: 2", in: text), "must reach an urgent or emergency outcome")
    }

    func testARedFlagCannotBeAmber() {
        let text = Self.sample.replacingOccurrences(of: "red-flag: true, go: call-now", with: "red-flag: true, amber: true, go: call-now")
        assertError(text, at: line(of: "amber: true, go: call-now", in: text), "both 'red-flag' and 'amber'")
    }

    func testAmberAnswersWithoutARuleAreRefused() {
        let text = Self.sample.replacingOccurrences(of: "escalate:\n  ambers: 2\n  go: several-signs\n", with: "")
        assertError(text, at: line(of: "amber: true, go: appetite", in: text), "no 'escalate' rule")
    }

    func testARuleWithoutAmberAnswersIsRefused() {
        let text = Self.sample.replacingOccurrences(of: "amber: true, ", with: "")
        assertError(text, at: line(of: "ambers: 2", in: text), "no answer is marked 'amber: true'")
    }

    func testAnAmberAnswerThatCanStillReachSomethingMoreUrgentIsRefused() {
        // Make the last question's Yes an emergency: stopping early at "urgent" would play it down.
        let text = Self.sample.replacingOccurrences(of: "{id: \"yes\", text: \"Yes\", amber: true, go: soon}",
                                                    with: "{id: \"yes\", text: \"Yes\", red-flag: true, go: call-now}")
        assertError(text, at: line(of: "amber: true, go: appetite", in: text), "more urgent than the escalation outcome")
    }
}

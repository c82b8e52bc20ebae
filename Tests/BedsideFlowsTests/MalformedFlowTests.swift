import BedsideContent
import BedsideFlows
import XCTest

/// Flow files that break a rule are refused with `path:line:column: error:`,
/// pointing at the line to fix; the other flows still load.
final class MalformedFlowTests: XCTestCase {
    /// A small valid flow; each test breaks one thing in it.
    static let good = """
        ---
        id: sample
        title: A sample symptom
        start: red
        questions:
          - id: red
            text: "Is it a red flag?"
            answers:
              - id: "yes"
                text: "Yes"
                red-flag: true
                go: call-now
              - id: "no"
                text: "No"
                go: mild
          - id: mild
            text: "Is it getting worse?"
            answers:
              - id: "yes"
                text: "Yes"
                go: today
              - id: "no"
                text: "No"
                go: later
        outcomes:
          - id: call-now
            level: emergency
            title: "Call now"
            call: [emergency]
            actions: ["Call the emergency number now."]
            say: "I have cancer and it is a red flag."
            say-for-someone: "My wife has cancer and it is a red flag."
            while-waiting: "While you wait, unlock the door."
            meaning: "It may be serious."
          - id: today
            level: urgent
            title: "Call today"
            call: [after-hours, care-team]
            actions: ["Call the 24-hour line now."]
            say: "I have cancer and it is getting worse."
            say-for-someone: "My wife has cancer and it is getting worse."
            meaning: "It may need a check today."
          - id: later
            level: routine
            title: "Mention it"
            call: [care-team]
            actions: ["Mention it at your next visit."]
            meaning: "It is probably mild."
        ---
        Answer two questions.
        """

    func testTheSampleIsValid() {
        let (flow, problems) = Flow.parse(text: Self.good, path: "flows/sample.md")
        XCTAssertNotNil(flow)
        XCTAssertEqual(problems.map(\.formatted), [])
    }

    /// Replaces `old` (which must occur) in the sample and expects an error on
    /// the line that holds `at` in the broken text, mentioning `says`.
    func assertRefused(_ old: String, _ new: String, at marker: String, after anchor: String? = nil, says words: String,
                       file: StaticString = #filePath, line sourceLine: UInt = #line) {
        XCTAssertTrue(Self.good.contains(old), "the sample has no '\(old)'", file: file, line: sourceLine)
        let text = Self.good.replacingOccurrences(of: old, with: new)
        let (flow, problems) = Flow.parse(text: text, path: "flows/sample.md")
        XCTAssertNil(flow, "an unsafe or broken flow must not load", file: file, line: sourceLine)
        let expectedLine = anchor.map { line(of: marker, after: $0, in: text, file: file, sourceLine: sourceLine) }
            ?? line(of: marker, in: text, file: file, sourceLine: sourceLine)
        let errors = problems.filter { $0.severity == .error }
        XCTAssertTrue(errors.contains { $0.formatted.hasPrefix("flows/sample.md:\(expectedLine):") && $0.message.contains(words) },
                      "expected flows/sample.md:\(expectedLine): ... \(words); got \(errors.map(\.formatted))",
                      file: file, line: sourceLine)
    }

    func testRedFlagThatEndsBelowEmergencyIsRefused() {
        assertRefused("red-flag: true\n        go: call-now", "red-flag: true\n        go: today",
                      at: "- id: \"yes\"", says: "straight to an emergency outcome")
    }

    func testRedFlagThatGoesOnToAnotherQuestionIsRefused() {
        assertRefused("red-flag: true\n        go: call-now", "red-flag: true\n        go: mild",
                      at: "- id: \"yes\"", says: "no later answer can override it")
    }

    func testAnswerGoingToEmergencyWithoutTheRedFlagMarkIsRefused() {
        assertRefused("text: \"Yes\"\n        go: today", "text: \"Yes\"\n        go: call-now",
                      at: "- id: \"yes\"", after: "- id: mild", says: "not marked 'red-flag: true'")
    }

    func testRedFlagQuestionAfterAPlainQuestionIsRefused() {
        // The plain question comes first and leads to the red-flag one.
        let swapped = Self.good.replacingOccurrences(of: "start: red", with: "start: mild")
            .replacingOccurrences(of: "text: \"Yes\"\n        go: today", with: "text: \"Yes\"\n        go: red")
            .replacingOccurrences(of: "text: \"No\"\n        go: mild", with: "text: \"No\"\n        go: later")
        let (flow, problems) = Flow.parse(text: swapped, path: "flows/sample.md")
        XCTAssertNil(flow)
        let at = line(of: "- id: red", in: swapped)
        XCTAssertTrue(problems.contains { $0.line == at && $0.message.contains("ask every red-flag question first") }, "\(problems.map(\.formatted))")
    }

    func testEmergencyOutcomeMustCallEmergency() {
        assertRefused("call: [emergency]", "call: [care-team]", at: "- id: call-now", says: "must call 'emergency'")
    }

    func testUrgentOutcomeMustCallTheAfterHoursLine() {
        assertRefused("call: [after-hours, care-team]", "call: [care-team]", at: "- id: today", says: "must call 'after-hours'")
    }

    func testUnknownTargetIsRefused() {
        assertRefused("go: later", "go: latr", at: "- id: \"no\"", after: "- id: mild", says: "neither a question nor an outcome")
    }

    func testUnreachableOutcomeIsRefused() {
        assertRefused("text: \"No\"\n        go: later", "text: \"No\"\n        go: today", at: "- id: later", says: "no answer leads to outcome 'later'")
    }

    func testCycleIsRefused() {
        assertRefused("text: \"No\"\n        go: later", "text: \"No\"\n        go: mild", at: "- id: mild", says: "loop back")
    }

    func testQuestionWithOneAnswerIsRefused() {
        let oneAnswer = "      - id: \"no\"\n        text: \"No\"\n        go: later\n"
        assertRefused(oneAnswer, "", at: "- id: \"yes\"", after: "- id: mild", says: "has 1 answer(s): give 2 to 5")
    }

    func testQuestionWithSixAnswersIsRefused() {
        let extra = (1...4).map { "      - id: \"x\($0)\"\n        text: \"X\"\n        go: later\n" }.joined()
        assertRefused("outcomes:\n", extra + "outcomes:\n", at: "- id: \"yes\"", after: "- id: mild", says: "has 6 answer(s)")
    }

    func testUnknownFieldIsAnErrorNotAWarning() {
        assertRefused("red-flag: true\n        go: call-now", "red_flag: true\n        go: call-now",
                      at: "red_flag: true", says: "unknown field 'red_flag'")
        assertRefused("title: \"Mention it\"", "title: \"Mention it\"\n    colour: red", at: "colour: red", says: "unknown field 'colour'")
    }

    func testOutcomeWithoutLevelActionsOrCallIsRefused() {
        assertRefused("    level: routine\n", "", at: "- id: later", says: "missing required field 'level'")
        assertRefused("actions: [\"Mention it at your next visit.\"]", "actions: []", at: "actions: []", says: "at least one step")
        assertRefused("call: [care-team]\n    actions: [\"Mention", "call: []\n    actions: [\"Mention", at: "call: []", says: "whom to call")
        assertRefused("level: routine", "level: whenever", at: "level: whenever", says: "not one of: emergency, urgent, soon, routine")
    }

    func testMalformedYAMLNamesTheLine() {
        // An unclosed quote is only noticed on a following line: the parser reports where it gave up.
        let text = Self.good.replacingOccurrences(of: "title: \"Call today\"", with: "title: \"Call today")
        let (flow, problems) = Flow.parse(text: text, path: "flows/sample.md")
        XCTAssertNil(flow)
        let quote = line(of: "title: \"Call today", in: text)
        let error = try? XCTUnwrap(problems.first { $0.severity == .error })
        XCTAssertTrue(error?.message.hasPrefix("malformed YAML") == true, "\(problems.map(\.formatted))")
        XCTAssertTrue((quote...quote + 2).contains(error?.line ?? 0), "\(problems.map(\.formatted)) vs line \(quote)")
        XCTAssertTrue(error?.formatted.hasPrefix("flows/sample.md:") == true)
    }

    func testABrokenFlowFileDoesNotStopTheOthersLoading() throws {
        let broken = Self.good.replacingOccurrences(of: "id: sample", with: "id: broken")
            .replacingOccurrences(of: "go: later", with: "go: nowhere")
        let folder = try TempFolder([
            "sections.yaml": "sections:\n  - id: symptoms\n    title: Symptoms\n",
            "flows/a-broken.md": broken,
            "flows/b-sample.md": Self.good,
        ])
        let store = ContentLoader.load(root: folder.root)
        XCTAssertEqual(store.flows.map(\.id), ["sample"])
        let at = line(of: "- id: \"no\"", after: "- id: mild", in: broken)
        XCTAssertTrue(store.diagnostics.contains { $0.formatted.hasPrefix(folder.root + "/flows/a-broken.md:\(at):") && $0.severity == .error },
                      "\(store.diagnostics.map(\.formatted))")
    }
}

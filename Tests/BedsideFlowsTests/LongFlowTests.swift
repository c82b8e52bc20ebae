import BedsideContent
import BedsideFlows
import Foundation
import XCTest

/// A flow with thousands of questions loads and checks in linear time and
/// without deep recursion: the browser parses flows on a background thread,
/// whose stack is small, and the checks used to recurse once per question and
/// search the whole flow for every answer (cubic: a 3,000-question chain took
/// over ten minutes).
final class LongFlowTests: XCTestCase {
    /// `count` questions in a chain: "yes" ends the flow, "no" asks the next one.
    /// With `redFlagAt`, that question's "yes" is a red flag (to an emergency
    /// outcome), so it comes after the plain questions before it.
    static func chain(_ count: Int, redFlagAt: Int? = nil) -> String {
        var lines = ["---", "id: chain", "title: A long chain", "start: q0", "questions:"]
        for i in 0..<count {
            let next = i + 1 < count ? "q\(i + 1)" : "done"
            let yes = i == redFlagAt ? ["        red-flag: true", "        go: call-now"] : ["        go: done"]
            lines += ["  - id: q\(i)", "    text: \"Question \(i)?\"", "    answers:",
                      "      - id: \"yes\"", "        text: \"Yes\""] + yes +
                     ["      - id: \"no\"", "        text: \"No\"", "        go: \(next)"]
        }
        lines += ["outcomes:",
                  "  - id: done", "    level: routine", "    title: Done", "    call: [care-team]",
                  "    actions: [Rest]", "    meaning: Nothing more to do."]
        guard redFlagAt != nil else { return (lines + ["---", "Intro."]).joined(separator: "\n") + "\n" }
        lines += ["  - id: call-now", "    level: emergency", "    title: Call now", "    call: [emergency]",
                  "    actions: [Call now]", "    meaning: A red flag.", "    say: I have a red flag.",
                  "    say-for-someone: They have a red flag.", "    while-waiting: Stay still.",
                  "---", "Intro."]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs `body` on a thread with a 512 KB stack (what a background loader
    /// may get) and waits for it; fails if it has not finished in `seconds`.
    static func onSmallStack(seconds: Double = 120, _ body: @escaping @Sendable () -> Void,
                             file: StaticString = #filePath, line: UInt = #line) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        XCTAssertEqual(done.wait(timeout: .now() + seconds), .success, "did not finish in \(seconds) s", file: file, line: line)
    }

    func testTenThousandQuestionChainParsesAndChecksOnASmallStack() {
        let text = Self.chain(10_000)
        Self.onSmallStack {
            let (flow, problems) = Flow.parse(text: text, path: "flows/chain.md")
            XCTAssertEqual(problems.filter { $0.severity == .error }.map(\.formatted), [])
            guard let flow else { return XCTFail("the chain did not load") }
            XCTAssertEqual(flow.questions.count, 10_000)
            XCTAssertEqual(FlowPaths.longestQuestionCount(from: "q0", in: flow), 10_000)
            XCTAssertEqual(FlowChecks.reachable(from: "q0", in: flow).count, 10_001)
            XCTAssertEqual(FlowSession(flow: flow).progress.upTo, 10_000)
        }
    }

    /// The late red-flag question is reported once, naming the first question
    /// without red flags that leads to it, as before.
    func testARedFlagQuestionLateInALongChainNamesTheFirstPlainQuestion() {
        let text = Self.chain(3_000, redFlagAt: 2_999)
        Self.onSmallStack {
            let (flow, problems) = Flow.parse(text: text, path: "flows/chain.md")
            XCTAssertNil(flow)
            let late = problems.filter { $0.message.contains("comes after") }
            XCTAssertEqual(late.map(\.message), ["red-flag question 'q2999' comes after question 'q0', which has no red flags: ask every red-flag question first"])
        }
    }

    /// A loop in a long chain is found without recursion and reported as before.
    func testALoopAtTheEndOfALongChainIsFound() {
        let text = Self.chain(5_000).replacingOccurrences(of: "go: done\n      - id: \"no\"\n        text: \"No\"\n        go: done",
                                                          with: "go: done\n      - id: \"no\"\n        text: \"No\"\n        go: q4990")
        Self.onSmallStack {
            let (flow, problems) = Flow.parse(text: text, path: "flows/chain.md")
            XCTAssertNil(flow)
            let loop = problems.first { $0.message.contains("loop back") }?.message ?? ""
            XCTAssertTrue(loop.hasPrefix("the questions loop back on themselves (q4990 -> q4991 -> "), loop)
            XCTAssertTrue(loop.contains("q4999 -> q4990)"), loop)
        }
    }

    /// A flow's intro with hostile nesting still loads (flattened), with a warning where.
    func testAnIntroNestedTooDeepLoadsWithAWarning() {
        let text = MalformedFlowTests.good + "\n" + String(repeating: "> ", count: 5_000) + "deep\n"
        let introLine = MalformedFlowTests.good.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        Self.onSmallStack {
            let (flow, problems) = Flow.parse(text: text, path: "flows/sample.md")
            XCTAssertNotNil(flow)
            XCTAssertEqual(problems.map(\.formatted),
                           ["flows/sample.md:\(introLine):33: warning: nesting deeper than 16 levels is flattened: use fewer levels of lists and quotes"])
        }
    }
}

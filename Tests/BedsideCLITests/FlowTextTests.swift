import BedsideContent
import BedsideFlows
import BedsideUI
import Foundation
import XCTest
@testable import bedside

/// The command line's own views of a symptom check: the card text, JSON and
/// the question-and-answer conversation (they live in the executable, which
/// wires the pure engine to stdin and stdout).
final class FlowTextTests: XCTestCase {
    /// `bedside flow` prints the card through the browser's one renderer
    /// (CareCardDocument): every part is there, in order, at every width, and
    /// the safety line (for an emergency: what to do while waiting) comes
    /// before the explanation, as on screen.
    func testCardTextIsWrappedAndCarriesEveryPart() throws {
        let flow = try Shipped.flow("back-pain")
        let card = CareCard(outcome: try XCTUnwrap(flow.outcome("spine-emergency")), flow: flow, site: .defaults, store: Shipped.store)
        for width in [20, 33, 40, 80, 132] {
            let lines = FlowText.card(card, store: Shipped.store, width: width)
            for line in lines { XCTAssertLessThanOrEqual(line.count, width, "width \(width): '\(line)'") }
            // Without the callout bars ("! ") and the wrapping, the words in order.
            let joined = lines.map { $0.hasPrefix("! ") ? String($0.dropFirst(2)) : $0 }
                .joined(separator: " ").split(separator: " ").joined(separator: " ")
            XCTAssertFalse(joined.contains("If it gets worse or you are worried, call."), "width \(width)")
            var at = joined.startIndex
            for part in [card.title, "The emergency number: 911", card.safetyLine, card.steps[0], "\"\(card.say!)\"",
                         "\"\(card.sayForSomeone!)\"", card.meaning] {
                guard let found = joined.range(of: part, range: at..<joined.endIndex) else {
                    return XCTFail("width \(width) lost or misplaced '\(part)': \(joined)")
                }
                at = found.upperBound
            }
        }
        let wide = FlowText.card(card, store: Shipped.store, width: 200)
        XCTAssertEqual(wide[0], "! EMERGENCY: CALL 911 NOW")
        XCTAssertEqual(wide[1], "! This could be pressure on your spinal cord")
        XCTAssertTrue(wide.contains("1. Call the emergency number now. Do not wait to see if it gets better."), "\(wide)")
        XCTAssertTrue(wide.contains { $0.contains("[1] topic: Pressure on the spinal cord (spinal cord compression) -- bedside read spinal-cord-compression") }, "\(wide)")
    }

    func testJSONHasTheIssuesShape() throws {
        let flow = try Shipped.flow("possible-fracture")
        var session = FlowSession(flow: flow)
        let first = try JSONSerialization.jsonObject(with: JSONEncoder().encode(FlowJSON.position(session, site: .defaults, store: Shipped.store))) as? [String: Any]
        let question = try XCTUnwrap(first?["question"] as? [String: Any])
        XCTAssertNil(first?["outcome"])
        XCTAssertEqual(question["id"] as? String, flow.start)
        XCTAssertEqual((question["answers"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, ["yes", "no", "not-sure"])
        // No odd shape; the pain is not in a leg; no weakness, no numbness, no head knock, no
        // sudden pain; it started after a fall: urgent.
        for answer in ["no", "not-leg", "no", "no", "no", "no", "yes"] { try session.answer(answer) }
        let end = try JSONSerialization.jsonObject(with: JSONEncoder().encode(FlowJSON.position(session, site: .defaults, store: Shipped.store))) as? [String: Any]
        XCTAssertNil(end?["question"])
        let outcome = try XCTUnwrap(end?["outcome"] as? [String: Any])
        XCTAssertEqual(outcome["level"] as? String, "urgent")
        for key in ["level", "title", "actions", "call", "related"] { XCTAssertNotNil(outcome[key], key) }
        let call = try XCTUnwrap(outcome["call"] as? [[String: Any]])
        XCTAssertEqual(call.first?["name"] as? String, "after-hours")
        XCTAssertTrue(call.first?["number"] is NSNull, "an unset number is null, never invented")
    }

    func testConversationReadsNumbersGoesBackAndEndsWithTheCard() throws {
        let flow = try Shipped.flow("high-calcium")
        var session = FlowSession(flow: flow)
        var input = ["nonsense", "2", "b", "2", "9", "1"][...]
        var output: [String] = []
        FlowConversation(store: Shipped.store, site: .defaults, width: 60, introLines: ["Intro line.  "])
            .run(&session, readLine: { input.popFirst() }, write: { output += $0 })
        XCTAssertTrue(input.isEmpty)
        XCTAssertEqual(session.answered.map(\.answer.id), ["no", "yes"])
        XCTAssertEqual(output.first, flow.title)
        XCTAssertTrue(output.contains("Intro line."))
        XCTAssertEqual(output.filter { $0.hasPrefix("Please type a number from 1 to 3") }.count, 2)
        XCTAssertEqual(output.filter { $0 == "Question 1 of up to 12" }.count, 3)
        XCTAssertTrue(output.contains("! EMERGENCY: CALL 911 NOW"), "\(output)")
        // What to do while waiting comes right under whom to call, before the steps.
        let whileWaiting = try XCTUnwrap(session.outcome?.whileWaiting)
        let card = output.drop { !$0.contains("EMERGENCY") }.map { $0.hasPrefix("! ") ? String($0.dropFirst(2)) : $0 }
        let words = card.joined(separator: " ").split(separator: " ").joined(separator: " ")
        let steps = try XCTUnwrap(words.range(of: "What to do"))
        XCTAssertNotNil(words.range(of: whileWaiting, range: words.startIndex..<steps.lowerBound), words)
        for line in output { XCTAssertLessThanOrEqual(line.count, 60, line) }
    }

    func testConversationStopsCleanlyAtEndOfInput() throws {
        var session = FlowSession(flow: try Shipped.flow("back-pain"))
        var input = ["2", "2"][...]
        var output: [String] = []
        FlowConversation(store: Shipped.store, site: .defaults, width: 80).run(&session, readLine: { input.popFirst() }, write: { output += $0 })
        XCTAssertEqual(session.answered.count, 2)
        XCTAssertEqual(output.last, "Stopped before the end. If you are worried, call your care team.")
    }
}

import BedsideContent
import BedsideFlows
import Foundation
import XCTest

final class CareCardTests: XCTestCase {
    static let fullSite = SiteConfig(phones: ["emergency": "112", "after-hours": "555-0199", "care-team": "555-0100"])

    func allCards(site: SiteConfig) -> [CareCard] {
        Shipped.store.flows.flatMap { flow in
            flow.outcomes.map { CareCard(outcome: $0, flow: flow, site: site, store: Shipped.store) }
        }
    }

    func testEveryShippedOutcomeHasTheSafetyLineStepsMeaningAndAResolvedPhone() {
        let cards = allCards(site: .defaults)
        XCTAssertGreaterThan(cards.count, 30)
        for card in cards {
            let name = "\(card.flowID)/\(card.outcomeID)"
            // Issue 12, 3: an emergency card ends with what to do while waiting (unlock the
            // door if alone), never with the generic line; the others end with the generic line.
            if card.level == .emergency {
                let outcome = Shipped.store.flow(card.flowID)!.outcome(card.outcomeID)!
                XCTAssertEqual(card.safetyLine, outcome.whileWaiting, name)
                XCTAssertTrue(card.safetyLine.lowercased().contains("unlock"), "\(name): \(card.safetyLine)")
                XCTAssertNotEqual(card.safetyLine, "If it gets worse or you are worried, call.", name)
            } else {
                XCTAssertEqual(card.safetyLine, "If it gets worse or you are worried, call.", name)
            }
            if card.level >= .urgent {
                XCTAssertNotNil(card.say, "\(name): every urgent and emergency card says what to say")
                XCTAssertNotNil(card.sayForSomeone, "\(name): and how a carer says it")
            }
            XCTAssertFalse(card.steps.isEmpty, name)
            XCTAssertFalse(card.meaning.isEmpty, name)
            XCTAssertFalse(card.phones.isEmpty, name)
            for phone in card.phones {
                XCTAssertFalse(phone.label.isEmpty, name)
                XCTAssertFalse(phone.display.isEmpty, name)
            }
            XCTAssertFalse(card.related.isEmpty, name)
            for topic in card.related { XCTAssertNotEqual(topic.title, topic.id, "\(name): related '\(topic.id)' has no topic title") }
        }
    }

    func testLevelsCallTheRightPhones() {
        for card in allCards(site: .defaults) {
            let names = card.phones.map(\.name)
            switch card.level {
            case .emergency: XCTAssertTrue(names.contains("emergency"), card.outcomeID)
            case .urgent: XCTAssertTrue(names.contains("after-hours"), card.outcomeID)
            case .soon, .routine: XCTAssertFalse(names.contains("emergency"), card.outcomeID)
            }
        }
    }

    func testWithDefaultsEmergencyIs911AndUnsetNumbersSayAskYourClinic() throws {
        for card in allCards(site: .defaults) {
            for phone in card.phones {
                if phone.name == "emergency" {
                    XCTAssertEqual(phone.number, "911")
                } else {
                    XCTAssertNil(phone.number, "\(card.outcomeID): \(phone.name) must not get a made-up number")
                    XCTAssertEqual(phone.display, "ask your clinic for this number")
                }
            }
            if card.level == .emergency { XCTAssertEqual(card.headline, "EMERGENCY: call 911 now") }
            if card.level == .urgent { XCTAssertEqual(card.headline, "URGENT: call your cancer care team's 24-hour line now, today") }
            XCTAssertFalse(card.headline.contains("{"), "every placeholder is filled: \(card.headline)")
        }
    }

    func testTheSiteConfigNumbersReachTheCard() throws {
        let flow = try Shipped.flow("back-pain")
        let emergency = CareCard(outcome: try XCTUnwrap(flow.outcome("spine-emergency")), flow: flow, site: Self.fullSite, store: Shipped.store)
        XCTAssertEqual(emergency.headline, "EMERGENCY: call 112 now")
        XCTAssertEqual(emergency.phones.map(\.display), ["112"])
        let urgent = CareCard(outcome: try XCTUnwrap(flow.outcome("spine-urgent")), flow: flow, site: Self.fullSite, store: Shipped.store)
        XCTAssertEqual(urgent.headline, "URGENT: call 555-0199 now, today")
        XCTAssertEqual(urgent.phones.map(\.number), ["555-0199", "555-0100"])
        XCTAssertEqual(urgent.level, .urgent)
        XCTAssertEqual(urgent.say, "I have cancer and I am worried about my spine.")
    }

    func testStringsYamlDefinesEveryFlowWord() {
        for key in FlowWords.keys {
            XCTAssertNotNil(Shipped.store.strings.values[key], "strings.yaml lacks '\(key)'")
        }
    }

    func testCardTextIsWrappedAndCarriesEveryPart() throws {
        let flow = try Shipped.flow("back-pain")
        let card = CareCard(outcome: try XCTUnwrap(flow.outcome("spine-emergency")), flow: flow, site: .defaults, store: Shipped.store)
        for width in [20, 33, 40, 80, 132] {
            let lines = CareCardText.lines(card, width: width)
            for line in lines { XCTAssertLessThanOrEqual(line.count, width, "width \(width): '\(line)'") }
            let joined = lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
            XCTAssertTrue(joined.hasSuffix(card.safetyLine), "width \(width): the card ends with what to do while waiting")
            XCTAssertFalse(joined.contains("If it gets worse or you are worried, call."), "width \(width)")
            for part in [card.title, card.steps[0], card.meaning, "\"\(card.say!)\"", "\"\(card.sayForSomeone!)\"",
                         "The emergency number: 911"] {
                XCTAssertTrue(joined.contains(part), "width \(width) lost '\(part)'")
            }
        }
        let wide = CareCardText.lines(card, width: 200)
        XCTAssertEqual(wide[0], "EMERGENCY: call 911 now")
        XCTAssertEqual(wide[1], "This could be pressure on your spinal cord")
        XCTAssertEqual(wide.last, card.safetyLine)
        XCTAssertTrue(wide.contains("  1. Call the emergency number now. Do not wait to see if it gets better."))
        XCTAssertTrue(wide.contains("  - Pressure on the spinal cord (spinal cord compression) (spinal-cord-compression)"), "\(wide)")
    }

    func testWrapNeverOverflowsEvenWithLongWords() {
        let text = "a " + String(repeating: "x", count: 57) + " bb ccc"
        for width in 1...30 {
            for line in CareCardText.wrap(text, width: width, indent: "  ", hanging: "    ") where width > 4 {
                XCTAssertLessThanOrEqual(line.count, width)
            }
        }
        XCTAssertEqual(CareCardText.wrap("one two three", width: 7), ["one two", "three"])
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
        XCTAssertTrue(output.contains("EMERGENCY: call 911 now"))
        let whileWaiting = try XCTUnwrap(session.outcome?.whileWaiting)
        XCTAssertTrue(output.suffix(4).joined(separator: " ").hasSuffix(whileWaiting), "\(output.suffix(4))")
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

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

    /// Issue 13: an unset number says where to find it (never "ask your clinic" at 2 a.m.).
    func testWithDefaultsEmergencyIs911AndUnsetNumbersSayWhereToFindThem() throws {
        for card in allCards(site: .defaults) {
            for phone in card.phones {
                if phone.name == "emergency" {
                    XCTAssertEqual(phone.number, "911")
                } else {
                    XCTAssertNil(phone.number, "\(card.outcomeID): \(phone.name) must not get a made-up number")
                    XCTAssertEqual(phone.display, phone.name == "after-hours"
                                   ? "the 24-hour number your clinic gave you (often on your appointment card)"
                                   : "the number your clinic gave you (often on your appointment card)")
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
}

import BedsideContent
import Foundation
import XCTest

/// Issue 12's topic fixes, each found by its words, so a later edit that drops
/// one fails here. The rules come from the issue, not from the topic files.
final class TopicRuleTests: XCTestCase {
    static let store = ContentLoader.load(root: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Content").path)

    func text(of blocks: [Block]) -> String {
        blocks.map { block -> String in
            switch block {
            case .paragraph(let inlines): return inlines.plainText
            case .heading(let heading): return heading.text
            case .list(let list): return list.items.map { text(of: $0) }.joined(separator: "\n")
            case .blockQuote(let inner): return text(of: inner)
            case .callout(let callout): return callout.label + " " + text(of: callout.blocks)
            default: return ""
            }
        }.joined(separator: "\n")
    }

    func body(_ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let document = try XCTUnwrap(Self.store.document(for: id), "no topic '\(id)'", file: file, line: line)
        return text(of: document.blocks).lowercased()
    }

    func callouts(_ id: String, _ kind: Callout.Kind) throws -> [String] {
        let document = try XCTUnwrap(Self.store.document(for: id))
        return document.blocks.compactMap { block in
            if case .callout(let c) = block, c.kind == kind { return text(of: [block]).lowercased() }
            return nil
        }
    }

    func assertContains(_ id: String, _ words: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try body(id, file: file, line: line)
        for word in words { XCTAssertTrue(text.contains(word.lowercased()), "\(id) lacks '\(word)'", file: file, line: line) }
    }

    // 1.3: new weakness in an arm or leg is an emergency; the call-today box says "weak all over".
    func testBloodTestsPutsLimbWeaknessInTheEmergencyBox() throws {
        let today = try callouts("blood-tests", .warning).joined(separator: "\n")
        XCTAssertFalse(today.contains("new weakness"), today)
        XCTAssertTrue(today.contains("weak all over"), today)
        XCTAssertTrue(try callouts("blood-tests", .emergency).joined().contains("new weakness in an arm or a leg"))
    }

    // 2: bladder and bowel trouble usually comes late; back pain first.
    func testBladderTroubleIsNotCalledAFirstSign() throws {
        for id in ["spinal-cord-compression", "bladder-and-bowel-changes"] {
            let text = try body(id)
            XCTAssertFalse(text.contains("first sign may be") || text.contains("very first signs"), id)
            XCTAssertTrue(text.contains("late") || text.contains("later"), id)
            XCTAssertTrue(text.contains("back pain"), id)
        }
    }

    func testWhenToGetHelpHoldsEverySign() throws {
        try assertContains("when-to-get-help", ["seizure", "shallow", "naloxone", "988", "allergic", "pressure or tightness",
                                                 "blood thinner", "platelets", "keep", "pain plan", "spreads or gets worse"])
    }

    func testMedicineSafetyAndDrugFacts() throws {
        try assertContains("pain-management", ["acetaminophen", "4,000 mg", "percocet", "naloxone", "lock", "dose change", "dexamethasone"])
        try assertContains("bone-strengthening-drugs", ["denosumab", "prolia", "biosimilar", "kidney", "toes", "before each dose"])
        try assertContains("surgery-for-bone-metastases", ["clot"])
        try assertContains("emotional-support", ["988", "text"])
        try assertContains("radiopharmaceuticals", ["hormone therapy", "organs"])
        try assertContains("outlook-and-hope", ["palliative care", "advance care planning"])
        try assertContains("clinical-trials", ["clinicaltrials.gov", "national cancer institute"])
    }

    /// Emergency boxes say what to do while waiting: unlock the door if alone.
    func testEveryEmergencyBoxSaysToUnlockTheDoor() throws {
        for topic in Self.store.topics {
            for box in try callouts(topic.id, .emergency) {
                XCTAssertTrue(box.contains("unlock"), "\(topic.id): \(box)")
            }
        }
    }

    /// US words for a US default site: UK words stay only as search aliases.
    func testNoUKWordsInTopicBodies() throws {
        for topic in Self.store.topics {
            let text = try body(topic.id)
            for word in [" a&e", " gp ", " gps", "trolley", "paracetamol", "anaemia", "tumour", "oedema"] {
                let allowed = word == "paracetamol" && text.contains("in other countries it is called paracetamol")
                XCTAssertTrue(!text.contains(word) || allowed, "\(topic.id) says '\(word)'")
            }
        }
    }

    func testNoSourceIsTheUnnamedHospitalPage() {
        for topic in Self.store.topics {
            XCTAssertFalse(topic.sources.contains { $0.organisation == "Hospital health library page" }, topic.id)
        }
    }
}

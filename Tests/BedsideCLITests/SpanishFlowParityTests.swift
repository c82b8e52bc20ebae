import BedsideContent
import BedsideFlows
import Foundation
import XCTest
@testable import bedside

/// Issue 14: one triage logic, two languages. Every answer path of every
/// symptom check, walked in English and in Spanish through what
/// `bedside flow ID --lang es --answers … --format json` prints, ends at the same
/// outcome, level and phones; only the words differ.
final class SpanishFlowParityTests: XCTestCase {
    static let spanish = ContentLoader.load(root: Shipped.root, language: .es)

    func testEveryPathOfEveryCheckGivesTheSameLevelAndCallsInSpanish() throws {
        let english = Shipped.store, spanish = Self.spanish
        XCTAssertEqual(english.flows.map(\.id), spanish.flows.map(\.id))
        var paths = 0
        for flow in english.flows {
            let translated = try XCTUnwrap(spanish.flow(flow.id))
            XCTAssertEqual(translated.language, .es, flow.id)
            let englishPaths = FlowPaths.all(in: flow), spanishPaths = FlowPaths.all(in: translated)
            XCTAssertEqual(englishPaths.map(\.answerIDs), spanishPaths.map(\.answerIDs), flow.id)
            for path in englishPaths {
                let en = try position(flow, path.answerIDs, english), es = try position(translated, path.answerIDs, spanish)
                let a = try XCTUnwrap(en.outcome, "\(flow.id) \(path.answerIDs)"), b = try XCTUnwrap(es.outcome, "\(flow.id) \(path.answerIDs)")
                XCTAssertEqual(a.id, b.id, "\(flow.id) \(path.answerIDs)")
                XCTAssertEqual(a.level, b.level, "\(flow.id) \(path.answerIDs)")
                XCTAssertEqual(a.call.map(\.name), b.call.map(\.name), "\(flow.id) \(path.answerIDs)")
                XCTAssertEqual(a.call.map(\.number), b.call.map(\.number), "\(flow.id) \(path.answerIDs)")
                XCTAssertEqual(a.escalated, b.escalated, "\(flow.id) \(path.answerIDs)")
                XCTAssertEqual(a.related.map(\.id), b.related.map(\.id), "\(flow.id) \(path.answerIDs)")
                // The words are Spanish: nothing of the English card is left.
                XCTAssertNotEqual(a.title, b.title, "\(flow.id) \(path.answerIDs)")
                XCTAssertNotEqual(a.headline, b.headline, "\(flow.id) \(path.answerIDs)")
                XCTAssertNotEqual(a.meaning, b.meaning, "\(flow.id) \(path.answerIDs)")
                XCTAssertEqual(Set(a.actions).intersection(b.actions), [], "\(flow.id) \(path.answerIDs)")
                paths += 1
            }
        }
        XCTAssertGreaterThan(paths, 100, "the shipped checks have a few hundred paths")
    }

    /// NG234's emergencies (spinal cord compression) and the high-calcium
    /// emergency keep their headline and 911 in Spanish, and it fits 80 columns.
    func testSpanishEmergencyCardsSayCall911NowAndFitAt80Columns() throws {
        for flow in Self.spanish.flows {
            for outcome in flow.outcomes where outcome.level == .emergency {
                let card = CareCard(outcome: outcome, flow: flow, site: .defaults, store: Self.spanish)
                XCTAssertEqual(card.headline.uppercased(), "EMERGENCIA: LLAME AL 911 AHORA", "\(flow.id)/\(outcome.id)")
                XCTAssertLessThanOrEqual(card.headline.count, 78)
                let text = FlowText.card(card, store: Self.spanish, width: 80).joined(separator: "\n")
                XCTAssertTrue(text.contains("911"), "\(flow.id)/\(outcome.id): \(text)")
            }
        }
    }

    /// Every question the patient sees is Spanish, with Spanish answers.
    func testEveryQuestionAndAnswerIsTranslated() throws {
        for flow in Shipped.store.flows {
            let translated = try XCTUnwrap(Self.spanish.flow(flow.id))
            for (a, b) in zip(flow.questions, translated.questions) {
                XCTAssertEqual(a.id, b.id)
                XCTAssertNotEqual(a.text, b.text, "\(flow.id)/\(a.id) is still English")
                XCTAssertEqual(a.answers.map(\.id), b.answers.map(\.id))
                XCTAssertEqual(a.answers.map(\.next), b.answers.map(\.next), "\(flow.id)/\(a.id): routes are shared")
                XCTAssertEqual(a.answers.map(\.redFlag), b.answers.map(\.redFlag))
                XCTAssertEqual(a.answers.map(\.amber), b.answers.map(\.amber))
            }
        }
        let problems = Self.spanish.diagnostics.filter { $0.file.hasSuffix(".es.md") || $0.file.hasSuffix(".es.yaml") }
        XCTAssertEqual(problems.map(\.formatted), [])
    }

    private func position(_ flow: Flow, _ answers: [String], _ store: ContentStore) throws -> FlowJSON.Position {
        var session = FlowSession(flow: flow)
        for id in answers { try session.answer(id) }
        return FlowJSON.position(session, site: .defaults, store: store)
    }
}

import BedsideContent
import BedsideFlows
import XCTest

/// Walks every path of every shipped flow and checks its level against a
/// table written from the clinical rules (issue 5), not from the flow files:
/// the level a path must end at is decided by its last answer.
final class ShippedFlowTableTests: XCTestCase {
    typealias Level = UrgencyLevel
    static let positive = ["yes", "not-sure"]

    /// question id -> answer id -> level. Questions listed with `positive`
    /// treat "Not sure" as "Yes": when in doubt, the safer level.
    static func rows(_ list: [(String, [String], Level)]) -> [String: [String: Level]] {
        var table: [String: [String: Level]] = [:]
        for (question, answers, level) in list {
            for answer in answers { table[question, default: [:]][answer] = level }
        }
        return table
    }

    static let table: [String: [String: [String: Level]]] = [
        // NICE CG75: emergency signs, then urgent signs; nothing else is soon.
        "back-pain": rows([
            ("weakness", positive, .emergency), ("walking", positive, .emergency), ("numbness", positive, .emergency),
            ("lost-feeling", positive, .emergency), ("bladder-bowel", positive, .emergency),
            ("shooting-pain", positive, .emergency),
            ("upper-back", positive, .urgent), ("neck", positive, .urgent), ("getting-worse", positive, .urgent),
            ("severe", positive, .urgent), ("straining", positive, .urgent), ("tender", positive, .urgent),
            ("night-pain", positive, .urgent), ("night-pain", ["no"], .soon),
        ]),
        "numbness-weakness": rows([
            ("weakness", positive, .emergency), ("walking", positive, .emergency), ("numbness", positive, .emergency),
            ("tingling", positive, .emergency), ("bladder-bowel", positive, .emergency),
            ("shooting-pain", positive, .emergency), ("spreading", positive, .urgent),
            ("known", ["no", "not-sure"], .soon), ("known", ["yes"], .routine),
        ]),
        "high-calcium": rows([
            ("confused", positive, .emergency), ("sleepy", positive, .emergency), ("limb-weakness", positive, .emergency),
            ("thirst", positive, .urgent), ("peeing", positive, .urgent), ("constipated-sick", positive, .urgent),
            ("weak-all-over", positive, .urgent),
            ("feel-sick", positive, .soon), ("appetite", positive, .soon), ("constipated", positive, .soon),
            ("tired", positive, .soon), ("bit-thirsty", positive, .soon), ("bit-thirsty", ["no"], .routine),
        ]),
        "possible-fracture": rows([
            ("sudden-pain", positive, .emergency), ("odd-shape", positive, .emergency), ("weight", positive, .emergency),
            ("weakness", positive, .emergency), ("numbness", positive, .emergency),
            ("fall", positive, .urgent),
            ("new-or-changed", positive, .soon), ("known", ["no", "not-sure"], .soon),
            ("controlled", ["no", "not-sure"], .soon), ("controlled", ["yes"], .routine),
        ]),
        "bone-drug-side-effects": rows([
            ("seizure", positive, .emergency), ("confused", positive, .emergency),
            // Signs of low calcium are urgent.
            ("cramps", positive, .urgent), ("twitching", positive, .urgent), ("mouth-tingling", positive, .urgent),
            ("finger-tingling", positive, .urgent),
            // Jaw pain or exposed bone in the mouth is soon.
            ("jaw-pain", positive, .soon), ("jaw-swelling", positive, .soon), ("loose-tooth", positive, .soon),
            ("bone-showing", positive, .soon), ("thigh-ache", positive, .soon),
            ("fever", positive, .urgent), ("flu-days", positive, .soon), ("flu-days", ["no"], .routine),
            ("other", positive, .soon), ("other", ["no"], .routine),
        ]),
        "bladder-bowel-changes": rows([
            ("cant-pee", positive, .emergency), ("bladder-leak", positive, .emergency), ("bowel-leak", positive, .emergency),
            ("saddle", positive, .emergency), ("leg-numbness", positive, .emergency), ("weakness", positive, .emergency),
            ("walking", positive, .emergency), ("shooting-pain", positive, .emergency),
            ("confused", positive, .emergency), ("sleepy", positive, .emergency),
            ("peeing-more", positive, .urgent), ("thirsty", positive, .urgent), ("fever", positive, .urgent),
            ("back-strain", positive, .urgent), ("sick", positive, .urgent),
            ("days", positive, .soon), ("days", ["no"], .routine),
            ("new-change", positive, .soon), ("new-change", ["no"], .routine),
        ]),
        // The anemia topic: chest pain, very short of breath at rest, fainting, losing a lot of
        // blood or bleeding that will not stop, confused or very sleepy = emergency; bleeding that
        // stopped with pressure = today.
        "tiredness-breathlessness": rows([
            ("chest-pain", positive, .emergency), ("breath-rest", positive, .emergency), ("fainted", positive, .emergency),
            ("heavy-bleeding", positive, .emergency), ("confused", positive, .emergency), ("sleepy", positive, .emergency),
            ("infection", positive, .urgent), ("bleeding", positive, .urgent), ("bruising", positive, .urgent),
            ("breath-moving", positive, .urgent), ("dizzy", positive, .urgent), ("thirsty", positive, .urgent),
            ("peeing-more", positive, .urgent),
            ("new-tired", positive, .soon), ("known", ["no", "not-sure"], .soon), ("known", ["yes"], .routine),
        ]),
    ]

    func testAtLeastSixFlowsShipAndEveryOneHasATable() {
        XCTAssertGreaterThanOrEqual(Shipped.store.flows.count, 6)
        XCTAssertEqual(Set(Shipped.store.flows.map(\.id)), Set(Self.table.keys),
                       "every shipped flow needs a row in the clinical table, and every table needs its flow")
    }

    func testEveryPathOfEveryShippedFlowEndsAtTheLevelTheTableGives() throws {
        var walked = 0
        for (flowID, table) in Self.table.sorted(by: { $0.key < $1.key }) {
            let flow = try Shipped.flow(flowID)
            let paths = FlowPaths.all(in: flow)
            XCTAssertFalse(paths.isEmpty, flowID)
            var usedRows: Set<String> = []
            for path in paths {
                let last = try XCTUnwrap(path.steps.last)
                let key = "\(last.question.id)/\(last.answer.id)"
                guard let expected = table[last.question.id]?[last.answer.id] else {
                    XCTFail("\(flowID): no table row for the path \(path.answerIDs) ending with \(key) at '\(path.outcome.id)'")
                    continue
                }
                usedRows.insert(key)
                XCTAssertEqual(path.outcome.level, expected, "\(flowID) \(path.answerIDs) ends at '\(path.outcome.id)'")
                // The engine agrees with the path walker.
                var session = FlowSession(flow: flow)
                for id in path.answerIDs { try session.answer(id) }
                XCTAssertEqual(session.outcome, path.outcome)
                walked += 1
            }
            let rows = Set(table.flatMap { q, answers in answers.keys.map { "\(q)/\($0)" } })
            XCTAssertEqual(rows.subtracting(usedRows), [], "\(flowID): table rows that no path reaches (the question may be missing)")
        }
        XCTAssertGreaterThan(walked, 100)
    }

    /// In every flow, any path that includes a red-flag answer ends at emergency,
    /// and "Not sure" is never less urgent than "Yes" to the same question.
    func testRedFlagPathsEndAtEmergencyAndNotSureIsNeverSaferThanYes() throws {
        for flow in Shipped.store.flows {
            let paths = FlowPaths.all(in: flow)
            for path in paths where path.hasRedFlag {
                XCTAssertEqual(path.outcome.level, .emergency, "\(flow.id) \(path.answerIDs)")
            }
            XCTAssertTrue(paths.contains(where: \.hasRedFlag), "\(flow.id) has no red-flag path")
            for question in flow.questions {
                guard let yes = question.answers.first(where: { $0.id == "yes" }),
                      let unsure = question.answers.first(where: { $0.id == "not-sure" }) else { continue }
                let worstYes = FlowChecks.outcomes(reachableFrom: yes.next, in: flow).map(\.level).min()
                let worstUnsure = FlowChecks.outcomes(reachableFrom: unsure.next, in: flow).map(\.level).min()
                XCTAssertGreaterThanOrEqual(try XCTUnwrap(worstUnsure), try XCTUnwrap(worstYes), "\(flow.id)/\(question.id)")
            }
        }
    }

    func testShippedFlowsLoadWithoutAnyFlowProblem() {
        let flowProblems = Shipped.store.diagnostics.filter { $0.file.contains("/flows/") }
        XCTAssertEqual(flowProblems.map(\.formatted), [])
        for flow in Shipped.store.flows {
            XCTAssertEqual(FlowChecks.structure(of: flow).map(\.formatted), [], flow.id)
        }
    }

    func testBedsideCheckFindsNoFlowErrorsInShippedContent() {
        let report = Validator(today: ReviewDate(year: 2026, month: 6, day: 1), site: .defaults).check(Shipped.store)
        XCTAssertEqual(report.diagnostics.filter { $0.file.contains("/flows/") }.map(\.formatted), [])
    }
}

import BedsideContent
import BedsideFlows
import XCTest

/// Walks every path of every shipped flow and checks its level against a
/// table written from the clinical rules (issue 5), not from the flow files:
/// the level a path must end at is decided by its last answer.
final class ShippedFlowTableTests: XCTestCase {
    typealias Level = UrgencyLevel
    static let positive = ["yes", "not-sure"]

    /// What one answer means under the clinical rules: a level of its own, or
    /// an amber sign (a milder sign that counts toward a cluster).
    enum Sign: Equatable { case level(Level), amber }

    /// question id -> answer id -> sign. Answers not listed only lead on.
    /// Questions listed with `positive` treat "Not sure" as "Yes": when in
    /// doubt, the safer level.
    static func rows(_ list: [(String, [String], Sign)]) -> [String: [String: Sign]] {
        var table: [String: [String: Sign]] = [:]
        for (question, answers, sign) in list {
            for answer in answers { table[question, default: [:]][answer] = sign }
        }
        return table
    }
    static let emergency = Sign.level(.emergency), urgent = Sign.level(.urgent), soon = Sign.level(.soon),
               routine = Sign.level(.routine), amber = Sign.amber

    /// The level a path must end at, from its answers' signs and the rules:
    /// any emergency sign -> emergency; any urgent sign -> urgent; two or more
    /// amber signs -> urgent (oncology phone triage: 2+ amber = red); one amber
    /// sign -> soon; otherwise the level of the path's last sign.
    static func expectedLevel(_ signs: [Sign]) -> Level? {
        if signs.contains(emergency) { return .emergency }
        if signs.contains(urgent) { return .urgent }
        let ambers = signs.filter { $0 == .amber }.count
        if ambers >= 2 { return .urgent }
        if ambers == 1 { return .soon }
        if case .level(let level)? = signs.last { return level }
        return nil
    }

    /// Written from the clinical rules (issue 12; NICE NG234; US oncology phone
    /// triage; the denosumab and zoledronic acid labels), not from the flow files.
    static let table: [String: [String: [String: Sign]]] = [
        // NG234: neurological signs are emergencies; spinal pain signs are urgent; else soon.
        "back-pain": rows([
            ("weakness", positive, emergency), ("walking", positive, emergency), ("numbness", positive, emergency),
            ("lost-feeling", positive, emergency), ("bladder-bowel", positive, emergency),
            ("shooting-pain", positive, emergency),
            ("upper-back", positive, urgent), ("neck", positive, urgent), ("getting-worse", positive, urgent),
            ("severe", positive, urgent), ("straining", positive, urgent), ("tender", positive, urgent),
            ("night-pain", positive, urgent), ("night-pain", ["no"], soon),
        ]),
        // New or spreading numbness/tingling is an emergency, unless it is only in the fingers or
        // toes, the same on both sides, on a chemotherapy known to cause it, with no back pain: urgent.
        "numbness-weakness": rows([
            ("weakness", positive, emergency), ("walking", positive, emergency), ("numbness", positive, emergency),
            ("tingling", positive, emergency), ("bladder-bowel", positive, emergency),
            ("shooting-pain", positive, emergency), ("spreading", ["not-sure"], emergency),
            ("fingers-toes", ["no", "not-sure"], emergency), ("both-sides", ["no", "not-sure"], emergency),
            ("chemo", ["no", "not-sure"], emergency), ("back-neck-pain", positive, emergency),
            ("back-neck-pain", ["no"], urgent),
            ("known", ["no", "not-sure"], soon), ("known", ["yes"], routine),
        ]),
        // Confusion, drowsiness, limb weakness: emergency. Extreme thirst, peeing much more, vomiting
        // or not keeping drinks down (on its own), weak all over: urgent. The milder signs are amber.
        "high-calcium": rows([
            ("confused", positive, emergency), ("sleepy", positive, emergency), ("limb-weakness", positive, emergency),
            ("thirst", positive, urgent), ("peeing", positive, urgent), ("vomiting", positive, urgent),
            ("weak-all-over", positive, urgent),
            ("feel-sick", positive, amber), ("constipated", positive, amber), ("tired", positive, amber),
            ("bit-thirsty", positive, amber), ("appetite", positive, amber),
            ("constipated-after-one", positive, amber), ("tired-after-one", positive, amber),
            ("bit-thirsty-after-one", positive, amber), ("appetite-after-one", positive, amber),
            ("appetite", ["no"], routine),
        ]),
        // Deformity, no weight on a leg, nerve signs, a head knock on blood thinners or with low
        // platelets, sudden pain after a small movement in a leg, hip or spine or with trouble
        // breathing: emergency. Other sudden pain (a rib after coughing), a fall, severe pain the
        // plan does not ease, new pain standing, walking or lifting: urgent.
        "possible-fracture": rows([
            ("odd-shape", positive, emergency), ("weight", positive, emergency),
            ("weakness", positive, emergency), ("numbness", positive, emergency),
            ("head", ["not-sure"], emergency), ("blood-thinner", positive, emergency),
            ("low-platelets", positive, emergency), ("low-platelets", ["no"], urgent),
            ("sudden-pain", ["not-sure"], emergency), ("sudden-where", positive, emergency),
            ("sudden-breathing", positive, emergency), ("sudden-breathing", ["no"], urgent),
            ("fall", positive, urgent), ("severe", positive, urgent), ("standing", positive, urgent),
            ("new-or-changed", positive, soon), ("known", ["no", "not-sure"], soon),
            ("controlled", ["no", "not-sure"], soon), ("controlled", ["yes"], routine),
        ]),
        // Allergic reaction, seizure, confusion: emergency. Fever, signs of low calcium (cramps,
        // twitching, tingling in the fingers, toes or around the mouth): urgent. Jaw or mouth
        // problems, a new thigh ache: soon. Aches, less pee or swollen ankles, off food, very tired: amber.
        "bone-drug-side-effects": rows([
            ("allergy", positive, emergency), ("seizure", positive, emergency), ("confused", positive, emergency),
            ("fever", positive, urgent), ("cramps", positive, urgent), ("twitching", positive, urgent),
            ("tingling", positive, urgent),
            ("jaw", positive, soon), ("thigh-ache", positive, soon),
            ("aches", positive, amber), ("less-pee", positive, amber), ("off-food", positive, amber),
            ("very-tired", positive, amber), ("less-pee-after-one", positive, amber),
            ("off-food-after-one", positive, amber), ("very-tired-after-one", positive, amber),
            ("other", positive, soon), ("other", ["no"], routine),
        ]),
        "bladder-bowel-changes": rows([
            ("cant-pee", positive, emergency), ("bladder-leak", positive, emergency), ("bowel-leak", positive, emergency),
            ("saddle", positive, emergency), ("leg-numbness", positive, emergency), ("weakness", positive, emergency),
            ("walking", positive, emergency), ("shooting-pain", positive, emergency),
            ("confused", positive, emergency), ("sleepy", positive, emergency),
            ("peeing-more", positive, urgent), ("thirsty", positive, urgent), ("fever", positive, urgent),
            ("back-strain", positive, urgent), ("sick", positive, urgent),
            ("days", positive, soon), ("days", ["no"], routine),
            ("new-change", positive, soon), ("new-change", ["no"], routine),
        ]),
        // The anemia topic: new, sudden or different chest pain, very short of breath at rest,
        // fainting, heavy bleeding or bleeding that will not stop, confused or very sleepy:
        // emergency. Infection, bleeding that stopped, more breathless, dizzy on standing, signs of
        // high calcium: urgent. More tired, heart racing, paler: amber.
        "tiredness-breathlessness": rows([
            ("chest-pain", positive, emergency), ("breath-rest", positive, emergency), ("fainted", positive, emergency),
            ("heavy-bleeding", positive, emergency), ("confused", positive, emergency), ("sleepy", positive, emergency),
            ("infection", positive, urgent), ("bleeding", positive, urgent), ("breath-moving", positive, urgent),
            ("dizzy", positive, urgent), ("thirsty", positive, urgent), ("peeing-more", positive, urgent),
            ("new-tired", positive, amber), ("heart-racing", positive, amber), ("pale", positive, amber),
            ("heart-racing-after-one", positive, amber), ("pale-after-one", positive, amber),
            ("known", ["no", "not-sure"], soon), ("known", ["yes"], routine),
        ]),
    ]

    func testAtLeastSixFlowsShipAndEveryOneHasATable() {
        XCTAssertGreaterThanOrEqual(Shipped.store.flows.count, 6)
        XCTAssertEqual(Set(Shipped.store.flows.map(\.id)), Set(Self.table.keys),
                       "every shipped flow needs a row in the clinical table, and every table needs its flow")
    }

    func testEveryPathOfEveryShippedFlowEndsAtTheLevelTheRulesGive() throws {
        var walked = 0
        for (flowID, table) in Self.table.sorted(by: { $0.key < $1.key }) {
            let flow = try Shipped.flow(flowID)
            let paths = FlowPaths.all(in: flow)
            XCTAssertFalse(paths.isEmpty, flowID)
            var usedRows: Set<String> = []
            for path in paths {
                var signs: [Sign] = []
                for step in path.steps {
                    guard let sign = table[step.question.id]?[step.answer.id] else { continue }
                    signs.append(sign)
                    usedRows.insert("\(step.question.id)/\(step.answer.id)")
                }
                guard let expected = Self.expectedLevel(signs) else {
                    XCTFail("\(flowID): the rules give no level for the path \(path.answerIDs) (ends at '\(path.outcome.id)')")
                    continue
                }
                XCTAssertEqual(path.outcome.level, expected, "\(flowID) \(path.answerIDs) ends at '\(path.outcome.id)'")
                // The engine agrees with the path walker, escalation included.
                var session = FlowSession(flow: flow)
                for id in path.answerIDs { try session.answer(id) }
                XCTAssertEqual(session.outcome, path.outcome)
                XCTAssertEqual(session.escalated, path.escalated)
                walked += 1
            }
            let rows = Set(table.flatMap { q, answers in answers.keys.map { "\(q)/\($0)" } })
            XCTAssertEqual(rows.subtracting(usedRows), [], "\(flowID): table rows that no path reaches (the question may be missing)")
        }
        XCTAssertGreaterThan(walked, 200)
    }

    /// The checks the rules say must count amber signs do (issue 12, 1.5).
    func testHighCalciumAnemiaAndBoneDrugChecksEscalateClusters() throws {
        for id in ["high-calcium", "tiredness-breathlessness", "bone-drug-side-effects"] {
            let flow = try Shipped.flow(id)
            let rule = try XCTUnwrap(flow.escalation, id)
            XCTAssertEqual(rule.ambers, 2, id)
            XCTAssertEqual(flow.outcome(rule.outcome)?.level, .urgent, id)
            XCTAssertTrue(FlowPaths.all(in: flow).contains(where: \.escalated), id)
        }
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

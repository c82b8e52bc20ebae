import BedsideContent
import BedsideFlows
import XCTest

/// One test per sign in the issue's clinical rules. The question is found by
/// its words (so a sign that is dropped or reworded away fails here), and
/// every path that answers "Yes" to it must end at the rule's level.
final class ClinicalRuleTests: XCTestCase {
    func assertSign(_ flowID: String, _ words: [String], _ level: UrgencyLevel, answer: String = "yes",
                    file: StaticString = #filePath, line: UInt = #line) throws {
        let flow = try Shipped.flow(flowID, file: file, line: line)
        let matches = flow.questions.filter { q in words.allSatisfy { q.text.lowercased().contains($0.lowercased()) } }
        let question = try XCTUnwrap(matches.first, "\(flowID): no question asks about \(words)", file: file, line: line)
        let paths = FlowPaths.all(in: flow).filter { $0.steps.last?.question.id == question.id && $0.steps.last?.answer.id == answer }
        XCTAssertFalse(paths.isEmpty, "\(flowID): no path ends answering \(answer) to '\(question.text)'", file: file, line: line)
        for path in paths {
            XCTAssertEqual(path.outcome.level, level, "\(flowID) \(path.answerIDs)", file: file, line: line)
        }
    }

    // MARK: NICE CG75, back or neck pain: emergency signs

    func testCG75WeaknessInArmsOrLegsIsEmergency() throws { try assertSign("back-pain", ["weakness", "arms or legs"], .emergency) }
    func testCG75DifficultyWalkingIsEmergency() throws { try assertSign("back-pain", ["trouble walking"], .emergency) }
    func testCG75NumbnessOrPinsAndNeedlesIsEmergency() throws { try assertSign("back-pain", ["numbness", "pins and needles"], .emergency) }
    func testCG75LossOfFeelingIsEmergency() throws { try assertSign("back-pain", ["lost feeling"], .emergency) }
    func testCG75BladderOrBowelControlIsEmergency() throws { try assertSign("back-pain", ["controlling", "bladder", "bowels"], .emergency) }
    func testCG75PainShootingAroundChestOrDownALimbIsEmergency() throws {
        try assertSign("back-pain", ["shoot", "chest", "arm or leg"], .emergency)
    }

    // MARK: NICE CG75: urgent signs

    func testCG75MiddleOrUpperBackPainIsUrgent() throws { try assertSign("back-pain", ["middle or upper"], .urgent) }
    func testCG75PainThatKeepsGettingWorseIsUrgent() throws { try assertSign("back-pain", ["keep getting worse"], .urgent) }
    func testCG75SevereUnrelentingPainIsUrgent() throws { try assertSign("back-pain", ["severe", "will not ease"], .urgent) }
    func testCG75PainWorseOnCoughSneezeOrStrainIsUrgent() throws { try assertSign("back-pain", ["cough", "sneeze", "strain"], .urgent) }
    func testCG75TenderSpotOnTheSpineIsUrgent() throws { try assertSign("back-pain", ["tender spot", "spine"], .urgent) }
    func testCG75NightPainThatStopsSleepIsUrgent() throws { try assertSign("back-pain", ["sleeping at night"], .urgent) }

    func testSpineEmergencyAdviceSaysLieFlatAvoidBendingAndWhatToSay() throws {
        let flow = try Shipped.flow("back-pain")
        for outcome in flow.outcomes where outcome.level >= .urgent {
            let steps = outcome.actions.joined(separator: " ").lowercased()
            XCTAssertTrue(steps.contains("lie flat"), outcome.id)
            XCTAssertTrue(steps.contains("bend") && steps.contains("twist"), outcome.id)
            XCTAssertEqual(outcome.say, "I have cancer and I am worried about my spine.", outcome.id)
        }
    }

    func testNumbnessFlowUsesTheSameCG75EmergencySigns() throws {
        try assertSign("numbness-weakness", ["weakness", "arms or legs"], .emergency)
        try assertSign("numbness-weakness", ["trouble walking"], .emergency)
        try assertSign("numbness-weakness", ["numbness"], .emergency)
        try assertSign("numbness-weakness", ["pins and needles"], .emergency)
        try assertSign("numbness-weakness", ["bladder", "bowels"], .emergency)
        try assertSign("numbness-weakness", ["shoots", "chest"], .emergency)
    }

    // MARK: High calcium

    func testHighCalciumConfusionIsEmergency() throws { try assertSign("high-calcium", ["confused"], .emergency) }
    func testHighCalciumVerySleepyOrHardToWakeIsEmergency() throws { try assertSign("high-calcium", ["very sleepy", "hard to wake"], .emergency) }
    func testHighCalciumExtremeThirstIsUrgent() throws { try assertSign("high-calcium", ["extremely thirsty"], .urgent) }
    func testHighCalciumPeeingMuchMoreIsUrgent() throws { try assertSign("high-calcium", ["peeing much more"], .urgent) }
    // Issue 12, 1.4: vomiting, or not keeping drinks or pills down, is urgent on its own (dehydration raises calcium).
    func testHighCalciumVomitingOnItsOwnIsUrgent() throws {
        try assertSign("high-calcium", ["throwing up"], .urgent)
        let flow = try Shipped.flow("high-calcium")
        let question = try XCTUnwrap(flow.questions.first { $0.text.contains("throwing up") })
        XCTAssertTrue(question.help?.contains("keep drinks or pills down") ?? false, "\(question.help ?? "")")
    }
    func testHighCalciumNewWeaknessIsUrgent() throws { try assertSign("high-calcium", ["new weakness all over"], .urgent) }

    // MARK: Possible fracture

    // Issue 12, 2: sudden pain after a small movement is an emergency only in a leg, hip or
    // spine, or with trouble breathing; otherwise (a rib after coughing) it is urgent.
    func testFractureSuddenPainAfterASmallMovementInALegHipOrSpineIsEmergency() throws {
        try assertSign("possible-fracture", ["sudden pain", "leg", "hip", "spine"], .emergency)
        try assertSign("possible-fracture", ["hard to breathe"], .emergency)
        try assertSign("possible-fracture", ["sudden bone pain", "small movement"], .emergency, answer: "not-sure")
    }
    func testFractureSuddenPainElsewhereWithoutBreathingTroubleIsUrgent() throws {
        try assertSign("possible-fracture", ["hard to breathe"], .urgent, answer: "no")
    }
    func testFractureHeadKnockOnBloodThinnersOrWithLowPlateletsIsEmergency() throws {
        try assertSign("possible-fracture", ["thins your blood"], .emergency)
        try assertSign("possible-fracture", ["platelets are low"], .emergency)
        try assertSign("possible-fracture", ["hit your head"], .emergency, answer: "not-sure")
    }
    func testFractureSeverePainThePlanDoesNotEaseAndNewPainOnStandingAreUrgent() throws {
        try assertSign("possible-fracture", ["severe", "does not ease"], .urgent)
        try assertSign("possible-fracture", ["stand", "walk", "lift"], .urgent)
        try assertSign("possible-fracture", ["after a fall"], .urgent)
    }
    func testFractureNumbnessCountsWhenItIsGettingWorse() throws {
        try assertSign("possible-fracture", ["numbness", "new or getting worse"], .emergency)
    }
    func testFractureNewDeformityIsEmergency() throws { try assertSign("possible-fracture", ["odd shape"], .emergency) }
    func testFractureCannotBearWeightIsEmergency() throws { try assertSign("possible-fracture", ["unable to put weight"], .emergency) }
    func testFractureNewOrChangingPainWithoutRedFlagsIsSoon() throws { try assertSign("possible-fracture", ["new", "changed"], .soon) }

    // MARK: Issue 12, 1.1: spreading numbness

    func testSpreadingNumbnessIsEmergencyUnlessEveryChemoConditionHolds() throws {
        try assertSign("numbness-weakness", ["spreading or getting worse"], .emergency, answer: "not-sure")
        let flow = try Shipped.flow("numbness-weakness")
        let spreading = try XCTUnwrap(flow.questions.first { $0.text.contains("spreading or getting worse") })
        let through = FlowPaths.all(in: flow).filter { path in path.steps.contains { $0.question.id == spreading.id && $0.answer.id == "yes" } }
        XCTAssertFalse(through.isEmpty)
        func answered(_ path: FlowPath, _ words: String) -> String? {
            path.steps.first { $0.question.text.contains(words) }?.answer.id
        }
        for path in through {
            let allHold = answered(path, "only in your fingers or toes") == "yes" && answered(path, "same on both sides") == "yes"
                && answered(path, "chemotherapy") == "yes" && answered(path, "back or neck pain") == "no"
            XCTAssertEqual(path.outcome.level, allHold ? .urgent : .emergency, "\(path.answerIDs)")
        }
        XCTAssertTrue(through.contains { $0.outcome.level == .urgent }, "the chemotherapy branch exists")
    }

    // MARK: Issue 12, 2: over-triage

    func testChestPainMeansNewSuddenOrDifferentPainPressureOrTightness() throws {
        try assertSign("tiredness-breathlessness", ["chest pain", "pressure or tightness", "new, sudden or different"], .emergency)
    }
    func testLostFeelingMeansNewOrWorse() throws {
        try assertSign("back-pain", ["lost feeling", "new or getting worse"], .emergency)
    }

    // MARK: Bone-strengthening drugs

    // Issue 12, 1.2: a serious allergic reaction is an emergency; fever alone is urgent.
    func testBoneDrugAllergicReactionIsEmergencyAndAskedFirst() throws {
        try assertSign("bone-drug-side-effects", ["allergic reaction"], .emergency)
        let flow = try Shipped.flow("bone-drug-side-effects")
        let allergy = try XCTUnwrap(flow.questions.first { $0.text.contains("allergic reaction") })
        XCTAssertEqual(flow.start, allergy.id)
        let help = (allergy.help ?? "").lowercased()
        for sign in ["throat", "face", "lips", "tongue", "rash", "breath"] { XCTAssertTrue(help.contains(sign), "\(sign): \(help)") }
    }
    func testBoneDrugFeverAloneIsUrgent() throws { try assertSign("bone-drug-side-effects", ["100.4"], .urgent) }
    func testBoneDrugTinglingInFingersToesOrAroundTheMouthIsUrgent() throws {
        try assertSign("bone-drug-side-effects", ["tingling", "mouth", "fingers", "toes"], .urgent)
    }

    func testBoneDrugJawPainIsSoon() throws { try assertSign("bone-drug-side-effects", ["pain in your jaw"], .soon) }
    func testBoneDrugExposedBoneInTheMouthIsSoon() throws { try assertSign("bone-drug-side-effects", ["see bone in your mouth"], .soon) }
    func testBoneDrugMuscleCrampsAreUrgent() throws { try assertSign("bone-drug-side-effects", ["muscle cramps"], .urgent) }
    func testBoneDrugTinglingAroundTheMouthIsUrgent() throws {
        try assertSign("bone-drug-side-effects", ["tingling or numbness around your mouth"], .urgent)
    }

    // MARK: Tiredness and breathlessness, against the anemia topic

    func testAnemiaLosingALotOfBloodIsEmergency() throws { try assertSign("tiredness-breathlessness", ["losing a lot of blood"], .emergency) }
    // The anemia topic: bleeding that will not stop after 10 minutes of pressing is an emergency,
    // even if it started small; bleeding that stopped with pressure means a call today.
    func testAnemiaBleedingThatWillNotStopIsEmergency() throws {
        try assertSign("tiredness-breathlessness", ["bleeding that will not stop"], .emergency)
    }
    func testAnemiaBleedingThatStoppedIsUrgentAndAskedAfterTheEmergencyQuestion() throws {
        try assertSign("tiredness-breathlessness", ["bleeding that stopped"], .urgent)
        let flow = try Shipped.flow("tiredness-breathlessness")
        let heavy = try XCTUnwrap(flow.questions.firstIndex { $0.id == "heavy-bleeding" })
        let small = try XCTUnwrap(flow.questions.firstIndex { $0.id == "bleeding" })
        XCTAssertLessThan(heavy, small)
    }
    /// "Lie flat" always allows another position when lying flat makes breathing hard.
    func testEveryLieFlatStepAllowsAnotherPositionForBreathing() throws {
        for flow in Shipped.store.flows {
            for outcome in flow.outcomes {
                for step in outcome.actions where step.lowercased().contains("lie flat") {
                    XCTAssertTrue(step.lowercased().contains("breath"), "\(flow.id)/\(outcome.id): \(step)")
                }
            }
        }
    }

    func testAnemiaChestPainBreathlessAtRestAndFaintingAreEmergency() throws {
        try assertSign("tiredness-breathlessness", ["chest pain"], .emergency)
        try assertSign("tiredness-breathlessness", ["short of breath", "rest"], .emergency)
        try assertSign("tiredness-breathlessness", ["fainted"], .emergency)
    }
}

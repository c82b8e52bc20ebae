import BedsideWiring
import BedsideContent
import BedsideFlows
import XCTest
@testable import BedsideUI

/// Symptom-flow screens on the shipped flows: questions, answers by digit,
/// Back to change an answer, and the care card.
final class FlowScreenTests: XCTestCase {
    let env = Shipped.env()

    func start(_ flowID: String, width: Int = 80, height: Int = 24) -> AppState {
        var s = AppState(width: width, height: height)
        s.go(to: .flow(flowID), env)
        return s
    }

    /// Every answer path that ends at an emergency, for every shipped flow.
    func emergencyPaths() -> [(flow: String, answers: [String])] {
        var out: [(String, [String])] = []
        for flow in Shipped.store.flows {
            for path in FlowPaths.all(in: flow) where path.outcome.level == .emergency {
                out.append((flow.id, path.answerIDs))
            }
        }
        return out
    }

    func testTheCPickerListsEveryFlowAndDigitsAnswerQuestions() {
        var s = UIFixture.run(AppState(width: 80, height: 24), [.key(.char("c"))], env)
        XCTAssertEqual(s.location.page, .flowPicker)
        let targets = s.layout(env).links.map(\.target)
        for flow in Shipped.store.flows { XCTAssertTrue(targets.contains(.flow(flow.id)), flow.title) }
        s = UIFixture.run(s, [.key(.char("1"))], env)
        guard case .flow(let id, let answers) = s.location.page else { return XCTFail("\(s.location.page)") }
        XCTAssertEqual(answers, [])
        let screen = Renderer.render(s, env).text
        XCTAssertTrue(screen.contains("Question 1 of up to"), screen)
        let first = Shipped.store.flow(id)!.questions.first { $0.id == Shipped.store.flow(id)!.start }!
        XCTAssertTrue(screen.contains(first.text), screen)
        XCTAssertTrue(screen.contains("1. " + first.answers[0].text), "answers are big numbered items:\n\(screen)")
        XCTAssertNil(s.frame.sidebar, "a flow takes the whole width")
    }

    func testBackspaceChangesTheLastAnswerAndProgressMoves() {
        var s = start("back-pain")
        let flow = Shipped.store.flow("back-pain")!
        // "No" to the first question moves on to question 2.
        let noIndex = flow.questions.first { $0.id == flow.start }!.answers.firstIndex { $0.id == "no" }!
        s = UIFixture.run(s, [.key(.char(Character(String(noIndex + 1))))], env)
        XCTAssertTrue(Renderer.render(s, env).text.contains("Question 2 of up to"))
        s = UIFixture.run(s, [.key(.backspace)], env)
        XCTAssertEqual(s.location.page, .flow("back-pain", answers: []))
        XCTAssertTrue(Renderer.render(s, env).text.contains("Question 1 of up to"))
        s = UIFixture.run(s, [.key(.char("9"))], env)
        XCTAssertEqual(s.message, "Please press a number from 1 to \(flow.questions.first { $0.id == flow.start }!.answers.count).")
    }

    /// Issue rule: an emergency outcome is fully visible at 80x24 without scrolling,
    /// with EMERGENCY in words and the number to call.
    func testEveryEmergencyCardFitsOn80x24WithTheNumber() {
        let paths = emergencyPaths()
        XCTAssertGreaterThan(paths.count, 20)
        var checked = Set<String>()
        for (flowID, answers) in paths {
            let outcome = FlowPage.session(flowID, answers: answers, Shipped.store)!.outcome!.id
            guard checked.insert(flowID + "/" + outcome).inserted else { continue }
            var s = start(flowID)
            for answer in answers { s.answerFlow(answer, env) }
            let layout = s.layout(env)
            // What to do now (level, call, while waiting, steps, what to say) ends at the first rule.
            let ruleLine = layout.lines.firstIndex { $0.text.contains("───") || $0.text.contains("---") } ?? layout.lines.count
            let lastCardLine = layout.lines[..<ruleLine].lastIndex { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty } ?? 0
            XCTAssertLessThan(lastCardLine, s.frame.text.height, "\(flowID)/\(outcome) needs scrolling at 80x24")
            let screen = Renderer.render(s, env).text
            XCTAssertTrue(screen.contains("EMERGENCY"), screen)
            XCTAssertTrue(screen.contains("911"), screen)
            // The card's last words are what to do while waiting: on screen, not the generic line.
            let card = FlowPage.card(FlowPage.session(flowID, answers: answers, Shipped.store)!, env)!
            let lastWords = card.safetyLine.split(separator: " ").suffix(4).joined(separator: " ")
            XCTAssertTrue(screen.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "│", with: " ").replacingOccurrences(of: "┃", with: " ").replacingOccurrences(of: "|", with: " ").split(separator: " ").joined(separator: " ").contains(lastWords), "\(lastWords):\n\(screen)")
            XCTAssertFalse(screen.contains("If it gets worse or you are worried, call."), screen)
        }
        XCTAssertGreaterThanOrEqual(checked.count, 7)
    }

    /// Issue 12, 1.5: nausea and constipation together (two amber signs) reach
    /// URGENT in the browser, and the card says the signs added up.
    func answers(_ s: AppState) -> [String] {
        if case .flow(_, let answers) = s.location.page { return answers }
        return []
    }

    func testTwoMilderCalciumSignsAddUpToAnUrgentCardInTheBrowser() throws {
        let flow = Shipped.store.flow("high-calcium")!
        var s = start("high-calcium")
        var answered = 0
        while let question = FlowPage.session("high-calcium", answers: answers(s), Shipped.store)?.question {
            // "No" to every sign except feeling sick and being constipated.
            let yes = question.text.contains("sick to your stomach") || question.text.contains("constipated")
            s.answerFlow(yes ? "yes" : "no", env)
            answered += 1
            XCTAssertLessThan(answered, 20)
        }
        let session = FlowPage.session("high-calcium", answers: answers(s), Shipped.store)!
        XCTAssertEqual(session.outcome?.id, flow.escalation?.outcome)
        let screen = Renderer.render(s, env).text
        XCTAssertTrue(screen.contains("URGENT"), screen)
        XCTAssertTrue(screen.contains("add up"), screen)
        XCTAssertFalse(screen.contains("SOON"), screen)
    }

    /// EMERGENCY must not rely on colour: bold and reverse video too.
    func testTheEmergencyLevelIsBoldAndReverseNotOnlyRed() {
        let (flowID, answers) = emergencyPaths()[0]
        var s = start(flowID)
        for answer in answers { s.answerFlow(answer, env) }
        let screen = Renderer.render(s, env)
        let rows = screen.text.split(separator: "\n", omittingEmptySubsequences: false)
        let y = rows.firstIndex { $0.contains("EMERGENCY") }!
        let x = rows[y].distance(from: rows[y].startIndex, to: rows[y].range(of: "EMERGENCY")!.lowerBound)
        let style = screen[x, y].style
        XCTAssertTrue(style.bold && style.reverse, "\(style)")
    }

    func testUrgentCardsShowTheClinicsNumbersAndUnsetNumbersSaySo() {
        var s = start("high-calcium")
        let flow = Shipped.store.flow("high-calcium")!
        let urgent = FlowPaths.all(in: flow).first { $0.outcome.level == .urgent }!
        for a in urgent.answerIDs { s.answerFlow(a, env) }
        let screen = Renderer.render(s, env).text
        XCTAssertTrue(screen.contains("URGENT"), screen)
        XCTAssertTrue(screen.contains("555-0199"), screen)
        // With the built-in defaults only 911 is known; the rest must not be made up.
        let bare = AppEnvironment(store: Shipped.store)
        var t = AppState(width: 80, height: 24)
        t.go(to: .flow("high-calcium", answers: urgent.answerIDs), bare)
        let text = Renderer.render(t, bare).text
        // Words across wrapped lines and callout bars, as a reader reads them.
        let words = text.replacingOccurrences(of: "┃", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // Issue 13: at 2 a.m. "ask your clinic" helps no one; point to where the number is.
        XCTAssertTrue(words.contains("Your cancer care team's 24-hour line: the 24-hour number your clinic gave you (often on your appointment card)"), words)
        XCTAssertFalse(words.contains("ask your clinic"), words)
        XCTAssertFalse(text.contains("555-"), text)
    }

    /// Issue 13: an urgent card names one number first, the 24-hour line, and
    /// the care team after it as the number for office hours.
    func testUrgentCardsNameTheTwentyFourHourLineFirst() {
        let flow = Shipped.store.flow("high-calcium")!
        for path in FlowPaths.all(in: flow) where path.outcome.call.contains("after-hours") && path.outcome.call.contains("care-team") {
            let card = CareCard(outcome: path.outcome, flow: flow, site: env.site, store: Shipped.store)
            XCTAssertEqual(card.phones.map(\.name), ["after-hours", "care-team"])
            XCTAssertEqual(card.phones[1].label, "your care team in office hours")
            XCTAssertTrue(CareCardDocument.phoneLine(card).hasPrefix("Your cancer care team's 24-hour line: 555-0199; "), CareCardDocument.phoneLine(card))
        }
        // Listed the other way round in a flow, the order on the card is the same.
        let swapped = CareCard.phones(["care-team", "after-hours"], site: env.site, strings: Shipped.store.strings)
        XCTAssertEqual(swapped.map(\.name), ["after-hours", "care-team"])
    }

    func testQuitAsksFirstWhileAFlowIsUnderway() {
        var s = start("back-pain")
        s = UIFixture.run(s, [.key(.char("2")), .key(.char("q"))], env)
        XCTAssertEqual(s.overlay, .confirmQuit)
        let (kept, effects) = App.update(s, .key(.char("n")), env)
        XCTAssertEqual(effects, [])
        XCTAssertNil(kept.overlay)
        XCTAssertEqual(App.update(s, .key(.char("y")), env).1, [.quit])
    }

    func testTheCareCardIsRecordedForTheSummaryAndChangingAnAnswerReplacesIt() {
        let (flowID, answers) = emergencyPaths()[0]
        var s = start(flowID)
        for answer in answers { s.answerFlow(answer, env) }
        XCTAssertEqual(s.visit.outcomes.map(\.flowID), [flowID])
        s = UIFixture.run(s, [.key(.backspace)], env)
        XCTAssertEqual(s.visit.outcomes.count, 1, "going back keeps the card until another is reached")
        let summary = SummaryWriter.text(s.visit, env, at: LocalTime(year: 2026, month: 11, day: 30, hour: 14, minute: 5))
        XCTAssertTrue(summary.contains("EMERGENCY"), summary)
        XCTAssertTrue(summary.contains("911"), summary)
    }

    func testSearchOffersFlowsAndOpensThem() {
        let search = SearchAdapter(store: Shipped.store)
        let env = AppEnvironment(store: Shipped.store, site: Shipped.site, search: { search.search($0) })
        var s = UIFixture.run(AppState(width: 80, height: 24), [.key(.char("/"))] + UIFixture.keys("numb legs"), env)
        guard case .search(let state) = s.overlay else { return XCTFail("search is open") }
        let flowRow = state.results.firstIndex { $0.kind == .flow }
        XCTAssertNotNil(flowRow, "\(state.results.map(\.id))")
        s = UIFixture.run(s, Array(repeating: .key(.down), count: flowRow ?? 0) + [.key(.enter)], env)
        guard case .flow = s.location.page else { return XCTFail("\(s.location.page)") }
    }
}

/// Issue 13: y and n answer in the checker; "Start again" starts a new history.
final class FlowKeysTests: XCTestCase {
    let env = Shipped.env()

    func testYAndNAnswerYesAndNo() {
        var s = AppState(width: 80, height: 24)
        s.go(to: .flow("back-pain"), env)
        s = UIFixture.run(s, [.key(.char("n"))], env)
        XCTAssertEqual(s.location.page, .flow("back-pain", answers: ["no"]))
        s = UIFixture.run(s, [.key(.char("y"))], env)
        XCTAssertEqual(s.location.page, .flow("back-pain", answers: ["no", "yes"]))
        XCTAssertTrue(Renderer.render(s, env).text.contains("EMERGENCY"))
    }

    func testStartAgainForgetsThePreviousRun() throws {
        var s = AppState(width: 80, height: 24)
        s.go(to: .flowPicker, env)
        s.go(to: .flow("back-pain"), env)
        s = UIFixture.run(s, [.key(.char("1"))], env)
        XCTAssertTrue(Renderer.render(s, env).text.contains("EMERGENCY"))
        s.perform(.restartFlow, env)
        XCTAssertEqual(s.location.page, .flow("back-pain", answers: []))
        s = UIFixture.run(s, [.key(.backspace)], env)
        XCTAssertEqual(s.location.page, .flowPicker, "Backspace on question 1 leaves the check, not back to the old card")
    }
}

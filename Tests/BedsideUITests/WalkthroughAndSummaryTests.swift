import BedsideContent
import XCTest
@testable import BedsideUI

final class WalkthroughAndSummaryTests: XCTestCase {
    let env = Shipped.env()

    func testEveryShippedWalkthroughStepRendersWithProgressAndPrompts() throws {
        XCTAssertGreaterThanOrEqual(Shipped.store.walkthroughs.count, 3)
        for walkthrough in Shipped.store.walkthroughs {
            for (index, step) in walkthrough.steps.enumerated() {
                var s = AppState(width: 80, height: 24)
                s.go(to: .walkthrough(walkthrough.id, step: index), env)
                let text = s.layout(env).lines.map(\.text).joined(separator: "\n")
                XCTAssertTrue(text.contains("Step \(index + 1) of \(walkthrough.steps.count)"), "\(walkthrough.id) \(index)")
                XCTAssertTrue(text.contains("Teach-back"))
                for prompt in step.prompts {
                    XCTAssertTrue(text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ")
                        .contains(String(prompt.prefix(20))), "\(walkthrough.id) step \(index): \(prompt)")
                }
                XCTAssertFalse(text.contains("could not be loaded"), "\(walkthrough.id) step \(index)")
            }
        }
    }

    func testNextPreviousAndMarksWithExplainAgain() throws {
        let walkthrough = try XCTUnwrap(Shipped.store.walkthroughs.first { $0.steps.count >= 2 })
        var s = UIFixture.run(AppState(width: 80, height: 24), [.key(.char("w"))], env)
        XCTAssertEqual(s.location.page, .walkthroughPicker)
        s.go(to: .walkthrough(walkthrough.id), env)
        s = UIFixture.run(s, [.key(.char("]"))], env)
        XCTAssertEqual(s.location.page, .walkthrough(walkthrough.id, step: 1))
        s = UIFixture.run(s, [.key(.char("["))], env)
        XCTAssertEqual(s.location.page, .walkthrough(walkthrough.id, step: 0))
        s = UIFixture.run(s, [.key(.char("["))], env)
        XCTAssertEqual(s.message, "This is the first step.")

        // Mark prompt 1 "needs review" by following its link, as Tab+Enter would.
        let links = s.layout(env).links
        let review = try XCTUnwrap(links.firstIndex { $0.target == .app(.markTeachBack(step: 0, prompt: 0, understood: false)) })
        s.location.selectedLink = review
        s = UIFixture.run(s, [.key(.enter)], env)
        XCTAssertEqual(s.visit.marks[VisitLog.PromptKey(walkthrough: walkthrough.id, step: 0, prompt: 0)], .needsReview)
        let text = s.layout(env).lines.map(\.text).joined(separator: "\n")
        XCTAssertTrue(text.contains("[x] needs review"), text)
        XCTAssertTrue(text.contains("Explain again:"), text)
        // Understood replaces it; the same mark again clears it.
        s.perform(.markTeachBack(step: 0, prompt: 0, understood: true), env)
        XCTAssertEqual(s.visit.marks[VisitLog.PromptKey(walkthrough: walkthrough.id, step: 0, prompt: 0)], .understood)
        s.perform(.markTeachBack(step: 0, prompt: 0, understood: true), env)
        XCTAssertNil(s.visit.marks[VisitLog.PromptKey(walkthrough: walkthrough.id, step: 0, prompt: 0)])
    }

    func testTheSummaryListsTopicsCardsTeachBackAndNumbersButNeverSearchText() throws {
        let walkthrough = try XCTUnwrap(Shipped.store.walkthroughs.first)
        let topic = try XCTUnwrap(Shipped.store.topics.first)
        var s = AppState(width: 80, height: 24)
        s.go(to: .topic(topic.id), env)
        s = UIFixture.run(s, [.key(.char("/"))] + UIFixture.keys("secret words typed") + [.key(.escape)], env)
        s.go(to: .walkthrough(walkthrough.id), env)
        s.perform(.markTeachBack(step: 0, prompt: 0, understood: false), env)
        let flow = Shipped.store.flow("high-calcium")!
        let path = BedsideFlowsPaths.firstEmergency(flow)
        s.go(to: .flow(flow.id, answers: path), env)
        s = UIFixture.run(s, [.clock(LocalTime(year: 2026, month: 11, day: 30, hour: 14, minute: 5))], env)

        // Issue 13: p shows the summary first; Esc cancels and nothing is saved.
        let (preview, none) = App.update(s, .key(.char("p")), env)
        XCTAssertEqual(none, [])
        XCTAssertEqual(preview.overlay, .summaryPreview(scroll: 0))
        XCTAssertTrue(Renderer.render(preview, env).text.contains("Your visit summary"))
        let (cancelled, nothing) = App.update(preview, .key(.escape), env)
        XCTAssertEqual(nothing, [])
        XCTAssertNil(cancelled.overlay)
        let (_, effects) = App.update(preview, .key(.enter), env)
        guard case .saveSummary(let text, let markdown)? = effects.first else { return XCTFail("\(effects)") }
        for out in [text, markdown] {
            XCTAssertTrue(out.contains("Date: November 30, 2026, 2:05 p.m."), out)
            XCTAssertFalse(out.contains("?."), "no doubled punctuation: \(out)")
            XCTAssertFalse(out.contains("Not asked"), "questions not asked are left out: \(out)")
            XCTAssertTrue(out.contains("Riverside Cancer Center"))
            XCTAssertTrue(out.contains(topic.title), out)
            XCTAssertTrue(out.contains(flow.title) && out.contains("EMERGENCY") && out.contains("911"), out)
            XCTAssertTrue(out.contains("555-0100") && out.contains("555-0199"), out)
            XCTAssertTrue(out.contains(walkthrough.title) && out.contains("Needs review: In your own words"), out)
            XCTAssertFalse(out.contains("secret"), "search text must never reach the summary")
        }
        XCTAssertTrue(markdown.hasPrefix("# Your visit summary"))
        XCTAssertTrue(text.split(separator: "\n").allSatisfy { $0.count <= 72 }, text)
    }

    /// Issue 16: the topic opened with `--topic` is in the summary.
    func testTheTopicTheBrowserStartedOnIsInTheSummary() throws {
        let topic = try XCTUnwrap(Shipped.store.topics.last)
        let s = AppState(page: .topic(topic.id), width: 80, height: 24)
        let (_, effects) = App.update(UIFixture.run(s, [.key(.char("p"))], env), .key(.enter), env)
        guard case .saveSummary(let text, _)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertTrue(text.contains(topic.title), text)
    }

    func testKioskPrintsOnlyWithAPrintCommandAndNeverSaves() {
        let kiosk = Shipped.env(kiosk: true)
        let (s, effects) = App.update(AppState(width: 80, height: 24), .key(.char("p")), kiosk)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.message, "No printer here: please ask staff for a printed copy. Nothing was saved.")
        let printing = Shipped.env(kiosk: true, printCommand: "lp")
        let (_, printed) = App.update(UIFixture.run(AppState(width: 80, height: 24), [.key(.char("p"))], printing), .key(.enter), printing)
        guard case .printSummary? = printed.first else { return XCTFail("\(printed)") }
        XCTAssertEqual(printed.count, 1)
    }
}

import BedsideFlows
enum BedsideFlowsPaths {
    static func firstEmergency(_ flow: Flow) -> [String] {
        FlowPaths.all(in: flow).first { $0.outcome.level == .emergency }!.answerIDs
    }
}

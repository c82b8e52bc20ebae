import BedsideContent
import Foundation
import XCTest
@testable import BedsideUI

/// Issue 14: `L` and the choice on home show the library in the other
/// language at once, on the same page with the same history; a kiosk offers
/// the choice on its first screen and returns to the site's language after an
/// idle reset. Run through the real event loop on a test backend.
final class LanguageSwitchTests: XCTestCase {
    static let spanishStore = ContentLoader.load(root: Shipped.root, language: .es)

    /// Both languages, as `bedside` wires them (the site's language first).
    static func library(kiosk: Bool = false, idleSeconds: Int = 60) -> (AppEnvironment, (ContentLanguage) -> AppEnvironment?) {
        var site = Shipped.site
        site.kiosk.idleSeconds = idleSeconds
        func make(_ store: ContentStore) -> AppEnvironment {
            var env = AppEnvironment(store: store, site: site, kiosk: kiosk, verifyPIN: { $0 == "4711" })
            env.languages = [(.en, "English"), (.es, "Español")]
            env.homeLanguage = .en
            return env
        }
        let english = make(Shipped.store), spanish = make(spanishStore)
        return (english, { $0 == .es ? spanish : english })
    }

    static func keys(_ text: String) -> [TestBackend.Step] { text.map { .event(.key(.char($0))) } }

    func testLSwitchesTheSamePageAndKeepsTheHistory() throws {
        let (env, other) = Self.library()
        var state = App.update(AppState(page: .home, width: 100, height: 30), .resize(width: 100, height: 30), env).0
        state.go(to: .topic("what-are-bone-metastases"), env)
        let backend = TestBackend(script: [.event(.key(.char("L"))), .wait(1), .event(.key(.backspace)), .wait(1),
                                           .event(.key(.char("L"))), .wait(1)],
                                  until: 5)
        let end = EventLoop.run(state, env, terminal: backend, clock: backend.clock, environment: other)
        let spanishTopic = try XCTUnwrap(backend.frames.first { $0.text.contains("¿Qué son las metástasis en los huesos?") },
                                         "after L the topic is in Spanish")
        XCTAssertTrue(spanishTopic.text.contains("Español"), "the switch is confirmed in the status line")
        // Backspace went back to home, in Spanish; the second L shows home in English.
        XCTAssertTrue(backend.frames.contains { $0.text.contains("Le damos la bienvenida a bedside") }, "home in Spanish")
        XCTAssertEqual(end.location.page, .home)
        XCTAssertTrue(backend.lastText.contains("English"), backend.lastText)
        XCTAssertFalse(backend.lastText.contains("Le damos la bienvenida"), backend.lastText)
        XCTAssertEqual(end.forward.map(\.page), [.topic("what-are-bone-metastases")], "the history survived both switches")
    }

    func testAFlowKeepsItsAnswersAcrossTheSwitch() throws {
        let (env, other) = Self.library()
        var state = App.update(AppState(page: .flow("high-calcium", answers: []), width: 100, height: 30), .resize(width: 100, height: 30), env).0
        state = App.update(state, .key(.char("n")), env).0  // not confused
        guard case .flow(_, let answers) = state.location.page else { return XCTFail("\(state.location.page)") }
        XCTAssertEqual(answers, ["no"])
        let backend = TestBackend(script: [.event(.key(.char("L"))), .wait(1)], until: 3)
        let end = EventLoop.run(state, env, terminal: backend, clock: backend.clock, environment: other)
        XCTAssertEqual(end.location.page, .flow("high-calcium", answers: ["no"]))
        let question = try XCTUnwrap(Self.spanishStore.flow("high-calcium")?.question("sleepy")?.text)
        XCTAssertTrue(backend.lastText.replacingOccurrences(of: "\n", with: " ").contains(String(question.prefix(20))), backend.lastText)
    }

    func testHomeOffersBothLanguagesAndOneLanguageOffersNone() throws {
        let (env, _) = Self.library()
        let home = Pages.document(.home, env)
        guard case .paragraph(let inlines) = home.blocks.first else { return XCTFail("\(home.blocks.first as Any)") }
        XCTAssertEqual(inlines.plainText, "English | Español")
        let links = inlines.compactMap { if case .link(let link) = $0 { link.target } else { nil } }
        XCTAssertEqual(links, [.app(.language(.es))], "the current language is not a link")

        let single = Shipped.env()
        if case .paragraph(let first) = Pages.document(.home, single).blocks.first {
            XCTAssertNotEqual(first.plainText, "English | Español")
        }
        let state = App.update(AppState(page: .home, width: 80, height: 24), .key(.char("L")), single)
        XCTAssertEqual(state.1, [], "no switch with one language")
        XCTAssertEqual(state.0.message, Shipped.store.strings[.msgOneLanguage])
    }

    func testTheKioskOffersTheChoiceAndAnIdleResetReturnsToTheSiteLanguage() throws {
        let (env, other) = Self.library(kiosk: true, idleSeconds: 30)
        var privacy = AppState(width: 80, height: 24)
        privacy.kiosk.privacy = true
        let backend = TestBackend(script: [.wait(1), .event(.key(.char("2"))), .wait(1), .event(.key(.char("c"))), .wait(40)],
                                  until: 45)
        let end = EventLoop.run(privacy, env, terminal: backend, clock: backend.clock, environment: other)
        XCTAssertTrue(backend.frames.first!.text.contains("1 English   2 Español"), backend.frames.first!.text)
        XCTAssertTrue(backend.frames.contains { $0.text.contains("Revisar un síntoma") || $0.text.contains("revisión") },
                      "2 woke the kiosk in Spanish and c opened the symptom checks in Spanish")
        // 30 idle seconds later: privacy screen, back in English for the next person.
        XCTAssertTrue(end.kiosk.privacy)
        XCTAssertTrue(backend.lastText.contains("Press any key to start"), backend.lastText)
        XCTAssertEqual(end.location.page, .home)
    }

    /// The Spanish emergency card at 80x24: the headline first, whole, with the number.
    func testTheSpanishEmergencyCardFitsAt80x24() throws {
        var env = AppEnvironment(store: Self.spanishStore, site: .defaults)
        env.languages = [(.en, "English"), (.es, "Español")]
        var state = App.update(AppState(page: .flow("back-pain", answers: []), width: 80, height: 24), .resize(width: 80, height: 24), env).0
        state = App.update(state, .key(.char("1")), env).0
        let screen = Renderer.render(state, env)
        let rows = (0..<screen.height).map { y in (0..<screen.width).map { screen.cells[y * screen.width + $0].text }.joined() }
        XCTAssertTrue(rows[1].contains("EMERGENCIA: LLAME AL 911 AHORA"), rows.joined(separator: "\n"))
        XCTAssertTrue(rows[3].contains("911"), rows.joined(separator: "\n"))
    }

    /// The safety rule of the question screen holds in Spanish, whose questions
    /// and intros are longer: at every small size the first question and answer 1
    /// are on screen, and 1 answers exactly that question.
    func testEverySpanishFirstQuestionShowsWithItsAnswersAtSmallSizes() throws {
        let env = AppEnvironment(store: Self.spanishStore, site: .defaults)
        for (width, height) in [(50, 16), (40, 15), (40, 12), (80, 24)] {
            for (index, flow) in Self.spanishStore.flows.enumerated() {
                var s = App.update(AppState(width: width, height: height), .resize(width: width, height: height), env).0
                s = App.update(s, .key(.char("c")), env).0
                s = App.update(s, .key(.char(Character(String(index + 1)))), env).0
                XCTAssertEqual(s.location.page, .flow(flow.id))
                let screen = Renderer.render(s, env)
                let text = (0..<screen.height).map { y in (0..<screen.width).map { screen.cells[y * screen.width + $0].text }.joined() }
                    .joined(separator: "\n")
                let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let question = try XCTUnwrap(flow.question(flow.start))
                XCTAssertTrue(words.contains(question.text.split(separator: " ").prefix(3).joined(separator: " ")),
                              "\(flow.id) at \(width)x\(height): the question is not on screen:\n\(text)")
                XCTAssertTrue(text.contains("1. " + question.answers[0].text), "\(flow.id) at \(width)x\(height): answer 1 not on screen:\n\(text)")
                let answered = App.update(s, .key(.char("1")), env).0
                XCTAssertEqual(answered.location.page, .flow(flow.id, answers: [question.answers[0].id]), "\(flow.id) at \(width)x\(height)")
            }
        }
    }

    /// Help lists `L` only where there is another language to switch to.
    func testHelpListsTheLanguageKeyOnlyWithTwoLanguages() {
        let (env, _) = Self.library()
        let two = HelpText.lines(env, width: 80).map(\.0).joined(separator: "\n")
        let one = HelpText.lines(Shipped.env(), width: 80).map(\.0).joined(separator: "\n")
        XCTAssertTrue(two.contains("English / Español"), two)
        XCTAssertFalse(one.contains("English / Español"), one)
    }

    /// In Spanish the finish box says "s = sí", and s finishes; n never does.
    func testTheSpanishFinishBoxTakesSForSi() {
        let (_, other) = Self.library(kiosk: true)
        let spanish = other(.es)!
        var s = App.update(AppState(page: .topic("bone-pain"), width: 80, height: 24), .key(.char("x")), spanish).0
        XCTAssertEqual(s.overlay, .confirmFinish)
        XCTAssertEqual(App.update(s, .key(.char("n")), spanish).0.location.page, .topic("bone-pain"))
        s = App.update(s, .key(.char("s")), spanish).0
        XCTAssertEqual(s.location.page, .home)
        XCTAssertTrue(s.kiosk.justCleared)
        XCTAssertTrue(spanish.store.strings[.boxFinishText].contains("s = sí"))
    }
}

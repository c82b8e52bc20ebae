import BedsideWiring
import BedsideContent
import BedsideFlows
import XCTest
@testable import BedsideUI

/// Issue 13, part B: what patients, nurses and kiosk visitors hit, each as it
/// was seen (these failed before the fixes), on the shipped content.
final class BrowserAsUsersFoundItTests: XCTestCase {
    let env = Shipped.env()

    func open(_ page: Page, width: Int = 80, height: Int = 24, _ env: AppEnvironment? = nil) -> AppState {
        let env = env ?? self.env
        var s = AppState(width: width, height: height)
        s.go(to: page, env)
        // What update does after any event that opens a page.
        s.keepQuestionInView(env)
        return s
    }

    func screen(_ s: AppState, _ env: AppEnvironment? = nil) -> String { Renderer.render(s, env ?? self.env).text }

    // MARK: Safety: the question is always on screen with its answers

    /// Seen at 50x16: `c`, a check, and only the intro showed; `1` then answered
    /// "Have you had a seizure?" unseen and put up an EMERGENCY card.
    func testEveryFirstQuestionShowsWithItsAnswersAtSmallSizes() {
        for (width, height) in [(50, 16), (40, 15), (40, 12), (80, 24)] {
            for flow in Shipped.store.flows {
                // As a reader gets there: c, then the check's number on the picker.
                var s = UIFixture.run(AppState(width: width, height: height), [.key(.char("c"))], env)
                let number = Shipped.store.flows.firstIndex { $0.id == flow.id }! + 1
                s = UIFixture.run(s, UIFixture.keys(String(number)) + (Shipped.store.flows.count >= 10 ? [.key(.enter)] : []), env)
                XCTAssertEqual(s.location.page, .flow(flow.id))
                let text = screen(s)
                let question = flow.questions.first { $0.id == flow.start }!
                let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                XCTAssertTrue(words.contains(question.text.split(separator: " ").prefix(4).joined(separator: " ")),
                              "\(flow.id) at \(width)x\(height): the question is not on screen:\n\(text)")
                XCTAssertTrue(text.contains("1. " + question.answers[0].text), "\(flow.id) at \(width)x\(height): answer 1 not on screen:\n\(text)")
                // And 1 answers exactly that question.
                let answered = UIFixture.run(s, [.key(.char("1"))], env)
                XCTAssertEqual(answered.location.page, .flow(flow.id, answers: [question.answers[0].id]), "\(flow.id) at \(width)x\(height)")
            }
        }
    }

    /// Digits answer only what is visible: scrolled back to the intro, `1`
    /// brings the question into view instead of answering it.
    func testADigitNeverAnswersAQuestionOffScreen() {
        let flow = Shipped.store.flows.max { $0.intro.blocks.count < $1.intro.blocks.count }!
        var s = open(.flow(flow.id), width: 50, height: 16)
        s.scroll(to: 0, env)
        guard !s.isQuestionVisible(env) else { return XCTFail("\(flow.id): the intro should push the question off a 50x16 screen at the top") }
        s = UIFixture.run(s, [.key(.char("1"))], env)
        XCTAssertEqual(s.location.page, .flow(flow.id), "nothing was answered")
        XCTAssertTrue(s.isQuestionVisible(env), "the question came into view")
    }

    /// Number keys mean one thing per screen: on a question page a link in the
    /// intro ("back and neck pain check[1]") shows no number that "1. Yes" shares.
    func testQuestionPagesNumberOnlyTheAnswers() throws {
        let flow = try XCTUnwrap(Shipped.store.flow("possible-fracture"))
        let s = open(.flow(flow.id), width: 80, height: 60)
        let layout = s.layout(env)
        XCTAssertTrue(layout.links.contains { if case .flow("back-pain") = $0.target { true } else { false } }, "the intro has a link")
        XCTAssertFalse(layout.lines.map(\.text).joined().contains("[1]"), layout.lines.map(\.text).joined(separator: "\n"))
    }

    /// On a walkthrough step, `12 Enter` ticked a box: now a typed number opens
    /// exactly the link that shows that number, and boxes take none.
    func testTypedLinkNumbersOpenTheLinkShowingThatNumber() {
        for walkthrough in Shipped.store.walkthroughs {
            for step in walkthrough.steps.indices {
                let s = open(.walkthrough(walkthrough.id, step: step), width: 80, height: 24)
                let layout = s.layout(env)
                let text = layout.lines.map(\.text).joined(separator: "\n")
                for link in layout.links {
                    if case .app = link.target {
                        XCTAssertEqual(link.number, 0, "an action link takes no number")
                        continue
                    }
                    XCTAssertTrue(text.contains("[\(link.number)]"), "\(walkthrough.id) step \(step): [\(link.number)] is not shown")
                    var typed = s
                    typed.follow(linkNumber: link.number, env)
                    var expected = s
                    expected.follow(link.target, env)
                    XCTAssertEqual(typed.location.page, expected.location.page, "\(walkthrough.id) step \(step) link \(link.number)")
                    XCTAssertEqual(typed.visit.marks, s.visit.marks, "a number never ticks a teach-back box")
                }
            }
        }
    }

    /// Backspace on a question shows the answer given before, selected.
    func testBackspaceShowsTheEarlierAnswerSelected() throws {
        let flow = try XCTUnwrap(Shipped.store.flow("high-calcium"))
        var s = open(.flow(flow.id), width: 80, height: 24)
        s = UIFixture.run(s, [.key(.char("2"))], env)          // "No"
        XCTAssertEqual(s.location.page, .flow(flow.id, answers: ["no"]))
        s = UIFixture.run(s, [.key(.backspace)], env)
        let selected = try XCTUnwrap(s.location.selectedLink)
        XCTAssertEqual(s.layout(env).links[selected].target, .app(.answer("no")))
        XCTAssertTrue(s.isVisible(link: selected, env))
    }

    // MARK: Safety: clinic numbers where people read

    func testTopicsShowTheClinicsTwentyFourHourNumberOrWhereToFindIt() {
        let s = open(.topic("spinal-cord-compression"), width: 80, height: 24)
        let text = s.layout(env).lines.map(\.text).joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(text.contains("My care team's 24-hour number: 555-0199."), text)
        XCTAssertFalse(text.contains("{phone:"), text)
        let bare = AppEnvironment(store: Shipped.store)
        let unset = open(.topic("spinal-cord-compression"), width: 200, height: 24, bare).layout(bare).lines.map(\.text)
            .joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(unset.contains("My care team's 24-hour number: the 24-hour number your clinic gave you (often on your appointment card)."), unset)
        XCTAssertFalse(unset.contains("ask your clinic"), unset)
        // `bedside read` says the same.
        let read = (PlainTextPage.render(topicID: "when-to-get-help", store: Shipped.store, site: env.site, width: 200) ?? "")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(read.contains("24-hour line, even at night or on a weekend: 555-0199."), read)
    }

    func testAnUnknownPhonePlaceholderIsReportedWithItsLine() {
        let problems = PhonePlaceholder.problems(in: "one\ncall {phone:after-hours} or {phone:afterhours}\n", file: "t.md", firstLine: 10)
        XCTAssertEqual(problems.map(\.formatted), ["t.md:11:1: error: unknown phone '{phone:afterhours}': use one of {phone:emergency}, {phone:after-hours}, {phone:care-team}"])
    }

    /// Find landed mid-box and hid "Call your care team today if:".
    func testFindShowsTheBoxAroundAMatch() throws {
        var s = open(.topic("when-to-get-help"), width: 80, height: 24)
        let layout = s.layout(env)
        let box = try XCTUnwrap(layout.callouts.first { $0.label.hasPrefix("Call your care team today") && $0.lastLine - $0.firstLine > 8 })
        // A word only on the box's last lines, found from the top of the page.
        let page: [String] = layout.lines.map { $0.text.lowercased() }
        let deep = box.firstLine + 12
        func onlyDeep(_ w: String) -> Bool {
            guard w.count > 5, w.allSatisfy(\.isLetter) else { return false }
            let lines = page.indices.filter { page[$0].contains(w) }
            return lines.allSatisfy { $0 >= deep && $0 <= box.lastLine }
        }
        var found: String?
        for line in (deep...box.lastLine).reversed() where found == nil {
            found = page[line].split(separator: " ").map(String.init).first(where: onlyDeep)
        }
        let word = try XCTUnwrap(found, "a word found only deep in the box")
        s = UIFixture.run(s, [.key(.char("f"))] + UIFixture.keys(word) + [.key(.enter)], env)
        var guardSteps = 0
        while let find = s.find, let match = Optional(s.findMatches(find.query, env)[find.current]), !(match.line >= box.firstLine && match.line <= box.lastLine), guardSteps < 50 {
            s = UIFixture.run(s, [.key(.char("n"))], env)
            guardSteps += 1
        }
        XCTAssertTrue(screen(s).contains("CALL YOUR CARE TEAM TODAY IF:") || screen(s).contains("Call your care team today if:"),
                      "the box's heading shows with the match:\n\(screen(s))")
    }

    // MARK: Fit and finish

    /// At 120x40 the help box cut "(12 Enter for l…" and "with tea…".
    func testHelpWrapsToTheBoxAtEverySize() {
        for (width, height) in [(120, 40), (80, 24), (50, 16), (40, 12)] {
            var s = AppState(width: width, height: height)
            s = UIFixture.run(s, [.key(.char("?"))], env)
            var seen = ""
            for _ in 0..<40 {
                seen += screen(s) + "\n"
                s = UIFixture.run(s, [.key(.pageDown)], env)
                if case .help = s.overlay {} else { break }
            }
            XCTAssertTrue(seen.contains("Keys"), "\(width)x\(height)")
            // The box's own rows, without what shows around it.
            let inside = Set(seen.split(separator: "\n").compactMap { line -> String? in
                let parts = line.split(separator: "│", omittingEmptySubsequences: false)
                return parts.count >= 3 ? parts[parts.count - 2].trimmingCharacters(in: .whitespaces) : nil
            })
            let box = OverlayRenderer.helpBox(width, height)
            let lines = HelpText.lines(env, width: box.inner).map(\.0)
            // Every wrapped line shows whole on some page, and together they hold every entry.
            for line in lines where !line.isEmpty {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), box.inner, "\(width)x\(height): '\(line)' is wider than the box")
                XCTAssertTrue(inside.contains(line.trimmingCharacters(in: .whitespaces)), "\(width)x\(height) never showed '\(line)'")
            }
            let words = lines.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for entry in HelpText.entries(env) {
                XCTAssertTrue(words.contains(entry.text), "\(width)x\(height) lost '\(entry.text)'")
            }
        }
        let kiosk = Shipped.env(kiosk: true)
        let texts = HelpText.entries(kiosk).map(\.text)
        XCTAssertTrue(texts.contains("finish: forget your visit and start again"))
        XCTAssertFalse(texts.contains("quit"), "q does nothing in a kiosk")
    }

    /// The help's footer tells the truth: the keys it names scroll, any other closes.
    func testTheHelpFooterNamesExactlyTheKeysThatScroll() {
        let open = UIFixture.run(AppState(width: 80, height: 16), [.key(.char("?")), .key(.pageDown)], env)
        XCTAssertTrue(screen(open).contains("Up/Down/PgUp/PgDn scroll  any other key closes"), screen(open))
        for key in [Key.up, .down, .pageUp, .pageDown] {
            if case .help = UIFixture.run(open, [.key(key)], env).overlay {} else { XCTFail("\(key) should scroll") }
        }
        for key in [Key.char("j"), .char("k"), .char(" "), .char("b"), .char("q"), .enter, .escape] {
            XCTAssertNil(UIFixture.run(open, [.key(key)], env).overlay, "\(key) closes")
        }
    }

    /// "x f", "Backspace ch", "q q" were seen: a hint shows whole or not at all.
    func testTheStatusBarNeverCutsAHint() {
        for width in stride(from: 40, through: 120, by: 3) {
            for page in [Page.home, .topic("bone-pain"), .flow("high-calcium"), .walkthrough("just-diagnosed")] {
                let s = open(page, width: width, height: 24)
                let row = screen(s).split(separator: "\n", omittingEmptySubsequences: false)[23]
                let hints = Renderer.hints(s, env)
                var shown = 0
                while shown < hints.count, row.contains(hints[..<(shown + 1)].joined(separator: "  ")) { shown += 1 }
                for hint in hints[shown...] {
                    for cut in 2..<hint.count where row.hasSuffix(String(hint.prefix(cut))) {
                        XCTFail("\(page) at \(width): '\(hint)' cut to '\(hint.prefix(cut))': \(row)")
                    }
                }
            }
        }
    }

    /// The sidebar was 27 columns at every width, and split "zoledron|ic acid"
    /// in a table at 80 columns: it fits its labels, and a table wins.
    func testTheSidebarFitsItsLabelsAndGivesWayToATable() throws {
        let wide = UIFixture.run(AppState(width: 120, height: 30), [.resize(width: 120, height: 30)], env)
        let labels = Shipped.store.manifest.sections.map { DisplayWidth.of($0.title) + 4 }.max()!
        XCTAssertEqual(wide.frame.sidebar?.width, min(labels, Frame.sidebarRange.upperBound))
        let narrow = UIFixture.run(AppState(width: 80, height: 24), [.resize(width: 80, height: 24)], env)
        XCTAssertEqual(narrow.frame.sidebar?.width, 26, "at most a third of 80 columns")
        // A page with a table at 80 columns: no sidebar, and no cell word is split.
        let table = Shipped.store.topics.first { Shipped.store.body(of: $0.id)?.contains("\n|") == true }!
        var s = AppState(width: 80, height: 24)
        s.go(to: .topic(table.id), env)
        s = UIFixture.run(s, [.resize(width: 80, height: 24)], env)
        XCTAssertNil(s.frame.sidebar, "\(table.id) has a table: it gets the columns")
        // The reader can still ask for the sidebar.
        s = UIFixture.run(s, [.key(.char("t"))], env)
        XCTAssertNotNil(s.frame.sidebar)
        // At 120 columns there is room for both.
        var roomy = AppState(width: 120, height: 30)
        roomy.go(to: .topic(table.id), env)
        roomy = UIFixture.run(roomy, [.resize(width: 120, height: 30)], env)
        XCTAssertNil(roomy.sidebar.userVisible)
        XCTAssertNotNil(roomy.frame.sidebar)
    }

    func testTheHomePageShowsCheckASymptomAndTheGlossaryAt80x24() {
        let text = screen(open(.home))
        let reader = text.split(separator: "\n").map { $0.split(separator: "│", maxSplits: 1).last.map(String.init) ?? "" }.joined(separator: "\n")
        XCTAssertTrue(reader.contains("Check a symptom"), reader)
        XCTAssertTrue(reader.contains("Glossary"), reader)
    }

    // MARK: Search in the browser

    var searchEnv: AppEnvironment {
        let search = SearchAdapter(store: Shipped.store)
        return AppEnvironment(store: Shipped.store, site: Shipped.site, search: { search.search($0) })
    }

    func testEnterOnAResultOpensThePageAtTheMatch() throws {
        let env = searchEnv
        var s = AppState(width: 80, height: 24)
        s = UIFixture.run(s, [.key(.char("/"))] + UIFixture.keys("saddle numbness"), env)
        guard case .search(let search) = s.overlay, let top = search.results.first else { return XCTFail("no results") }
        XCTAssertEqual(top.kind, .topic)
        s = UIFixture.run(s, [.key(.enter)], env)
        XCTAssertEqual(s.location.page, .topic(top.id))
        let find = try XCTUnwrap(s.find, "the match is highlighted; n goes to the next")
        let match = s.findMatches(find.query, env)[find.current]
        XCTAssertTrue(match.line >= s.location.scroll && match.line < s.location.scroll + s.frame.text.height, "the match is on screen")
        // The first place on the page, whatever the scroll.
        XCTAssertEqual(match.line, s.findMatches(find.query, env).map(\.line).min())
        XCTAssertGreaterThan(match.line, 5, "saddle numbness is deep in the page: the page did not just open at the top")
    }

    func testSearchOffersABetterSpellingNextStepsAndEllipses() {
        let env = searchEnv
        var s = UIFixture.run(AppState(width: 80, height: 24), [.key(.char("/"))] + UIFixture.keys("metastisis"), env)
        guard case .search(let search) = s.overlay else { return XCTFail() }
        if let suggestion = search.suggestion, !search.results.isEmpty {
            XCTAssertTrue(screen(s, env).contains("Did you mean \"\(suggestion)\"? Press Tab."), "shown with results too")
        }
        s = UIFixture.run(AppState(width: 80, height: 24), [.key(.char("/"))] + UIFixture.keys("xqzv wqxy"), env)
        let none = screen(s, env)
        XCTAssertTrue(none.contains("No results."), none)
        XCTAssertTrue(none.contains("press Esc then c to check a symptom"), none)
        // A long snippet cut to the box ends with an ellipsis.
        var cut = Screen(width: 30, height: 1)
        OverlayRenderer.drawSnippet(SearchHit(kind: .topic, id: "x", title: "x", snippet: String(repeating: "word ", count: 20)),
                                    x: 0, y: 0, width: 20, unicode: true, &cut)
        XCTAssertTrue(cut.text.trimmingCharacters(in: .whitespaces).hasSuffix("…"), cut.text)
    }

    func testAGlossaryResultIsAPageWithItsTopicCheckAndSeeAlso() throws {
        let term = try XCTUnwrap(Shipped.store.term("hypercalcemia"))
        var s = AppState(width: 80, height: 30)
        s.open(SearchHit(kind: .glossary, id: term.id, title: term.term, snippet: ""), env)
        XCTAssertEqual(s.location.page, .glossaryTerm(term.id))
        let links = s.layout(env).links.map(\.target)
        XCTAssertTrue(links.contains(.topic(id: "high-calcium", anchor: nil)), "\(links)")
        XCTAssertTrue(links.contains(.flow("high-calcium")), "\(links)")
        // A see-also word opens its own page.
        let seeAlso = try XCTUnwrap(links.firstIndex { if case .glossary = $0 { true } else { false } })
        s.location.selectedLink = seeAlso
        s = UIFixture.run(s, [.key(.enter)], env)
        guard case .glossaryTerm(let other) = s.location.page else { return XCTFail("\(s.location.page)") }
        XCTAssertNotEqual(other, term.id)
    }

    func testTheGlossaryHasAnAToZJump() throws {
        var s = open(.glossaryIndex, width: 80, height: 24)
        let layout = s.layout(env)
        let letterP = try XCTUnwrap(layout.links.firstIndex { $0.target == .anchor("letter-p") })
        s.location.selectedLink = letterP
        s = UIFixture.run(s, [.key(.enter)], env)
        XCTAssertEqual(s.location.scroll, min(layout.line(ofAnchor: "letter-p")!, s.maxScroll(layout)))
    }

    // MARK: Kiosk

    func testTheLastFifteenSecondsShowACountdown() {
        let kiosk = Shipped.env(kiosk: true)
        let idle = Double(kiosk.site.kiosk.idleSeconds)
        var s = UIFixture.run(AppState(width: 80, height: 24), [.tick(now: 1), .key(.char("m"))], kiosk)
        s = UIFixture.run(s, [.tick(now: 1 + idle - 20)], kiosk)
        XCTAssertFalse(screen(s, kiosk).contains("Still there?"))
        s = UIFixture.run(s, [.tick(now: 1 + idle - 9.5)], kiosk)
        XCTAssertTrue(screen(s, kiosk).contains("Still there? Press any key. This visit clears in 10 seconds."), screen(s, kiosk))
        s = UIFixture.run(s, [.key(.down), .tick(now: 1 + idle - 8)], kiosk)
        XCTAssertFalse(screen(s, kiosk).contains("Still there?"), "a key keeps the visit")
    }
}

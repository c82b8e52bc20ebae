import BedsideContent
import XCTest
@testable import BedsideUI

final class ReaderTests: XCTestCase {
    let env = UIFixture.env()

    func open(_ page: Page, width: Int = 80, height: Int = 24) -> AppState {
        var s = AppState(width: width, height: height)
        s.go(to: page, env)
        return s
    }

    func testTabSelectsLinksInOrderAndEnterFollows() {
        var s = open(.topic("bone-pain"))
        s = UIFixture.run(s, [.key(.tab)], env)
        let links = s.layout(env).links
        XCTAssertEqual(s.location.selectedLink, 0)
        XCTAssertEqual(links[0].target, .glossary("spinal-cord"))
        s = UIFixture.run(s, [.key(.tab)], env)
        XCTAssertEqual(links[1].target, .topic(id: "x-ray", anchor: nil))
        s = UIFixture.run(s, [.key(.enter)], env)
        XCTAssertEqual(s.location.page, .topic("x-ray"))
        XCTAssertEqual(s.back.last?.page, .topic("bone-pain"))
        XCTAssertEqual(s.back.last?.selectedLink, 1, "history keeps the selection")
    }

    func testBackAndForwardRestoreScrollPosition() {
        var s = open(.topic("x-ray"))
        s = UIFixture.run(s, [.key(.pageDown), .key(.pageDown)], env)
        let scrolled = s.location.scroll
        XCTAssertGreaterThan(scrolled, 0)
        s.go(to: .topic("bone-pain"), env)
        s = UIFixture.run(s, [.key(.backspace)], env)
        XCTAssertEqual(s.location, Location(page: .topic("x-ray"), scroll: scrolled))
        s = UIFixture.run(s, [.key(.char("l"))], env)
        XCTAssertEqual(s.location.page, .topic("bone-pain"))
        s = UIFixture.run(s, [.key(.left), .key(.left), .key(.left)], env)
        XCTAssertEqual(s.location.page, .home)
        XCTAssertEqual(s.message, "This is the first page.")
    }

    func testAnchorLinksScrollToTheHeading() {
        var s = open(.topic("bone-pain"))
        s.follow(.topic(id: "x-ray", anchor: "what-happens"), env)
        let line = s.layout(env).line(ofAnchor: "what-happens")
        XCTAssertNotNil(line)
        XCTAssertEqual(s.location.scroll, min(line!, s.maxScroll(s.layout(env))))
    }

    func testDigitsFollowNumberedLinks() {
        var s = open(.home)
        let links = s.layout(env).links
        XCTAssertLessThan(links.count, 10)
        // The link that shows [3]: on the fixture home, Glossary, Symptoms, Tests.
        XCTAssertTrue(s.layout(env).lines.contains { $0.text.contains("Tests[3]") })
        s = UIFixture.run(s, [.key(.char("3"))], env)
        XCTAssertEqual(s.location.page, .section("tests"))
    }

    func testScrollingStaysInBoundsAndTheStatusShowsWhere() {
        var s = open(.topic("x-ray"))
        s = UIFixture.run(s, [.key(.up), .key(.char("k"))], env)
        XCTAssertEqual(s.location.scroll, 0)
        XCTAssertTrue(Renderer.render(s, env).line(23).hasSuffix("Top"))
        s = UIFixture.run(s, [.key(.char("G"))], env)
        XCTAssertEqual(s.location.scroll, s.maxScroll(s.layout(env)))
        XCTAssertTrue(Renderer.render(s, env).line(23).hasSuffix("End"))
        s = UIFixture.run(s, [.key(.down), .key(.pageDown)], env)
        XCTAssertEqual(s.location.scroll, s.maxScroll(s.layout(env)))
        s = UIFixture.run(s, [.key(.char("g"))], env)
        XCTAssertEqual(s.location.scroll, 0)
    }

    func testFindHighlightsMatchesAndMovesWithN() {
        var s = open(.topic("x-ray"))
        s = UIFixture.run(s, [.key(.char("f"))] + UIFixture.keys("line 2") + [.key(.enter)], env)
        XCTAssertEqual(s.find?.query, "line 2")
        let matches = Find.matches("line 2", in: s.layout(env))
        XCTAssertEqual(matches.count, 11, "Line 2, Line 20-29")
        XCTAssertEqual(s.message, "Match 1 of 11  (n next, N previous)")
        let screen = Renderer.render(s, env)
        let first = matches[0]
        let cell = screen[s.frame.text.x + first.column, s.frame.text.y + first.line - s.location.scroll]
        XCTAssertEqual(cell.style.role, .match)
        s = UIFixture.run(s, [.key(.char("n")), .key(.char("n"))], env)
        XCTAssertEqual(s.find?.current, 2)
        s = UIFixture.run(s, [.key(.char("N")), .key(.char("N")), .key(.char("N"))], env)
        XCTAssertEqual(s.find?.current, 10, "N wraps around to the last match")
        let last = matches[10]
        XCTAssertTrue((s.location.scroll..<(s.location.scroll + s.frame.text.height)).contains(last.line))
    }

    /// Issue 16: an active find does not rescan the whole page on every tick and frame.
    func testAnActiveFindScansThePageOncePerQuery() {
        let env = UIFixture.env()
        var s = AppState(width: 80, height: 24)
        s.go(to: .topic("x-ray"), env)
        s = UIFixture.run(s, [.key(.char("f"))] + UIFixture.keys("line 2") + [.key(.enter)], env)
        let before = env.finds.scans
        for second in 1...50 {
            s = UIFixture.run(s, [.tick(now: Double(second))], env)
            _ = Renderer.render(s, env)
        }
        s = UIFixture.run(s, [.key(.char("n"))], env)
        _ = Renderer.render(s, env)
        XCTAssertEqual(env.finds.scans, before, "ticks, frames and n reuse the matches")
        s = UIFixture.run(s, [.resize(width: 60, height: 24)], env)
        _ = Renderer.render(s, env)
        XCTAssertEqual(env.finds.scans, before + 1, "a new width is a new layout: scanned again")
    }

    func testOutlineJumpsToAHeading() {
        var s = open(.topic("bone-pain"), height: 14)
        s = UIFixture.run(s, [.key(.char("o")), .key(.down), .key(.down), .key(.enter)], env)
        let entries = s.outlineEntries(env)
        XCTAssertEqual(entries.map(\.line), entries.map(\.line).sorted(), "in page order")
        XCTAssertEqual(s.location.scroll, min(entries[2].line, s.maxScroll(s.layout(env))))
        XCTAssertNil(s.overlay)
    }

    /// Issue 13: the outline lists the boxes (callouts) too, where the signs
    /// to act on are, and jumps to them.
    func testOutlineListsCalloutBoxes() throws {
        let env = Shipped.env()
        var s = AppState(width: 80, height: 14)
        s.go(to: .topic("spinal-cord-compression"), env)
        let entries = s.outlineEntries(env)
        let box = try XCTUnwrap(entries.firstIndex { $0.text.contains("Get help now if:") }, "\(entries.map(\.text))")
        s = UIFixture.run(s, [.key(.char("o"))] + Array(repeating: .key(.down), count: box) + [.key(.enter)], env)
        XCTAssertEqual(s.location.scroll, min(entries[box].line, s.maxScroll(s.layout(env))))
        XCTAssertTrue(Renderer.render(s, env).text.contains("GET HELP NOW IF:"))
    }

    func testDefineShowsTheGlossaryDefinition() {
        var s = open(.topic("bone-pain"))
        s = UIFixture.run(s, [.key(.tab), .key(.char("d"))], env)
        XCTAssertEqual(s.overlay, .definition(termID: "spinal-cord"))
        XCTAssertTrue(Renderer.render(s, env).text.contains("The bundle of nerves inside your spine."))
        s = UIFixture.run(s, [.key(.char("x"))], env)
        XCTAssertNil(s.overlay)
    }

    func testGlossaryWordsInTheTextAreMarkedOnce() {
        let s = open(.topic("bone-pain"))
        let marks = s.layout(env).glossaryMarks
        XCTAssertEqual(marks.map(\.termID), ["osteoclast"], "linked words are not marked again; each term once")
        let line = s.layout(env).lines[marks[0].line].text
        let chars = Array(line)
        var column = 0, start = 0
        for (i, ch) in chars.enumerated() where column < marks[0].column { column += DisplayWidth.of(ch); start = i + 1 }
        XCTAssertEqual(String(chars[start..<(start + marks[0].width)]), "osteoclasts")
    }

    func testSearchSeamRunsOnEveryKeystrokeAndOpensAResult() {
        let env = UIFixture.env { query in
            ([SearchHit(kind: .topic, id: "x-ray", title: "X-ray (\(query))", snippet: "quick picture", highlights: [0..<5])], nil)
        }
        var s = AppState(width: 80, height: 24)
        s = UIFixture.run(s, [.key(.char("/"))] + UIFixture.keys("xra"), env)
        guard case .search(let search) = s.overlay else { return XCTFail("no search box") }
        XCTAssertEqual(search.results.first?.title, "X-ray (xra)")
        XCTAssertTrue(Renderer.render(s, env).text.contains("X-ray (xra)"))
        s = UIFixture.run(s, [.key(.enter)], env)
        XCTAssertEqual(s.location.page, .topic("x-ray"))
        XCTAssertNil(s.overlay)
    }

    func testSidebarOpensTopicsAndHidesWhenNarrow() {
        var s = AppState(width: 100, height: 30)
        XCTAssertNotNil(s.frame.sidebar)
        s = UIFixture.run(s, [.key(.char("s")), .key(.down), .key(.enter), .key(.down), .key(.enter)], env)
        XCTAssertEqual(s.location.page, .topic("bone-pain"))
        XCTAssertFalse(s.sidebar.focused)
        s = UIFixture.run(s, [.resize(width: 69, height: 30)], env)
        XCTAssertNil(s.frame.sidebar, "hidden under 70 columns")
        s = UIFixture.run(s, [.key(.char("t"))], env)
        XCTAssertNotNil(s.frame.sidebar, "t shows it anyway")
        s = UIFixture.run(s, [.key(.char("t"))], env)
        XCTAssertNil(s.frame.sidebar)
    }

    func testMouseClickFollowsALinkAndTheWheelScrolls() {
        var s = open(.topic("x-ray"), width: 60, height: 20)
        s = UIFixture.run(s, [.mouse(x: 10, y: 5, action: .wheelDown)], env)
        XCTAssertEqual(s.location.scroll, 3)
        s = UIFixture.run(s, [.key(.char("G"))], env)
        let link = s.layout(env).links.last!
        let piece = link.pieces[0]
        let y = s.frame.text.y + piece.line - s.location.scroll
        s = UIFixture.run(s, [.mouse(x: s.frame.text.x + piece.column + 1, y: y, action: .press)], env)
        XCTAssertEqual(s.location.page, .topic("bone-pain"))
    }

    func testQuitAndPasteIntoSearch() {
        var s = AppState(width: 80, height: 24)
        let (_, effects) = App.update(s, .key(.char("q")), env)
        XCTAssertEqual(effects, [.quit])
        s = UIFixture.run(s, [.key(.char("/")), .paste("bone\npain\u{1B}[31m")], env)
        guard case .search(let search) = s.overlay else { return XCTFail() }
        XCTAssertEqual(search.query, "bonepain[31m", "newlines and control characters are dropped")
    }
}

@testable import BedsideContent
import Foundation
import XCTest

/// Hostile nesting: thousands of nested lists or quotes passed `check` and
/// then crashed `bedside read` (the converter and the layout recursed once per
/// level, and the browser parses on a small-stack background thread). The
/// parser keeps `MarkdownParser.maxNesting` levels and flattens the rest, with
/// its text, and `check` says where.
final class DeepNestingTests: XCTestCase {
    /// How deep lists and quotes go in `blocks` (at most maxNesting + 1 here, so recursion is fine).
    static func depth(_ blocks: [Block]) -> Int {
        blocks.map { block -> Int in
            switch block {
            case .list(let list): return 1 + (list.items.map { depth($0) }.max() ?? 0)
            case .blockQuote(let inner): return 1 + depth(inner)
            case .callout(let callout): return 1 + depth(callout.blocks)
            default: return 0
            }
        }.max() ?? 0
    }

    /// Every word of a document, in order.
    static func text(_ blocks: [Block]) -> String {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let inlines): out.append(inlines.plainText)
            case .heading(let heading): out.append(heading.text)
            case .list(let list): list.items.forEach { out.append(text($0)) }
            case .blockQuote(let inner): out.append(text(inner))
            case .callout(let callout): out.append(text(callout.blocks))
            case .code(_, let code): out.append(code)
            default: break
            }
        }
        return out.filter { !$0.isEmpty }.joined(separator: " ")
    }

    static let hostile: [(name: String, markdown: String)] = [
        ("10,000 nested bullets", String(repeating: "- ", count: 10_000) + "word\n"),
        ("10,000 nested quotes", String(repeating: ">", count: 10_000) + " word\n"),
        ("5,000 nested ordered lists", String(repeating: "1. ", count: 5_000) + "word\n"),
        ("mixed lists and quotes", String(repeating: "- > 1. ", count: 3_000) + "word\n"),
        ("one level per line", (0..<3_000).map { String(repeating: " ", count: 2 * $0) + "- level \($0)" }.joined(separator: "\n")),
    ]

    func testHostileNestingParsesOnASmallStackAndKeepsTheText() {
        for (name, markdown) in Self.hostile {
            onSmallStack {
                let document = MarkdownParser.parse(markdown, firstLine: 11)
                XCTAssertLessThanOrEqual(Self.depth(document.blocks), MarkdownParser.maxNesting, name)
                let text = Self.text(document.blocks)
                XCTAssertTrue(text.contains("word") || text.contains("level 2999"), "\(name) lost its text: \(text.prefix(200))")
                // The 17th level starts on the first line, or (one level per line) the 17th line.
                XCTAssertEqual(document.nestingFlattenedAt?.line, name == "one level per line" ? 27 : 11, name)
            }
        }
    }

    func testEveryLevelOfALevelPerLineListIsKept() {
        let document = MarkdownParser.parse(Self.hostile[4].markdown)
        let text = Self.text(document.blocks)
        for level in [0, 15, 16, 17, 1_000, 2_999] { XCTAssertTrue(text.contains("level \(level)"), "level \(level)") }
        XCTAssertEqual(document.nestingFlattenedAt?.line, 17, "the 17th list, on line 17, is the first one flattened")
    }

    func testNestingUpToTheLimitIsKeptAsWritten() {
        let markdown = String(repeating: "> ", count: MarkdownParser.maxNesting) + "word"
        let document = MarkdownParser.parse(markdown)
        XCTAssertEqual(Self.depth(document.blocks), MarkdownParser.maxNesting)
        XCTAssertNil(document.nestingFlattenedAt)
    }

    func testDeeplyNestedInlineMarkupKeepsItsText() {
        let images = String(repeating: "![", count: 5_000) + "picture" + String(repeating: "](u.png)", count: 5_000)
        let stars = String(repeating: "*", count: 10_000) + "bold" + String(repeating: "*", count: 10_000)
        for markdown in [images, stars] {
            onSmallStack {
                let document = MarkdownParser.parse(markdown)
                let text = Self.text(document.blocks)
                XCTAssertTrue(text.contains("picture") || text.contains("bold"), String(text.prefix(200)))
            }
        }
    }

    func testCheckWarnsWhereNestingIsFlattenedAndTheTopicStillLoads() throws {
        let body = String(repeating: "- ", count: 10_000) + "word"
        let fixture = try Fixture(["sections.yaml": Fixture.sections,
                                   "topics/symptoms/deep.md": Fixture.topic("deep", body: body)])
        let store = ContentLoader.load(root: fixture.root)
        XCTAssertNotNil(store.topic("deep"))
        let report = Validator(today: ReviewDate(year: 2026, month: 11, day: 30)).check(store)
        let nesting = report.diagnostics.filter { $0.message.hasPrefix("nesting deeper than") }
        XCTAssertEqual(nesting.count, 1, "\(report.diagnostics.map(\.formatted))")
        let line = try XCTUnwrap(Fixture.topic("deep", body: "BODY").split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("BODY") }) + 1
        XCTAssertEqual(nesting.first?.formatted,
                       "\(fixture.root)/topics/symptoms/deep.md:\(line):33: warning: nesting deeper than 16 levels is flattened: use fewer levels of lists and quotes")
    }

    /// A home.md that cannot be used never leaves the browser without a home page.
    func testAnUnreadableHomeFallsBackToTheBuiltInHome() throws {
        let fixture = try Fixture(["sections.yaml": Fixture.sections,
                                   "strings.yaml": "home-unavailable: \"Welcome. Pick a section.\"\n"])
        try fixture.write("home.md", Data([0x48, 0x69, 0xFF, 0x0A]))
        let store = ContentLoader.load(root: fixture.root)
        XCTAssertEqual(store.home, Document(blocks: [.paragraph([.text("Welcome. Pick a section.")])]))
        let formatted = store.diagnostics.map(\.formatted)
        XCTAssertTrue(formatted.contains { $0.hasPrefix(fixture.root + "/home.md:1:3: error: invalid UTF-8") }, "\(formatted)")
        XCTAssertTrue(formatted.contains { $0.contains("home.md:1:1: warning: home.md could not be used") }, "\(formatted)")
    }

    func testAHostileHomeIsFlattenedAndReported() throws {
        let fixture = try Fixture(["sections.yaml": Fixture.sections,
                                   "home.md": "Welcome.\n\n" + String(repeating: ">", count: 10_000) + " word\n"])
        let store = ContentLoader.load(root: fixture.root)
        XCTAssertTrue(Self.text(store.home.blocks).contains("word"))
        let report = Validator(today: ReviewDate(year: 2026, month: 11, day: 30)).check(store)
        XCTAssertTrue(report.diagnostics.map(\.formatted).contains(
            "\(fixture.root)/home.md:3:17: warning: nesting deeper than 16 levels is flattened: use fewer levels of lists and quotes"))
    }
}

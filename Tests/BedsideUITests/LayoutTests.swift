import BedsideContent
import XCTest
@testable import BedsideUI

final class LayoutTests: XCTestCase {
    func lines(_ markdown: String, width: Int = 40, unicode: Bool = true) -> [String] {
        DocumentLayouter.layout(MarkdownParser.parse(markdown), options: LayoutOptions(width: width, unicode: unicode))
            .lines.map { $0.text.trimmingTrailing() }
    }

    func testParagraphsWrapAtTheWidth() {
        let out = lines("one two three four five six seven eight nine ten eleven twelve", width: 20)
        XCTAssertEqual(out, ["one two three four", "five six seven eight", "nine ten eleven", "twelve"])
        XCTAssertTrue(out.allSatisfy { DisplayWidth.of($0) <= 20 })
    }

    func testBulletsAndNumbersHaveHangingIndents() {
        XCTAssertEqual(lines("- alpha beta gamma delta epsilon\n- b", width: 16),
                       ["• alpha beta", "  gamma delta", "  epsilon", "• b"])
        XCTAssertEqual(lines("9. nine nine nine nine\n10. ten", width: 14),
                       ["9.  nine nine", "    nine nine", "10. ten"])
        XCTAssertEqual(lines("- a\n  - inner", width: 20, unicode: false), ["* a", "  - inner"])
    }

    func testTablesAreBoxedAndWideCharactersAlign() {
        let out = lines("| A | 日本語 |\n|---|---|\n| x | y |", width: 40)
        XCTAssertEqual(out, ["┌───┬────────┐", "│ A │ 日本語 │", "├───┼────────┤", "│ x │ y      │", "└───┴────────┘"])
        XCTAssertEqual(Set(out.map(DisplayWidth.of)), [14], "every row is as wide as the border")
        XCTAssertEqual(lines("| A | B |\n|---|---|\n| x | y |", unicode: false).first, "+---+---+")
    }

    func testNarrowTablesWrapTheirCells() {
        let out = lines("| Name | Notes |\n|---|---|\n| MRI | a long note about magnets and noise |", width: 24)
        XCTAssertTrue(out.allSatisfy { DisplayWidth.of($0) <= 24 }, out.joined(separator: "\n"))
        XCTAssertGreaterThan(out.count, 5)
    }

    func testCalloutsKeepTheirLabelAndBar() {
        let out = lines("> **Get help now if:** your legs are weak.", width: 40)
        XCTAssertEqual(out, ["┃ GET HELP NOW IF:", "┃ your legs are weak."])
        let layout = DocumentLayouter.layout(MarkdownParser.parse("> **Tip:** rest."), options: LayoutOptions(width: 30))
        XCTAssertEqual(layout.lines[0].spans.last?.style.role, .tip)
    }

    func testLinksAreNumberedAndLocated() {
        let layout = DocumentLayouter.layout(MarkdownParser.parse("See [bone pain](topic:bone-pain) and [calcium](glossary:calcium)."),
                                             options: LayoutOptions(width: 60))
        XCTAssertEqual(layout.lines[0].text, "See bone pain[1] and calcium[2].")
        XCTAssertEqual(layout.links.map(\.number), [1, 2])
        XCTAssertEqual(layout.links[0].pieces, [.init(line: 0, column: 4, width: 12)])
        XCTAssertEqual(layout.links[1].target, .glossary("calcium"))
    }

    func testLongWordsBreakInsteadOfOverflowing() {
        let out = lines(String(repeating: "x", count: 25), width: 10)
        XCTAssertEqual(out, ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"])
    }

    func testDisplayWidths() {
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("日本"), 4)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.of("🙂"), 2)
    }
}

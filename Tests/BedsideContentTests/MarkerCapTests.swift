@testable import BedsideContent
import XCTest

/// Issue 16: a 10 MB line of `- ` made cmark build five million nested nodes
/// (2.4 GB). Markers past 64 on one line are dropped before cmark sees them.
final class MarkerCapTests: XCTestCase {
    func testOrdinaryTextIsUntouched() {
        let text = "- a\n  - b\n> quote\n1. one\n2) two\n-not a marker\n* star\n"
        let (out, changed) = MarkerCap.capped(text)
        XCTAssertFalse(changed)
        XCTAssertEqual(out, text)
    }

    func testALineOfTooManyMarkersKeepsSixtyFourAndItsText() {
        let (out, changed) = MarkerCap.capped("intro\n" + String(repeating: "- ", count: 100) + "word\nafter\n")
        XCTAssertTrue(changed)
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines[0], "intro")
        XCTAssertEqual(lines[1], Substring(String(repeating: "- ", count: 64) + "word"))
        XCTAssertEqual(lines[2], "after")
        // The space after the last quote marker went with the dropped ones: ">x" is the same quote.
        XCTAssertEqual(MarkerCap.capped(String(repeating: ">", count: 1000) + " x").text, String(repeating: ">", count: 64) + "x")
        XCTAssertEqual(MarkerCap.capped(String(repeating: "1. ", count: 70) + "y").text, String(repeating: "1. ", count: 64) + "y")
    }

    func testAMillionMarkersParseQuicklyAndSayTheyWereFlattened() {
        let document = MarkdownParser.parse(String(repeating: "- ", count: 1_000_000) + "word\n", firstLine: 5)
        XCTAssertEqual(document.nestingFlattenedAt?.line, 5)
        XCTAssertTrue(document.blocks.description.contains("word"))
    }
}

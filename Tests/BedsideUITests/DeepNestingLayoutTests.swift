import BedsideContent
import BedsideUI
import Foundation
import XCTest

/// Laying out hostile nesting finishes, on a small stack, keeps the text and
/// stays within the width: the layout used to recurse once per level and
/// build indents that grew with the square of the depth (about 4 GB and a
/// stack overflow for 10,000 nested quotes).
final class DeepNestingLayoutTests: XCTestCase {
    static let hostile = [
        String(repeating: "- ", count: 10_000) + "word\n",
        String(repeating: ">", count: 10_000) + " word\n",
        String(repeating: "1. ", count: 5_000) + "word\n",
        String(repeating: "- > 1. ", count: 3_000) + "word\n",
        "> **Get help now if:**\n" + String(repeating: ">", count: 10_000) + " word\n",
    ]

    func testHostileNestingLaysOutOnASmallStackWithinTheWidth() {
        for (index, markdown) in Self.hostile.enumerated() {
            for width in [20, 40, 80] {
                let done = DispatchSemaphore(value: 0)
                let thread = Thread {
                    let layout = DocumentLayouter.layout(MarkdownParser.parse(markdown), options: LayoutOptions(width: width))
                    let text = layout.lines.map { $0.spans.map(\.text).joined() }
                    XCTAssertTrue(text.contains { $0.contains("word") }, "case \(index) at width \(width) lost its text: \(text)")
                    for line in layout.lines { XCTAssertLessThanOrEqual(line.width, width, "case \(index) at width \(width)") }
                    done.signal()
                }
                thread.stackSize = 512 * 1024
                thread.start()
                XCTAssertEqual(done.wait(timeout: .now() + 60), .success, "case \(index) at width \(width)")
            }
        }
    }

    /// Deep but allowed nesting still leaves half the width for the words.
    func testIndentsStopAtHalfTheWidth() {
        let markdown = String(repeating: "> ", count: MarkdownParser.maxNesting) + "a few words to wrap here"
        let layout = DocumentLayouter.layout(MarkdownParser.parse(markdown), options: LayoutOptions(width: 20, unicode: false))
        XCTAssertEqual(layout.lines.map { $0.spans.map(\.text).joined() },
                       ["| | | | | a few", "| | | | | words to", "| | | | | wrap here"])
    }
}

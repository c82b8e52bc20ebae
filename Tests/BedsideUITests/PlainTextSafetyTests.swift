import BedsideContent
import BedsideUI
import Foundation
import XCTest

/// `bedside read` prints ASCII only, as documented, and nothing from a content
/// file (title, body, link target, source) can drive the terminal.
final class PlainTextSafetyTests: XCTestCase {
    func testReadOutputIsASCIIWithControlsMadeVisible() throws {
        let root = NSTemporaryDirectory() + "bedside-read-safety-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = [
            "sections.yaml": "sections:\n  - id: general\n    title: General \u{202E}x\n",
            "topics/general/esc.md": """
                ---
                id: esc
                title: "Title \\e]0;pwned\\a — “here”"
                summary: s
                section: general
                sources:
                  - title: "Source \\e[2J"
                    organisation: "Org"
                reviewed: 2026-11-23
                ---
                Body \u{1B}[2J clear, \u{1B}]52;c;ZXZpbA==\u{07} clipboard, \u{9B}1m C1 and café.

                [a link](http://evil.example/\u{1B}]8;;x)
                """,
        ]
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        let store = ContentLoader.load(root: root)
        let text = try XCTUnwrap(PlainTextPage.render(topicID: "esc", store: store, width: 60))
        XCTAssertTrue(text.unicodeScalars.allSatisfy { $0.isASCII && !TerminalSafe.isUnsafe($0) }, text)
        XCTAssertTrue(text.contains("Title ^[]0;pwned^G - \"here\""), text)
        let joined = text.replacingOccurrences(of: "\n", with: " ")
        XCTAssertTrue(joined.contains("Body ^[[2J clear, ^[]52;c;ZXZpbA==^G clipboard, <U+009B>1m C1 and cafe."), text)
        XCTAssertTrue(text.contains("[1] http://evil.example/^[]8;;x"), text)
        XCTAssertTrue(text.contains("(General <U+202E>x)"), text)
        XCTAssertTrue(text.contains("Source ^[[2J"), text)
        for line in text.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 60, String(line)) }
    }
}

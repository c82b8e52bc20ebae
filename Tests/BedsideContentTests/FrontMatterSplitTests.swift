import XCTest
@testable import BedsideContent

/// FrontMatter.split works on bytes for speed; this keeps it equal to the
/// plain Character-based definition on random inputs built from the tricky parts.
final class FrontMatterSplitTests: XCTestCase {
    /// The reference: split on Characters, as the first version did.
    static func reference(_ text: String) -> Result<FrontMatterSplit, FrontMatterError> {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        if lines.last == "" { lines.removeLast() }
        func trimmed(_ s: Substring) -> Substring {
            var s = s
            while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
            return s
        }
        guard let first = lines.first, trimmed(first) == "---" else { return .failure(.missingOpeningFence) }
        var index = 1
        while index < lines.count {
            let line = trimmed(lines[index])
            if line == "---" || line == "..." {
                let yaml = lines[1..<index].joined(separator: "\n")
                let body = index + 1 < lines.count ? lines[(index + 1)...].joined(separator: "\n") : ""
                return .success(FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: index + 2))
            }
            index += 1
        }
        return .failure(.missingClosingFence(openedAtLine: 1))
    }

    func testMatchesTheReferenceOnRandomInputs() {
        let pieces = ["---", "...", "--- ", "---\t", "-- -", "id: a", "é", "日本", "\u{301}", " ", "\t", "\n", "\r\n", "\r", "\n\r", "x", ""]
        var seed: UInt64 = 0x5EED
        for _ in 0..<20_000 {
            var text = ""
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let count = Int(seed >> 59) + 1
            for _ in 0..<count {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(seed >> 33) % pieces.count]
            }
            XCTAssertEqual(FrontMatter.split(text), Self.reference(text), "input: \(text.debugDescription)")
        }
    }

    func testTypicalFiles() {
        XCTAssertEqual(FrontMatter.split("---\nid: a\n---\nBody\n"),
                       .success(FrontMatterSplit(yaml: "id: a", yamlFirstLine: 2, body: "Body", bodyFirstLine: 4)))
        XCTAssertEqual(FrontMatter.split("---\r\nid: a\r\n...\r\nOne\r\nTwo"),
                       .success(FrontMatterSplit(yaml: "id: a", yamlFirstLine: 2, body: "One\nTwo", bodyFirstLine: 4)))
        XCTAssertEqual(FrontMatter.split("id: a\n"), .failure(.missingOpeningFence))
        XCTAssertEqual(FrontMatter.split("---\nid: a\n"), .failure(.missingClosingFence(openedAtLine: 1)))
    }
}

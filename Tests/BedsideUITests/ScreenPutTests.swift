import XCTest
@testable import BedsideUI

/// `Screen.put` draws ASCII runs a byte at a time and everything else a
/// grapheme cluster at a time; the result must be exactly the cluster-by-cluster
/// drawing it replaced, for any mix of text.
final class ScreenPutTests: XCTestCase {
    /// The drawing before the fast paths: one Character at a time.
    static func reference(_ text: String, width: Int, limit: Int) -> [(String, UInt8)] {
        var cells = Array(repeating: (" ", UInt8(1)), count: width)
        var column = 0
        for ch in text {
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if column + w > limit { break }
            cells[column] = (String(String.UnicodeScalarView(ch.unicodeScalars.prefix(4))), UInt8(w))
            if w == 2 { cells[column + 1] = ("", 0) }
            column += w
        }
        return cells
    }

    func testMixedTextDrawsAsClusterByClusterDrawingDid() {
        let pieces = ["a", "Z", " ", "9", "▸", "é", "e\u{301}", "ñ", "日", "😀", "👍🏽", "👨‍👩‍👧", "\u{200B}", "\r\n", "\t", "\u{7F}",
                      "¿", "x\u{FE0F}", "-", "\u{301}", "│", "…"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...16, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let limit = Int.random(in: 0...30, using: &rng)
            var screen = Screen(width: 30, height: 1)
            screen.put(text, x: 0, y: 0, maxWidth: limit)
            let want = Self.reference(text, width: 30, limit: limit)
            for x in 0..<30 {
                XCTAssertEqual(screen[x, 0].text, want[x].0, "\(text.debugDescription) limit \(limit) at \(x)")
                XCTAssertEqual(screen[x, 0].width, want[x].1, "\(text.debugDescription) limit \(limit) at \(x)")
            }
        }
    }
}

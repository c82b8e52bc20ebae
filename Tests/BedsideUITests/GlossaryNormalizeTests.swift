import XCTest
@testable import BedsideUI

/// The glossary matcher's ASCII fast path gives exactly what the general
/// path (lower case, split at anything but letters, digits, '-' and '\'') gives.
final class GlossaryNormalizeTests: XCTestCase {
    static func reference(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "'") })
            .joined(separator: " ")
    }

    func testTheASCIIPathMatchesTheGeneralOneOnRandomText() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("aZ9-' .,;:!?()\t\n\r\"_/Mm0x")
        for _ in 0..<20_000 {
            let text = String((0..<Int.random(in: 0...24, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            XCTAssertEqual(GlossaryMatcher.normalize(text), Self.reference(text), "\(text.debugDescription)")
        }
        for text in ["Bone-Pain's", "  X-ray  ", "MRI/CT", "", "--", "Café", "naïve x"] {
            XCTAssertEqual(GlossaryMatcher.normalize(text), Self.reference(text), text)
        }
    }
}

import BedsideContent
import Foundation
import XCTest

/// Text from content files never reaches a terminal as a command: escapes,
/// bells, C1 controls and bidi overrides are shown, not obeyed.
final class TerminalSafeTests: XCTestCase {
    func testControlsBecomeVisible() {
        XCTAssertEqual(TerminalSafe.clean("a\u{1B}]0;pwned\u{07}b"), "a^[]0;pwned^Gb")
        XCTAssertEqual(TerminalSafe.clean("\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07}"), "^[[2J^[]52;c;ZXZpbA==^G")
        XCTAssertEqual(TerminalSafe.clean("\u{1B}P1;2q\u{1B}\\"), "^[P1;2q^[\\", "DCS")
        XCTAssertEqual(TerminalSafe.clean("x\u{7F}y\u{00}z"), "x^?y^@z")
        XCTAssertEqual(TerminalSafe.clean("\u{9B}2J \u{85} \u{9D}"), "<U+009B>2J <U+0085> <U+009D>", "C1 controls")
        XCTAssertEqual(TerminalSafe.clean("abc\u{202E}fed\u{202C} \u{2066}\u{2069}\u{200E}\u{200F}\u{061C}"),
                       "abc<U+202E>fed<U+202C> <U+2066><U+2069><U+200E><U+200F><U+061C>")
    }

    func testOrdinaryTextIsUntouched() {
        for text in ["plain", "two\nlines\tand a tab", "café — “quotes” … 日本語 👍🏽", "", "a\r\nb"] {
            XCTAssertEqual(TerminalSafe.clean(text), text == "a\r\nb" ? "a\nb" : text)
        }
        XCTAssertEqual(TerminalSafe.clean("over\rwrite"), "over^Mwrite", "a lone carriage return could hide text")
    }

    func testJSONStaysValidAndCarriesNoRawControls() throws {
        let value = ["title": "a\u{1B}]8;;x\u{07}b \u{85} \u{202E} \u{7F} é"]
        let data = try JSONEncoder().encode(value)
        let json = TerminalSafe.escapeJSON(String(decoding: data, as: UTF8.self))
        XCTAssertFalse(json.unicodeScalars.contains(where: TerminalSafe.isUnsafe), json)
        XCTAssertTrue(json.contains("\\u0085") && json.contains("\\u202e") && json.contains("\\u007f"), json)
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        XCTAssertEqual(decoded, value, "the escapes mean the same characters")
    }

    func testFindUnsafeGivesLinesAndColumns() {
        let found = TerminalSafe.findUnsafe(in: "ok\r\nab\u{1B}c\u{07}\n\u{202E}x", firstLine: 10)
        XCTAssertEqual(found.map { "\($0.line):\($0.column) \(TerminalSafe.codePoint($0.scalar))" },
                       ["11:3 U+001B", "11:5 U+0007", "12:1 U+202E"])
    }

    func testASCIIFold() {
        XCTAssertEqual(ASCIIFold.fold("café — “quotes” ‘x’ … naïve\u{00A0}space • ×"),
                       "cafe - \"quotes\" 'x' ... naive space * x")
        XCTAssertEqual(ASCIIFold.fold("日本 \u{1B}[2J"), "?? ^[[2J")
    }
}

import XCTest
@testable import BedsideUI

/// Issue 16: every scalar of an accented character reaches the terminal, and
/// zero-width and bidi characters never shift columns or reach the screen.
final class GraphemeTests: XCTestCase {
    func testADecomposedAccentStaysWithItsLetterInOneCell() {
        var screen = Screen(width: 10, height: 1)
        XCTAssertEqual(screen.put("Cafe\u{301}!", x: 0, y: 0), 5)
        XCTAssertEqual(screen[3, 0].text, "e\u{301}")
        XCTAssertEqual(screen[4, 0].text, "!")
        XCTAssertEqual(DisplayWidth.cellScalars(screen[3, 0].text).map(\.value), [0x65, 0x301])
    }

    func testZeroWidthAndBidiCharactersTakeNoColumn() {
        for invisible in ["\u{200B}", "\u{200D}", "\u{202E}", "\u{2066}", "\u{200F}", "\u{FEFF}", "\u{061C}"] {
            var screen = Screen(width: 10, height: 1)
            XCTAssertEqual(screen.put("ab\(invisible)cd", x: 0, y: 0), 4, "U+\(String(invisible.unicodeScalars.first!.value, radix: 16))")
            // What the terminal is sent, cell by cell (a joiner may ride along with "b", unsent).
            let sent = (0..<4).map { x in String(String.UnicodeScalarView(DisplayWidth.cellScalars(screen[x, 0].text))) }
            XCTAssertEqual(sent.joined(), "abcd")
            XCTAssertFalse(screen.cells.contains { $0.text.unicodeScalars.contains { !DisplayWidth.isDrawable($0) } })
        }
    }

    func testAJoinedEmojiIsOneWideCellAndSendsOnlyDrawableScalars() {
        var screen = Screen(width: 10, height: 1)
        XCTAssertEqual(screen.put("👨‍👩‍👧x", x: 0, y: 0), 3)
        XCTAssertEqual(screen[0, 0].width, 2)
        XCTAssertEqual(screen[2, 0].text, "x")
        XCTAssertEqual(DisplayWidth.cellScalars("👍\u{FE0F}").map(\.value), [0x1F44D, 0xFE0F])
        XCTAssertEqual(DisplayWidth.cellScalars("\u{202E}a").map(\.value), [0x61], "no bidi override is ever sent")
    }

    /// A string's width is the sum of its characters' widths, however ASCII
    /// and the rest are mixed (the ASCII fast path must not split a character).
    func testAStringIsAsWideAsItsCharacters() {
        let samples = ["plain ascii", "▸ Understanding", "e\u{301}te\u{301}", "a\r\nb", "\r\n\u{301}x", "ok 👍\u{FE0F} ok",
                       "👨\u{200D}👩\u{200D}👧 family", "🇪🇸 es", "日本語 x", "x\u{200B}y", "tab\there", "\u{1100}\u{1161}\u{11A8}a",
                       "zoledronic\u{00AD}acid", "e\u{301}", "\u{7F}\u{1B}[31m"]
        for text in samples {
            XCTAssertEqual(DisplayWidth.of(text), text.reduce(0) { $0 + DisplayWidth.of($1) }, text.debugDescription)
        }
    }
}

extension GraphemeTests {
    /// DisplayWidth takes dashes, quotes, "…", box lines and shapes as one
    /// column without the Unicode tables: each must be what the full rule says.
    func testTheOneColumnShortcutsAgreeWithTheFullRule() {
        for range in [0x2010...0x2027, 0x2500...0x25FC] {
            for value in range {
                let scalar = Unicode.Scalar(UInt32(value))!
                let category = scalar.properties.generalCategory
                XCTAssertFalse([.nonspacingMark, .enclosingMark, .format, .lineSeparator, .paragraphSeparator].contains(category),
                               "U+\(String(value, radix: 16)) is \(category)")
                XCTAssertFalse(DisplayWidth.wide.contains { $0.contains(UInt32(value)) }, "U+\(String(value, radix: 16)) is wide")
                XCTAssertEqual(DisplayWidth.of(Character(scalar)), 1)
            }
        }
    }
}

extension GraphemeTests {
    /// Writing over either half of a wide character blanks its other half,
    /// so no half-character is ever sent to the terminal.
    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(width: 6, height: 1)
        screen.put("日本", x: 0, y: 0)
        screen.put("x", x: 1, y: 0)          // the right half of 日
        XCTAssertEqual(screen[0, 0], .blank)
        XCTAssertEqual(screen[1, 0].text, "x")
        XCTAssertEqual(screen[2, 0].text, "本")
        screen.put("y", x: 2, y: 0)          // the left half of 本
        XCTAssertEqual(screen[2, 0].text, "y")
        XCTAssertEqual(screen[3, 0], .blank)
        XCTAssertEqual(screen.line(0), " xy")
    }
}

import BedsideContent
import BedsideTerminal
import BedsideUI
import CCurses
import XCTest

/// The terminal backend's own logic, without a terminal: raw codes to keys,
/// ASCII fallbacks, and its error messages from the catalogue.
final class KeyDecoderTests: XCTestCase {
    func testControlCodesAreKeysAndNeverText() {
        XCTAssertEqual(KeyDecoder.character(9), .tab)
        XCTAssertEqual(KeyDecoder.character(10), .enter)
        XCTAssertEqual(KeyDecoder.character(13), .enter)
        XCTAssertEqual(KeyDecoder.character(8), .backspace)
        XCTAssertEqual(KeyDecoder.character(127), .backspace)
        XCTAssertEqual(KeyDecoder.character(24), .ctrl("x"), "Ctrl-X, the first key of the staff exit")
        XCTAssertEqual(KeyDecoder.character(11), .ctrl("k"))
        XCTAssertEqual(KeyDecoder.character(3), .ctrl("c"))
        for code: UInt32 in [0, 28, 29, 30, 31] + Array(0x80...0x9F) {
            XCTAssertEqual(KeyDecoder.character(code), .unknown, "code \(code) must not become text")
        }
        XCTAssertEqual(KeyDecoder.character(0x61), .char("a"))
        XCTAssertEqual(KeyDecoder.character(0xF1), .char("ñ"))
        XCTAssertEqual(KeyDecoder.character(0xD800), .unknown, "a lone surrogate is not a character")
    }

    func testCursesKeyCodes() {
        XCTAssertEqual(KeyDecoder.functionKey(KEY_UP), .up)
        XCTAssertEqual(KeyDecoder.functionKey(KEY_NPAGE), .pageDown)
        XCTAssertEqual(KeyDecoder.functionKey(KEY_BTAB), .backTab)
        XCTAssertEqual(KeyDecoder.functionKey(KEY_F0 + 1), .function(1))
        XCTAssertEqual(KeyDecoder.functionKey(KEY_F0 + 24), .function(24))
        XCTAssertEqual(KeyDecoder.functionKey(KEY_F0 + 25), .unknown)
        XCTAssertEqual(KeyDecoder.functionKey(-1), .unknown)
    }

    func testASCIIFallbacks() {
        XCTAssertEqual(KeyDecoder.asciiFallback("─"), "-")
        XCTAssertEqual(KeyDecoder.asciiFallback("│"), "-")
        XCTAssertEqual(KeyDecoder.asciiFallback("\u{201C}"), "\"")
        XCTAssertEqual(KeyDecoder.asciiFallback("\u{2019}"), "'")
        XCTAssertEqual(KeyDecoder.asciiFallback("•"), "*")
        XCTAssertEqual(KeyDecoder.asciiFallback("—"), "-")
        XCTAssertEqual(KeyDecoder.asciiFallback("é"), "?")
        XCTAssertEqual(KeyDecoder.asciiFallback("a"), "a")
    }

    func testErrorsSpeakTheCataloguesWords() {
        let english = Catalogue()
        XCTAssertEqual(TerminalError.cannotDrawScreens("dumb").describe(english),
                       "this terminal (TERM=dumb) cannot show the full-screen browser: use 'bedside list' and 'bedside read ID' for plain text, or set TERM (for example TERM=xterm-256color)")
        let spanish = Catalogue(texts: ["term-not-a-terminal": "bedside necesita una terminal"])
        XCTAssertEqual(TerminalError.notATerminal.describe(spanish), "bedside necesita una terminal")
    }
}

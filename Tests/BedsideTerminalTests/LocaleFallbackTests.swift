import BedsideTerminal
import XCTest

/// A Spanish reader's terminal often says es_US.UTF-8, which a fresh Debian
/// has not generated: bedside still draws UTF-8 (C.UTF-8), not '?' for every accent.
final class LocaleFallbackTests: XCTestCase {
    func testTheFirstSetLocaleVariableDecides() {
        XCTAssertTrue(LocaleFallback.asksForUTF8(["LANG": "es_US.UTF-8"]))
        XCTAssertTrue(LocaleFallback.asksForUTF8(["LC_CTYPE": "es_MX.utf8", "LANG": "C"]))
        XCTAssertFalse(LocaleFallback.asksForUTF8(["LC_ALL": "C", "LANG": "es_US.UTF-8"]), "LC_ALL wins")
        XCTAssertFalse(LocaleFallback.asksForUTF8(["LANG": "es_ES.ISO-8859-1"]))
        XCTAssertFalse(LocaleFallback.asksForUTF8([:]))
        XCTAssertTrue(LocaleFallback.asksForUTF8(["LC_ALL": "", "LANG": "en_US.UTF-8"]), "an empty variable is unset")
    }
}

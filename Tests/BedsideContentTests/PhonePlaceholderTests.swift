@testable import BedsideContent
import XCTest

final class PhonePlaceholderTests: XCTestCase {
    /// The byte scan finds "{phone:" wherever `String.contains` would, and nowhere else.
    func testThePlaceholderScanAgreesWithContains() {
        let texts = ["", "{phone:", "{phone", "x{phone:after-hours}", "{{phone:a}", "Llame al {phone:after-hours}, día y noche",
                     "{PHONE:x}", "phone:{x}", "日本{phone:care-team}", "{phon:e}", String(repeating: "{", count: 40) + "phone:"]
        for text in texts {
            XCTAssertEqual(PhonePlaceholder.hasPlaceholder(text), text.contains("{phone:"), text)
        }
        XCTAssertEqual(PhonePlaceholder.names(in: "Call {phone:after-hours}.\nOr {phone:care-team}").map(\.name), ["after-hours", "care-team"])
        XCTAssertEqual(PhonePlaceholder.plain("Call {phone:after-hours} now", as: "number"), "Call number now")
    }
}

import BedsideWiring
import XCTest

final class PINCheckTests: XCTestCase {
    // Made with `openssl passwd -6 -salt bedsidesalt 4711`.
    let sha512 = "$6$bedsidesalt$q9.ZtgVMGqx8MRwNW2l0wPiY0Y1gf86yRlcqfg8Okr9n6kHNeYJ8SetrEBKCNQZYY5nTCBlAa7uhqwE.IExNW/"

    func testTheRightPINMatchesAndWrongOnesDoNot() {
        XCTAssertTrue(PINCheck.matches(pin: "4711", hash: sha512))
        for wrong in ["4712", "471", "47110", "", " 4711", "4711 "] {
            XCTAssertFalse(PINCheck.matches(pin: wrong, hash: sha512), wrong)
        }
    }

    func testMissingOrBrokenHashesNeverMatch() {
        XCTAssertFalse(PINCheck.matches(pin: "4711", hash: nil))
        XCTAssertFalse(PINCheck.matches(pin: "4711", hash: ""))
        XCTAssertFalse(PINCheck.matches(pin: "4711", hash: "$6$..."))
        XCTAssertFalse(PINCheck.matches(pin: "4711", hash: "4711"))
        XCTAssertFalse(PINCheck.matches(pin: "*0", hash: "$9$nonsense"))
    }
}

import XCTest
@testable import BedsidePack
import BedsideContent
import BedsideSearch

final class PackRoundTripTests: XCTestCase {
    func testPlaceholder() {}
}

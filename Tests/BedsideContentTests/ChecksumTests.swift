import XCTest
@testable import BedsideContent

/// The pack's checksum: every pack ever written depends on its exact values.
final class ChecksumTests: XCTestCase {
    /// Worked out independently (a Python copy of the algorithm), so a change
    /// to the algorithm fails here before it makes every shipped pack "damaged".
    func testKnownValues() {
        XCTAssertEqual(Checksum.of(Array(0..<100)), 0xF2F9_9F3D_820D_A3D2)
        XCTAssertEqual(Checksum.of([UInt8]()), 0x85AC_2032_A199_5E27)
        XCTAssertEqual(Checksum.of((0..<1000).map { UInt8(($0 * 7) & 255) }), 0x0400_5DD3_7797_8C61)
    }
}

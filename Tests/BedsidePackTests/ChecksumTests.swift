import XCTest
import BedsideContent

/// A pack's sections are checked through a small buffer read from the file
/// (so the check leaves nothing resident): that must give exactly the
/// checksum of the bytes in one piece, for every length and alignment.
final class ChecksumTests: XCTestCase {
    func testReadInPiecesIsTheChecksumOfTheWhole() {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        for count in Array(0...300) + [65_535, 65_536, 65_537, 131_104, 299_999] {
            let whole = bytes.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            var reads = 0
            let pieces = Checksum.of(count: count) { offset, buffer in
                reads += 1
                bytes.withUnsafeBytes { source in
                    buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + buffer.count)]))
                }
                return true
            }
            XCTAssertEqual(pieces, whole, "\(count) bytes")
            if count > 1 << 17 { XCTAssertGreaterThan(reads, 2, "read in pieces") }
        }
    }

    func testAFailedReadGivesNoChecksum() {
        XCTAssertNil(Checksum.of(count: 100) { _, _ in false })
        XCTAssertNotNil(Checksum.of(count: 0) { _, _ in false }, "nothing to read")
    }
}

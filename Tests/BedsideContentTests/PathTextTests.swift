@testable import BedsideContent
import XCTest

/// The quick "nothing to remove" scan must agree with the full normaliser on
/// every path, or a relative link would resolve to a different topic.
final class PathTextTests: XCTestCase {
    func testTheQuickScanAgreesWithTheFullNormaliserOnEveryShortPath() {
        let parts = ["a", "bc", ".", "..", "", "...", ".a", "a.", "b..c"]
        var paths: [String] = [""]
        for length in 1...4 {
            var next: [[String]] = [[]]
            for _ in 0..<length { next = next.flatMap { prefix in parts.map { prefix + [$0] } } }
            paths += next.map { $0.joined(separator: "/") }
        }
        paths += paths.map { "/" + $0 }
        XCTAssertGreaterThan(paths.count, 10_000)
        var normal = 0
        for path in paths {
            let slow = PathText.normalizeBySplitting(path)
            if PathText.isNormal(path) { XCTAssertEqual(slow, path, "the scan passed '\(path)'") }
            XCTAssertEqual(PathText.normalize(path), slow, "'\(path)'")
            if PathText.isNormal(path) { normal += 1 }
        }
        XCTAssertGreaterThan(normal, 1000)
    }
}

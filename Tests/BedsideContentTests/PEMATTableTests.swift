import BedsideContent
import Foundation
import XCTest

/// docs/pemat.md is the record of PEMAT-P actionability (issue 12): every
/// shipped topic has a row, each score is what its items add up to, and every
/// score is at least 70%.
final class PEMATTableTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testEveryTopicIsScoredAtLeast70PercentAndEachScoreAddsUp() throws {
        let text = try String(contentsOf: Self.repo.appendingPathComponent("docs/pemat.md"), encoding: .utf8)
        let store = ContentLoader.load(root: Self.repo.appendingPathComponent("Content").path)
        var scored: [String: Int] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("| topic id") && !line.hasPrefix("| item") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 10, store.topic(cells[1]) != nil else { continue }
            let items = cells[2...8]
            let applicable = items.filter { $0 != "N/A" }
            let points = applicable.filter { $0 == "1" }.count
            XCTAssertTrue(items.allSatisfy { ["0", "1", "N/A"].contains($0) }, "\(cells[1]): \(items)")
            let score = try XCTUnwrap(Int(cells[9]), "\(cells[1]) has no score")
            XCTAssertEqual(score, points * 100 / applicable.count, "\(cells[1]): the score must be the items' sum")
            XCTAssertGreaterThanOrEqual(score, 70, cells[1])
            XCTAssertNil(scored[cells[1]], "\(cells[1]) is scored twice")
            scored[cells[1]] = score
        }
        XCTAssertEqual(Set(scored.keys), Set(store.topics.map(\.id)), "every topic, and only topics, has a row")
    }
}

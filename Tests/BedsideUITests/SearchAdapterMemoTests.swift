import XCTest
import BedsideContent
import BedsideWiring
@testable import BedsideUI

/// The adapter keeps the answers to its last queries (typing goes back over
/// itself). A kept answer must be the answer: the same as a fresh adapter's,
/// after the memo has filled and dropped older queries, and never another
/// query's.
final class SearchAdapterMemoTests: XCTestCase {
    func testKeptAnswersAreTheAnswers() {
        let adapter = SearchAdapter(store: Shipped.store)
        let queries = ["bone pain", "Bone pain", "bone pai", "can't pee", "very thirsty", "broke my hip", "numb legs",
                       "zoledronic", "radiation", "xyzzy"]
            + (0..<40).map { "query \($0)" }
        let first = queries.map { adapter.search($0) }
        let again = queries.reversed().map { adapter.search($0) }.reversed()
        let fresh = SearchAdapter(store: Shipped.store)
        for (i, query) in queries.enumerated() {
            let expected = fresh.search(query)
            XCTAssertEqual(first[i].hits, expected.hits, query)
            XCTAssertEqual(first[i].suggestion, expected.suggestion, query)
            XCTAssertEqual(Array(again)[i].hits, expected.hits, query)
        }
        XCTAssertFalse(first[0].hits.isEmpty)
        XCTAssertNotEqual(first[0].hits, first[3].hits, "different queries, different answers")
    }
}

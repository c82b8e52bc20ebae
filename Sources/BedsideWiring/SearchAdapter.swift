import BedsideContent
import BedsideUI
import BedsideSearch
import Foundation

/// Connects BedsideSearch to the UI's `search` seam. The index is built on the
/// first query, not at start-up, so the first screen appears as fast as possible.
public final class SearchAdapter: @unchecked Sendable {
    private let store: ContentStore
    private var index: SearchIndex?
    private let lock = NSLock()

    public init(store: ContentStore) { self.store = store }

    public func search(_ query: String) -> (hits: [SearchHit], suggestion: String?) {
        lock.lock()
        if index == nil { index = SearchIndex(store: store) }
        let index = self.index!
        lock.unlock()
        guard !query.trimmingCharacters(in: .whitespaces).isEmpty else { return ([], nil) }
        let hits = index.search(query, limit: 20).map { result in
            SearchHit(kind: SearchHit.Kind(rawValue: result.kind.rawValue) ?? .topic, id: result.id, title: result.title,
                      snippet: result.snippet.text, highlights: result.snippet.highlights, score: result.score)
        }
        return (hits, index.suggestion(for: query))
    }
}

import BedsideContent
import BedsideUI
import BedsideSearch
import BedsidePack
import Foundation

/// Connects BedsideSearch to the UI's `search` seam. The index is built on the
/// first query, not at start-up, so the first screen appears as fast as possible.
public final class SearchAdapter: @unchecked Sendable {
    private let store: ContentStore
    private let pack: PackedContent?
    private var index: SearchIndex?
    private let lock = NSLock()

    /// - Parameter pack: where the store came from; its index is used when
    ///   the store's topics came from it, so nothing is built at all.
    public init(store: ContentStore, pack: PackedContent? = nil) {
        self.store = store
        self.pack = pack
    }

    private func readyIndex() -> SearchIndex {
        lock.lock()
        defer { lock.unlock() }
        if index == nil { index = pack?.searchIndex(for: store) ?? SearchIndex(store: store) }
        return index!
    }

    /// Opens a pack's index now, so the first query finds it ready: for a
    /// background thread once the first screen is up. Without a usable pack
    /// nothing is built here: a session that never searches (most kiosk
    /// visits) never holds an index of its own.
    public func openPackedIndex() {
        lock.lock()
        defer { lock.unlock() }
        if index == nil { index = pack?.searchIndex(for: store) }
    }

    /// Whether this language knows every meaningful word of `query` (see `SearchIndex.understands`).
    public func understands(_ query: String) -> Bool { readyIndex().understands(query) }

    public func search(_ query: String) -> (hits: [SearchHit], suggestion: String?) {
        let index = readyIndex()
        guard !query.trimmingCharacters(in: .whitespaces).isEmpty else { return ([], nil) }
        let answer = recent.value(query) {
            let hits = index.search(query, limit: 20).map { result in
                SearchHit(kind: SearchHit.Kind(rawValue: result.kind.rawValue) ?? .topic, id: result.id, title: result.title,
                          snippet: result.snippet.text, highlights: result.snippet.highlights, score: result.score)
            }
            return Answer(hits: hits, suggestion: index.suggestion(for: query))
        }
        return (answer.hits, answer.suggestion)
    }

    private struct Answer {
        var hits: [SearchHit]
        var suggestion: String?
    }

    /// The last queries' answers. Search runs at every keystroke, and typing
    /// goes back over itself: Backspace, then the same letter again, gives a
    /// query just answered. The index never changes under an adapter, so an
    /// answer stays right.
    private let recent = LeastRecentlyUsed<String, Answer>(capacity: 32)
}

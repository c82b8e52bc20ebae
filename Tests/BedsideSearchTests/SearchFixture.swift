import BedsideContent
import Foundation
@testable import BedsideSearch

/// A throwaway content folder of small topics, removed when the test ends.
final class SearchFixture {
    let root: String
    let store: ContentStore

    /// `topics`: id -> (title, body). `synonyms`: the synonyms.yaml text, if any.
    init(topics: [String: (title: String, body: String)], glossary: String? = nil, synonyms: String? = nil) throws {
        root = NSTemporaryDirectory() + "bedside-search-fixture-" + UUID().uuidString
        var files = ["sections.yaml": "language: english\nsections:\n  - id: symptoms\n    title: Symptoms\n"]
        for (id, topic) in topics {
            files["topics/symptoms/\(id).md"] = """
                ---
                id: \(id)
                title: \(topic.title)
                summary: About \(topic.title.lowercased()).
                section: symptoms
                sources:
                  - title: A source
                    organisation: An organisation
                reviewed: 2026-11-01
                ---
                \(topic.body)
                """
        }
        if let glossary { files["glossary/terms.yaml"] = glossary }
        if let synonyms { files["search/synonyms.yaml"] = synonyms }
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        store = ContentLoader.load(root: root)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func index() -> SearchIndex { SearchIndex(store: store) }
}

/// The shipped Content/ folder, found from this file's path.
enum ShippedContent {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Content").path
    static let store = ContentLoader.load(root: root)
    static let index = SearchIndex(store: store)
}

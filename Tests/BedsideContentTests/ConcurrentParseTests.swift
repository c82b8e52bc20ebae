import BedsideContent
import Foundation
import XCTest

/// cmark-gfm keeps the extensions' special characters in one process-wide
/// table, switched on and off by every parse (github/cmark-gfm#176): two parses
/// at once corrupted the heap of a release build when both languages loaded at
/// the same time. MarkdownParser runs one parse at a time; this proves that
/// parsing on many threads at once gives exactly what one thread gives.
final class ConcurrentParseTests: XCTestCase {
    func testParsingOnManyThreadsAtOnceGivesTheSameDocuments() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content").path
        var bodies: [String] = []
        for language in [ContentLanguage.en, .es] {
            let store = ContentLoader.load(root: root, language: language)
            bodies += store.topics.compactMap { store.body(of: $0.id) }
        }
        XCTAssertGreaterThan(bodies.count, 90)
        // Text that leans on the extensions' characters ('w' and ':' for autolinks, '~').
        let heavy = (0..<40).map { n in
            (0..<60).map { k in "Line \(k): see www.example\(n).org or https://site\(k).org/page, ~~old~~ new, ~~gone~~." }
                .joined(separator: "\n\n")
        }
        let texts = bodies + heavy
        let expected = texts.map { MarkdownParser.parse($0) }
        let results = ResultBox(count: texts.count * 4)
        DispatchQueue.concurrentPerform(iterations: texts.count * 4) { i in
            results.set(i, MarkdownParser.parse(texts[i % texts.count]))
        }
        var differing = 0
        for i in 0..<(texts.count * 4) where results.get(i) != expected[i % texts.count] { differing += 1 }
        XCTAssertEqual(differing, 0, "documents parsed beside others came out differently")
    }
}

private final class ResultBox: @unchecked Sendable {
    private var documents: [Document?]
    private let lock = NSLock()
    init(count: Int) { documents = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ document: Document) { lock.lock(); documents[i] = document; lock.unlock() }
    func get(_ i: Int) -> Document? { lock.lock(); defer { lock.unlock() }; return documents[i] }
}

import BedsideContent
import Testing
@testable import BedsideSearch

/// The index is built from runs of documents scanned in parallel. Term ids
/// are handed out in order of first use over all documents, so the index
/// must be identical whatever the number of runs, including one run (the
/// plain sequential pass).
@Suite struct ParallelBuildTests {
    static func build(_ store: ContentStore, chunks: Int) -> IndexData {
        let documents = SearchDocument.all(in: store)
        let positions = Array(store.topics.indices) + Array(store.glossary.indices) + Array(store.flows.indices)
        return IndexBuilder.build(documents: documents, positions: positions, language: store.manifest.language, chunks: chunks) {
            SynonymsFile.load(contentRoot: store.root).groups.map(\.phrases)
                + store.glossary.map(\.spellings).filter { $0.count > 1 }
        }
    }

    @Test func theShippedIndexIsTheSameForAnyNumberOfRuns() {
        let store = ShippedContent.store
        let sequential = Self.build(store, chunks: 1)
        #expect(sequential.documents.count > 100)
        #expect(sequential.termCount > 1000)
        for chunks in [2, 3, 5, 16, 1000] {
            let parallel = Self.build(store, chunks: chunks)
            // Compared as a Bool: printing two whole indexes on failure helps nobody.
            let same = parallel == sequential
            #expect(same, "\(chunks) runs: term ids \(parallel.termCount) vs \(sequential.termCount), first surface words \(parallel.surfaceWords.prefix(5).map { String(decoding: $0, as: UTF8.self) })")
        }
    }

    @Test func accentedAndDecomposedSpellingsAreOneWordInAnyRun() throws {
        let fixture = try SearchFixture(topics: [
            "a": ("Café talk", "The CAFÉ is open. Naïve questions are fine."),
            "b": ("Etude", "An e\u{301}tude and an étude. Cafe\u{301} and cafe."),
            "c": ("Naive", "naive NAÏVE na\u{131}ve"),
            "d": ("Plain", "nothing special here at all"),
        ], synonyms: "groups:\n  - [café, coffee shop]\n  - [étude, study]\n")
        let sequential = Self.build(fixture.store, chunks: 1)
        let words = Set(sequential.surfaceWords.map { String(decoding: $0, as: UTF8.self) })
        #expect(words.contains("cafe") && words.contains("etude") && words.contains("naive"))
        #expect(!words.contains("café") && !words.contains("étude"), "folded: one spelling each")
        #expect(sequential.surfaceWords.count == words.count, "no word twice")
        for chunks in [2, 3, 4] {
            let same = Self.build(fixture.store, chunks: chunks) == sequential
            #expect(same, "\(chunks) runs")
        }
    }

    @Test func runsSplitTheTextEvenlyAndCoverEveryDocument() {
        let documents = SearchDocument.all(in: ShippedContent.store)
        for count in [1, 2, 3, 7] {
            let runs = IndexBuilder.balancedRuns(documents, count: count)
            #expect(runs.count == count)
            #expect(runs.first?.lowerBound == 0 && runs.last?.upperBound == documents.count)
            #expect(zip(runs, runs.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound && !$0.isEmpty })
        }
        let halves = IndexBuilder.balancedRuns(documents, count: 2).map { run in
            documents[run].reduce(0) { $0 + $1.fields.reduce(0) { $0 + $1.utf8.count } }
        }
        let largest = documents.map { $0.fields.reduce(0) { $0 + $1.utf8.count } }.max() ?? 0
        #expect(abs(halves[0] - halves[1]) <= largest, "\(halves): as even as whole documents allow")
        #expect(IndexBuilder.balancedRuns(Array(documents.prefix(2)), count: 5).count == 2, "never more runs than documents")
        #expect(IndexBuilder.balancedRuns([], count: 3) == [0..<0])
    }
}

/// The built index: integer term ids and flat arrays, so a query touches
/// little memory and no per-document objects. Immutable once built.
/// Equatable so tests can check that parallel and sequential builds agree.
/// The big arrays are `Column`s, so an index opened from a content pack
/// reads them in place from the mapped file (see IndexPacking.swift).
struct IndexData: Sendable, Equatable {
    var language: String
    var stopWords: Set<String>
    var documents: [DocumentEntry]

    // Terms are Snowball stems. Postings of term t are postingDocs/postingScores
    // in postingStart[t] ..< postingStart[t + 1], in document order. A posting's
    // score is its whole BM25F contribution (it does not depend on the query).
    var stemIDs: [String: Int32]
    var postingStart: Column<Int32>
    var postingDocs: Column<Int32>
    var postingScores: Column<Float>
    /// Each term's inverse document frequency (how telling it is).
    var termIDF: Column<Float>

    // Surface words: every word as written (folded) in the content or the
    // synonyms, for typo and prefix matching. `sortedSurface` orders them for
    // prefix ranges; `surfaceByLength[n]` lists the words of n bytes.
    var surfaceIDs: [String: Int32]
    var surfaceWords: WordBytes
    var surfaceTerm: Column<Int32>
    var sortedSurface: Column<Int32>
    var surfaceByLength: [[Int32]]

    // Synonym groups: each is a list of alternatives (term sequences).
    // `phrasesByFirstTerm[t]` lists the phrases starting with term t.
    var groups: [[[Int32]]]
    var phrasesByFirstTerm: [Int32: [Phrase]]
    /// Terms that belong to at least one synonym group.
    var termInGroup: [Bool]

    // The forward index, for snippets: each document's words (term ids) in
    // its snippet fields, and where its sentences start. Document d's words
    // are forwardTerms[forwardStart[d] ..< forwardStart[d + 1]]; its sentences
    // are sentenceTokens/sentenceFields[sentenceStart[d] ..< sentenceStart[d + 1]].
    var forwardTerms: Column<Int32>
    var forwardStart: Column<Int32>
    var sentenceTokens: Column<Int32>
    var sentenceFields: Column<UInt8>
    /// UTF-8 offset of each sentence's first word in its field's text.
    var sentenceBytes: Column<Int32>
    var sentenceStart: Column<Int32>

    /// The fields snippets come from, most telling first.
    static let snippetFields: [SearchField] = [.summary, .body, .headings, .alsoCalled]

    var termCount: Int { postingStart.count - 1 }

    func documentFrequency(_ term: Int32) -> Int {
        Int(postingStart[Int(term) + 1] - postingStart[Int(term)])
    }

    /// A term is worth matching if some document has it or a synonym group knows it.
    func isKnown(_ term: Int32) -> Bool {
        documentFrequency(term) > 0 || termInGroup[Int(term)]
    }

    /// An estimate of the bytes the index holds (arrays and dictionaries).
    var memoryBytes: Int {
        var bytes = forwardTerms.count * 4 + forwardStart.count * 4 + sentenceTokens.count * 9 + sentenceStart.count * 4
        bytes += termIDF.count * 4 + postingStart.count * 4 + postingDocs.count * 4 + postingScores.count * 4
        bytes += stemIDs.count * 48 + surfaceIDs.count * 48
        bytes += surfaceWords.bytes.count + surfaceWords.count * 4 + surfaceTerm.count * 4 + sortedSurface.count * 4
        bytes += surfaceByLength.reduce(0) { $0 + $1.count * 4 + 32 }
        bytes += groups.reduce(0) { $0 + $1.reduce(32) { $0 + $1.count * 4 + 32 } }
        bytes += phrasesByFirstTerm.values.reduce(0) { $0 + $1.reduce(48) { $0 + $1.terms.count * 4 + $1.groups.count * 4 + 64 } }
        bytes += documents.reduce(0) { $0 + $1.id.utf8.count + $1.title.utf8.count + 64 }
        return bytes + termInGroup.count
    }
}

struct DocumentEntry: Sendable, Equatable {
    var id: String
    var kind: SearchKind
    var title: String
    /// Index into the store's topics, glossary or flows, to rebuild snippet text.
    var position: Int
}

struct Phrase: Sendable, Equatable {
    var terms: [Int32]
    var groups: [Int32]
}

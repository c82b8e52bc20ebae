import BedsideContent
import Foundation

/// A marked-up extract of a result: `highlights` are ranges of Character
/// offsets into `text` (grapheme clusters, as a terminal shows them).
public struct Snippet: Equatable, Sendable {
    public var text: String
    public var highlights: [Range<Int>]
    public init(text: String, highlights: [Range<Int>]) {
        self.text = text
        self.highlights = highlights
    }
}

public struct SearchResult: Equatable, Sendable {
    public var id: String
    public var kind: SearchKind
    public var title: String
    public var score: Double
    public var snippet: Snippet
}

/// The search index over a content store's topics, glossary and flows:
/// BM25F over weighted fields, Snowball stems, lay synonyms (synonyms.yaml
/// plus every also-called list of the glossary), typo matching, and the last
/// word matched as a prefix so results follow each keystroke.
/// Built in memory; nothing is written to disk.
public struct SearchIndex: Sendable {
    let data: IndexData
    let store: ContentStore
    /// Work kept between keystrokes: each keystroke asks again for the same
    /// typo readings and the same result pages' text (a third of the time of
    /// search-as-you-type went to working them out again).
    let memo = SearchMemo()
    /// Problems in the synonyms file (the index still builds without them).
    public let diagnostics: [Diagnostic]

    /// - Parameter synonyms: groups of words that mean the same; nil reads
    ///   `search/synonyms.yaml` from the store's folder.
    public init(store: ContentStore, synonyms: [SynonymGroup]? = nil) {
        var diagnostics: [Diagnostic] = []
        let documents = SearchDocument.all(in: store)
        let positions = Array(store.topics.indices) + Array(store.glossary.indices) + Array(store.flows.indices)
        // The closure runs on a worker thread; `build` returns only after every
        // job has finished, so reading `diagnostics` afterwards is safe.
        data = IndexBuilder.build(documents: documents, positions: positions, language: store.manifest.language) {
            var groups: [[String]]
            if let synonyms {
                groups = synonyms.map(\.phrases)
            } else {
                let loaded = SynonymsFile.load(contentRoot: store.root, language: store.language)
                groups = loaded.groups.map(\.phrases)
                diagnostics = loaded.diagnostics
            }
            // Each glossary term and its also-called names mean the same thing.
            return groups + store.glossary.map(\.searchSpellings).filter { $0.count > 1 }
        }
        self.store = store
        self.diagnostics = diagnostics
    }

    init(data: IndexData, store: ContentStore, diagnostics: [Diagnostic]) {
        self.data = data
        self.store = store
        self.diagnostics = diagnostics
    }

    public var documentCount: Int { data.documents.count }
    public var termCount: Int { data.termCount }
    /// Roughly how many bytes the index itself holds (not the content store).
    public var memoryBytes: Int { data.memoryBytes }
    /// The Snowball stemmer in use ("english", or a fallback).
    public var language: String { data.language }

    /// The best matches for `query`, best first. The last word also matches as
    /// a prefix unless the query ends with a space.
    public func search(_ query: String, limit: Int = 10) -> [SearchResult] {
        guard limit > 0 else { return [] }
        let planner = makePlanner()
        let clauses = planner.plan(query)
        guard !clauses.isEmpty else { return [] }
        let candidates = Scorer(data: data).rank(clauses, limit: max(limit, NameMatch.candidates))
        let ranked = reranked(candidates, planner: planner, query: query, clauses: clauses).prefix(limit)
        let snippets = SnippetMaker(data: data, store: store, planner: planner, clauses: clauses, memo: memo)
        return ranked.map { doc, score in
            let entry = data.documents[doc]
            return SearchResult(id: entry.id, kind: entry.kind, title: entry.title, score: Double(score),
                                snippet: snippets.snippet(for: doc))
        }
    }

    /// The candidates again, each lifted by how closely the query reads like its names.
    func reranked(_ candidates: [(Int, Float)], planner: QueryPlanner, query: String, clauses: [Clause]) -> [(Int, Float)] {
        let match = NameMatch(data: data, words: planner.words(query), clauses: clauses)
        let lifted = candidates.map { doc, score in
            let prepared = memo.names(doc) { names(of: doc).map { NameMatch.prepare($0, data: data, planner: planner) } }
            return (doc, score * match.lift(names: prepared))
        }
        return lifted.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    /// A document's title and other names. A packed index names positions in
    /// the store it was packed with; a position past the end (a damaged or
    /// hostile pack) leaves the title alone, not a crash.
    func names(of doc: Int) -> [String] {
        let entry = data.documents[doc]
        switch entry.kind {
        case .topic:
            let heads = store.topicHeads
            return [entry.title] + (heads.indices.contains(entry.position) ? heads[entry.position].alsoCalled : [])
        case .glossary:
            return store.glossary.indices.contains(entry.position) ? store.glossary[entry.position].searchSpellings : [entry.title]
        case .flow:
            return [entry.title] + (store.flows.indices.contains(entry.position) ? store.flows[entry.position].alsoCalled : [])
        }
    }

    private func makePlanner() -> QueryPlanner {
        QueryPlanner(data: data, stemmer: Stemmer(language: data.language), memo: memo)
    }

    /// Whether this index knows every word of `query` that carries meaning (a
    /// word being typed counts when some known word starts with it). A query
    /// this language understands is not one to offer in the other language,
    /// however well the other scores: English names sit in the Spanish
    /// glossary ("can't pee"), and the reverse.
    public func understands(_ query: String) -> Bool {
        let planner = makePlanner()
        return planner.words(query).allSatisfy { $0.isStop || planner.knows($0) }
    }

    /// "Did you mean ...": the query with its unknown words replaced by the
    /// closest known words, or nil when every word is known.
    public func suggestion(for query: String) -> String? {
        let planner = makePlanner()
        var result = Array(query.utf8)
        var changed = false
        for word in planner.words(query).reversed() where !word.isStop && !planner.knows(word) {
            guard let best = planner.typoMatches(word.token.text).first else { continue }
            result.replaceSubrange(word.token.start..<word.token.end, with: data.surfaceWords[Int(best.surface)])
            changed = true
        }
        return changed ? String(decoding: result, as: UTF8.self) : nil
    }
}

/// Adds up clause scores over postings into flat per-document arrays.
struct Scorer {
    let data: IndexData
    /// From this many concepts (clauses) on, the least telling one may be missing at no cost.
    static let concepts = 3

    func rank(_ clauses: [Clause], limit: Int) -> [(Int, Float)] {
        let n = data.documents.count
        var total = [Float](repeating: 0, count: n)
        var matchedClauses = [UInt8](repeating: 0, count: n)
        var matchedWeight = [Float](repeating: 0, count: n)
        let weights = clauses.map(telling)
        var touched: [Int32] = []
        var best = [Float](repeating: 0, count: n)
        var bestTouched: [Int32] = []
        var altScore = [Float](repeating: 0, count: n)
        var altCount = [UInt8](repeating: 0, count: n)
        var altTouched: [Int32] = []

        data.postingDocs.withUnsafeBufferPointer { docs in
            data.postingScores.withUnsafeBufferPointer { scores in
                for (c, clause) in clauses.enumerated() {
                    for alternative in clause.alternatives {
                        let w = alternative.weight
                        if alternative.terms.count == 1 {
                            let t = Int(alternative.terms[0])
                            for p in Int(data.postingStart[t])..<Int(data.postingStart[t + 1]) {
                                let d = Int(docs[p]), s = w * scores[p]
                                if best[d] == 0 { bestTouched.append(Int32(d)) }
                                if s > best[d] { best[d] = s }
                            }
                            continue
                        }
                        // A phrase: every word must be in the document.
                        for t32 in alternative.terms {
                            let t = Int(t32)
                            for p in Int(data.postingStart[t])..<Int(data.postingStart[t + 1]) {
                                let d = Int(docs[p])
                                if altCount[d] == 0 { altTouched.append(Int32(d)) }
                                altCount[d] &+= 1
                                altScore[d] += scores[p]
                            }
                        }
                        let needed = UInt8(clamping: alternative.terms.count)
                        for d32 in altTouched {
                            let d = Int(d32)
                            if altCount[d] >= needed {
                                let s = w * altScore[d]
                                if best[d] == 0 { bestTouched.append(d32) }
                                if s > best[d] { best[d] = s }
                            }
                            altCount[d] = 0
                            altScore[d] = 0
                        }
                        altTouched.removeAll(keepingCapacity: true)
                    }
                    for d32 in bestTouched {
                        let d = Int(d32)
                        if matchedClauses[d] == 0 { touched.append(d32) }
                        matchedClauses[d] &+= 1
                        matchedWeight[d] += weights[c]
                        total[d] += best[d]
                        best[d] = 0
                    }
                    bestTouched.removeAll(keepingCapacity: true)
                }
            }
        }

        // Documents that match more of the query's concepts come first.
        // Coverage counts each concept by how telling it is (IDF). A query of
        // three or more concepts may miss one without penalty ("how soon will
        // the radiation help my pain": the radiation page need not say "soon"):
        // people type words no page uses, and one such word should not sink the
        // page that has all the others. But only as much as its least telling
        // concept weighs: "little red dots all over my legs" must not find pages
        // with "over" and "legs" and no red dots.
        let allWeight = weights.reduce(0, +)
        let slack: Float = clauses.count >= Self.concepts ? (weights.min() ?? 0) : 0
        var top: [(Int, Float)] = []
        top.reserveCapacity(limit + 1)
        for d32 in touched {
            let d = Int(d32)
            let coverage = allWeight - slack > 0 ? min(1, matchedWeight[d] / (allWeight - slack)) : 1
            let score = total[d] * coverage * coverage
            if top.count == limit, let last = top.last, score <= last.1 { continue }
            var i = top.count
            while i > 0 && (top[i - 1].1 < score || (top[i - 1].1 == score && top[i - 1].0 > d)) { i -= 1 }
            top.insert((d, score), at: i)
            if top.count > limit { top.removeLast() }
        }
        return top
    }

    /// How telling a concept is: its most telling reading's IDF, at least a
    /// little, so a concept of common words still counts.
    private func telling(_ clause: Clause) -> Float {
        let idf = clause.alternatives.map { $0.terms.reduce(Float(0)) { $0 + data.termIDF[Int($1)] } }.max() ?? 0
        return max(idf, 0.5)
    }
}

/// Results of pure work on the index, kept for the next keystroke. Each is a
/// function of its key alone, so keeping them changes no answer. Each is
/// capped, and emptied when full, so a long session or a pasted page cannot grow it.
final class SearchMemo: @unchecked Sendable {
    private let typos = CappedMemo<String, [(surface: Int32, distance: Int)]>(capacity: 4096)
    private let texts = CappedMemo<Int, [String]>(capacity: 512)
    private let names = CappedMemo<Int, [[NameMatch.Word]]>(capacity: 512)

    func typoMatches(_ word: String, _ make: () -> [(surface: Int32, distance: Int)]) -> [(surface: Int32, distance: Int)] {
        typos.value(word, make)
    }

    /// A document's names, split into words and looked up (see NameMatch.prepare).
    func names(_ doc: Int, _ make: () -> [[NameMatch.Word]]) -> [[NameMatch.Word]] { names.value(doc, make) }

    /// A document's field texts (a topic's cleaned body is the costly part).
    func fields(_ doc: Int, _ make: () -> [String]) -> [String] { texts.value(doc, make) }
}

/// A dictionary of computed values behind a lock, emptied when it reaches `capacity`.
final class CappedMemo<Key: Hashable, Value>: @unchecked Sendable {
    private var values: [Key: Value] = [:]
    private let lock = NSLock()
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func value(_ key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        if let known = values[key] { lock.unlock(); return known }
        lock.unlock()
        let made = make()
        lock.lock()
        if values.count >= capacity { values.removeAll(keepingCapacity: true) }
        values[key] = made
        lock.unlock()
        return made
    }
}

import BedsideContent

/// How closely a query reads like a document's name: its title or one of its
/// other names (also-called, a glossary term's spellings).
///
/// BM25F scores words one at a time, so it cannot tell "cancers that spred to
/// bone" (a topic's title, one letter wrong) from a page that merely has the
/// same three words. People who type a page's name want that page, so the best
/// few candidates are re-ranked by this closeness. Words count by how telling
/// they are (IDF), so a shared common phrase ("… all the time") adds little
/// against the query's content words, and a word matches best as typed, then as
/// the same stem, a one-letter typo, or a synonym.
struct NameMatch {
    /// How many of the best candidates are re-ranked.
    static let candidates = 40
    /// How much a name that the query covers lifts a candidate.
    static let recallLift: Float = 0.6
    /// How much more it lifts when the query is that name and little else.
    static let closeLift: Float = 1.4
    /// Stop words still say something about word order and phrasing ("that",
    /// "to"), but little.
    static let stopWordWeight: Float = 0.15

    /// The title counts more than the other names: when a topic's title and
    /// a glossary term's other name are the same words ("Bone biopsy"), the
    /// page with that title is the one being named. 0.95 was enough while BM25
    /// saturated early (k1 1.2); with k1 6 the glossary word's own score grew,
    /// and "bone biopy" found the glossary's "biopsy" first, so 0.85 (the
    /// largest share that keeps every mistyped title first; tuned MRR 0.951
    /// English, 0.987 Spanish, against 0.953 and 0.988 at 0.95).
    static let otherNameShare: Float = 0.85

    struct Word {
        var text: [UInt8]
        var term: Int32?
        var weight: Float
    }

    let query: [Word]
    private let queryTotal: Float
    /// Every single-term alternative of the query's clauses (synonyms, typo readings).
    let alternatives: Set<Int32>

    init(data: IndexData, words: [QueryWord], clauses: [Clause]) {
        var alternatives = Set<Int32>()
        for clause in clauses { for alternative in clause.alternatives { alternatives.formUnion(alternative.terms) } }
        self.alternatives = alternatives
        query = words.map { word in
            let known = word.term.flatMap { data.isKnown($0) ? $0 : nil }
            return Word(text: Array(word.token.text.utf8), term: known,
                        weight: Self.weight(term: known, isStop: word.isStop, data: data))
        }
        queryTotal = query.reduce(0) { $0 + $1.weight }
    }

    static func weight(term: Int32?, isStop: Bool, data: IndexData) -> Float {
        if isStop { return stopWordWeight }
        // A word the content does not have (a typo) counts as a fairly telling one.
        guard let term, data.documentFrequency(term) > 0 else { return 2 }
        return max(data.termIDF[Int(term)], stopWordWeight)
    }

    /// A name's words as this index sees them. Names do not change, so a
    /// document's are worked out once (SearchMemo) and not on every keystroke.
    static func prepare(_ name: String, data: IndexData, planner: QueryPlanner) -> [Word] {
        Tokenizer.tokens(name).map { token in
            let term = planner.term(token.text)
            return Word(text: Array(token.text.utf8), term: term,
                        weight: weight(term: term, isStop: data.stopWords.contains(token.text), data: data))
        }
    }

    /// The lift for a document with these names, its title first: 1 when no name is near the query.
    func lift(names: [[Word]]) -> Float {
        var best: Float = 0
        for (i, name) in names.enumerated() {
            let (recall, precision) = closeness(to: name)
            let share = i == 0 ? 1 : Self.otherNameShare
            best = max(best, share * recall * (Self.recallLift + Self.closeLift * precision * precision))
        }
        return 1 + best
    }

    /// How much of the name the query has (recall) and how much of the query is
    /// the name (precision), both weighted by how telling each word is.
    func closeness(to words: [Word]) -> (recall: Float, precision: Float) {
        guard !words.isEmpty, !query.isEmpty, queryTotal > 0 else { return (0, 0) }
        var queryMatched = [Float](repeating: 0, count: query.count)
        var nameTotal: Float = 0, nameMatched: Float = 0
        var scratch = EditDistance.Scratch()
        for word in words {
            nameTotal += word.weight
            var best: Float = 0, bestIndex = -1
            for (i, q) in query.enumerated() {
                var match: Float = 0
                if q.text == word.text {
                    match = 1
                } else if let term = word.term, q.term == term {
                    match = 0.85
                } else if word.text.count >= 4, q.text.count >= 4, q.term == nil,
                          EditDistance.distance(q.text, word.text, limit: 1, scratch: &scratch) != nil {
                    match = 0.75
                }
                if match > best { best = match; bestIndex = i }
            }
            if best == 0, let term = word.term, alternatives.contains(term) {
                best = 0.6 // a synonym of some query word ("chemo" for "chemotherapy")
            }
            nameMatched += word.weight * best
            if bestIndex >= 0 { queryMatched[bestIndex] = max(queryMatched[bestIndex], best) }
        }
        guard nameMatched > 0 else { return (0, 0) }
        let queryHit = zip(query, queryMatched).reduce(0) { $0 + $1.0.weight * $1.1 }
        return (nameTotal > 0 ? nameMatched / nameTotal : 0, queryHit / queryTotal)
    }
}

/// How much each way of matching a query word counts. Exact beats a
/// synonym, which beats a completion of the word being typed, which beats a typo.
enum MatchWeight {
    static let exact: Float = 1.0
    static let synonym: Float = 0.8
    static let completion: Float = 0.6
    static let typo1: Float = 0.55
    static let typo2: Float = 0.4
}

/// One way to satisfy a clause: all its terms must be in the document.
struct Alternative {
    var terms: [Int32]
    var weight: Float
}

/// One concept of the query (a word or a synonym phrase); a document scores
/// the best of the clause's alternatives.
struct Clause {
    var alternatives: [Alternative]

    mutating func add(_ terms: [Int32], _ weight: Float) {
        if let i = alternatives.firstIndex(where: { $0.terms == terms }) {
            alternatives[i].weight = max(alternatives[i].weight, weight)
        } else {
            alternatives.append(Alternative(terms: terms, weight: weight))
        }
    }
}

/// A query word after normalisation.
struct QueryWord {
    var token: Token
    var term: Int32?
    var isStop: Bool
    /// The last word, still being typed: it also matches as a prefix.
    var isPrefix: Bool
}

/// Turns query text into clauses over term ids.
struct QueryPlanner {
    /// Longer queries are cut here: a pasted page must still answer instantly.
    static let maxWords = 32
    static let maxCompletions = 8
    static let maxTypoMatches = 4

    let data: IndexData
    let stemmer: Stemmer
    var memo: SearchMemo? = nil

    func words(_ query: String) -> [QueryWord] {
        let tokens = Array(Tokenizer.tokens(query).prefix(Self.maxWords))
        let endsInWord = tokens.last.map { $0.end == query.utf8.count } ?? false
        return tokens.enumerated().map { i, token in
            QueryWord(token: token, term: term(token.text), isStop: data.stopWords.contains(token.text),
                      isPrefix: endsInWord && i == tokens.count - 1)
        }
    }

    /// Whether the index knows a word: as a term, or, for the word being
    /// typed, as the start of known words.
    func knows(_ word: QueryWord) -> Bool {
        if let term = word.term, data.isKnown(term) { return true }
        return word.isPrefix && !completions(of: word.token.text).isEmpty
    }

    func term(_ word: String) -> Int32? {
        if let surface = data.surfaceIDs[word] { return data.surfaceTerm[Int(surface)] }
        return data.stemIDs[stemmer.stem(word)]
    }

    func plan(_ query: String) -> [Clause] {
        let words = words(query)
        let onlyStopWords = words.allSatisfy(\.isStop)
        var clauses: [Clause] = []
        var i = 0
        var typos = TypoCache()
        while i < words.count {
            if let (length, terms, groups, corrected) = phrase(at: i, in: words, typos: &typos) {
                var clause = Clause(alternatives: [])
                // A phrase read through a typo ("bone scann") counts as a completion would.
                let scale = corrected ? MatchWeight.completion : 1
                clause.add(terms, MatchWeight.exact * scale)
                for g in groups { for alternative in data.groups[Int(g)] { clause.add(alternative, MatchWeight.synonym * scale) } }
                if words[i + length - 1].isPrefix { addCompletions(words[i + length - 1], to: &clause) }
                clauses.append(clause)
                i += length
                continue
            }
            let word = words[i]
            i += 1
            var clause = Clause(alternatives: [])
            if word.isStop && !onlyStopWords {
                // A stop word being typed may be the start of a real word ("me" -> "metastases").
                if word.isPrefix { addCompletions(word, to: &clause, skipStopWords: true) }
                if !clause.alternatives.isEmpty { clauses.append(clause) }
                continue
            }
            let known = word.term.map(data.isKnown) ?? false
            if let term = word.term, known {
                clause.add([term], MatchWeight.exact)
            }
            if word.isPrefix { addCompletions(word, to: &clause) }
            if clause.alternatives.isEmpty {
                addTypoMatches(word, to: &clause)
            } else if word.isPrefix && !known && word.token.text.utf8.count >= 4 {
                // The last word may be a typo as well as the start of a longer word:
                // "bone scann" is "scan" mistyped, not the start of "scanner". The
                // best of both: a one-letter typo of a whole word counts as much as
                // a completion, so the page that has "bone" and "scan" wins.
                addTypoMatches(word, to: &clause, oneEdit: MatchWeight.completion)
            }
            if !clause.alternatives.isEmpty { clauses.append(clause) }
        }
        return clauses.map(balanced)
    }

    /// Synonyms count as the word the patient typed, not more: a rare
    /// synonym ("metastases" for "spread") must not outweigh the typed words
    /// just because it is rarer. So a synonym's score is scaled down to the
    /// typed words' IDF, as if they were one term (BM25's usual synonym rule).
    private func balanced(_ clause: Clause) -> Clause {
        func idf(_ terms: [Int32]) -> Float { terms.reduce(0) { $0 + data.termIDF[Int($1)] } }
        let typed = clause.alternatives.filter { $0.weight >= MatchWeight.exact }.map { idf($0.terms) }.max()
        guard let typed, typed > 0 else { return clause }
        var result = clause
        for i in result.alternatives.indices where result.alternatives[i].weight < MatchWeight.exact {
            let own = idf(result.alternatives[i].terms)
            if own > typed { result.alternatives[i].weight *= typed / own }
        }
        return result
    }

    /// The one-letter typo readings of unknown query words, worked out once per plan.
    struct TypoCache {
        var terms: [String: Set<Int32>] = [:]
    }

    /// The longest synonym phrase starting at word `i`: its length, terms and
    /// groups, and whether a later word of it was read through a one-letter
    /// typo ("bone scann" is the phrase "bone scan"). The first word must be exact.
    private func phrase(at i: Int, in words: [QueryWord], typos: inout TypoCache) -> (Int, [Int32], [Int32], Bool)? {
        guard let first = words[i].term, let candidates = data.phrasesByFirstTerm[first] else { return nil }
        for phrase in candidates where i + phrase.terms.count <= words.count {
            var matches = true
            var corrected = false
            for (k, term) in phrase.terms.enumerated() where words[i + k].term != term {
                let word = words[i + k]
                let text = word.token.text
                if k > 0, !(word.term.map(data.isKnown) ?? false), text.utf8.count >= 4 {
                    if typos.terms[text] == nil {
                        typos.terms[text] = Set(typoMatches(text).filter { $0.distance == 1 }.map { data.surfaceTerm[Int($0.surface)] })
                    }
                    if typos.terms[text]!.contains(term) { corrected = true; continue }
                }
                matches = false
                break
            }
            if matches { return (phrase.terms.count, phrase.terms, phrase.groups, corrected) }
        }
        return nil
    }

    /// The commonest words that start with the word being typed.
    private func addCompletions(_ word: QueryWord, to clause: inout Clause, skipStopWords: Bool = false) {
        for surface in completions(of: word.token.text) {
            let text = String(decoding: data.surfaceWords[Int(surface)], as: UTF8.self)
            if skipStopWords && data.stopWords.contains(text) { continue }
            let term = data.surfaceTerm[Int(surface)]
            // A completion counts more the more of it was typed: "scann" is less
            // likely "scanner" (two letters to go) than a mistyped "scan".
            let typed = Float(word.token.text.utf8.count) / Float(max(1, data.surfaceWords[Int(surface)].count))
            clause.add([term], word.term == term ? MatchWeight.exact : MatchWeight.completion * (0.5 + 0.5 * min(1, typed)))
            if data.documentFrequency(term) == 0 {
                // A word only the synonyms file knows ("xgeva"): use its group.
                for alternative in groupsOf(term) { clause.add(alternative, MatchWeight.completion * MatchWeight.synonym) }
            }
        }
    }

    func completions(of prefix: String) -> [Int32] {
        let key = Array(prefix.utf8)
        let sorted = data.sortedSurface
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if data.surfaceWords[Int(sorted[mid])].lexicographicallyPrecedes(key) { low = mid + 1 } else { high = mid }
        }
        var best: [(surface: Int32, df: Int)] = []
        var seenTerms = Set<Int32>()
        var k = low
        while k < sorted.count {
            let surface = sorted[k]
            let word = data.surfaceWords[Int(surface)]
            guard word.starts(with: key) else { break }
            k += 1
            let term = data.surfaceTerm[Int(surface)]
            guard data.isKnown(term), seenTerms.insert(term).inserted else { continue }
            best.append((surface, data.documentFrequency(term)))
        }
        // The commonest first: they are what most people are typing.
        best.sort { $0.df != $1.df ? $0.df > $1.df : $0.surface < $1.surface }
        return best.prefix(Self.maxCompletions).map(\.surface)
    }

    private func groupsOf(_ term: Int32) -> [[Int32]] {
        guard let phrases = data.phrasesByFirstTerm[term] else { return [] }
        return phrases.filter { $0.terms == [term] }.flatMap { $0.groups.flatMap { data.groups[Int($0)] } }
    }

    /// Vocabulary words within the allowed edit distance, exact-first.
    private func addTypoMatches(_ word: QueryWord, to clause: inout Clause, oneEdit: Float = MatchWeight.typo1) {
        var matches = typoMatches(word.token.text)
        var soundAlike = false
        if matches.isEmpty {
            // Spelt by sound ("bisfosfonates", "onkologist"): read the word as
            // it sounds, only when no typo reading exists, so it never
            // changes a word that already matches something.
            for spelling in SoundAlike.spellings(of: word.token.text) {
                let exact = data.surfaceIDs[spelling].flatMap { data.isKnown(data.surfaceTerm[Int($0)]) ? $0 : nil }
                matches = (exact.map { [($0, 0)] } ?? []) + typoMatches(spelling)
                if !matches.isEmpty { soundAlike = true; break }
            }
        }
        // A common word is the likelier intent of a typo than a rare one ("cances"
        // is "cancer" more often than "chances"): each reading counts in
        // proportion to the square root of how common it is, next to the commonest.
        let commonest = matches.map { data.documentFrequency(data.surfaceTerm[Int($0.surface)]) }.max() ?? 0
        for (surface, distance) in matches {
            let term = data.surfaceTerm[Int(surface)]
            // A word only the synonyms file knows has no count of its own: it stays whole.
            let df = data.documentFrequency(term)
            let prior = commonest > 0 && df > 0 ? max(0.3, (Float(df) / Float(commonest)).squareRoot()) : 1
            let weight = (soundAlike ? MatchWeight.typo2 : distance <= 1 ? oneEdit : MatchWeight.typo2) * prior
            if data.documentFrequency(term) > 0 { clause.add([term], weight) }
            for alternative in groupsOf(term) { clause.add(alternative, weight * MatchWeight.synonym) }
        }
    }

    func typoMatches(_ word: String) -> [(surface: Int32, distance: Int)] {
        guard let memo else { return computeTypoMatches(word) }
        return memo.typoMatches(word) { computeTypoMatches(word) }
    }

    private func computeTypoMatches(_ word: String) -> [(surface: Int32, distance: Int)] {
        let key = Array(word.utf8)
        let limit = EditDistance.allowed(forLength: key.count)
        guard limit > 0 else { return [] }
        var found: [(surface: Int32, distance: Int, df: Int)] = []
        var seenTerms = Set<Int32>()
        var scratch = EditDistance.Scratch()
        for length in max(1, key.count - limit)...(key.count + limit) where length < data.surfaceByLength.count {
            for surface in data.surfaceByLength[length] {
                let candidate = data.surfaceWords[Int(surface)]
                guard let distance = EditDistance.distance(key, candidate, limit: limit, scratch: &scratch), distance > 0 else { continue }
                let term = data.surfaceTerm[Int(surface)]
                guard data.isKnown(term) else { continue }
                found.append((surface, distance, data.documentFrequency(term)))
            }
        }
        found.sort { ($0.distance, -$0.df, $0.surface) < ($1.distance, -$1.df, $1.surface) }
        var result: [(surface: Int32, distance: Int)] = []
        for match in found where seenTerms.insert(data.surfaceTerm[Int(match.surface)]).inserted {
            result.append((match.surface, match.distance))
            if result.count == Self.maxTypoMatches { break }
        }
        return result
    }
}

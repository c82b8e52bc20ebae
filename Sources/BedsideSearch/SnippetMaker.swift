import BedsideContent
import Foundation

/// Picks the sentence of a result that holds the most query words and marks
/// those words. The choice scans the forward index (integers only); only the
/// chosen sentence is rebuilt as text.
struct SnippetMaker {
    static let maxLength = 160

    let data: IndexData
    let store: ContentStore
    let planner: QueryPlanner
    /// matched[t] > 0: term t is one the query looked for; 3 if typed, 1 if a synonym, completion or typo match.
    let matched: [UInt8]

    var memo: SearchMemo? = nil

    init(data: IndexData, store: ContentStore, planner: QueryPlanner, clauses: [Clause], memo: SearchMemo? = nil) {
        self.data = data
        self.store = store
        self.planner = planner
        self.memo = memo
        var matched = [UInt8](repeating: 0, count: data.termCount)
        for clause in clauses {
            for alternative in clause.alternatives {
                let weight: UInt8 = alternative.weight >= MatchWeight.exact ? 3 : 1
                for t in alternative.terms where Int(t) < matched.count { matched[Int(t)] = max(matched[Int(t)], weight) }
            }
        }
        self.matched = matched
    }

    func snippet(for doc: Int) -> Snippet {
        let firstSentence = Int(data.sentenceStart[doc]), endSentence = Int(data.sentenceStart[doc + 1])
        guard firstSentence < endSentence else { return Snippet(text: "", highlights: []) }
        let wordsEnd = Int(data.forwardStart[doc + 1])
        let rank = Dictionary(uniqueKeysWithValues: IndexData.snippetFields.enumerated().map { (UInt8($1.rawValue), $0) })
        var best = firstSentence, bestCount = 0, bestRank = Int.max
        var seen: [Int32] = []
        var weight = 0
        let alsoCalled = UInt8(SearchField.alsoCalled.rawValue)
        for s in firstSentence..<endSentence {
            let from = Int(data.sentenceTokens[s])
            let to = s + 1 < endSentence ? Int(data.sentenceTokens[s + 1]) : wordsEnd
            seen.removeAll(keepingCapacity: true)
            weight = 0
            for k in from..<to {
                let t = data.forwardTerms[k]
                if matched[Int(t)] > 0 && !seen.contains(t) {
                    seen.append(t)
                    weight += Int(matched[Int(t)])
                }
            }
            let fieldRank = rank[data.sentenceFields[s]] ?? Int.max
            // Also-called names are a last resort: any real sentence with a hit reads better.
            let count = weight + (seen.isEmpty || data.sentenceFields[s] == alsoCalled ? 0 : 1000)
            if count > bestCount || (count == bestCount && fieldRank < bestRank) {
                (best, bestCount, bestRank) = (s, count, fieldRank)
            }
        }
        // The chosen sentence runs from its first word to the next sentence of its field.
        let field = data.sentenceFields[best]
        let start = Int(data.sentenceBytes[best])
        let end = best + 1 < endSentence && data.sentenceFields[best + 1] == field ? Int(data.sentenceBytes[best + 1]) : nil
        return sentence(in: fieldText(doc, SearchField(rawValue: Int(field)) ?? .summary), from: start, to: end)
    }

    private func fieldText(_ doc: Int, _ field: SearchField) -> String {
        let entry = data.documents[doc]
        // A packed index names positions in the store it was packed with; a
        // position past the end (a damaged pack) has no text, not a crash.
        switch entry.kind {
        case .topic:
            guard store.topics.indices.contains(entry.position) else { return "" }
            let info = store.topics[entry.position]
            if field == .summary { return info.summary }
            if field == .alsoCalled { return info.alsoCalled.joined(separator: "\n") }
            guard let memo else { return SearchDocument.topic(store, info).text(field) }
            return memo.fields(doc) { SearchDocument.topic(store, info).fields }[field.rawValue]
        case .glossary:
            guard store.glossary.indices.contains(entry.position) else { return "" }
            return SearchDocument.glossary(store.glossary[entry.position]).text(field)
        case .flow:
            guard store.flows.indices.contains(entry.position) else { return "" }
            return SearchDocument.flow(store.flows[entry.position]).text(field)
        }
    }

    /// The sentence at bytes start..<end of a field's text, with its matched words marked.
    private func sentence(in text: String, from start: Int, to end: Int?) -> Snippet {
        let bytes = Array(text.utf8)
        guard start >= 0, start < bytes.count else { return Snippet(text: "", highlights: []) }
        var stop = max(start, min(end ?? bytes.count, bytes.count))
        // Drop the gap before the next sentence (spaces, line breaks), keep its closing punctuation.
        while stop > start, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[stop - 1]) { stop -= 1 }
        let sentence = String(decoding: bytes[start..<stop], as: UTF8.self)
        let hits = Tokenizer.tokens(sentence).filter { word in planner.term(word.text).map { matched[Int($0)] > 0 } ?? false }
        return Self.mark(sentence, hits: hits)
    }

    /// Cuts the sentence to `maxLength` characters around its first hit and
    /// turns the hits' UTF-8 ranges into Character ranges.
    static func mark(_ sentence: String, hits: [Token]) -> Snippet {
        var characters: [(Character, Int)] = []  // each character and its UTF-8 offset
        var offset = 0
        for c in sentence {
            characters.append((c, offset))
            offset += c.utf8.count
        }
        var start = 0, end = characters.count
        var prefix = "", suffix = ""
        if characters.count > maxLength {
            let firstHit = hits.first.flatMap { hit in characters.firstIndex { $0.1 >= hit.start } } ?? 0
            start = max(0, min(firstHit - 30, characters.count - maxLength))
            // Start and end on word boundaries.
            while start > 0, characters[start - 1].0 != " " { start -= 1 }
            end = min(characters.count, start + maxLength)
            while end < characters.count, end > start + maxLength / 2, characters[end - 1].0 != " " { end -= 1 }
            if start > 0 { prefix = "…" }
            if end < characters.count { suffix = "…" }
        }
        let text = prefix + String(characters[start..<end].map(\.0)).trimmedSpaces + suffix
        // Re-walk the final text to map byte offsets of hits to Character offsets.
        let shift = prefix.isEmpty ? 0 : 1
        let leading = characters[start..<end].prefix { $0.0 == " " }.count
        var highlights: [Range<Int>] = []
        for hit in hits {
            guard let first = characters.firstIndex(where: { $0.1 == hit.start }),
                  let last = characters.lastIndex(where: { $0.1 < hit.end }),
                  first >= start + leading, last < end else { continue }
            let range = (first - start - leading + shift)..<(last - start - leading + shift + 1)
            if highlights.last.map({ $0.overlaps(range) }) != true { highlights.append(range) }
        }
        return Snippet(text: text, highlights: highlights)
    }
}

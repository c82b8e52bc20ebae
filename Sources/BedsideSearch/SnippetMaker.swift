import BedsideContent
import Foundation

/// Picks the sentence of a result that holds the most query words and marks
/// those words. Only runs for the few results shown.
struct SnippetMaker {
    static let maxLength = 160

    let store: ContentStore
    let planner: QueryPlanner
    let matched: Set<Int32>

    func snippet(for entry: DocumentEntry) -> Snippet {
        let passages = self.passages(for: entry)
        var bestText = passages.first ?? ""
        var bestTokens: [Token] = []
        var bestCount = 0
        for passage in passages {
            for sentence in Self.sentences(passage) {
                let hits = Tokenizer.tokens(sentence).filter { isMatched($0.text) }
                let distinct = Set(hits.map(\.text)).count
                if distinct > bestCount {
                    bestCount = distinct
                    bestText = sentence
                    bestTokens = hits
                }
            }
        }
        return Self.mark(bestText, hits: bestTokens)
    }

    private func isMatched(_ word: String) -> Bool {
        guard let term = planner.term(word) else { return false }
        return matched.contains(term)
    }

    /// The texts a snippet can come from, most telling first.
    private func passages(for entry: DocumentEntry) -> [String] {
        switch entry.kind {
        case .topic:
            let info = store.topics[entry.position]
            let text = MarkdownText.split(store.body(of: info.id) ?? "")
            return [info.summary] + text.paragraphs + text.headings
        case .glossary:
            let term = store.glossary[entry.position]
            return [term.definition, term.spellings.joined(separator: ", ")]
        case .flow:
            let flow = store.flows[entry.position]
            return flow.questions.map(\.text) + flow.questions.compactMap(\.help)
                + flow.outcomes.map(\.title) + [flow.alsoCalled.joined(separator: ", ")]
        }
    }

    /// Splits after ". ", "? " and "! " (on bytes: this runs over whole topics).
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        let bytes = Array(text.utf8)
        var start = 0
        for i in 0..<bytes.count where bytes[i] == 0x20 && i > 0 {
            let p = bytes[i - 1]
            guard p == UInt8(ascii: ".") || p == UInt8(ascii: "?") || p == UInt8(ascii: "!") else { continue }
            if i > start { result.append(String(decoding: bytes[start..<i], as: UTF8.self)) }
            start = i + 1
        }
        if start < bytes.count { result.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return result
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
        let text = prefix + String(characters[start..<end].map(\.0)).trimmingCharacters(in: .whitespaces) + suffix
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

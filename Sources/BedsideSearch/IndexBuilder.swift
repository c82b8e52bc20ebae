import BedsideContent
import Foundation

/// Builds `IndexData` from searchable documents and synonym groups.
struct IndexBuilder {
    static let k1 = 1.2
    private static let fieldCount = SearchField.allCases.count

    let stemmer: Stemmer
    var stemIDs: [String: Int32] = [:]
    var surfaceIDs: [String: Int32] = [:]
    var surfaceWords: [[UInt8]] = []
    var surfaceTerm: [Int32] = []

    /// Lower-cased ASCII word bytes -> term id, the fast path for indexing.
    var asciiTerms = ByteWordTable(capacity: 4096)

    init(language: String) { stemmer = Stemmer(language: language) }

    /// The term id of a scanned word (see `Tokenizer.forEachWord`), or nil
    /// if the word folds to nothing.
    mutating func term(bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> Int32? {
        if ascii, let known = asciiTerms.value(for: bytes) { return known }
        var text = String(decoding: bytes, as: UTF8.self)
        if !ascii { text = Tokenizer.fold(text) }
        guard !text.isEmpty else { return nil }
        let t = term(text)
        if ascii { asciiTerms.insert(bytes, t) }
        return t
    }

    /// The term id of a folded word, adding it to the vocabulary if new.
    mutating func term(_ word: String) -> Int32 {
        if let surface = surfaceIDs[word] { return surfaceTerm[Int(surface)] }
        let stem = stemmer.stem(word)
        let term: Int32
        if let known = stemIDs[stem] {
            term = known
        } else {
            term = Int32(stemIDs.count)
            stemIDs[stem] = term
        }
        surfaceIDs[word] = Int32(surfaceWords.count)
        surfaceWords.append(Array(word.utf8))
        surfaceTerm.append(term)
        return term
    }

    static func build(documents: [SearchDocument], positions: [Int], groups: [[String]], language: String) -> IndexData {
        var builder = IndexBuilder(language: language)
        let n = documents.count
        let fields = fieldCount

        // One entry per (term, document): its term frequency in each field.
        var entryTerm: [Int32] = [], entryDoc: [Int32] = []
        var entryTF: [UInt8] = []
        var fieldLength = [Int32](repeating: 0, count: n * fields)
        var slot: [Int32] = []
        var docTerms: [Int32] = []
        var docTF: [UInt8] = []
        var forwardTerms: [Int32] = [], forwardStart: [Int32] = [0]
        var sentenceTokens: [Int32] = [], sentenceFields: [UInt8] = [], sentenceBytes: [Int32] = [], sentenceStart: [Int32] = [0]
        let snippetField = SearchField.allCases.map { IndexData.snippetFields.contains($0) }

        for (d, document) in documents.enumerated() {
            for field in SearchField.allCases {
                var length: Int32 = 0
                let forward = snippetField[field.rawValue]
                Tokenizer.forEachWord(document.fields[field.rawValue]) { word, ascii, start, _, sentenceStart in
                    guard let term = builder.term(bytes: word, ascii: ascii) else { return false }
                    let t = Int(term)
                    if forward {
                        if sentenceStart {
                            sentenceTokens.append(Int32(forwardTerms.count))
                            sentenceFields.append(UInt8(field.rawValue))
                            sentenceBytes.append(Int32(start))
                        }
                        forwardTerms.append(Int32(t))
                    }
                    if t >= slot.count { slot.append(contentsOf: repeatElement(-1, count: t - slot.count + 1 + slot.count / 2)) }
                    var s = Int(slot[t])
                    if s < 0 {
                        s = docTerms.count
                        slot[t] = Int32(s)
                        docTerms.append(Int32(t))
                        docTF.append(contentsOf: repeatElement(0, count: fields))
                    }
                    let k = s * fields + field.rawValue
                    if docTF[k] < 255 { docTF[k] += 1 }
                    length += 1
                    return true
                }
                fieldLength[d * fields + field.rawValue] = length
            }
            for (s, t) in docTerms.enumerated() {
                entryTerm.append(t)
                entryDoc.append(Int32(d))
                entryTF.append(contentsOf: docTF[(s * fields)..<((s + 1) * fields)])
                slot[Int(t)] = -1
            }
            docTerms.removeAll(keepingCapacity: true)
            docTF.removeAll(keepingCapacity: true)
            forwardStart.append(Int32(forwardTerms.count))
            sentenceStart.append(Int32(sentenceTokens.count))
        }

        // Synonym words join the vocabulary (without postings) so that typo
        // and prefix matching can reach words only the synonyms file knows.
        var groupTerms: [[[Int32]]] = []
        var phrases: [Int32: [Phrase]] = [:]
        for (g, group) in groups.enumerated() {
            var alternatives: [[Int32]] = []
            for phrase in group {
                let terms = Tokenizer.words(phrase).map { builder.term($0) }
                guard let first = terms.first, !alternatives.contains(terms) else { continue }
                alternatives.append(terms)
                if let i = phrases[first]?.firstIndex(where: { $0.terms == terms }) {
                    phrases[first]![i].groups.append(Int32(g))
                } else {
                    phrases[first, default: []].append(Phrase(terms: terms, groups: [Int32(g)]))
                }
            }
            groupTerms.append(alternatives)
        }
        for key in phrases.keys { phrases[key]!.sort { $0.terms.count > $1.terms.count } }

        let termCount = builder.stemIDs.count
        var termInGroup = [Bool](repeating: false, count: termCount)
        for group in groupTerms { for alternative in group where alternative.count == 1 { termInGroup[Int(alternative[0])] = true } }

        // BM25F: per-field normalised frequencies, weighted and summed, then
        // saturated once. Everything here is known at build time.
        var average = [Double](repeating: 0, count: fields)
        for d in 0..<n { for f in 0..<fields { average[f] += Double(fieldLength[d * fields + f]) } }
        for f in 0..<fields { average[f] = max(average[f] / Double(max(n, 1)), 1) }

        var postingStart = [Int32](repeating: 0, count: termCount + 1)
        for t in entryTerm { postingStart[Int(t) + 1] += 1 }
        for t in 0..<termCount { postingStart[t + 1] += postingStart[t] }
        var cursor = Array(postingStart.dropLast())
        var postingDocs = [Int32](repeating: 0, count: entryTerm.count)
        var postingScores = [Float](repeating: 0, count: entryTerm.count)
        let allFields = SearchField.allCases
        for e in 0..<entryTerm.count {
            let t = Int(entryTerm[e]), d = Int(entryDoc[e])
            let df = Double(postingStart[t + 1] - postingStart[t])
            let idf = log(1 + (Double(n) - df + 0.5) / (df + 0.5))
            var tf = 0.0
            for field in allFields {
                let raw = entryTF[e * fields + field.rawValue]
                guard raw > 0 else { continue }
                let b = field.lengthNormalisation
                let norm = 1 - b + b * Double(fieldLength[d * fields + field.rawValue]) / average[field.rawValue]
                tf += field.weight * Double(raw) / norm
            }
            let p = Int(cursor[t])
            cursor[t] += 1
            postingDocs[p] = Int32(d)
            postingScores[p] = Float(idf * tf * (k1 + 1) / (k1 + tf))
        }

        let termIDF = (0..<termCount).map { t -> Float in
            let df = Double(postingStart[t + 1] - postingStart[t])
            return Float(log(1 + (Double(n) - df + 0.5) / (df + 0.5)))
        }

        // Surface words sorted for prefix ranges, and bucketed by length for typos.
        let words = builder.surfaceWords
        let sorted = (0..<Int32(words.count)).sorted { words[Int($0)].lexicographicallyPrecedes(words[Int($1)]) }
        var byLength: [[Int32]] = []
        for (i, word) in words.enumerated() {
            while byLength.count <= word.count { byLength.append([]) }
            byLength[word.count].append(Int32(i))
        }

        let entries = documents.enumerated().map { i, doc in
            DocumentEntry(id: doc.id, kind: doc.kind, title: doc.title, position: positions[i])
        }
        return IndexData(language: builder.stemmer.language, stopWords: StopWords.list(for: builder.stemmer.language),
                         documents: entries, stemIDs: builder.stemIDs, postingStart: postingStart,
                         postingDocs: postingDocs, postingScores: postingScores, termIDF: termIDF, surfaceIDs: builder.surfaceIDs,
                         surfaceWords: words, surfaceTerm: builder.surfaceTerm, sortedSurface: sorted,
                         surfaceByLength: byLength, groups: groupTerms, phrasesByFirstTerm: phrases,
                         termInGroup: termInGroup, forwardTerms: forwardTerms, forwardStart: forwardStart,
                         sentenceTokens: sentenceTokens, sentenceFields: sentenceFields, sentenceBytes: sentenceBytes, sentenceStart: sentenceStart)
    }
}

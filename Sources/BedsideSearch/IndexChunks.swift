import BedsideContent

/// One run of documents scanned into words, before any term ids exist, so
/// runs can be scanned in parallel (see `IndexBuilder.build`).
struct ChunkScan {
    /// The run's distinct words in order of first use, folded (lower case, no
    /// accents); nil for a word that folds to nothing, which is not used.
    let words: [String?]
    /// Every used word, in order: an index into `words`, its UTF-8 offset in
    /// its field, and whether it starts a sentence.
    let tokens: [Int32]
    let tokenStart: [Int32]
    let tokenSentence: [Bool]
    /// Where the tokens of each (document, field) end, document by document.
    let fieldEnds: [Int32]
    /// The folded words' UTF-8 bytes, back to back (`wordEnds[i]` ends word i),
    /// so merging vocabularies can look words up by bytes.
    let wordBytes: [UInt8]
    let wordEnds: [Int32]

    init(_ documents: ArraySlice<SearchDocument>) {
        var words: [String?] = [], tokens: [Int32] = [], tokenStart: [Int32] = [], tokenSentence: [Bool] = []
        var fieldEnds: [Int32] = []
        // Whether each word is used, apart from `words`: reading a String? out of
        // an array costs a retain and a release, and this runs once per word.
        var usable: [Bool] = []
        // About one word per six bytes of text.
        let estimate = documents.reduce(0) { $0 + $1.fields.reduce(0) { $0 + $1.utf8.count } } / 6
        tokens.reserveCapacity(estimate)
        tokenStart.reserveCapacity(estimate)
        tokenSentence.reserveCapacity(estimate)
        var wordBytes: [UInt8] = [], wordEnds: [Int32] = []
        // Keyed by the scanned bytes: most words repeat, and finding them by
        // their bytes costs no String and no SipHash.
        var table = ByteWordTable(capacity: 4096)
        for document in documents {
            for text in document.fields {
                Tokenizer.forEachWord(text) { word, ascii, start, _, sentenceStart in
                    let local: Int32
                    if let known = table.value(for: word) {
                        local = known
                    } else {
                        var folded = String(decoding: word, as: UTF8.self)
                        if !ascii { folded = Tokenizer.fold(folded) }
                        local = Int32(words.count)
                        words.append(folded.isEmpty ? nil : folded)
                        usable.append(!folded.isEmpty)
                        wordBytes.append(contentsOf: folded.utf8)
                        wordEnds.append(Int32(wordBytes.count))
                        table.insert(word, local)
                    }
                    guard usable[Int(local)] else { return false }
                    tokens.append(local)
                    tokenStart.append(Int32(start))
                    tokenSentence.append(sentenceStart)
                    return true
                }
                fieldEnds.append(Int32(tokens.count))
            }
        }
        self.words = words
        self.tokens = tokens
        self.tokenStart = tokenStart
        self.tokenSentence = tokenSentence
        self.fieldEnds = fieldEnds
        self.wordBytes = wordBytes
        self.wordEnds = wordEnds
    }
}

/// One run's postings input and forward index, with final term ids.
struct ChunkCounts {
    /// One entry per (term, document): its frequency in each field.
    var entryTerm: [Int32] = [], entryDoc: [Int32] = [], entryTF: [UInt8] = []
    var fieldLength: [Int32] = []
    /// The forward index of the run; ends are offsets within this run.
    var forwardTerms: [Int32] = [], forwardEnds: [Int32] = []
    var sentenceTokens: [Int32] = [], sentenceFields: [UInt8] = [], sentenceBytes: [Int32] = [], sentenceEnds: [Int32] = []

    /// - Parameters:
    ///   - terms: the term id of each of the scan's words.
    ///   - termCount: how many terms the documents have in all.
    init(_ scan: ChunkScan, terms: [Int32], firstDocument: Int, termCount: Int) {
        let fields = SearchField.allCases.count
        let forward = SearchField.allCases.map { IndexData.snippetFields.contains($0) }
        var slot = [Int32](repeating: -1, count: termCount)
        var docTerms: [Int32] = [], docTF: [UInt8] = []
        var from = 0
        for d in 0..<(scan.fieldEnds.count / fields) {
            for f in 0..<fields {
                let end = Int(scan.fieldEnds[d * fields + f])
                for k in from..<end {
                    let t = Int(terms[Int(scan.tokens[k])])
                    if forward[f] {
                        if scan.tokenSentence[k] {
                            sentenceTokens.append(Int32(forwardTerms.count))
                            sentenceFields.append(UInt8(f))
                            sentenceBytes.append(scan.tokenStart[k])
                        }
                        forwardTerms.append(Int32(t))
                    }
                    var s = Int(slot[t])
                    if s < 0 {
                        s = docTerms.count
                        slot[t] = Int32(s)
                        docTerms.append(Int32(t))
                        docTF.append(contentsOf: repeatElement(0, count: fields))
                    }
                    if docTF[s * fields + f] < 255 { docTF[s * fields + f] += 1 }
                }
                fieldLength.append(Int32(end - from))
                from = end
            }
            for (s, t) in docTerms.enumerated() {
                entryTerm.append(t)
                entryDoc.append(Int32(firstDocument + d))
                entryTF.append(contentsOf: docTF[(s * fields)..<((s + 1) * fields)])
                slot[Int(t)] = -1
            }
            docTerms.removeAll(keepingCapacity: true)
            docTF.removeAll(keepingCapacity: true)
            forwardEnds.append(Int32(forwardTerms.count))
            sentenceEnds.append(Int32(sentenceTokens.count))
        }
    }
}

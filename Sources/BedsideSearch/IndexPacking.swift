import BedsideContent

/// The search index as the content pack stores it (docs/pack-format.md).
/// The big arrays are written as raw columns and read back in place from
/// the mapped file; the small tables (term dictionaries, synonym groups)
/// are rebuilt. Everything read is checked, so a damaged pack throws
/// `BinaryFormatError` and can never make a query read out of bounds.
extension IndexData {
    func write(to w: inout BinaryWriter) {
        w.string(language)
        w.u32(UInt32(documents.count))
        for entry in documents {
            w.string(entry.id)
            w.string(entry.kind.rawValue)
            w.string(entry.title)
            w.int(entry.position)
        }
        // Stems in term-id order: stem i is term i.
        var stems = [String](repeating: "", count: termCount)
        for (stem, id) in stemIDs where Int(id) < stems.count { stems[Int(id)] = stem }
        w.strings(stems)
        w.column(postingStart)
        w.column(postingDocs)
        w.column(postingScores)
        w.column(termIDF)
        w.column(surfaceWords.bytes)
        w.column(surfaceWords.ends)
        w.column(surfaceTerm)
        w.column(sortedSurface)
        w.u32(UInt32(surfaceByLength.count))
        for bucket in surfaceByLength { w.column(bucket) }
        w.u32(UInt32(groups.count))
        for group in groups {
            w.u32(UInt32(group.count))
            for alternative in group { w.column(alternative) }
        }
        w.u32(UInt32(phrasesByFirstTerm.count))
        for (first, phrases) in phrasesByFirstTerm.sorted(by: { $0.key < $1.key }) {
            w.u32(UInt32(bitPattern: first))
            w.u32(UInt32(phrases.count))
            for phrase in phrases {
                w.column(phrase.terms)
                w.column(phrase.groups)
            }
        }
        w.column(termInGroup.map { UInt8($0 ? 1 : 0) })
        w.column(forwardTerms)
        w.column(forwardStart)
        w.column(sentenceTokens)
        w.column(sentenceFields)
        w.column(sentenceBytes)
        w.column(sentenceStart)
    }

    /// - Parameter owner: keeps the mapped file alive as long as the index.
    static func read(from r: inout BinaryReader, owner: AnyObject) throws -> IndexData {
        func column<T: BitwiseCopyable>(_ type: T.Type, _ what: String) throws -> Column<T> {
            Column(viewing: try r.column(type, what), owner: owner)
        }
        let language = try r.string()
        let documentCount = try r.count(minimumSize: 20, "search documents")
        var documents: [DocumentEntry] = []
        documents.reserveCapacity(documentCount)
        for _ in 0..<documentCount {
            let id = try r.string(), kindName = try r.string(), title = try r.string()
            guard let kind = SearchKind(rawValue: kindName) else { throw r.fail("unknown search document kind '\(kindName)'") }
            documents.append(DocumentEntry(id: id, kind: kind, title: title, position: try r.int(in: 0...Int(Int32.max), "a position")))
        }
        let stems = try r.strings()
        var stemIDs: [String: Int32] = [:]
        stemIDs.reserveCapacity(stems.count)
        for (i, stem) in stems.enumerated() { stemIDs[stem] = Int32(i) }
        let postingStart = try column(Int32.self, "posting starts")
        let postingDocs = try column(Int32.self, "postings")
        let postingScores = try column(Float.self, "posting scores")
        let termIDF = try column(Float.self, "term weights")
        let surfaceWords = WordBytes(bytes: try column(UInt8.self, "word bytes"), ends: try column(Int32.self, "word ends"))
        let surfaceTerm = try column(Int32.self, "word terms")
        let sortedSurface = try column(Int32.self, "sorted words")
        let bucketCount = try r.count(minimumSize: 16, "word lengths")
        let surfaceByLength = try (0..<bucketCount).map { _ in Array(try r.column(Int32.self, "words of one length")) }
        let groupCount = try r.count(minimumSize: 4, "synonym groups")
        let groups: [[[Int32]]] = try (0..<groupCount).map { _ in
            try (0..<r.count(minimumSize: 16, "a synonym group")).map { _ in Array(try r.column(Int32.self, "a synonym")) }
        }
        let phraseKeys = try r.count(minimumSize: 8, "phrase lists")
        var phrasesByFirstTerm: [Int32: [Phrase]] = [:]
        for _ in 0..<phraseKeys {
            let first = Int32(bitPattern: try r.u32())
            phrasesByFirstTerm[first] = try (0..<r.count(minimumSize: 32, "phrases")).map { _ in
                Phrase(terms: Array(try r.column(Int32.self, "a phrase")), groups: Array(try r.column(Int32.self, "a phrase's groups")))
            }
        }
        let termInGroup = try r.column(UInt8.self, "group marks").map { $0 != 0 }
        let data = IndexData(
            language: language, stopWords: StopWords.list(for: language), documents: documents, stemIDs: stemIDs,
            postingStart: postingStart, postingDocs: postingDocs, postingScores: postingScores, termIDF: termIDF,
            surfaceIDs: [:], surfaceWords: surfaceWords, surfaceTerm: surfaceTerm, sortedSurface: sortedSurface,
            surfaceByLength: surfaceByLength, groups: groups, phrasesByFirstTerm: phrasesByFirstTerm, termInGroup: termInGroup,
            forwardTerms: try column(Int32.self, "forward words"), forwardStart: try column(Int32.self, "forward starts"),
            sentenceTokens: try column(Int32.self, "sentence words"), sentenceFields: try column(UInt8.self, "sentence fields"),
            sentenceBytes: try column(Int32.self, "sentence offsets"), sentenceStart: try column(Int32.self, "sentence starts"))
        var checked = try data.validated(stemCount: stems.count, at: r.offset)
        // Word i's id is i (the builder numbers them so); the dictionary is rebuilt, not stored.
        checked.surfaceIDs.reserveCapacity(surfaceWords.count)
        for i in 0..<surfaceWords.count {
            checked.surfaceIDs[String(decoding: surfaceWords[i], as: UTF8.self)] = Int32(i)
        }
        return checked
    }

    /// Every array index a query or snippet can take, checked once: after
    /// this, no value from the file can send a read out of bounds.
    func validated(stemCount: Int, at offset: Int) throws -> IndexData {
        func fail(_ message: String) -> BinaryFormatError { BinaryFormatError(offset: offset, "search index: " + message) }
        func offsets(_ column: Column<Int32>, count: Int, end: Int, _ what: String) throws {
            guard column.count == count + 1, column.first == 0, Int(column[count]) == end else {
                throw fail("\(what) do not match (\(column.count) for \(count) items ending at \(end))")
            }
            for i in 0..<count where column[i] > column[i + 1] { throw fail("\(what) go backwards at \(i)") }
        }
        func allBelow(_ values: some Sequence<Int32>, _ limit: Int, _ what: String) throws {
            for v in values where v < 0 || Int(v) >= limit { throw fail("\(what) names \(v), past \(limit)") }
        }
        // The two biggest columns (a posting per word a document has, a
        // forward entry per word it says) are read through a small buffer
        // from a pack's file, so the check itself maps none of them into the
        // session; queries then map what they read (and the kernel the pages
        // around it).
        func allBelow(scanning column: Column<Int32>, _ limit: Int, _ what: String) throws {
            try column.scan { piece in try allBelow(piece, limit, what) }
        }
        let terms = stemCount, docs = documents.count, words = surfaceWords.count
        try offsets(postingStart, count: terms, end: postingDocs.count, "posting starts")
        guard postingScores.count == postingDocs.count, termIDF.count == terms, termInGroup.count == terms else {
            throw fail("term tables differ in length")
        }
        try allBelow(scanning: postingDocs, docs, "a posting")
        var previousEnd: Int32 = 0
        for end in surfaceWords.ends {
            guard end >= previousEnd else { throw fail("word ends go backwards") }
            previousEnd = end
        }
        guard Int(previousEnd) <= surfaceWords.bytes.count, surfaceTerm.count == words, sortedSurface.count == words else {
            throw fail("word tables differ in length")
        }
        try allBelow(surfaceTerm, terms, "a word's term")
        try allBelow(sortedSurface, words, "the sorted word list")
        for bucket in surfaceByLength { try allBelow(bucket, words, "a word-length list") }
        for group in groups { for alternative in group { try allBelow(alternative, terms, "a synonym") } }
        for (first, phrases) in phrasesByFirstTerm {
            try allBelow([first], terms, "a phrase")
            for phrase in phrases {
                guard !phrase.terms.isEmpty else { throw fail("a phrase is empty") }
                try allBelow(phrase.terms, terms, "a phrase")
                try allBelow(phrase.groups, groups.count, "a phrase's group")
            }
        }
        try offsets(forwardStart, count: docs, end: forwardTerms.count, "forward starts")
        try allBelow(scanning: forwardTerms, terms, "a forward word")
        try offsets(sentenceStart, count: docs, end: sentenceTokens.count, "sentence starts")
        guard sentenceFields.count == sentenceTokens.count, sentenceBytes.count == sentenceTokens.count else {
            throw fail("sentence tables differ in length")
        }
        for d in 0..<docs {
            let low = forwardStart[d], high = forwardStart[d + 1]
            var previous = low
            for s in Int(sentenceStart[d])..<Int(sentenceStart[d + 1]) {
                let token = sentenceTokens[s]
                guard token >= previous, token <= high else { throw fail("a sentence of document \(d) is out of place") }
                previous = token
                guard Int(sentenceFields[s]) < SearchField.allCases.count, sentenceBytes[s] >= 0 else {
                    throw fail("a sentence of document \(d) names a field or offset that cannot be")
                }
            }
        }
        return self
    }
}

extension SearchIndex {
    /// Writes the index into a pack section.
    public func write(to w: inout BinaryWriter) { data.write(to: &w) }

    /// An index read from a pack section, over the store packed with it.
    /// - Parameter owner: the mapped file, kept alive by the index.
    public init(reading r: inout BinaryReader, store: ContentStore, owner: AnyObject) throws {
        self.init(data: try IndexData.read(from: &r, owner: owner), store: store, diagnostics: [])
    }
}

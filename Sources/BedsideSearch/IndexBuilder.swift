import BedsideContent
import Foundation

/// Builds `IndexData` from searchable documents and synonym groups.
struct IndexBuilder {
    /// BM25's saturation. Field weights are applied before it (BM25F), so a
    /// word in a page's title or other names is already worth 5-6 body
    /// mentions; the textbook 1.2 squashed that back until a page that names
    /// a word barely beat one that mentions it twice. Chosen on the tuned
    /// query sets (MRR, English / Spanish): 1.2 gave 0.944 / 0.978, 3 gave
    /// 0.945 / 0.984, 6 and 7 gave 0.953 / 0.988, 12 gave 0.949 / 0.988, 20 gave 0.942 / 0.979.
    static let k1 = 6.0
    private static let fieldCount = SearchField.allCases.count

    let stemmer: Stemmer
    var stemIDs: [String: Int32] = [:]
    var surfaceIDs: [String: Int32] = [:]
    var surfaceWords: [[UInt8]] = []
    var surfaceTerm: [Int32] = []

    init(language: String) { stemmer = Stemmer(language: language) }

    /// The term id of a folded word, adding it to the vocabulary if new.
    mutating func term(_ word: String) -> Int32 {
        if let surface = surfaceIDs[word] { return surfaceTerm[Int(surface)] }
        return add(word, stem: stemmer.stem(word))
    }

    /// Adds a word the vocabulary does not have yet, with its stem (stemming
    /// runs in the parallel part of the build), and returns its term id.
    mutating func add(_ word: String, stem: String) -> Int32 {
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

    /// How many runs the documents are split into: one more than the cores,
    /// so the synonyms job (scheduled last) shares a core with a run instead
    /// of leaving the other core idle at the end.
    static let defaultChunks = ProcessInfo.processInfo.activeProcessorCount + 1

    /// Splits the documents into up to `count` runs of about the same amount
    /// of text (topics are long, glossary terms short), so parallel scans
    /// finish together.
    static func balancedRuns(_ documents: [SearchDocument], count: Int) -> [Range<Int>] {
        let sizes = documents.map { $0.fields.reduce(0) { $0 + $1.utf8.count } }
        let total = sizes.reduce(0, +)
        let count = max(1, min(count, documents.count))
        var runs: [Range<Int>] = [], start = 0, sum = 0
        for (d, size) in sizes.enumerated() {
            sum += size
            // Close a run once it holds its share of the text (the last run takes the rest):
            // at the document boundary nearest to that share, before or after the document
            // that crosses it, so no two runs differ by more than the largest document.
            if runs.count < count - 1, sum * count >= total * (runs.count + 1) {
                let over = sum * count - total * (runs.count + 1)
                let under = total * (runs.count + 1) - (sum - size) * count
                if under < over && d > start {
                    runs.append(start..<d)
                    start = d
                    if runs.count < count - 1, sum * count >= total * (runs.count + 1) {
                        runs.append(start..<(d + 1))
                        start = d + 1
                    }
                } else {
                    runs.append(start..<(d + 1))
                    start = d + 1
                }
            }
        }
        runs.append(start..<documents.count)
        return runs
    }

    /// - Parameters:
    ///   - chunks: documents are split into this many runs, scanned and
    ///     counted in parallel. Term ids are given in order of first use over
    ///     all documents, exactly as one sequential pass would, so the index
    ///     is the same for any number of chunks (a test checks it).
    ///   - groups: the synonym groups; called once, on another core while the
    ///     documents are scanned (reading the synonyms file is a tenth of the
    ///     build of the shipped content).
    static func build(documents: [SearchDocument], positions: [Int], language: String,
                      chunks: Int = defaultChunks, groups: () -> [[String]]) -> IndexData {
        var builder = IndexBuilder(language: language)
        let n = documents.count
        let fields = fieldCount
        let runs = balancedRuns(documents, count: chunks)

        // 1. Scan each run of documents into its own vocabulary, and split the
        //    synonym phrases into words, all in parallel.
        enum Job { case groups, scan(Range<Int>) }
        enum Done { case groups([[[String]]]), scan(ChunkScan) }
        var scans: [ChunkScan] = []
        var groupWords: [[[String]]] = []
        for done in Parallel.map(runs.map(Job.scan) + [Job.groups], { job -> Done in
            switch job {
            case .groups:
                // Not stemmed here: most synonym words are already known from the
                // documents, and known words need no stem.
                return .groups(groups().map { $0.map(Tokenizer.words) })
            case .scan(let run):
                return .scan(ChunkScan(documents[run]))
            }
        }) {
            switch done {
            case .groups(let words): groupWords = words
            case .scan(let scan): scans.append(scan)
            }
        }

        // 2. Give the words ids in document order: the first run's words in
        //    order of first use, then the new words of the next run, ... Words
        //    already seen (most, after the first run) are found by their bytes,
        //    without hashing a String. Only new words are stemmed, in parallel.
        var known = ByteWordTable(capacity: scans.reduce(0) { $0 + $1.words.count })
        var newWords: [String] = []
        let surfacesOfScans = scans.map { scan in
            scan.wordBytes.withUnsafeBufferPointer { bytes in
                (0..<scan.words.count).map { i -> Int32 in
                    guard let word = scan.words[i] else { return -1 }
                    let key = UnsafeBufferPointer(rebasing: bytes[(i == 0 ? 0 : Int(scan.wordEnds[i - 1]))..<Int(scan.wordEnds[i])])
                    if let surface = known.value(for: key) { return surface }
                    let surface = Int32(newWords.count)
                    newWords.append(word)
                    known.insert(key, surface)
                    return surface
                }
            }
        }
        let halves = [0..<(newWords.count / 2), (newWords.count / 2)..<newWords.count]
        let stems = Parallel.map(halves) { half in
            // libstemmer instances are not thread-safe: one per half.
            let stemmer = Stemmer(language: language)
            return newWords[half].map { stemmer.stem($0) }
        }.flatMap { $0 }
        builder.surfaceIDs.reserveCapacity(newWords.count + 1024)
        builder.stemIDs.reserveCapacity(newWords.count + 1024)
        // Every word so far is new to the builder, so surface id = index in newWords.
        // (Equal bytes and equal Strings are the same thing here: words are folded
        // to decomposed form, where canonically equal text has the same bytes.)
        for (word, stem) in zip(newWords, stems) { _ = builder.add(word, stem: stem) }
        let termsOfScans = surfacesOfScans.map { surfaces in surfaces.map { $0 < 0 ? -1 : builder.surfaceTerm[Int($0)] } }
        let documentTermCount = builder.stemIDs.count

        // 3. Synonym words join the vocabulary (without postings) so that typo
        //    and prefix matching can reach words only the synonyms file knows.
        var groupTerms: [[[Int32]]] = []
        var phrases: [Int32: [Phrase]] = [:]
        for (g, group) in groupWords.enumerated() {
            var alternatives: [[Int32]] = []
            for words in group {
                let terms = words.map { word in
                    var word = word
                    // Most synonym words are document words: found by their bytes.
                    if let surface = word.withUTF8({ known.value(for: $0) }) { return builder.surfaceTerm[Int(surface)] }
                    let term = builder.term(word)
                    if let surface = builder.surfaceIDs[word] { word.withUTF8 { known.insert($0, surface) } }
                    return term
                }
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


        // 4. Count each run's terms per document and field, and sort the
        //    surface words for prefix ranges, all in parallel.
        enum CountJob { case run(Int), sortWords }
        enum Counted { case run(ChunkCounts), sortedWords([Int32]) }
        let words = builder.surfaceWords
        var counts: [ChunkCounts] = []
        var sorted: [Int32] = []
        for done in Parallel.map((0..<runs.count).map(CountJob.run) + [.sortWords], { job -> Counted in
            switch job {
            case .run(let c):
                return .run(ChunkCounts(scans[c], terms: termsOfScans[c], firstDocument: runs[c].lowerBound,
                                        termCount: documentTermCount))
            case .sortWords:
                return .sortedWords((0..<Int32(words.count)).sorted { words[Int($0)].lexicographicallyPrecedes(words[Int($1)]) })
            }
        }) {
            switch done {
            case .run(let part): counts.append(part)
            case .sortedWords(let order): sorted = order
            }
        }
        var entryTerm: [Int32] = [], entryDoc: [Int32] = [], entryTF: [UInt8] = []
        var fieldLength: [Int32] = []
        var forwardTerms: [Int32] = [], forwardStart: [Int32] = [0]
        var sentenceTokens: [Int32] = [], sentenceFields: [UInt8] = [], sentenceBytes: [Int32] = [], sentenceStart: [Int32] = [0]
        let entryCount = counts.reduce(0) { $0 + $1.entryTerm.count }, sentenceCount = counts.reduce(0) { $0 + $1.sentenceTokens.count }
        entryTerm.reserveCapacity(entryCount)
        entryDoc.reserveCapacity(entryCount)
        entryTF.reserveCapacity(entryCount * fields)
        fieldLength.reserveCapacity(n * fields)
        forwardTerms.reserveCapacity(counts.reduce(0) { $0 + $1.forwardTerms.count })
        forwardStart.reserveCapacity(n + 1)
        sentenceTokens.reserveCapacity(sentenceCount)
        sentenceFields.reserveCapacity(sentenceCount)
        sentenceBytes.reserveCapacity(sentenceCount)
        sentenceStart.reserveCapacity(n + 1)
        for part in counts {
            entryTerm += part.entryTerm
            entryDoc += part.entryDoc
            entryTF += part.entryTF
            fieldLength += part.fieldLength
            let base = Int32(forwardTerms.count), sentenceBase = Int32(sentenceTokens.count)
            forwardTerms += part.forwardTerms
            forwardStart += part.forwardEnds.lazy.map { $0 + base }
            sentenceTokens += part.sentenceTokens.lazy.map { $0 + base }
            sentenceFields += part.sentenceFields
            sentenceBytes += part.sentenceBytes
            sentenceStart += part.sentenceEnds.lazy.map { $0 + sentenceBase }
        }

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
        let idfs = (0..<termCount).map { t -> Double in
            let df = Double(postingStart[t + 1] - postingStart[t])
            return log(1 + (Double(n) - df + 0.5) / (df + 0.5))
        }
        for e in 0..<entryTerm.count {
            let t = Int(entryTerm[e]), d = Int(entryDoc[e])
            let idf = idfs[t]
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

        let termIDF = idfs.map { Float($0) }

        // Surface words bucketed by length, for typos.
        var byLength: [[Int32]] = []
        for (i, word) in words.enumerated() {
            while byLength.count <= word.count { byLength.append([]) }
            byLength[word.count].append(Int32(i))
        }

        let entries = documents.enumerated().map { i, doc in
            DocumentEntry(id: doc.id, kind: doc.kind, title: doc.title, position: positions[i])
        }
        return IndexData(language: builder.stemmer.language, stopWords: StopWords.list(for: builder.stemmer.language),
                         documents: entries, stemIDs: builder.stemIDs, postingStart: Column(postingStart),
                         postingDocs: Column(postingDocs), postingScores: Column(postingScores), termIDF: Column(termIDF),
                         surfaceIDs: builder.surfaceIDs, surfaceWords: WordBytes(words), surfaceTerm: Column(builder.surfaceTerm),
                         sortedSurface: Column(sorted), surfaceByLength: byLength, groups: groupTerms, phrasesByFirstTerm: phrases,
                         termInGroup: termInGroup, forwardTerms: Column(forwardTerms), forwardStart: Column(forwardStart),
                         sentenceTokens: Column(sentenceTokens), sentenceFields: Column(sentenceFields),
                         sentenceBytes: Column(sentenceBytes), sentenceStart: Column(sentenceStart))
    }
}

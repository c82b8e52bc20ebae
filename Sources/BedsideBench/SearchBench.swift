import BedsideContent
import BedsideSearch
import CSQLite
import Foundation

/// Search figures (`make bench`) and search quality (`make search-eval`),
/// each for bedside's index and, side by side, SQLite FTS5 (porter
/// tokenizer, bm25 with bedside's field weights) on the same text.
enum SearchBench {
    static func run(_ options: BenchOptions) {
        let shipped = ContentLoader.load(root: options.content)
        let queries = EvalSet.load(options).map { $0.queries.map(\.text) } ?? EvalSet.fallbackQueries
        print("== search: \(queries.count) queries, each prefix of each as a keystroke (bedside: best of 3 runs per input)")
        measure(name: "shipped (\(shipped.topics.count) topics)", store: shipped, queries: queries, buildRuns: 50)
        do {
            let root = try CorpusGenerator.generate(count: options.generatedTopics, from: shipped)
            let generated = ContentLoader.load(root: root)
            measure(name: "generated (\(generated.topics.count) topics)", store: generated, queries: queries, buildRuns: 3)
        } catch {
            print("  generated corpus: could not be written (\(error))")
        }
    }

    static func buildRepeatedly(_ options: BenchOptions, runs: Int) {
        let store = ContentLoader.load(root: options.content)
        var builds: [Double] = []
        for _ in 0..<runs { builds.append(timedBuild { SearchIndex(store: store) }) }
        print(String(format: "%d builds, p50 %.2f ms", runs, Measure.percentile(builds, 0.5) * 1e3))
    }

    /// The time to build an index, without the time to free it afterwards
    /// (an app builds its index once and keeps it).
    static func timedBuild(_ build: () -> SearchIndex) -> Double {
        var built: SearchIndex?
        let seconds = Measure.seconds { built = build() }
        withExtendedLifetime(built) {}
        return seconds
    }

    static func measure(name: String, store: ContentStore, queries: [String], buildRuns: Int) {
        var index: SearchIndex?
        var builds: [Double] = []
        Measure.resetPeakRSS()
        let before = Measure.peakRSSMiB()
        for _ in 0..<buildRuns {
            index = nil // freeing the last index is not part of building the next
            builds.append(Measure.seconds { index = SearchIndex(store: store) })
        }
        let rss = Measure.peakRSSMiB() - before
        guard let index else { return }
        // Where a build's time goes: reading synonyms.yaml, and the field texts.
        let synonyms = SynonymsFile.load(contentRoot: store.root).groups
        var readSynonyms: [Double] = [], texts: [Double] = [], withSynonyms: [Double] = []
        for _ in 0..<buildRuns {
            readSynonyms.append(Measure.seconds { _ = SynonymsFile.load(contentRoot: store.root) })
            texts.append(Measure.seconds { _ = SearchDocument.all(in: store) })
            withSynonyms.append(timedBuild { SearchIndex(store: store, synonyms: synonyms) })
        }
        let whole = latencies(queries) { _ = index.search($0) }
        let keys = latencies(keystrokes(queries)) { _ = index.search($0) }
        let slowest = keystrokes(queries).map { q in (q, (0..<3).map { _ in Measure.seconds { _ = index.search(q) } * 1e3 }.min()!) }
            .sorted { $0.1 > $1.1 }.prefix(5).map { String(format: "'%@' %.2f ms", $0.0, $0.1) }
        print("  \(name): \(index.documentCount) documents, \(index.termCount) terms")
        print(String(format: "    bedside  build p50 %7.2f ms  min %7.2f ms   index %6.1f MiB (peak RSS +%.1f MiB)",
                     Measure.percentile(builds, 0.5) * 1e3, (builds.min() ?? 0) * 1e3,
                     Double(index.memoryBytes) / 1_048_576, rss))
        print(String(format: "    bedside  build parts (p50): read synonyms.yaml %.2f ms, field texts %.2f ms, build with synonyms given %.2f ms",
                     Measure.percentile(readSynonyms, 0.5) * 1e3, Measure.percentile(texts, 0.5) * 1e3,
                     Measure.percentile(withSynonyms, 0.5) * 1e3))
        print(String(format: "    bedside  query p50 %7.3f ms  p99 %7.3f ms   keystroke p50 %7.3f ms  p99 %7.3f ms (%d keystrokes)",
                     whole.p50, whole.p99, keys.p50, keys.p99, keys.count))
        print("    bedside  slowest keystrokes: " + slowest.joined(separator: ", "))

        let documents = SearchDocument.all(in: store)
        var fts: FTS5Index?
        let ftsBuild = Measure.seconds { fts = FTS5Index(documents) }
        guard let fts else { print("    fts5     could not be built"); return }
        // FTS5 per keystroke is slow at 10k: a slice of the queries keeps the bench short.
        let ftsKeys = latencies(keystrokes(Array(queries.prefix(documents.count > 1000 ? 25 : queries.count))), runs: 1) { _ = fts.search($0, prefix: true) }
        let ftsWhole = latencies(queries, runs: documents.count > 1000 ? 1 : 3) { _ = fts.search($0, prefix: false) }
        print(String(format: "    fts5     build     %7.2f ms", ftsBuild * 1e3))
        print(String(format: "    fts5     query p50 %7.3f ms  p99 %7.3f ms   keystroke p50 %7.3f ms  p99 %7.3f ms (%d keystrokes)",
                     ftsWhole.p50, ftsWhole.p99, ftsKeys.p50, ftsKeys.p99, ftsKeys.count))
    }

    /// Every prefix of every query, as typed letter by letter.
    static func keystrokes(_ queries: [String]) -> [String] {
        queries.flatMap { query in (1...max(query.count, 1)).map { String(query.prefix($0)) } }
    }

    /// Milliseconds per input: the best of `runs` tries, so that a moment
    /// when another process holds the CPU does not count as search time.
    static func latencies(_ inputs: [String], runs: Int = 3, _ body: (String) -> Void) -> (p50: Double, p99: Double, count: Int) {
        for input in inputs.prefix(50) { body(input) }  // warm up
        var times = [Double](repeating: .infinity, count: inputs.count)
        for _ in 0..<runs {
            for (i, input) in inputs.enumerated() { times[i] = min(times[i], Measure.seconds { body(input) } * 1e3) }
        }
        return (Measure.percentile(times, 0.5), Measure.percentile(times, 0.99), times.count)
    }

    // MARK: - Quality

    static func evaluate(_ options: BenchOptions) {
        guard let set = EvalSet.load(options) else {
            print("search evaluation: no query set at \(EvalSet.path(options))")
            return
        }
        let store = ContentLoader.load(root: options.content, language: options.language)
        let index = SearchIndex(store: store)
        // FTS5 has no Spanish stemmer: unicode61 folding accents is its best for Spanish.
        let fts = FTS5Index(SearchDocument.all(in: store), tokenizer: options.language == .en ? "porter unicode61" : "unicode61 remove_diacritics 2")
        let known = Set(SearchDocument.all(in: store).map(\.id))
        for query in set.queries {
            for id in query.ids where !known.contains(id) {
                print("\(query.file):\(query.line): warning: unknown id '\(id)' for \"\(query.text)\"")
            }
        }
        var ours: [String: [Score]] = [:], theirs: [String: [Score]] = [:]
        var misses: [String] = []
        for query in set.queries {
            let ranked = index.search(query.text, limit: 10).map(\.id)
            let ftsRanked = fts?.search(query.text, prefix: false) ?? []
            let score = Score(ranked: ranked, wanted: query.ids), ftsScore = Score(ranked: ftsRanked, wanted: query.ids)
            ours[query.category, default: []].append(score)
            theirs[query.category, default: []].append(ftsScore)
            if !score.hit3 && (options.showHeldOut || !EvalSet.isHeldOut(query.category)) {
                misses.append("  [\(query.category)] \"\(query.text)\" -> \(ranked.prefix(3).joined(separator: ", ")); wanted \(query.ids.joined(separator: "|"))")
            }
        }
        print("search evaluation (\(options.language.rawValue), stemmer \(index.language)): \(set.queries.count) queries from \(set.path)"
              + (FileManager.default.fileExists(atPath: EvalSet.heldOutPath(set.path)) ? " and \(EvalSet.heldOutPath(set.path))" : ""))
        print(pad("category", 14) + pad("n", 5) + "bedside hit@1  hit@3  MRR@10   |  fts5 hit@1  hit@3  MRR@10")
        for category in set.categories {
            print(row(category, ours[category] ?? [], theirs[category] ?? []))
        }
        // Held-out categories are never looked at while tuning: their misses are
        // printed only when asked for, so a tuning session does not see them by accident.
        let heldOut = set.categories.filter(EvalSet.isHeldOut), tuned = set.categories.filter { !EvalSet.isHeldOut($0) }
        if !heldOut.isEmpty {
            print(row("tuned", tuned.flatMap { ours[$0] ?? [] }, tuned.flatMap { theirs[$0] ?? [] }))
            print(row("held-out", heldOut.flatMap { ours[$0] ?? [] }, heldOut.flatMap { theirs[$0] ?? [] }))
        }
        print(row("overall", set.categories.flatMap { ours[$0] ?? [] }, set.categories.flatMap { theirs[$0] ?? [] }))
        print(misses.isEmpty ? "bedside misses (not in top 3): none" : "bedside misses (not in top 3):\n" + misses.joined(separator: "\n"))
        let hidden = set.queries.filter { EvalSet.isHeldOut($0.category) && !Score(ranked: index.search($0.text, limit: 10).map(\.id), wanted: $0.ids).hit3 }
        if !options.showHeldOut && !hidden.isEmpty {
            print("\(hidden.count) held-out misses not shown (--show-held-out prints them; never tune on them)")
        }
    }

    struct Score {
        var rank: Int?
        init(ranked: [String], wanted: [String]) { rank = ranked.prefix(10).firstIndex { wanted.contains($0) } }
        var hit1: Bool { rank == 0 }
        var hit3: Bool { (rank ?? 99) < 3 }
        var reciprocal: Double { rank.map { 1 / Double($0 + 1) } ?? 0 }
    }

    static func row(_ name: String, _ ours: [Score], _ theirs: [Score]) -> String {
        func figures(_ s: [Score]) -> String {
            let n = Double(max(s.count, 1))
            return String(format: "%6.2f %6.2f %7.3f", Double(s.filter(\.hit1).count) / n,
                          Double(s.filter(\.hit3).count) / n, s.map(\.reciprocal).reduce(0, +) / n)
        }
        return pad(name, 14) + pad("\(ours.count)", 5) + "       " + figures(ours) + "   |      " + figures(theirs)
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}

/// Tests/SearchEval/queries.yaml: `category:` lines, then `  - "query": [id, id]`;
/// and beside it queries.heldout.yaml, a set written blind, in the same format.
struct EvalSet {
    struct Query {
        var text: String, category: String, ids: [String], file: String, line: Int
    }
    var path: String
    var queries: [Query]
    var categories: [String]

    static let fallbackQueries = ["cant pee", "so thirsty", "broke my hip", "numb legs", "metastisis", "zometa",
                                  "what is a bone scan", "can I exercise", "anaemia", "hypercalcaemia"]

    /// Next to the content folder's parent (the repository), or BEDSIDE_SEARCH_EVAL.
    static func path(_ options: BenchOptions) -> String {
        if let explicit = ProcessInfo.processInfo.environment["BEDSIDE_SEARCH_EVAL"] { return explicit }
        let name = options.language == .en ? "queries.yaml" : "queries.\(options.language.rawValue).yaml"
        return URL(fileURLWithPath: options.content).standardized.deletingLastPathComponent()
            .appendingPathComponent("Tests/SearchEval/" + name).path
    }

    /// Categories named heldout… are held out from tuning.
    static func isHeldOut(_ category: String) -> Bool { category.hasPrefix("heldout") }

    static func heldOutPath(_ main: String) -> String {
        main.hasSuffix("queries.yaml") ? String(main.dropLast("yaml".count)) + "heldout.yaml"
            : main.replacingOccurrences(of: "queries.", with: "queries.heldout.")
    }

    static func load(_ options: BenchOptions) -> EvalSet? {
        let file = path(options)
        guard var set = load(file: file) else { return nil }
        if let blind = load(file: heldOutPath(file)) {
            set.queries += blind.queries
            set.categories += blind.categories.filter { !set.categories.contains($0) }
        }
        return set
    }

    static func load(file: String) -> EvalSet? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        var set = EvalSet(path: file, queries: [], categories: [])
        var category = "uncategorised"
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if !raw.hasPrefix(" "), line.hasSuffix(":") {
                category = String(line.dropLast())
                if !set.categories.contains(category) { set.categories.append(category) }
                continue
            }
            guard line.hasPrefix("- \""), let close = line.dropFirst(3).firstIndex(of: "\""),
                  let open = line.firstIndex(of: "["), let end = line.lastIndex(of: "]") else {
                print("\(file):\(i + 1): warning: expected '  - \"query\": [id, id]', skipped")
                continue
            }
            let query = String(line[line.index(line.startIndex, offsetBy: 3)..<close])
            let ids = line[line.index(after: open)..<end].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            set.queries.append(Query(text: query, category: category, ids: ids, file: file, line: i + 1))
        }
        return set
    }
}

/// The comparison: an in-memory FTS5 table with one column per search field.
final class FTS5Index {
    private var db: OpaquePointer?
    private var statement: OpaquePointer?
    private var ids: [String] = []
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init?(_ documents: [SearchDocument], tokenizer: String = "porter unicode61") {
        guard sqlite3_open(":memory:", &db) == SQLITE_OK else { return nil }
        let columns = SearchField.allCases.map(\.name).joined(separator: ", ")
        guard exec("CREATE VIRTUAL TABLE docs USING fts5(\(columns), tokenize = '\(tokenizer)')") else { return nil }
        _ = exec("BEGIN")
        var insert: OpaquePointer?
        let marks = SearchField.allCases.map { _ in "?" }.joined(separator: ", ")
        sqlite3_prepare_v2(db, "INSERT INTO docs(rowid, \(columns)) VALUES (?, \(marks))", -1, &insert, nil)
        for (i, document) in documents.enumerated() {
            sqlite3_bind_int64(insert, 1, Int64(i))
            for (f, text) in document.fields.enumerated() { sqlite3_bind_text(insert, Int32(f + 2), text, -1, Self.transient) }
            sqlite3_step(insert)
            sqlite3_reset(insert)
            ids.append(document.id)
        }
        sqlite3_finalize(insert)
        _ = exec("COMMIT")
        let weights = SearchField.allCases.map { String($0.weight) }.joined(separator: ", ")
        sqlite3_prepare_v2(db, "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, \(weights)) LIMIT 10", -1, &statement, nil)
    }

    deinit {
        sqlite3_finalize(statement)
        sqlite3_close(db)
    }

    private func exec(_ sql: String) -> Bool { sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK }

    /// Any of the query's words (quoted, so punctuation cannot break the
    /// syntax); while typing, the last word as a prefix.
    func search(_ query: String, prefix: Bool) -> [String] {
        let words = query.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard !words.isEmpty else { return [] }
        var terms = words.map { "\"\($0)\"" }
        if prefix, !(query.last?.isWhitespace ?? true) { terms[terms.count - 1] += "*" }
        sqlite3_reset(statement)
        sqlite3_bind_text(statement, 1, terms.joined(separator: " OR "), -1, Self.transient)
        var result: [String] = []
        while sqlite3_step(statement) == SQLITE_ROW { result.append(ids[Int(sqlite3_column_int64(statement, 0))]) }
        return result
    }
}

import ArgumentParser
import BedsideContent
import BedsidePack
import BedsideSearch
import Foundation

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search topics, glossary and flows.",
        discussion: """
            Plain words, typos and brand names work: "cant pee", "metastisis", "zometa".

            JSON output is an array of {id, kind, title, score, snippet}, best first; snippet.highlights are [start, end) Character offsets into snippet.text.
            """
    )

    @OptionGroup var options: ContentOptions
    @Argument(help: "The words to search for.") var query: [String]
    @Option(help: "Most results to show.") var limit: Int = 10
    @Option(help: "Output format.") var format: OutputFormat = .text

    struct Row: Encodable {
        struct SnippetRow: Encodable {
            var text: String
            var highlights: [[Int]]
        }
        var id: String, kind: String, title: String, score: Double, snippet: SnippetRow
    }

    func validate() throws {
        guard limit > 0 else { throw ValidationError(Catalogue().text(.cliLimitRange, ["limit": "\(limit)"])) }
        guard !query.joined().trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError(Catalogue()[.cliSearchEmpty])
        }
    }

    func run() throws {
        let (store, pack) = try options.loadWithPack()
        let packed = pack.searchIndex(for: store)
        // A fresh pack's index holds the symptom checks as they were packed,
        // and the files have not changed since (so `pack` said their problems):
        // they are not parsed again just to say nothing new.
        let problems = packed != nil ? store.diagnosticsExceptFlowsAndWalkthroughs : store.diagnostics
        for problem in problems where problem.severity == .error { printError(problem.formatted) }
        let index = packed ?? SearchIndex(store: store)
        for problem in index.diagnostics where problem.severity == .error { printError(problem.formatted) }
        let text = query.joined(separator: " ")
        let results = index.search(text, limit: limit)
        switch format {
        case .json:
            try printJSON(results.map { result in
                Row(id: result.id, kind: result.kind.rawValue, title: result.title,
                    score: (result.score * 1000).rounded() / 1000,
                    snippet: .init(text: result.snippet.text, highlights: result.snippet.highlights.map { [$0.lowerBound, $0.upperBound] }))
            })
        case .text:
            if let suggestion = index.suggestion(for: text) { print(store.strings.text(.cliSearchDidYouMean, ["suggestion": suggestion])) }
            if results.isEmpty { print(store.strings.text(.cliSearchNone, ["query": text])) }
            for (rank, result) in results.enumerated() {
                print("\(rank + 1). \(result.title)  [\(result.kind.rawValue): \(result.id)]  \(String(format: "%.2f", result.score))")
                print("   " + Self.marked(result.snippet))
            }
        }
    }

    /// The snippet with its highlights in *asterisks*, for plain terminals and pipes.
    static func marked(_ snippet: Snippet) -> String {
        var out = ""
        let characters = Array(snippet.text)
        var starts = Set<Int>(), ends = Set<Int>()
        for range in snippet.highlights { starts.insert(range.lowerBound); ends.insert(range.upperBound) }
        for (i, c) in characters.enumerated() {
            if ends.contains(i) { out += "*" }
            if starts.contains(i) { out += "*" }
            out.append(c)
        }
        if ends.contains(characters.count) { out += "*" }
        return out
    }
}

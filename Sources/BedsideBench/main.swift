import BedsideContent
import Foundation

// bedside-bench: printed figures, never assertions (see `make bench`).
//   --content DIR    the shipped content (default: Content)
//   --bin PATH       the bedside binary, for first-paint figures
//   --search-eval    only the search-quality evaluation (`make search-eval`)
//   --lang es        the evaluation in Spanish (Tests/SearchEval/queries.es.yaml)
//   --show-held-out  also list the held-out queries' misses (never tune on them)
//   --topics N       size of the generated corpus (default 10000)
//   --only PART      one part: content, flows, search, ui, hostile or pack;
//                    or first-answer with --bin A,B (two builds in turns)
//   --profile-search-build N   build the shipped search index N times (for perf)
var options = BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))

if let root = ProcessInfo.processInfo.environment[PackBench.partsChildEnv] {
    // A measuring child of the pack bench: where start-up time and memory go, from a clean heap.
    PackBench.openParts(root: root)
} else if ProcessInfo.processInfo.environment[HostileBench.childEnv] != nil {
    // A measuring child of the hostile-topic bench: it does only its one case.
    HostileBench.run(options)
} else if let runs = options.profileSearchBuild {
    // For a profiler: only build the shipped search index, many times.
    SearchBench.buildRepeatedly(options, runs: runs)
} else if options.searchEvalOnly {
    SearchBench.evaluate(options)
} else {
    if options.only == nil || options.only == "content" { ContentBench.run(options) }
    if options.only == nil || options.only == "content" || options.only == "flows" { FlowChainBench.run() }
    if options.only == nil || options.only == "search" { SearchBench.run(options) }
    if options.only == nil || options.only == "ui" { UIBench.run(options) }
    if options.only == nil || options.only == "hostile" { HostileBench.run(options) }
    if options.only == nil || options.only == "pack" { PackBench.run(options) }
    // Not part of a full run: the browser's first answer on the generated library,
    // for two builds taken in turns (--bin A,B), so machine drift hits both alike.
    if options.only == "first-answer" { PackBench.firstAnswerInTurns(options) }
}

struct BenchOptions {
    var content = "Content"
    var bin = ".build/release/bedside"
    var searchEvalOnly = false
    var showHeldOut = false
    var generatedTopics = 10_000
    var only: String?
    var profileSearchBuild: Int?
    var language: ContentLanguage = .en

    static func parse(_ args: [String]) -> BenchOptions {
        var options = BenchOptions()
        var iterator = args.makeIterator()
        while let arg = iterator.next() {
            switch arg {
            case "--content": options.content = iterator.next() ?? options.content
            case "--bin": options.bin = iterator.next() ?? options.bin
            case "--search-eval": options.searchEvalOnly = true
            case "--show-held-out": options.showHeldOut = true
            case "--lang": options.language = iterator.next().flatMap(ContentLanguage.parse) ?? .en
            case "--only": options.only = iterator.next()
            case "--profile-search-build": options.profileSearchBuild = iterator.next().flatMap(Int.init) ?? 200
            case "--topics": options.generatedTopics = iterator.next().flatMap(Int.init) ?? options.generatedTopics
            default:
                FileHandle.standardError.write(Data("bedside-bench: unknown option \(arg)\n".utf8))
                exit(2)
            }
        }
        return options
    }
}

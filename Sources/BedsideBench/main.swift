import BedsideContent
import Foundation

// bedside-bench: printed figures, never assertions (see `make bench`).
//   --content DIR    the shipped content (default: Content)
//   --bin PATH       the bedside binary, for first-paint figures
//   --search-eval    only the search-quality evaluation (`make search-eval`)
//   --topics N       size of the generated corpus (default 10000)
var options = BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))

if options.searchEvalOnly {
    SearchBench.evaluate(options)
} else {
    ContentBench.run(options)
    SearchBench.run(options)
    UIBench.run(options)
}

struct BenchOptions {
    var content = "Content"
    var bin = ".build/release/bedside"
    var searchEvalOnly = false
    var generatedTopics = 10_000

    static func parse(_ args: [String]) -> BenchOptions {
        var options = BenchOptions()
        var iterator = args.makeIterator()
        while let arg = iterator.next() {
            switch arg {
            case "--content": options.content = iterator.next() ?? options.content
            case "--bin": options.bin = iterator.next() ?? options.bin
            case "--search-eval": options.searchEvalOnly = true
            case "--topics": options.generatedTopics = iterator.next().flatMap(Int.init) ?? options.generatedTopics
            default:
                FileHandle.standardError.write(Data("bedside-bench: unknown option \(arg)\n".utf8))
                exit(2)
            }
        }
        return options
    }
}

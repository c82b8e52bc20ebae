// Owned by the SearchBench figures; filled in with its issue.
enum SearchBench {
    static func run(_ options: BenchOptions) { print("SearchBench: not measured yet") }
    static func evaluate(_ options: BenchOptions) { print("search evaluation: not built yet") }
}

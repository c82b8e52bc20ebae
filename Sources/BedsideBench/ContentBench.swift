// Owned by the ContentBench figures; filled in with its issue.
enum ContentBench {
    static func run(_ options: BenchOptions) { print("ContentBench: not measured yet") }

}

// Owned by the UIBench figures; filled in with its issue.
enum UIBench {
    static func run(_ options: BenchOptions) { print("UIBench: not measured yet") }

}

import ArgumentParser
import BedsideContent

// Not built yet: replaced when its engine lands.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Search topics, glossary and flows.")
    @Argument var query: [String]
    func run() throws { throw ValidationError("search is not built yet") }
}

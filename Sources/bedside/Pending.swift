import ArgumentParser
import BedsideContent

// Commands whose engines land in later steps; each says so plainly and fails.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the full-screen browser (default).")
    @OptionGroup var options: ContentOptions
    func run() throws {
        let store = try options.load()
        print("bedside: \(store.topics.count) topics loaded from \(store.root). The full-screen browser is not built yet; try 'bedside list' or 'bedside read ID'.")
    }
}
struct View: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open a Markdown file in the reader.")
    @Argument var file: String
    func run() throws { throw ValidationError("view is not built yet") }
}
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a topic as plain text.")
    @Argument var id: String
    func run() throws { throw ValidationError("read is not built yet") }
}
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Search topics, glossary and flows.")
    @Argument var query: [String]
    func run() throws { throw ValidationError("search is not built yet") }
}
struct FlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "flow", abstract: "Run a symptom flow.")
    func run() throws { throw ValidationError("flow is not built yet") }
}

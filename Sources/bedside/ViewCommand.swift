import ArgumentParser
import BedsideContent

// Not built yet: replaced when its engine lands.
struct View: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open a Markdown file in the reader.")
    @Argument var file: String
    func run() throws { throw ValidationError("view is not built yet") }
}

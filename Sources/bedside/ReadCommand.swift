import ArgumentParser
import BedsideContent

// Not built yet: replaced when its engine lands.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a topic as plain text.")
    @Argument var id: String
    func run() throws { throw ValidationError("read is not built yet") }
}

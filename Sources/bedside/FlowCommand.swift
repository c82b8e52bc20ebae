import ArgumentParser
import BedsideContent

// Not built yet: replaced when its engine lands.
struct FlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "flow", abstract: "Run a symptom flow.")
    func run() throws { throw ValidationError("flow is not built yet") }
}

import ArgumentParser
import BedsideContent

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the topics, section by section.")

    @OptionGroup var options: ContentOptions
    @Option(help: "Output format.") var format: OutputFormat = .text

    struct Row: Encodable {
        var id: String, title: String, section: String, path: String
    }

    func run() throws {
        let store = try options.load()
        for problem in store.diagnostics where problem.severity == .error { printError(problem.formatted) }
        let rows = store.topics.map { Row(id: $0.id, title: $0.title, section: $0.section, path: $0.path) }
        switch format {
        case .json: try printJSON(rows)
        case .text:
            for section in store.manifest.sections {
                let topics = rows.filter { $0.section == section.id }
                guard !topics.isEmpty else { continue }
                print(section.title)
                for topic in topics { print("  \(topic.id.padding(toLength: 36, withPad: " ", startingAt: 0)) \(topic.title)") }
            }
        }
    }
}

import ArgumentParser
import BedsideContent
import BedsideUI

struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a topic as wrapped plain text (for screen readers, scripts and tests).")

    @OptionGroup var options: ContentOptions
    @Argument(help: "The topic id (see 'bedside list').") var id: String
    @Option(help: "Wrap at this many columns.") var width: Int = 80

    func run() throws {
        guard (20...1000).contains(width) else { throw ValidationError("--width must be from 20 to 1000") }
        let store = try options.load()
        guard let text = PlainTextPage.render(topicID: id, store: store, width: width) else {
            let near = store.topics.map(\.id).filter { EditDistance.between($0, id) <= 3 || $0.contains(id) }
            var message = "no topic with id '\(id)'"
            if !near.isEmpty { message += ". Did you mean: \(near.prefix(3).joined(separator: ", "))?" }
            throw contentError(message + " ('bedside list' shows every topic)")
        }
        print(text, terminator: "")
    }
}

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
        guard (20...1000).contains(width) else { throw ValidationError(Catalogue()[.cliWidthRange]) }
        let store = try options.load()
        let words = store.strings
        guard let text = PlainTextPage.render(topicID: id, store: store, width: width) else {
            throw contentError(words.text(.cliNoTopic, ["id": id]) + DidYouMean.sentence(near: id, among: store.topics.map(\.id), words)
                               + words[.cliListTopics])
        }
        print(text, terminator: "")
    }
}

import ArgumentParser
import BedsideContent
import Foundation
import BedsideUI

struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a topic as wrapped plain text (for screen readers, scripts and tests).")

    @OptionGroup var options: ContentOptions
    @Argument(help: "The topic id (see 'bedside list').") var id: String
    @Option(help: "Wrap at this many columns.") var width: Int = 80
    @Option(help: "The site config file, for the clinic's phone numbers (default: /etc/bedside/site.yaml, then $XDG_CONFIG_HOME/bedside/site.yaml).")
    var site: String?

    func run() throws {
        guard (20...1000).contains(width) else { throw ValidationError(Catalogue()[.cliWidthRange]) }
        let store = try options.load()
        let words = store.strings
        let (config, problems) = SiteConfig.load(explicit: site, environment: ProcessInfo.processInfo.environment)
        if let problem = problems.first(where: { $0.severity == .error }) { throw contentError(problem.formatted) }
        guard let text = PlainTextPage.render(topicID: id, store: store, site: config, width: width) else {
            throw contentError(words.text(.cliNoTopic, ["id": id]) + DidYouMean.sentence(near: id, among: store.topics.map(\.id), words)
                               + words[.cliListTopics])
        }
        print(text, terminator: "")
    }
}

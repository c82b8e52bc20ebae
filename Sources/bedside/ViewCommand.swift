import ArgumentParser
import BedsideContent
import BedsideUI
import Foundation

struct View: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open any Markdown file in the reader (no content store needed).")

    @Argument(help: "The Markdown file.") var file: String
    @Option(help: "Colours: default, high-contrast or monochrome.") var theme: String = "default"

    func run() throws {
        var problems: [Diagnostic] = []
        guard let text = ContentLoader.readText(file, &problems, missingIsError: true) else {
            throw contentError(problems.first?.formatted ?? Catalogue().text(.cliNotUtf8, ["path": file]))
        }
        // A file with front matter shows its body; the fields are not for reading.
        var body = text, firstLine = 1
        if case .success(let split) = FrontMatter.split(text) {
            body = split.body
            firstLine = split.bodyFirstLine
        }
        let document = MarkdownParser.parse(body, firstLine: firstLine)
        try TUILauncher.launch(page: .file(file), store: ContentStore(), site: .defaults,
                               theme: try TUILauncher.theme(theme, Catalogue()), file: (file, document))
    }
}

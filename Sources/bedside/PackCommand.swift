import ArgumentParser
import BedsideContent
import BedsidePack
import Foundation

struct Pack: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the content pack: topics and the search index in one file every session shares.",
        discussion: """
            Every command and the browser use the pack in the content folder (bedside.pack) while it matches the
            content files, and read the files when it does not. Run it again after editing content.
            The file format is in docs/pack-format.md.
            """
    )

    @Option(name: .long, help: "The content folder (default: ./Content, then the installed share/bedside/Content).")
    var content: String?
    @Option(name: .long, help: "Where to write the pack (default: bedside.pack in the content folder).")
    var output: String?

    func run() throws {
        let root = try ContentLocator.locate(explicit: content)
        let path = output ?? root + "/" + ContentPack.fileName
        let text = ContentLoader.catalogue(root: root, language: .en)
        let report: PackWriter.Report
        do {
            report = try PackWriter.write(root: root, to: path, version: Bedside.configuration.version)
        } catch let error as PackError {
            printError(text.text(.cliError, ["message": error.description]))
            throw ExitCode(1)
        }
        for problem in report.diagnostics where problem.severity == .error {
            printError(text.text(.cliSkipped, ["message": problem.formatted]))
        }
        let counts = report.topics.keys.sorted { $0.rawValue < $1.rawValue }.map { language in
            text.text(.cliPackCounts, ["language": language.rawValue, "topics": "\(report.topics[language] ?? 0)",
                                       "documents": "\(report.documents[language] ?? 0)"])
        }
        let size = ByteCountFormatter.string(fromByteCount: Int64(report.bytes), countStyle: .file)
        print(text.text(.cliPackWritten, ["path": path, "size": size, "files": "\(report.files)", "counts": counts.joined(separator: "; ")]))
    }
}

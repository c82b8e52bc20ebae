import ArgumentParser
import BedsideContent
import BedsidePack
import Foundation

@main
struct Bedside: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bedside",
        abstract: "Learn about bone metastases at a terminal: topics, a glossary, search and symptom checks.",
        discussion: "With no command, bedside opens the full-screen browser.",
        version: "0.18.0",
        subcommands: [Run.self, View.self, Check.self, List.self, Read.self, Search.self, FlowCommand.self, Pack.self],
        defaultSubcommand: Run.self
    )
}

/// `--content DIR` and `--lang`, shared by every command.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder (default: ./Content, then the installed share/bedside/Content).")
    var content: String?
    @Option(name: .long, help: "The language: en or es (default: the site config's language, then the locale, then en).")
    var lang: String?

    func validate() throws {
        if let lang, ContentLanguage.parse(lang) == nil {
            throw ValidationError(Catalogue().text(.cliUnknownLanguage, ["name": lang, "names": ContentLanguage.allCases.map(\.rawValue).joined(separator: ", ")]))
        }
    }

    /// The language asked for: --lang, else the site's, else the locale's.
    func language(site: SiteConfig? = nil) -> ContentLanguage {
        let environment = ProcessInfo.processInfo.environment
        let site = site ?? SiteConfig.load(explicit: nil, environment: environment).0
        return ContentLanguage.resolve(option: lang, site: site.language?.rawValue, environment: environment)
    }

    /// Finds and loads the content store, or exits with a clear message.
    func load(background: Bool = false, site: SiteConfig? = nil) throws -> ContentStore {
        try loadWithPack(background: background, site: site).store
    }

    /// The same, with the content pack it used (or tried): topics and the
    /// search index come from the folder's fresh `bedside.pack` when it has
    /// one. A pack that cannot be used is said on stderr (not in the
    /// background, where the check waits until topics are first needed).
    func loadWithPack(background: Bool = false, site: SiteConfig? = nil) throws -> (store: ContentStore, pack: PackedContent) {
        let root = try ContentLocator.locate(explicit: content)
        let pack = PackedContent(root: root)
        let store = pack.load(language: language(site: site), background: background)
        KeptUntilExit.stores.append(store)
        if !background, case .unusable(let error) = pack.status {
            printError(store.strings.text(.cliWarning, ["message": store.strings.text(.cliPackUnusable, ["reason": error.description])]))
        }
        return (store, pack)
    }
}

/// Stores a command loaded, never freed: the process ends right after the
/// command, and freeing 10,000 topics one by one only delays that exit.
enum KeptUntilExit {
    nonisolated(unsafe) static var stores: [ContentStore] = []
}

enum ContentLocator {
    static func locate(explicit: String?) throws -> String {
        let fm = FileManager.default
        if let explicit {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: explicit, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError(Catalogue().text(.cliNoContentFolder, ["path": explicit]))
            }
            return explicit
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = ["Content", // not-ui: a folder name
                          executable.appendingPathComponent("../share/bedside/Content").standardized.path, // not-ui: a path
                          "/usr/local/share/bedside/Content", "/usr/share/bedside/Content"] // not-ui: paths
        for candidate in candidates where fm.fileExists(atPath: candidate + "/sections.yaml") {
            return candidate
        }
        throw ValidationError(Catalogue().text(.cliNoContent, ["paths": candidates.map { $0 + "/sections.yaml" }.joined(separator: ", ")]))
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

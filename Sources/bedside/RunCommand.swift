import BedsideWiring
import ArgumentParser
import BedsideContent
import BedsidePack
import BedsideTerminal
import BedsideUI
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the full-screen browser (the default command).")

    @OptionGroup var options: ContentOptions
    @Option(help: "The site config file (default: /etc/bedside/site.yaml, then $XDG_CONFIG_HOME/bedside/site.yaml).") var site: String?
    @Option(help: "Colours: default, high-contrast or monochrome (NO_COLOR is honoured).") var theme: String?
    @Option(help: "Start at this topic.") var topic: String?
    @Flag(help: "Kiosk mode for a shared clinic screen: no way out but the staff PIN, idle reset, nothing saved.") var kiosk = false

    func run() throws {
        // Topics, flows and walkthroughs are parsed on a background thread
        // once the home screen, which needs none of them, is drawn.
        let (config, problems) = SiteConfig.load(explicit: site, environment: ProcessInfo.processInfo.environment)
        if let error = problems.first(where: { $0.severity == .error }) { throw contentError(error.formatted) }
        let (store, pack) = try options.loadWithPack(background: true, site: config)
        let themeName = try TUILauncher.theme(theme ?? config.theme, store.strings)
        var page = Page.home
        if let topic {
            guard store.topic(topic) != nil else {
                let text = store.strings
                throw ValidationError(text.text(.cliNoTopic, ["id": topic]) + DidYouMean.sentence(near: topic, among: store.topics.map(\.id), text)
                                      + text[.cliListTopics])
            }
            page = .topic(topic)
        }
        let kioskMode = kiosk || config.kiosk.enabled
        if kioskMode && config.kiosk.exitPinHash == nil {
            printError(store.strings.text(.cliWarning, ["message": store.strings[.cliKioskNoPin]]))
        }
        try TUILauncher.launch(page: page, store: store, site: config, theme: themeName, kiosk: kioskMode, pack: pack)
        // After the screen is restored, so the message stays on the terminal
        // (written before, the full screen would cover it at once).
        for skipped in store.diagnostics where skipped.severity == .error {
            printError(store.strings.text(.cliSkipped, ["message": skipped.formatted]))
        }
    }
}

enum TUILauncher {
    static func theme(_ name: String, _ text: Catalogue) throws -> ThemeName {
        guard let theme = ThemeName(rawValue: name) else {
            throw ValidationError(text.text(.cliUnknownTheme, ["name": name, "names": ThemeName.allCases.map(\.rawValue).joined(separator: ", ")]))
        }
        return theme
    }

    static func launch(page: Page, store: ContentStore, site: SiteConfig, theme: ThemeName, kiosk: Bool = false,
                       file: (path: String, document: Document)? = nil, pack: PackedContent? = nil) throws {
        let terminal: Terminal
        do {
            terminal = try Terminal(theme: theme, rawInput: true)
        } catch let error as TerminalError {
            // Not a usage mistake: the terminal cannot do it. Say why, exit 1.
            printError(store.strings.text(.cliError, ["message": error.describe(store.strings)]))
            throw ExitCode(1)
        }
        let library = Library(first: store, site: site, unicode: terminal.unicode, kiosk: kiosk, file: file, pack: pack)
        let env = library.environment(store.language)!
        var state = AppState(page: page)
        let (width, height) = terminal.size
        state.width = width
        state.height = height
        if case .topic = page { state = App.update(state, .resize(width: width, height: height), env).0 }
        // A pack that could not be used is said to staff once topics are read; never on a kiosk's screen.
        var notice: (@Sendable () -> String?)?
        if !kiosk, let pack {
            notice = {
                _ = store.topics
                guard case .unusable(let error) = pack.status else { return nil }
                return store.strings.text(.noticePackUnusable, ["reason": error.reason])
            }
        }
        EventLoop.run(state, env, terminal: terminal, environment: library.environment,
                      afterFirstFrame: { library.prepareInBackground(store.language) },
                      notice: notice) {
            SummaryOutput.perform($0, site: site, text: store.strings)
        }
    }
}

/// The library in each language the content holds. The first is the one
/// asked for; another is read the first time a reader switches to it (`L`),
/// then kept, so switching back and forth is instant.
final class Library: @unchecked Sendable {
    private var environments: [ContentLanguage: AppEnvironment] = [:]
    private let root: String
    private let site: SiteConfig
    private let unicode: Bool
    private let kiosk: Bool
    private let file: (path: String, document: Document)?
    private let languages: [(language: ContentLanguage, name: String)]
    private let homeLanguage: ContentLanguage
    private let pack: PackedContent?

    init(first store: ContentStore, site: SiteConfig, unicode: Bool, kiosk: Bool, file: (path: String, document: Document)?,
         pack: PackedContent? = nil) {
        root = store.root
        self.pack = pack
        self.site = site
        self.unicode = unicode
        self.kiosk = kiosk
        self.file = file
        // `bedside view FILE` shows one file: there is nothing to translate.
        let available = file == nil ? ContentLoader.languages(root: store.root) : [store.language]
        languages = available.map { language in
            (language, language == store.language ? store.strings[.languageName] : ContentLoader.catalogue(root: store.root, language: language)[.languageName])
        }
        // A kiosk's idle reset returns to the language it started in (the site's, or the locale's).
        homeLanguage = store.language
        environments[store.language] = make(store)
    }

    func environment(_ language: ContentLanguage) -> AppEnvironment? {
        if let ready = environments[language] { return ready }
        guard languages.contains(where: { $0.language == language }) else { return nil }
        let store = pack?.load(language: language) ?? ContentLoader.load(root: root, language: language)
        let env = make(store)
        environments[language] = env
        return env
    }

    /// Once the first screen is up, on another thread: the topics, then a
    /// pack's search index (opened and checked on both cores), then the
    /// symptom checks and walkthroughs, so a reader's first search never
    /// shares the cores with the checks' parsing.
    func prepareInBackground(_ language: ContentLanguage) {
        guard let store = environments[language]?.store, let search = adapters[language] else { return }
        Thread.detachNewThread {
            _ = store.topics
            search.openPackedIndex()
            _ = store.flows
        }
    }

    private var adapters: [ContentLanguage: SearchAdapter] = [:]

    private func make(_ store: ContentStore) -> AppEnvironment {
        let search = SearchAdapter(store: store, pack: pack)
        adapters[store.language] = search
        let pinHash = site.kiosk.exitPinHash
        var env = AppEnvironment(store: store, site: site, unicode: unicode, kiosk: kiosk, file: file,
                                 search: { search.search($0) },
                                 verifyPIN: { PINCheck.matches(pin: $0, hash: pinHash) })
        env.languages = languages
        env.homeLanguage = homeLanguage
        // The other language's search, for "Ver en español / View in English" (two languages: the other one).
        if let other = languages.first(where: { $0.language != store.language }), languages.count == 2 {
            env.otherLanguageSearch = { [unowned self] query in
                // Words this language knows are typed in it: no offer, however the other scores.
                guard !search.understands(query), let otherEnv = self.environment(other.language) else { return nil }
                let hits = otherEnv.search(query).hits
                return (other.language, hits, otherEnv.store.strings.plural(.searchOtherLanguage, hits.count))
            }
        }
        // Called from the event loop's thread only, like environment(_:).
        if let staff = site.staffCopyLanguage, staff != store.language, languages.contains(where: { $0.language == staff }) {
            env.staffCopy = { [unowned self] visit, clock in
                guard let staffEnv = self.environment(staff) else { return (text: "", markdown: "") }
                return (SummaryWriter.text(visit, staffEnv, at: clock), SummaryWriter.markdown(visit, staffEnv, at: clock))
            }
        }
        return env
    }
}

import BedsideWiring
import ArgumentParser
import BedsideContent
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
        let store = try options.load(background: true)
        let (config, problems) = SiteConfig.load(explicit: site, environment: ProcessInfo.processInfo.environment)
        if let error = problems.first(where: { $0.severity == .error }) { throw contentError(error.formatted) }
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
        try TUILauncher.launch(page: page, store: store, site: config, theme: themeName, kiosk: kioskMode)
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
                       file: (path: String, document: Document)? = nil) throws {
        let terminal: Terminal
        do {
            terminal = try Terminal(theme: theme, rawInput: true)
        } catch let error as TerminalError {
            // Not a usage mistake: the terminal cannot do it. Say why, exit 1.
            printError(store.strings.text(.cliError, ["message": error.describe(store.strings)]))
            throw ExitCode(1)
        }
        let search = SearchAdapter(store: store)
        let pinHash = site.kiosk.exitPinHash
        let env = AppEnvironment(store: store, site: site, unicode: terminal.unicode, kiosk: kiosk, file: file,
                                 search: { search.search($0) },
                                 verifyPIN: { PINCheck.matches(pin: $0, hash: pinHash) })
        var state = AppState(page: page)
        let (width, height) = terminal.size
        state.width = width
        state.height = height
        if case .topic = page { state = App.update(state, .resize(width: width, height: height), env).0 }
        EventLoop.run(state, env, terminal: terminal, afterFirstFrame: { store.loadInBackground() }) {
            SummaryOutput.perform($0, site: site, text: store.strings)
        }
    }
}

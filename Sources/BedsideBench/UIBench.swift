import BedsideContent
import BedsideUI
import Foundation

/// Issue 6 figures: first paint and peak RSS of `bedside view FILE` and of
/// the home screen, measured in a pty the same way for less and w3m on the
/// same Markdown file; and the time to render one full frame in the pure core.
enum UIBench {
    static let paintRuns = 10

    static func run(_ options: BenchOptions) {
        let store = ContentLoader.load(root: options.content)
        guard let topic = store.topics.max(by: { (store.body(of: $0.id)?.utf8.count ?? 0) < (store.body(of: $1.id)?.utf8.count ?? 0) }),
              let body = store.body(of: topic.id) else {
            print("UIBench: no topics in \(options.content)")
            return
        }
        firstPaint(options, store: store, topic: topic, body: body)
        renderFrames(store: store, topic: topic)
    }

    // MARK: - First paint in a pty

    static func firstPaint(_ options: BenchOptions, store: ContentStore, topic: TopicInfo, body: String) {
        // The longest topic's Markdown without front matter, so every viewer's
        // first screen shows the start of the same text.
        let file = NSTemporaryDirectory() + "bedside-bench-view.md"
        let home = NSTemporaryDirectory() + "bedside-bench-home"
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        guard (try? body.write(toFile: file, atomically: true, encoding: .utf8)) != nil else {
            print("UIBench: cannot write \(file)")
            return
        }
        let viewMarker = longestWord(firstParagraph(MarkdownParser.parse(body)) ?? topic.title)
        let homeMarker = longestWord(store.manifest.sections.first?.title ?? "bedside")
        let environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": home, "LESSHISTFILE": "-",
                           "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let bin = URL(fileURLWithPath: options.bin).path
        print("== UI: first paint and peak RSS in an 80x24 pty (median of \(paintRuns) runs) ==")
        print("  file: \(file) (body of '\(topic.id)', \(body.utf8.count) bytes); marker '\(viewMarker)', home marker '\(homeMarker)'")
        var cases: [(String, PtyRun)] = []
        if FileManager.default.isExecutableFile(atPath: bin) {
            cases.append(("bedside view FILE", PtyRun(path: bin, arguments: ["view", file], environment: environment, marker: viewMarker)))
            cases.append(("bedside home (--content)", PtyRun(path: bin, arguments: ["--content", options.content],
                                                            environment: environment, marker: homeMarker)))
        } else {
            print("  bedside: no executable at \(bin) (pass --bin)")
        }
        for (name, path, arguments, quit) in [("less FILE", "/usr/bin/less", [file], "q"),
                                             ("w3m FILE", "/usr/bin/w3m", ["-o", "confirm_qq=0", file], "q")] {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                print("  \(name): not installed (make deps installs it)")
                continue
            }
            cases.append((name, PtyRun(path: path, arguments: arguments, environment: environment, marker: viewMarker, quitKeys: quit)))
        }
        print("  " + "program".padding(toLength: 26, withPad: " ", startingAt: 0) + "first paint        peak RSS (VmHWM)   ru_maxrss*")
        for (name, run) in cases {
            var results: [PtyRun.Result] = []
            do {
                for _ in 0..<paintRuns { results.append(try run.run()) }
            } catch {
                print("  \(name): \(error)")
                continue
            }
            print("  " + name.padding(toLength: 26, withPad: " ", startingAt: 0)
                  + String(format: "%6.1f ms (min %5.1f)  %6.1f MiB          %6.1f MiB",
                           Measure.median(results.map(\.firstPaint)) * 1e3, results.map(\.firstPaint).min()! * 1e3,
                           Measure.median(results.map(\.peakMiB)), Measure.median(results.map(\.maxrssMiB))))
        }
        print("  targets: first paint <= 15 ms, RSS <= 12 MB. *ru_maxrss from wait4 includes the spawning")
        print("  process's own peak (Linux keeps it across exec), so VmHWM of the program is the figure to read.")
    }

    static func firstParagraph(_ document: Document) -> String? {
        for block in document.blocks {
            if case .paragraph(let inlines) = block { return inlines.plainText }
        }
        return nil
    }

    /// The longest run of letters: a word that is drawn in one piece.
    static func longestWord(_ text: String) -> String {
        let words: [Substring] = text.split(whereSeparator: { (c: Character) in !c.isLetter })
        return words.max(by: { $0.count < $1.count }).map(String.init) ?? text
    }

    // MARK: - Render time in the pure core

    static func renderFrames(store: ContentStore, topic: TopicInfo) {
        print("== UI: render one full frame (pure core, topic '\(topic.id)') ==")
        for (width, height) in [(80, 24), (200, 60)] {
            for page in [Page.home, Page.topic(topic.id)] {
                let name = page == .home ? "home" : "topic"
                // First frame: a new environment, so the page is laid out too.
                var cold: [Double] = []
                for _ in 0..<20 {
                    let env = AppEnvironment(store: store)
                    cold.append(Measure.seconds { _ = Renderer.render(initialState(page, width, height, env), env) })
                }
                // Later frames: the layout is cached; scroll through the page so frames differ.
                let env = AppEnvironment(store: store)
                var state = initialState(page, width, height, env)
                var states: [AppState] = []
                for i in 0..<200 {
                    states.append(state)
                    state = App.update(state, .key(i % 100 == 99 ? .home : .down), env).0
                }
                var warm: [Double] = []
                for i in 0..<4000 {
                    let frame = states[i % states.count]
                    warm.append(Measure.seconds { _ = Renderer.render(frame, env) })
                }
                print(String(format: "  %3dx%-3d %-6@ frame %7.1f us median, %7.1f us p99; first frame incl. layout %7.1f us",
                             width, height, name, Measure.median(warm) * 1e6, Measure.percentile(warm, 0.99) * 1e6, Measure.median(cold) * 1e6))
            }
        }
    }

    static func initialState(_ page: Page, _ width: Int, _ height: Int, _ env: AppEnvironment) -> AppState {
        let state = AppState(page: page, width: width, height: height)
        // As `bedside --topic` does: a resize event settles the layout.
        return App.update(state, .resize(width: width, height: height), env).0
    }
}

// MARK: - Running a program in a pty

/// Runs a full-screen program in a fresh pseudo-terminal and times its first
/// paint: from just before spawning until the output (escape sequences
/// removed) contains `marker`, plus whatever is already readable then. Then it
/// reads the program's peak RSS, sends the quit keys and reaps it.
struct PtyRun {
    var path: String
    var arguments: [String]
    var environment: [String: String]
    var marker: String
    var quitKeys = "q"
    var columns: UInt16 = 80
    var rows: UInt16 = 24

    struct Result {
        /// Seconds from spawn to the first screenful.
        var firstPaint: Double
        /// VmHWM of the program at first paint, MiB: the peak of its own
        /// address space since exec.
        var peakMiB: Double
        /// ru_maxrss from wait4, MiB. Linux carries the spawning process's
        /// peak across exec into this figure, so it is only a ceiling.
        var maxrssMiB: Double
    }

    func run(deadline seconds: Double = 10) throws -> Result {
        let session = try PtySession(path: path, arguments: arguments, environment: environment, columns: columns, rows: rows)
        guard let painted = session.waitFor(marker, deadline: seconds) else {
            session.stop()
            throw PtySession.Failure.noMarker(session.visibleText)
        }
        let peak = session.peakRSSMiB
        let usage = session.quit(quitKeys)
        return Result(firstPaint: painted, peakMiB: peak, maxrssMiB: Double(usage.ru_maxrss) / 1024)
    }
}

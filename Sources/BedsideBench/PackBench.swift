import BedsideContent
import BedsidePack
import BedsideSearch
import BedsideUI
import BedsideWiring
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Issue 15 figures: the content pack against reading the files, for the
/// shipped content and a generated 10,000-topic library. Every CLI and
/// browser figure is a fresh release process (the browser in its own pty);
/// "files" is the same folder with its pack moved aside.
enum PackBench {
    static let queries = ["bone pain", "can't pee", "very thirsty", "broke my hip", "radiation"]
    static let sessionCount = 50
    static let partsChildEnv = "BEDSIDE_BENCH_PACK_PARTS"

    static func run(_ options: BenchOptions) {
        let bin = URL(fileURLWithPath: options.bin).path
        guard FileManager.default.isExecutableFile(atPath: bin) else {
            print("== Content pack: no bedside executable at \(bin) (pass --bin)")
            return
        }
        let shipped = ContentLoader.load(root: options.content)
        print("== Content pack against the files (release; each CLI and browser figure is a fresh process) ==")
        // A copy of the shipped content, so the repository's Content never gets a pack from a bench.
        let copy = NSTemporaryDirectory() + "bedside-bench-pack-shipped"
        try? FileManager.default.removeItem(atPath: copy)
        do {
            try FileManager.default.copyItem(atPath: options.content, toPath: copy)
            try? FileManager.default.removeItem(atPath: copy + "/" + ContentPack.fileName)
            report(label: "shipped content (\(shipped.topics.count) topics a language)", root: copy, bin: bin,
                   readID: shipped.topics.first?.id ?? "", sessions: 10, fileSessions: 10)
        } catch {
            print("  shipped content: could not copy it: \(error)")
        }
        do {
            let root = try CorpusGenerator.generate(count: options.generatedTopics, from: shipped)
            report(label: "generated \(options.generatedTopics) topics", root: root, bin: bin,
                   readID: CorpusGenerator.topicID(42), sessions: sessionCount, fileSessions: 3)
            print("  targets at 10,000 topics (issue 15): pack <= 10 s; search <= 50 ms; read <= 30 ms; first paint <= 20 ms;")
            print("  first / answer <= 30 ms after start; keystroke p99 <= 2 ms; peak RSS <= 60 MB; USS per extra session <= 12 MB")
        } catch {
            print("  generated corpus: could not be written (\(error))")
        }
    }

    /// The browser's first paint and first `/` answer on the generated
    /// library with a pack, for each build in `--bin A,B`, taken in turns.
    static func firstAnswerInTurns(_ options: BenchOptions, rounds: Int = 15) {
        let bins = options.bin.split(separator: ",").map { URL(fileURLWithPath: String($0)).path }
        let shipped = ContentLoader.load(root: options.content)
        guard let root = try? CorpusGenerator.generate(count: options.generatedTopics, from: shipped),
              (try? PackWriter.write(root: root, to: root + "/" + ContentPack.fileName, version: "bench")) != nil else {
            print("first-answer: could not write the generated library and its pack")
            return
        }
        defer { try? FileManager.default.removeItem(atPath: root + "/" + ContentPack.fileName) }
        var paints = [[Double]](repeating: [], count: bins.count), answers = paints
        for _ in 0..<rounds {
            for (i, bin) in bins.enumerated() {
                guard let session = Browser(root: root, bin: bin).startAndSearch() else { continue }
                paints[i].append(session.paint)
                answers[i].append(session.answer)
                session.pty.stop()
            }
        }
        print("== First paint and first / answer, \(options.generatedTopics) topics with a pack, \(rounds) rounds in turns ==")
        for (i, bin) in bins.enumerated() {
            print(String(format: "  %@: first paint %.1f ms, first answer %.1f ms (medians)", bin,
                         Measure.median(paints[i]) * 1e3, Measure.median(answers[i]) * 1e3))
        }
    }

    static func report(label: String, root: String, bin: String, readID: String, sessions: Int, fileSessions: Int) {
        let packPath = root + "/" + ContentPack.fileName
        let aside = packPath + ".aside"
        try? FileManager.default.removeItem(atPath: packPath)
        try? FileManager.default.removeItem(atPath: aside)
        defer { try? FileManager.default.removeItem(atPath: packPath) }
        let files = ContentFiles.list(root: root)
        let markdownMiB = Double(files.reduce(0) { $0 + Int($1.size) }) / 1_048_576
        print("  \(label): \(files.count) files, \(String(format: "%.1f", markdownMiB)) MiB of Markdown and YAML")

        // bedside pack: each run writes the file afresh (it replaces the last one by rename).
        var packTimes: [Double] = []
        for _ in 0..<3 {
            guard let seconds = timedRun(bin, ["pack", "--content", root]) else {
                print("    bedside pack failed")
                return
            }
            packTimes.append(seconds)
        }
        let packMiB = Double((try? FileManager.default.attributesOfItem(atPath: packPath)[.size] as? Int) ?? 0) / 1_048_576
        print(String(format: "    bedside pack      %8.0f ms median of 3; the pack is %.1f MiB", Measure.median(packTimes) * 1e3, packMiB))
        // In a child, so its memory figures start from a clean heap.
        _ = timedRun("/proc/self/exe", [], environment: [partsChildEnv: root], output: true)

        let withPack = Figures.measure(root: root, bin: bin, readID: readID, cliRuns: 5, browserRuns: 5, sessions: sessions)
        try? FileManager.default.moveItem(atPath: packPath, toPath: aside)
        let withFiles = Figures.measure(root: root, bin: bin, readID: readID, cliRuns: 1, browserRuns: 3, sessions: fileSessions)
        try? FileManager.default.moveItem(atPath: aside, toPath: packPath)
        print("    " + "".padding(toLength: 42, withPad: " ", startingAt: 0) + "with the pack       reading the files")
        for (name, unit, a, b) in [("CLI search QUERY (median)", "ms", withPack.search, withFiles.search),
                                   ("CLI read ID (median)", "ms", withPack.read, withFiles.read),
                                   ("browser first paint, home (median)", "ms", withPack.firstPaint, withFiles.firstPaint),
                                   ("first / answer after start (median)", "ms", withPack.firstAnswer, withFiles.firstAnswer),
                                   ("  of which after the keys were sent", "ms", withPack.answerAfterKeys, withFiles.answerAfterKeys),
                                   ("keystroke p99 (update+search+render)", "ms", withPack.keystrokeP99, withFiles.keystrokeP99),
                                   ("peak RSS of one session (VmHWM)", "MiB", withPack.peakMiB, withFiles.peakMiB)] {
            print("    " + name.padding(toLength: 42, withPad: " ", startingAt: 0)
                  + String(format: "%8.1f %-3@       %8.1f %@", a, unit, b, unit))
        }
        for (name, figures, count) in [("with the pack", withPack, sessions), ("reading the files", withFiles, fileSessions)] {
            guard let memory = figures.sessions else { continue }
            print(String(format: "    %d sessions %@, each after a search: USS %.1f MiB a session (mean; max %.1f), PSS %.1f, RSS %.1f",
                         count, name, memory.uss, memory.maxUSS, memory.pss, memory.rss))
        }
    }

    /// Where the pack path's start-up time and private memory go, in this
    /// process (a child, so the figures start from a clean heap).
    static func openParts(root: String) {
        let before = privateDirtyMiB()
        var pack: ContentPack?
        let open = Measure.seconds { pack = try? ContentPack.open(root + "/" + ContentPack.fileName) }
        guard let pack else { print("    (the pack could not be opened)"); return }
        var stale: String?
        let fresh = Measure.seconds { stale = pack.staleness(root: root) }
        var topics: PackedTopics?
        let decode = Measure.seconds { topics = try? pack.topics(.en, root: root) }
        let decoded = privateDirtyMiB()
        let count = topics?.heads.count ?? 0
        topics = nil
        let content = PackedContent(root: root)
        var store = ContentStore()
        let start = privateDirtyMiB()
        let load = Measure.seconds { store = content.load(language: .en); _ = store.topics; _ = store.flows }
        let loaded = privateDirtyMiB()
        var index: SearchIndex?
        let openIndex = Measure.seconds { index = content.searchIndex(for: store) }
        let first = Measure.seconds { _ = index?.search("bone pain") }
        let searched = privateDirtyMiB()
        print(String(format: "    in process: map %.1f ms; freshness (%@, a stat per file) %.1f ms; %d topics decoded %.1f ms (+%.1f MiB private)",
                     open * 1e3, stale == nil ? "fresh" : "stale", fresh * 1e3, count, decode * 1e3, decoded - before))
        print(String(format: "      a whole store from the pack %.1f ms (+%.1f MiB private); its index opened %.1f ms, first query %.1f ms (+%.1f MiB)",
                     load * 1e3, loaded - start, openIndex * 1e3, first * 1e3, searched - loaded))
        withExtendedLifetime((store, index)) {}
    }

    /// Private dirty memory of this process (heap and other written pages), MiB.
    static func privateDirtyMiB() -> Double {
        let text = (try? String(contentsOfFile: "/proc/self/smaps_rollup", encoding: .utf8)) ?? ""
        let line = text.split(separator: "\n").first { $0.hasPrefix("Private_Dirty:") } ?? ""
        return (Double(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }

    /// Wall seconds of one run of `bin`, or nil if it failed. Spawned
    /// directly (Foundation's Process adds milliseconds of its own); its
    /// output is thrown away unless `output`, and anything it says on
    /// stderr (a stale pack) is printed, since the figure would then not be
    /// for the path it claims.
    static func timedRun(_ bin: String, _ arguments: [String], environment extra: [String: String] = [:], output: Bool = false) -> Double? {
        fflush(nil) // what this process printed comes before the child's lines
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if !output { posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 2)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { $1 }
        let argv = ([bin] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, bin, &actions, nil, argv, envp)
        close(pipe[1])
        defer { close(pipe[0]) }
        guard spawned == 0 else { return nil }
        var message = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(pipe[0], &buffer, buffer.count)
            if count <= 0 { break }
            message += buffer[0..<count]
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exitCode = (status >> 8) & 0xFF
        if status != 0 || !message.isEmpty {
            print("    \(arguments.joined(separator: " ")): exit \(exitCode) \(String(decoding: message.prefix(200), as: UTF8.self))")
            if status != 0 { return nil }
        }
        return seconds
    }
}

/// One path's figures (pack or files) for one content folder.
struct Figures {
    var search = 0.0, read = 0.0, firstPaint = 0.0, firstAnswer = 0.0, answerAfterKeys = 0.0, keystrokeP99 = 0.0, peakMiB = 0.0
    var sessions: (uss: Double, maxUSS: Double, pss: Double, rss: Double)?

    static func measure(root: String, bin: String, readID: String, cliRuns: Int, browserRuns: Int, sessions: Int) -> Figures {
        var figures = Figures()
        var searches: [Double] = [], reads: [Double] = []
        for _ in 0..<cliRuns {
            for query in PackBench.queries {
                if let seconds = PackBench.timedRun(bin, ["search", query, "--content", root]) { searches.append(seconds) }
            }
            for _ in 0..<2 {
                if let seconds = PackBench.timedRun(bin, ["read", readID, "--content", root]) { reads.append(seconds) }
            }
        }
        figures.search = Measure.median(searches) * 1e3
        figures.read = Measure.median(reads) * 1e3
        figures.keystrokeP99 = keystrokeP99(root: root)

        let browser = Browser(root: root, bin: bin)
        var paints: [Double] = [], answers: [Double] = [], afterKeys: [Double] = [], peaks: [Double] = []
        for _ in 0..<browserRuns {
            guard let session = browser.startAndSearch() else { continue }
            paints.append(session.paint)
            answers.append(session.answer)
            afterKeys.append(session.answer - session.sent)
            peaks.append(session.pty.peakRSSMiB)
            session.pty.stop()
        }
        figures.firstPaint = Measure.median(paints) * 1e3
        figures.firstAnswer = Measure.median(answers) * 1e3
        figures.answerAfterKeys = Measure.median(afterKeys) * 1e3
        figures.peakMiB = Measure.median(peaks)

        // Many sessions at once, each having searched; then what each costs the host.
        var open: [Browser.Session] = []
        for _ in 0..<sessions {
            if let session = browser.startAndSearch() { open.append(session) }
        }
        if !open.isEmpty {
            let memory = open.map(\.pty.memory)
            let uss = memory.map(\.private)
            figures.sessions = (uss.reduce(0, +) / Double(uss.count), uss.max() ?? 0,
                                memory.map(\.proportional).reduce(0, +) / Double(memory.count),
                                memory.map(\.resident).reduce(0, +) / Double(memory.count))
        }
        open.forEach { $0.pty.stop() }
        return figures
    }

    /// In this process, the browser's own work per key while a query is
    /// typed into the search box: update (which searches) and render.
    static func keystrokeP99(root: String) -> Double {
        let content = PackedContent(root: root)
        let store = content.load(language: .en)
        let adapter = SearchAdapter(store: store, pack: content)
        let env = AppEnvironment(store: store, search: { adapter.search($0) })
        _ = adapter.search("warm up") // the index is opened or built once, before any key is timed
        var times: [Double] = []
        for query in PackBench.queries + ["lost control of my bowels", "tired all the time", "bone scann"] {
            var state = App.update(AppState(page: .home, width: 80, height: 24), .resize(width: 80, height: 24), env).0
            state = App.update(state, .key(.char("/")), env).0
            for character in query {
                times.append(Measure.seconds {
                    state = App.update(state, .key(.char(character)), env).0
                    _ = Renderer.render(state, env)
                })
            }
        }
        return Measure.percentile(times, 0.99) * 1e3
    }
}

/// The browser in an 80x24 pty: first paint, then `/` and a query typed at
/// once, timed until the top result's title shows.
struct Browser {
    let root: String
    let bin: String
    let query = "bone pain"
    let homeMarker: String
    let titleWords: [String]

    struct Session {
        let pty: PtySession
        var paint: Double, sent: Double, answer: Double
    }

    init(root: String, bin: String) {
        self.root = root
        self.bin = bin
        let content = PackedContent(root: root)
        let store = content.load(language: .en)
        homeMarker = UIBench.longestWord(store.manifest.sections.first?.title ?? "bedside")
        let index = content.searchIndex(for: store) ?? SearchIndex(store: store)
        // The longest words of the first results' titles, best first: one of them marks the answer.
        titleWords = index.search(query, limit: 3).map { UIBench.longestWord($0.title) }
    }

    func startAndSearch() -> Session? {
        let environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory() + "bedside-bench-home",
                           "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        guard let pty = try? PtySession(path: bin, arguments: ["--content", root], environment: environment) else { return nil }
        guard let paint = pty.waitFor(homeMarker) else {
            print("    browser: no first paint; saw \(pty.visibleText.suffix(120))")
            pty.stop()
            return nil
        }
        // A word of a top title that is not on the home screen already.
        guard let marker = titleWords.first(where: { !pty.visibleText.contains($0) }) else {
            print("    browser: every top title word is already on the home screen")
            pty.stop()
            return nil
        }
        let from = pty.output.count
        let sent = pty.elapsed
        pty.send("/" + query)
        guard let answer = pty.waitFor(marker, from: from) else {
            print("    browser: no search answer; saw \(pty.visibleText.suffix(120))")
            pty.stop()
            return nil
        }
        return Session(pty: pty, paint: paint, sent: sent, answer: answer)
    }
}

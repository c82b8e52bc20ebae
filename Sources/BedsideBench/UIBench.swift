import BedsideContent
import BedsideUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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

    enum Failure: Error, CustomStringConvertible {
        case spawn(String), noPaint(String)
        var description: String {
            switch self {
            case .spawn(let why): return "could not start: \(why)"
            case .noPaint(let seen): return "no first paint within the deadline; saw: \(seen.suffix(200))"
            }
        }
    }

    func run(deadline seconds: Double = 10) throws -> Result {
        // posix_openpt/grantpt/unlockpt/ptsname need _XOPEN_SOURCE, which the Glibc module
        // lacks; on Linux they are these two ioctls (grantpt is a no-op on devpts).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw Failure.spawn("no pseudo-terminal") }
        defer { close(master) }
        var unlock: Int32 = 0, number: UInt32 = 0
        guard ioctl(master, Self.TIOCSPTLCK, &unlock) == 0, ioctl(master, Self.TIOCGPTN, &number) == 0 else {
            throw Failure.spawn("cannot unlock the pseudo-terminal")
        }
        let slaveName = "/dev/pts/\(number)"
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        // The child starts a new session and opens the pty's slave side as
        // fd 0, which makes it the controlling terminal (less reads /dev/tty).
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Self.POSIX_SPAWN_SETSID)

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure.spawn(String(cString: strerror(spawned))) }

        var output = [UInt8]()
        var painted: Double?
        let end = start + UInt64(seconds * 1e9)
        while painted == nil, DispatchTime.now().uptimeNanoseconds < end {
            guard read(master, into: &output, timeoutMs: 50) else { break }
            if Self.visibleText(output).contains(marker) {
                // Take what the same screen update already wrote.
                while read(master, into: &output, timeoutMs: 0) {}
                painted = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            }
        }
        let peak = Self.peakRSSMiB(of: pid)
        _ = quitKeys.utf8.withContiguousStorageIfAvailable { write(master, $0.baseAddress, $0.count) }
        // Drain until the program closes the terminal, so it never blocks on output.
        let quitBy = DispatchTime.now().uptimeNanoseconds + 3_000_000_000
        var sink = [UInt8]()
        while DispatchTime.now().uptimeNanoseconds < quitBy, read(master, into: &sink, timeoutMs: 50) { sink.removeAll() }
        var status: Int32 = 0
        var usage = rusage()
        if wait4(pid, &status, WNOHANG, &usage) == 0 {
            kill(pid, SIGTERM)   // our own child, which did not quit
            wait4(pid, &status, 0, &usage)
        }
        guard let painted else { throw Failure.noPaint(Self.visibleText(output)) }
        return Result(firstPaint: painted, peakMiB: peak, maxrssMiB: Double(usage.ru_maxrss) / 1024)
    }

    // Linux values (asm-generic ioctl numbers; glibc's spawn.h flag).
    static let TIOCSPTLCK: UInt = 0x4004_5431
    static let TIOCGPTN: UInt = 0x8004_5430
    static let POSIX_SPAWN_SETSID: Int16 = 0x80

    /// Appends what is readable within the timeout; false at end of output.
    private func read(_ fd: Int32, into output: inout [UInt8], timeoutMs: Int32) -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, timeoutMs)
        if ready <= 0 { return ready == 0 && timeoutMs > 0 }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = Glibc.read(fd, &buffer, buffer.count)
        guard count > 0 else { return false }   // EIO: the child closed the terminal
        output += buffer[0..<count]
        return true
    }

    /// The output with escape sequences (CSI, OSC, two-byte ESC x) and control
    /// bytes removed, so a marker word is found however it was drawn.
    static func visibleText(_ bytes: [UInt8]) -> String {
        var text = [UInt8]()
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x1B, i + 1 < bytes.count {
                let next = bytes[i + 1]
                if next == UInt8(ascii: "[") {
                    i += 2
                    while i < bytes.count, !(0x40...0x7E).contains(bytes[i]) { i += 1 }
                } else if next == UInt8(ascii: "]") {
                    i += 2
                    while i < bytes.count, bytes[i] != 0x07, bytes[i] != 0x1B { i += 1 }
                } else if next == UInt8(ascii: "(") || next == UInt8(ascii: ")") {
                    i += 2
                } else {
                    i += 1
                }
            } else if b >= 0x20 || b == 0x0A {
                text.append(b)
            }
            i += 1
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func peakRSSMiB(of pid: pid_t) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }
}

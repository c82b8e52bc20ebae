import Foundation
import XCTest

/// Runs the real bedside binary in a private tmux server: send keys, read the
/// screen, wait for text with a deadline (never a fixed sleep).
final class TmuxSession {
    let socket: String
    let dir: String
    let exitFile: String
    let sttyFile: String

    static var binary: String {
        if let bin = ProcessInfo.processInfo.environment["BEDSIDE_BIN"] { return bin }
        return repoRoot + "/.build/debug/bedside"
    }

    static var content: String {
        ProcessInfo.processInfo.environment["BEDSIDE_CONTENT"] ?? repoRoot + "/Content"
    }

    static var repoRoot: String {
        URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Starts `bedside ARGS` at width x height. After it exits, the shell
    /// records its exit code and the terminal modes, then waits.
    init(_ args: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        // Without a binary every wait below would run to its deadline (minutes
        // for the whole suite) before failing: say what is missing at once.
        try Self.requireBinary()
        dir = NSTemporaryDirectory() + "bedside-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        socket = dir + "/tmux.sock"
        exitFile = dir + "/exit"
        sttyFile = dir + "/stty"
        var env = ["LANG": "C.UTF-8", "TERM": "xterm-256color", "HOME": dir]
        env.merge(environment) { $1 }
        let envText = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let command = "env \(envText) \(Self.quote(Self.binary)) \(args.map(Self.quote).joined(separator: " ")); "
            + "echo $? > \(exitFile); echo BEDSIDE-EXITED; stty -a > \(sttyFile); sleep 60"
        try Self.tmux(["-S", socket, "new-session", "-d", "-x", "\(width)", "-y", "\(height)", command])
    }

    struct MissingBinary: Error, CustomStringConvertible {
        let path: String
        var description: String { "no bedside binary at \(path): build it (swift build, or make test-build) or set BEDSIDE_BIN" }
    }

    static func requireBinary() throws {
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw MissingBinary(path: binary) }
    }

    /// Runs the binary without a terminal (plain commands) and returns its exit
    /// status, standard output and standard error.
    static func runPlain(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try requireBinary()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read stderr on another thread so neither pipe can fill up and block the child.
        nonisolated(unsafe) var errText = ""
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
        let outText = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, outText, errText)
    }

    deinit {
        _ = try? Self.tmux(["-S", socket, "kill-server"])
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// The screen's rows, without the empty rows capture-pane adds at the end.
    static func rows(_ screen: String) -> [Substring] {
        var rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
        while rows.last?.isEmpty == true { rows.removeLast() }
        return rows
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs tmux with posix_spawn and waitpid. Output goes through a file, not a
    /// pipe, and Foundation's Process is not used: the tmux server that
    /// `new-session` forks inherits what the client had open and outlives it,
    /// which made pipe reads and Process.waitUntilExit hang.
    @discardableResult
    static func tmux(_ args: [String]) throws -> String {
        let outPath = NSTemporaryDirectory() + "bedside-tmux-" + UUID().uuidString
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = (["tmux"] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw NSError(domain: "tmux", code: Int(spawned), userInfo: [NSLocalizedDescriptionKey: "cannot start tmux: \(String(cString: strerror(spawned)))"])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7f) == 0
        let code = (status >> 8) & 0xff
        if (!exited || code != 0) && !args.contains("kill-server") {
            throw NSError(domain: "tmux", code: Int(code), userInfo: [NSLocalizedDescriptionKey: "tmux \(args.joined(separator: " ")): \(text)"])
        }
        return text
    }

    /// Keys by tmux name ("Tab", "Enter", "C-c", "BSpace") or plain letters.
    func send(_ keys: String...) throws { try Self.tmux(["-S", socket, "send-keys"] + keys) }
    func type(_ text: String) throws { try Self.tmux(["-S", socket, "send-keys", "-l", text]) }
    func resize(_ width: Int, _ height: Int) throws {
        try Self.tmux(["-S", socket, "resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    func screen() -> String { (try? Self.tmux(["-S", socket, "capture-pane", "-p"])) ?? "" }

    /// Polls the screen until `predicate` holds or the deadline passes.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 15, file: StaticString = #filePath, line: UInt = #line,
                 _ predicate: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen()
            if predicate(last) { return last }
            usleep(30_000)
        }
        XCTFail("timed out waiting for \(what). Screen:\n\(last)", file: file, line: line)
        return last
    }

    @discardableResult
    func waitFor(text: String, timeout: Double = 15, file: StaticString = #filePath, line: UInt = #line) -> String {
        waitFor("'\(text)'", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }

    /// Waits for the program to end; returns its exit code and the terminal modes it left.
    func waitForExit(file: StaticString = #filePath, line: UInt = #line) -> (code: Int32?, stty: String) {
        waitFor(text: "BEDSIDE-EXITED", file: file, line: line)
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, (try? String(contentsOfFile: sttyFile, encoding: .utf8))?.isEmpty ?? true { usleep(20_000) }
        let code = (try? String(contentsOfFile: exitFile, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return (code, (try? String(contentsOfFile: sttyFile, encoding: .utf8)) ?? "")
    }
}

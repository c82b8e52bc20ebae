import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A full-screen program running in its own pseudo-terminal, for as long as
/// a benchmark needs it: wait for a word on its screen, type keys, read its
/// memory, then stop it. `PtyRun` (one first paint) and the many-sessions
/// bench both drive programs through this.
final class PtySession {
    let pid: pid_t
    let master: Int32
    /// Monotonic nanoseconds just before the program was spawned.
    let started: UInt64
    /// Everything the program wrote so far, escape sequences included.
    private(set) var output: [UInt8] = []
    private var reaped = false

    enum Failure: Error, CustomStringConvertible {
        case spawn(String), noMarker(String)
        var description: String {
            switch self {
            case .spawn(let why): return "could not start: \(why)"
            case .noMarker(let seen): return "the expected text did not appear within the deadline; saw: \(seen.suffix(200))"
            }
        }
    }

    init(path: String, arguments: [String], environment: [String: String], columns: UInt16 = 80, rows: UInt16 = 24) throws {
        // posix_openpt/grantpt/unlockpt/ptsname need _XOPEN_SOURCE, which the Glibc module
        // lacks; on Linux they are these two ioctls (grantpt is a no-op on devpts).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw Failure.spawn("no pseudo-terminal") }
        var unlock: Int32 = 0, number: UInt32 = 0
        guard ioctl(master, Self.TIOCSPTLCK, &unlock) == 0, ioctl(master, Self.TIOCGPTN, &number) == 0 else {
            close(master)
            throw Failure.spawn("cannot unlock the pseudo-terminal")
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        // The child starts a new session and opens the pty's slave side as
        // fd 0, which makes it the controlling terminal (less reads /dev/tty).
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/pts/\(number)", O_RDWR, 0)
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
        started = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            close(master)
            throw Failure.spawn(String(cString: strerror(spawned)))
        }
        self.pid = pid
        self.master = master
    }

    deinit {
        stop()
        close(master)
    }

    /// Seconds since spawn.
    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }

    /// Reads until `marker` shows in what was written after byte `from`
    /// (escape sequences removed), then takes whatever the same screen update
    /// already wrote. Returns the seconds since spawn, or nil at the deadline.
    func waitFor(_ marker: String, from: Int = 0, deadline seconds: Double = 10) -> Double? {
        let end = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        while DispatchTime.now().uptimeNanoseconds < end {
            if Self.visibleText(output[min(from, output.count)...]).contains(marker) {
                while read(timeoutMs: 0) {}
                return elapsed
            }
            guard read(timeoutMs: 50) else { return nil }
        }
        return nil
    }

    /// The screen text written so far (escape sequences removed).
    var visibleText: String { Self.visibleText(output[...]) }

    func send(_ keys: String) {
        _ = keys.utf8.withContiguousStorageIfAvailable { write(master, $0.baseAddress, $0.count) }
    }

    /// Peak resident memory of the program since exec (VmHWM), MiB.
    var peakRSSMiB: Double { Self.statusField("VmHWM:", of: pid) / 1024 }

    /// Resident memory now, split as the kernel counts it (smaps_rollup),
    /// MiB: `private` (USS) is what this session alone costs the host;
    /// `proportional` (PSS) also charges it its share of pages it shares.
    var memory: (resident: Double, proportional: Double, private: Double) {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8) else { return (0, 0, 0) }
        var fields: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if parts.count >= 2, parts[0].hasSuffix(":"), let kb = Double(parts[1]) { fields[String(parts[0].dropLast())] = kb }
        }
        let mib = { (name: String) in (fields[name] ?? 0) / 1024 }
        return (mib("Rss"), mib("Pss"), mib("Private_Clean") + mib("Private_Dirty"))
    }

    /// Sends the quit keys, drains until the program closes the terminal (so
    /// it never blocks on output), and reaps it; SIGTERM if it does not quit.
    @discardableResult
    func quit(_ keys: String, within seconds: Double = 3) -> rusage {
        send(keys)
        let end = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        while DispatchTime.now().uptimeNanoseconds < end, read(timeoutMs: 50, keep: false) {}
        return stop()
    }

    /// Ends the program now (SIGTERM unless it has already exited) and reaps it.
    @discardableResult
    func stop() -> rusage {
        var usage = rusage()
        guard !reaped else { return usage }
        var status: Int32 = 0
        if wait4(pid, &status, WNOHANG, &usage) == 0 {
            kill(pid, SIGTERM)   // our own child
            while read(timeoutMs: 50, keep: false) {}
            wait4(pid, &status, 0, &usage)
        }
        reaped = true
        return usage
    }

    // Linux values (asm-generic ioctl numbers; glibc's spawn.h flag).
    static let TIOCSPTLCK: UInt = 0x4004_5431
    static let TIOCGPTN: UInt = 0x8004_5430
    static let POSIX_SPAWN_SETSID: Int16 = 0x80

    /// Appends what is readable within the timeout; false at end of output
    /// (or, with a zero timeout, when nothing more is there).
    private func read(timeoutMs: Int32, keep: Bool = true) -> Bool {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, timeoutMs)
        if ready <= 0 { return ready == 0 && timeoutMs > 0 }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = Glibc.read(master, &buffer, buffer.count)
        guard count > 0 else { return false }   // EIO: the child closed the terminal
        if keep { output += buffer[0..<count] }
        return true
    }

    static func statusField(_ name: String, of pid: pid_t) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
              let kb = Double(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") else { return 0 }
        return kb
    }

    /// The output with escape sequences (CSI, OSC, two-byte ESC x) and control
    /// bytes removed, so a marker word is found however it was drawn.
    static func visibleText(_ bytes: ArraySlice<UInt8>) -> String {
        var text = [UInt8]()
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == 0x1B, i + 1 < bytes.endIndex {
                let next = bytes[i + 1]
                if next == UInt8(ascii: "[") {
                    i += 2
                    while i < bytes.endIndex, !(0x40...0x7E).contains(bytes[i]) { i += 1 }
                } else if next == UInt8(ascii: "]") {
                    i += 2
                    while i < bytes.endIndex, bytes[i] != 0x07, bytes[i] != 0x1B { i += 1 }
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
}

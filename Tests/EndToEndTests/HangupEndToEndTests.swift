import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A terminal that hangs up before bedside can be told (the SIGHUP spent on
/// a wrapper, or blocked) must still end bedside. Found by hand: a `make run`
/// whose terminal closed during the build started bedside on a dead terminal,
/// where every read failed at once and the loop spun a core for minutes.
final class HangupEndToEndTests: XCTestCase {
    static let TIOCSPTLCK: UInt = 0x4004_5431
    static let TIOCGPTN: UInt = 0x8004_5430
    static let POSIX_SPAWN_SETSID: Int16 = 0x80
    static let POSIX_SPAWN_SETSIGMASK: Int16 = 0x08

    func testADeadTerminalEndsBedsideInsteadOfSpinning() throws {
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        XCTAssertGreaterThanOrEqual(master, 0)
        var unlock: Int32 = 0, number: UInt32 = 0
        XCTAssertEqual(ioctl(master, Self.TIOCSPTLCK, &unlock), 0)
        XCTAssertEqual(ioctl(master, Self.TIOCGPTN, &number), 0)
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        // A new session whose terminal is the pty, with SIGHUP blocked: the
        // hangup below is never delivered, as when it went to someone else.
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/pts/\(number)", O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGHUP)
        posix_spawnattr_setsigmask(&attributes, &blocked)
        posix_spawnattr_setflags(&attributes, Self.POSIX_SPAWN_SETSID | Self.POSIX_SPAWN_SETSIGMASK)
        let arguments = [TmuxSession.binary, "--content", TmuxSession.content]
        let environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "HOME=" + NSTemporaryDirectory()]
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        XCTAssertEqual(posix_spawn(&pid, TmuxSession.binary, &actions, &attributes, argv, envp), 0)

        // Let it draw its first screen, then hang up the terminal.
        var output = [UInt8](repeating: 0, count: 65536)
        var seen = 0
        let paintBy = Date().addingTimeInterval(10)
        while seen < 200, Date() < paintBy {
            var reader = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&reader, 1, 100) > 0 { seen += max(0, read(master, &output, output.count)) }
        }
        XCTAssertGreaterThan(seen, 200, "bedside drew its first screen")
        close(master)

        // It must end by itself, well within the deadline.
        var status: Int32 = 0
        let endBy = Date().addingTimeInterval(10)
        var ended = false
        while Date() < endBy {
            if waitpid(pid, &status, WNOHANG) == pid { ended = true; break }
            usleep(50_000)
        }
        if !ended {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        XCTAssertTrue(ended, "bedside kept running on a terminal that had hung up")
    }
}

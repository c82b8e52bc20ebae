import Foundation

/// What the event loop needs from a terminal: its size, a way to draw a
/// `Screen`, to wait for the next event, to clear the scrollback, and to put
/// the terminal back. ncurses is one implementation (BedsideTerminal); tests
/// use `TestBackend`, which records frames (as ratatui's TestBackend does).
public protocol TerminalBackend: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// True once the program has been asked to stop (SIGTERM, SIGHUP).
    var terminationRequested: Bool { get }
    func draw(_ screen: Screen)
    /// The next key, mouse event, resize or paste, waiting at most `timeoutMs`.
    func readEvent(timeoutMs: Int32) -> Event?
    func clearScrollback()
    func restore()
}

/// Where the loop's time comes from: seconds since the program started.
/// The real clock counts wall time; a test clock moves only when told, so
/// idle resets and PIN locks are tested in milliseconds, not real seconds.
public protocol LoopClock: AnyObject {
    /// Monotonic seconds: timers (idle reset, PIN lock) run on these.
    func now() -> Double
    /// The local date and time, for the summary; nil when unknown.
    func local() -> LocalTime?
}

extension LoopClock {
    public func local() -> LocalTime? { nil }
}

/// Monotonic time since this clock was made, and the system's local time.
public final class SystemLoopClock: LoopClock {
    private let start = DispatchTime.now().uptimeNanoseconds
    public init() {}
    public func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    /// The C library's local time (TZ, else /etc/localtime): the same answer
    /// as Foundation's Calendar, without Calendar's ICU time-zone tables,
    /// which were 2.6 MiB of every session's first-paint memory.
    public func local() -> LocalTime? {
        var seconds = time(nil)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return nil }
        return LocalTime(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
                         hour: Int(parts.tm_hour), minute: Int(parts.tm_min))
    }
}

/// The cells that changed between two frames, so a backend redraws only
/// those (the diff lives here, outside any terminal library).
public enum ScreenDiff {
    public struct Change: Equatable, Sendable {
        public var x: Int, y: Int
        public var cell: Cell
    }

    /// Every changed cell of `new` (continuation halves of wide characters
    /// left out), or all of them when there was no frame of the same size.
    /// `full` says the backend should clear the screen first.
    public static func changes(from old: Screen?, to new: Screen) -> (full: Bool, changes: [Change]) {
        let full = old == nil || old!.width != new.width || old!.height != new.height
        var changes: [Change] = []
        for y in 0..<new.height {
            for x in 0..<new.width {
                let cell = new[x, y]
                if cell.width == 0 { continue }
                if !full, let old, old[x, y] == cell { continue }
                changes.append(Change(x: x, y: y, cell: cell))
            }
        }
        return (full, changes)
    }
}

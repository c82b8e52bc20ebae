import Foundation

/// Makes SIGTERM and SIGHUP end bedside even when the main thread is busy.
///
/// The signal handlers only set a flag (all a handler may safely do), and the
/// event loop acts on it between events. Long work on the main thread (a huge
/// topic, a hostile file) would keep it from looking, so `systemctl stop` or a
/// closed terminal window would leave the kiosk running. The watchdog, on its
/// own thread, waits `grace` seconds after the flag is set; if the process is
/// still alive then, it runs `giveUp` (restore the terminal and exit).
public final class TerminationWatchdog: @unchecked Sendable {
    private let grace: TimeInterval
    private let poll: TimeInterval
    private let requested: @Sendable () -> Int32
    private let giveUp: @Sendable (Int32) -> Void

    /// - Parameters:
    ///   - requested: the signal that asked to stop, or 0.
    ///   - giveUp: called once, on the watchdog's thread, with that signal.
    public init(grace: TimeInterval = 2, poll: TimeInterval = 0.1,
                requested: @escaping @Sendable () -> Int32, giveUp: @escaping @Sendable (Int32) -> Void) {
        self.grace = grace
        self.poll = poll
        self.requested = requested
        self.giveUp = giveUp
    }

    /// Starts watching on a new thread (it lives as long as the process).
    public func start() {
        let thread = Thread { [self] in watch() }
        thread.name = "bedside termination watchdog" // not-ui: a thread name for debuggers
        thread.start()
    }

    private func watch() {
        var signal: Int32 = 0
        while signal == 0 {
            Thread.sleep(forTimeInterval: poll)
            signal = requested()
        }
        Thread.sleep(forTimeInterval: grace)
        giveUp(signal)
    }
}

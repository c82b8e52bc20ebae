import BedsideTerminal
import Foundation
import XCTest

/// SIGTERM/SIGHUP only set a flag; the watchdog ends the process when the
/// busy main thread does not act on it in time.
final class TerminationWatchdogTests: XCTestCase {
    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var _signal: Int32 = 0
        private var _gaveUp: [Int32] = []
        var signal: Int32 {
            get { lock.withLock { _signal } }
            set { lock.withLock { _signal = newValue } }
        }
        var gaveUp: [Int32] { lock.withLock { _gaveUp } }
        func giveUp(_ signal: Int32) { lock.withLock { _gaveUp.append(signal) } }
    }

    func testItGivesUpAfterTheGraceWhenTheFlagIsNotActedOn() {
        let box = Box()
        let done = expectation(description: "gave up")
        let watchdog = TerminationWatchdog(grace: 0.3, poll: 0.01, requested: { box.signal }, giveUp: {
            box.giveUp($0)
            done.fulfill()
        })
        watchdog.start()
        Thread.sleep(forTimeInterval: 0.1)
        XCTAssertEqual(box.gaveUp, [], "nothing happens before a signal")
        let signalled = Date()
        box.signal = SIGTERM
        wait(for: [done], timeout: 5)
        XCTAssertEqual(box.gaveUp, [SIGTERM])
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(signalled), 0.3, "the main thread gets the grace time first")
    }

    func testWithoutASignalItNeverGivesUp() {
        let box = Box()
        TerminationWatchdog(grace: 0.05, poll: 0.01, requested: { box.signal }, giveUp: { box.giveUp($0) }).start()
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertEqual(box.gaveUp, [])
    }
}

import Foundation
import BedsideContent
import XCTest
@testable import BedsideUI

/// The kiosk's timers through the real event loop on a test clock: the idle
/// reset and the PIN lock are proven in milliseconds, where the tmux tests
/// used to wait for them in real seconds (issue 13, A2).
final class KioskLoopTests: XCTestCase {
    func kioskEnv(idleSeconds: Int = 60) -> AppEnvironment {
        var site = Shipped.site
        site.kiosk.idleSeconds = idleSeconds
        return AppEnvironment(store: Shipped.store, site: site, kiosk: true, verifyPIN: { $0 == "4711" })
    }

    static func keys(_ text: String) -> [TestBackend.Step] { text.map { .event(.key(.char($0))) } }

    func testTheIdleResetComesOnTimeAndForgetsTheVisit() {
        let env = kioskEnv(idleSeconds: 60)
        // Open the symptom checker, type a search, then leave the screen alone.
        let backend = TestBackend(script: [.event(.key(.char("c"))), .wait(2), .event(.key(.char("/")))]
                                  + Self.keys("hip fracture") + [.wait(59)],
                                  until: 70)
        let end = EventLoop.run(AppState(), env, terminal: backend, clock: backend.clock)
        XCTAssertTrue(end.kiosk.privacy)
        XCTAssertEqual(backend.scrollbackClears, 1)
        XCTAssertTrue(backend.lastText.contains("Press any key to start"), backend.lastText)
        XCTAssertFalse(backend.frames.last!.text.contains("hip fracture"))
        // Not before 60 idle seconds: the frame drawn 58 s after the last key still shows the search.
        let typed = backend.frames.firstIndex { $0.text.contains("hip fracture") }!
        let privacy = backend.frames.firstIndex { $0.text.contains("Press any key to start") }!
        XCTAssertGreaterThan(privacy, typed)
        XCTAssertTrue(backend.restored)
    }

    func testThreeWrongPINsLockTheExitForTenSecondsOfClockTime() {
        let env = kioskEnv()
        let chord: [TestBackend.Step] = [.event(.key(.ctrl("x"))), .event(.key(.ctrl("k")))]
        var script = chord
        for _ in 0..<3 { script += Self.keys("0000") + [.event(.key(.enter))] }
        script += [.wait(5)] + chord            // 5 s later: still locked
        script += [.wait(6)] + chord            // 11 s later: the box opens
        let backend = TestBackend(script: script, until: 12)
        let end = EventLoop.run(AppState(), env, terminal: backend, clock: backend.clock)
        let texts = backend.frames.map(\.text)
        XCTAssertTrue(texts.contains { $0.contains("Wrong PIN. Staff exit is locked for 10 seconds.") })
        XCTAssertTrue(texts.contains { $0.contains("Staff exit is locked for a short time.") })
        XCTAssertEqual(end.overlay, .adminPIN(typed: "", wrong: 0), "the lock is over after 10 s")
        XCTAssertLessThan(backend.clock.seconds, 13)
    }

    func testTheRightPINEndsTheLoopAndRestoresTheTerminal() {
        let env = kioskEnv()
        let backend = TestBackend(script: [.event(.key(.ctrl("x"))), .event(.key(.ctrl("k")))] + Self.keys("4711")
                                  + [.event(.key(.enter)), .wait(100)])
        _ = EventLoop.run(AppState(), env, terminal: backend, clock: backend.clock)
        XCTAssertTrue(backend.restored)
        XCTAssertLessThan(backend.clock.seconds, 1, "quit at once, without waiting out the script")
    }

    /// Issue 16, 5: a print command that never finishes holds neither the
    /// screen nor the idle reset (it used to keep the last visitor's page up).
    func testASlowPrintNeverHoldsTheLoopOrTheIdleReset() {
        var site = Shipped.site
        site.kiosk.idleSeconds = 30
        site.printCommand = "lp"
        let env = AppEnvironment(store: Shipped.store, site: site, kiosk: true)
        let printer = DispatchSemaphore(value: 0)
        let started = Date()
        let backend = TestBackend(script: [.event(.key(.char("c"))), .event(.key(.char("p"))), .wait(31)], until: 32)
        let end = EventLoop.run(AppState(), env, terminal: backend, clock: backend.clock, perform: { effect in
            guard case .printSummary = effect else { return nil }
            _ = printer.wait(timeout: .now() + 20)   // a printer that does not answer
            return "Summary: Printing failed."
        })
        printer.signal()
        XCTAssertTrue(end.kiosk.privacy, "the idle reset came while the printer hung")
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "the loop never waited for the printer")
    }

    func testOnlyChangedCellsAreRedrawn() {
        var a = Screen(width: 4, height: 2)
        _ = a.put("ab", x: 0, y: 0)
        var b = a
        _ = b.put("c", x: 1, y: 1)
        XCTAssertEqual(ScreenDiff.changes(from: nil, to: a).full, true)
        let diff = ScreenDiff.changes(from: a, to: b)
        XCTAssertFalse(diff.full)
        XCTAssertEqual(diff.changes.map { [$0.x, $0.y] }, [[1, 1]])
        XCTAssertTrue(ScreenDiff.changes(from: a, to: Screen(width: 5, height: 2)).full, "a new size redraws all")
    }
}

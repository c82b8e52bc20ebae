import BedsideContent
import XCTest
@testable import BedsideUI

/// Kiosk rules as plain update/render behaviour (the tmux tests cover the real terminal).
final class KioskTests: XCTestCase {
    let env: AppEnvironment = {
        var site = Shipped.site
        site.kiosk.idleSeconds = 60
        return AppEnvironment(store: Shipped.store, site: site, kiosk: true, verifyPIN: { $0 == "4711" })
    }()

    func busyState() -> AppState {
        var s = AppState(width: 80, height: 24)
        s = UIFixture.run(s, [.tick(now: 1)], env)
        s.go(to: .topic(Shipped.store.topics[0].id), env)
        s.go(to: .flow("back-pain", answers: ["no"]), env)
        return UIFixture.run(s, [.key(.char("/"))] + UIFixture.keys("thirsty"), env)
    }

    func testQuitKeysDoNothing() {
        for key in [Key.char("q"), .char("Q"), .ctrl("c"), .ctrl("d"), .ctrl("z"), .ctrl("\\"), .escape, .function(10)] {
            let (s, effects) = App.update(AppState(width: 80, height: 24), .key(key), env)
            XCTAssertEqual(effects, [], "\(key)")
            XCTAssertFalse(s.quitRequested, "\(key)")
        }
    }

    func testStaffExitNeedsTheChordAndTheRightPIN() {
        var s = UIFixture.run(AppState(width: 80, height: 24), [.key(.ctrl("x")), .key(.ctrl("k"))], env)
        XCTAssertEqual(s.overlay, .adminPIN(typed: "", wrong: 0))
        s = UIFixture.run(s, UIFixture.keys("1234") + [.key(.enter)], env)
        XCTAssertEqual(s.overlay, .adminPIN(typed: "", wrong: 1))
        XCTAssertTrue(Renderer.render(s, env).text.contains("Wrong PIN. 2 tries left."))
        XCTAssertTrue(Renderer.render(UIFixture.run(s, UIFixture.keys("9999") + [.key(.enter)], env), env).text.contains("Wrong PIN. 1 try left."))
        s = UIFixture.run(s, UIFixture.keys("4711"), env)
        XCTAssertFalse(Renderer.render(s, env).text.contains("4711"), "the PIN is never shown")
        XCTAssertEqual(App.update(s, .key(.enter), env).1, [.quit])
        // The chord's second key alone, or another key between, opens nothing.
        let t = UIFixture.run(AppState(width: 80, height: 24), [.key(.ctrl("k")), .key(.ctrl("x")), .key(.char("a")), .key(.ctrl("k"))], env)
        XCTAssertNil(t.overlay)
    }

    func testThreeWrongPINsGoHomeAndLockTheExit() {
        var s = busyState()
        s = UIFixture.run(s, [.key(.escape), .key(.ctrl("x")), .key(.ctrl("k"))], env)
        for _ in 0..<3 { s = UIFixture.run(s, UIFixture.keys("0000") + [.key(.enter)], env) }
        XCTAssertEqual(s.location.page, .home)
        XCTAssertTrue(s.back.isEmpty)
        XCTAssertNil(s.overlay)
        s = UIFixture.run(s, [.key(.ctrl("x")), .key(.ctrl("k"))], env)
        XCTAssertNil(s.overlay, "locked for a while")
        s = UIFixture.run(s, [.tick(now: 1 + Kiosk.lockSeconds(afterLockouts: 1) + 1), .key(.ctrl("x")), .key(.ctrl("k"))], env)
        XCTAssertEqual(s.overlay, .adminPIN(typed: "", wrong: 0))
    }

    /// Issue 16, 3: two wrong tries, Esc, reopen, repeat used to give endless tries.
    /// The count lives in the kiosk state: it survives Esc, reopening and the idle reset.
    func testClosingAndReopeningThePromptDoesNotResetTheWrongTries() {
        var s = UIFixture.run(AppState(width: 80, height: 24), [.tick(now: 1)], env)
        func wrongTwiceThenEscape() {
            s = UIFixture.run(s, [.key(.ctrl("x")), .key(.ctrl("k"))], env)
            for _ in 0..<2 { s = UIFixture.run(s, UIFixture.keys("0000") + [.key(.enter)], env) }
            s = UIFixture.run(s, [.key(.escape)], env)
        }
        wrongTwiceThenEscape()
        XCTAssertEqual(s.kiosk.failedTries, 2)
        s = UIFixture.run(s, [.key(.ctrl("x")), .key(.ctrl("k"))], env)
        XCTAssertEqual(s.overlay, .adminPIN(typed: "", wrong: 2), "reopening shows the tries already used")
        s = UIFixture.run(s, UIFixture.keys("0000") + [.key(.enter)], env)
        XCTAssertNil(s.overlay, "the third wrong try locks, although the prompt was reopened")
        XCTAssertEqual(s.kiosk.lockouts, 1)
        // The idle reset forgets the visit, not the attacker.
        s = UIFixture.run(s, [.tick(now: 200)], env)
        XCTAssertTrue(s.kiosk.privacy)
        XCTAssertEqual(s.kiosk.lockouts, 1)
        s = UIFixture.run(s, [.key(.char("j"))], env)
        wrongTwiceThenEscape()
        s = UIFixture.run(s, [.tick(now: 201)], env)
        XCTAssertEqual(s.kiosk.failedTries, 2, "kept across Esc and idle resets")
    }

    /// Issue 13: with no exit-pin-hash, the chord says so instead of opening a box no PIN can open.
    func testWithNoPINHashTheChordSaysStaffExitIsNotSetUp() {
        var site = Shipped.site
        site.kiosk.exitPinHash = nil
        let env = AppEnvironment(store: Shipped.store, site: site, kiosk: true, verifyPIN: { _ in true })
        let s = UIFixture.run(AppState(width: 80, height: 24), [.key(.ctrl("x")), .key(.ctrl("k"))], env)
        XCTAssertNil(s.overlay)
        XCTAssertEqual(s.message, "Staff exit is not set up here (no exit-pin-hash in the site config).")
    }

    func testEachLockLastsLongerAndTheRightPINClearsTheCount() {
        var s = UIFixture.run(AppState(width: 80, height: 24), [.tick(now: 1)], env)
        var now = 1.0
        var lengths: [Double] = []
        for _ in 0..<4 {
            s = UIFixture.run(s, [.key(.ctrl("x")), .key(.ctrl("k"))], env)
            for _ in 0..<3 { s = UIFixture.run(s, UIFixture.keys("0000") + [.key(.enter)], env) }
            lengths.append(s.kiosk.lockedUntil - now)
            XCTAssertTrue(s.message?.hasPrefix("Wrong PIN. Staff exit is locked for") ?? false, "\(String(describing: s.message))")
            // Just before the lock ends the prompt stays shut; just after, it opens.
            s = UIFixture.run(s, [.tick(now: s.kiosk.lockedUntil - 0.5), .key(.ctrl("x")), .key(.ctrl("k"))], env)
            XCTAssertNil(s.overlay)
            now = s.kiosk.lockedUntil + 0.5
            s = UIFixture.run(s, [.tick(now: now)], env)
        }
        XCTAssertEqual(lengths, [10, 30, 120, 600])
        XCTAssertEqual(s.message, nil)
        s = UIFixture.run(s, [.key(.ctrl("x")), .key(.ctrl("k"))] + UIFixture.keys("4711"), env)
        let (after, effects) = App.update(s, .key(.enter), env)
        XCTAssertEqual(effects, [.quit])
        XCTAssertEqual(after.kiosk.lockouts, 0)
        XCTAssertEqual(after.kiosk.failedTries, 0)
    }

    func testIdleResetForgetsEverythingAndShowsThePrivacyScreen() {
        var s = busyState()
        let (idle, effects) = App.update(s, .tick(now: 62), env)
        XCTAssertEqual(effects, [.clearScrollback])
        XCTAssertTrue(idle.kiosk.privacy)
        XCTAssertEqual(idle.location.page, .home)
        XCTAssertTrue(idle.back.isEmpty && idle.forward.isEmpty)
        XCTAssertNil(idle.overlay)
        XCTAssertEqual(idle.visit, VisitLog())
        XCTAssertTrue(Renderer.render(idle, env).text.contains("Press any key to start"))
        s = UIFixture.run(idle, [.key(.char("j"))], env)
        XCTAssertFalse(s.kiosk.privacy)
        XCTAssertEqual(s.location, Location(page: .home), "the waking key does nothing else")
        s = UIFixture.run(s, [.key(.backspace)], env)
        XCTAssertEqual(s.message, "This is the first page.")
        s = UIFixture.run(s, [.key(.char("/"))], env)
        XCTAssertEqual(s.overlay, .search(SearchState()))
    }

    func testInputKeepsTheSessionAlive() {
        var s = busyState()
        s = UIFixture.run(s, [.tick(now: 50), .key(.down), .tick(now: 100)], env)
        XCTAssertFalse(s.kiosk.privacy)
        s = UIFixture.run(s, [.tick(now: 111)], env)
        XCTAssertTrue(s.kiosk.privacy)
    }

    func testFinishForgetMeDoesTheSameAtOnce() {
        let s = busyState()
        // Issue 13: x asks first; n (or any other key) keeps the visit.
        let asked = UIFixture.run(s, [.key(.escape), .key(.char("x"))], env)
        XCTAssertEqual(asked.overlay, .confirmFinish)
        XCTAssertTrue(Renderer.render(asked, env).text.contains("Finish and forget this visit?"))
        let kept = UIFixture.run(asked, [.key(.char("n"))], env)
        XCTAssertFalse(kept.kiosk.privacy)
        XCTAssertEqual(kept.back, asked.back)
        let (gone, effects) = App.update(asked, .key(.char("y")), env)
        XCTAssertEqual(effects, [.clearScrollback])
        XCTAssertTrue(gone.kiosk.privacy)
        XCTAssertTrue(gone.back.isEmpty)
        // Then it says so, on the privacy screen, until the next person presses a key.
        XCTAssertTrue(Renderer.render(gone, env).text.contains("Your visit was cleared."))
        let next = UIFixture.run(gone, [.key(.char("a"))], env)
        XCTAssertFalse(Renderer.render(next, env).text.contains("Your visit was cleared."))
        // And from the visible link on the home page.
        var home = AppState(width: 80, height: 24)
        let forget = home.layout(env).links.firstIndex { $0.target == .app(.forgetVisit) }
        XCTAssertNotNil(forget)
        home.location.selectedLink = forget
        XCTAssertEqual(App.update(home, .key(.enter), env).1, [.clearScrollback])
    }
}

/// Effects run outside report back as events (issue 16, 5).
final class EffectFinishedTests: XCTestCase {
    func testTheMessageOfAFinishedPrintShowsButNeverOnThePrivacyScreen() {
        var site = Shipped.site
        site.kiosk.idleSeconds = 60
        let env = AppEnvironment(store: Shipped.store, site: site, kiosk: true, verifyPIN: { _ in false })
        var s = UIFixture.run(AppState(width: 80, height: 24), [.tick(now: 1), .effectFinished(message: "Summary: Sent to the printer.")], env)
        XCTAssertEqual(s.message, "Summary: Sent to the printer.")
        s = UIFixture.run(s, [.tick(now: 100)], env)
        XCTAssertTrue(s.kiosk.privacy)
        s = UIFixture.run(s, [.effectFinished(message: "Summary: Printing failed.")], env)
        XCTAssertNil(s.message)
        XCTAssertTrue(s.kiosk.privacy, "a finished print does not wake the screen")
    }
}

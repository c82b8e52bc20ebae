import Foundation
import BedsideContent
import XCTest
@testable import BedsideUI

/// The event loop draws a frame only when the screen may look different:
/// render is pure, so an event that leaves the state as it was (a key bound to
/// nothing, a click on nothing) needs no frame, while a resize or an effect
/// always gets one (the terminal may have lost what it showed).
final class EventLoopDrawTests: XCTestCase {
    func env(kiosk: Bool = false) -> AppEnvironment {
        AppEnvironment(store: Shipped.store, site: Shipped.site, kiosk: kiosk)
    }

    func testEventsThatChangeNothingDrawNoFrame() {
        let idle: [TestBackend.Step] = [.event(.key(.unknown)), .event(.key(.insert)), .event(.key(.unknown))]
        let backend = TestBackend(script: idle)
        let end = EventLoop.run(AppState(), env(), terminal: backend, clock: backend.clock)
        XCTAssertEqual(App.update(end, .key(.unknown), env()).0, end, "the keys change nothing (else this test proves nothing)")
        XCTAssertEqual(backend.frames.count, 1, "only the first frame")
    }

    func testAnEventThatChangesTheStateDrawsIt() {
        let backend = TestBackend(script: [.event(.key(.unknown)), .event(.key(.char("/"))), .event(.key(.unknown))])
        _ = EventLoop.run(AppState(), env(), terminal: backend, clock: backend.clock)
        XCTAssertEqual(backend.frames.count, 2, "the first frame and the one with the search box")
        XCTAssertNotEqual(backend.frames[0], backend.frames[1])
    }

    func testAResizeToTheSameSizeStillDraws() {
        let backend = TestBackend(width: 80, height: 24, script: [.event(.resize(width: 80, height: 24))])
        _ = EventLoop.run(AppState(), env(), terminal: backend, clock: backend.clock)
        XCTAssertEqual(backend.frames.count, 2)
        XCTAssertEqual(backend.frames[0], backend.frames[1])
    }

    func testEveryFrameSkippedWouldHaveBeenTheFrameBefore() {
        // A mixed script: a frame for each event that changed the state, and
        // the last frame is what render gives for the state at the end.
        let steps: [Event] = [.key(.char("j")), .key(.unknown), .mouse(x: 0, y: 0, action: .other), .key(.char("/")),
                              .key(.char("b")), .key(.unknown), .key(.escape), .key(.escape), .key(.insert)]
        let env = env()
        var state = App.update(AppState(), .resize(width: 80, height: 24), env).0
        var changes = 0
        for event in steps {
            let next = App.update(state, event, env).0
            if next != state { changes += 1 }
            state = next
        }
        XCTAssertLessThan(changes, steps.count, "some events change nothing (else this test proves nothing)")
        let backend = TestBackend(script: steps.map { .event($0) })
        _ = EventLoop.run(AppState(), env, terminal: backend, clock: backend.clock)
        XCTAssertEqual(backend.frames.count, 1 + changes)
        XCTAssertEqual(backend.frames.last, Renderer.render(state, env))
    }
}

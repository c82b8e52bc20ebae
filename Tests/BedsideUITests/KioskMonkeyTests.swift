import Foundation
import XCTest
import BedsideUI
@testable import BedsideMonkey

/// The kiosk monkey (Sources/BedsideMonkey) on the shipped content: random
/// keys, mouse, resizes, ticks and pastes through `App.update` and
/// `Renderer.render` in kiosk mode. The app must never quit and every
/// invariant must hold after every event. The 1,000,000-event run is the
/// release-built `bedside-monkey` in `make test`; here a debug build runs
/// 10,000 events and three short runs (BEDSIDE_MONKEY_EVENTS and
/// BEDSIDE_MONKEY_SEED override).
///
/// `make test` sets BEDSIDE_MONKEY_IN_RELEASE: then the two random runs are
/// skipped here, because the release bedside-monkey runs the same events with
/// the same checks (the first 10,000 events of seed 20261130 begin its
/// 1,000,000, and it runs seeds 1, 2 and 3 for 3,000 events each with
/// --expect-every-kind), about 30 times faster than this debug build.
final class KioskMonkeyTests: XCTestCase {
    static let env = KioskMonkey.environment(content: URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Content").path)

    func testShippedContentIsLoaded() {
        XCTAssertGreaterThanOrEqual(Self.env.store.topics.count, 40)
        XCTAssertFalse(Self.env.store.flows.isEmpty)
        XCTAssertFalse(Self.env.store.walkthroughs.isEmpty)
    }

    /// The debug build is ~1 ms per event; `make test` also runs 1,000,000
    /// events through the release-built bedside-monkey.
    static func skipWhenMakeTestRunsTheseInRelease() throws {
        if ProcessInfo.processInfo.environment["BEDSIDE_MONKEY_IN_RELEASE"] != nil {
            throw XCTSkip("make test runs these events through the release-built bedside-monkey")
        }
    }

    func testTenThousandRandomEventsInKioskMode() throws {
        try Self.skipWhenMakeTestRunsTheseInRelease()
        let environment = ProcessInfo.processInfo.environment
        let count = environment["BEDSIDE_MONKEY_EVENTS"].flatMap(Int.init) ?? 10_000
        let seed = environment["BEDSIDE_MONKEY_SEED"].flatMap(UInt64.init) ?? 20_261_130
        run(seed: seed, count: count)
    }

    /// Short runs on other seeds, so other paths through the content are tried.
    func testShortRunsOnOtherSeeds() throws {
        try Self.skipWhenMakeTestRunsTheseInRelease()
        for seed in UInt64(1)...3 { run(seed: seed, count: 3_000) }
    }

    /// The same seed gives the same events, so a printed failure replays.
    func testASeedReplaysTheSameEvents() {
        var a = KioskMonkey(seed: 7, env: Self.env), b = KioskMonkey(seed: 7, env: Self.env)
        for _ in 0..<2_000 { XCTAssertEqual(a.nextEvent(), b.nextEvent()) }
    }

    /// The run uses two threads (update on one, render and checks on the
    /// other). It must give exactly what one thread gives, also when
    /// invariants break and the run starts again from home: here an extra
    /// invariant breaks on every search box and every topic page.
    func testTwoThreadsReportExactlyWhatOneThreadDoes() {
        let extra: @Sendable (AppState) -> KioskMonkey.Problem? = { state in
            if case .search = state.overlay { return KioskMonkey.Problem(kind: "test: search box", detail: "\(state.location.page)") }
            if case .topic = state.location.page { return KioskMonkey.Problem(kind: "test: topic", detail: "\(state.location.page)") }
            return nil
        }
        var one = KioskMonkey(seed: 11, env: Self.env), two = KioskMonkey(seed: 11, env: Self.env)
        let a = one.run(count: 1_500, pipelined: false, extra: extra)
        let b = two.run(count: 1_500, pipelined: true, extra: extra)
        XCTAssertGreaterThan(a.failures.count, 1, "the extra invariant broke")
        XCTAssertGreaterThanOrEqual(a.repeats.values.reduce(0, +), 5, "and the run started again from home after it")
        XCTAssertEqual(a.repeats, b.repeats)
        XCTAssertEqual(a.failures.map(\.index), b.failures.map(\.index))
        XCTAssertEqual(a.failures.map(\.event), b.failures.map(\.event))
        XCTAssertEqual(a.failures.map(\.recent), b.failures.map(\.recent))
        XCTAssertEqual(a.failures.map(\.problem.detail), b.failures.map(\.problem.detail))
        XCTAssertEqual(a.coverage.transitions, b.coverage.transitions)
        XCTAssertEqual(a.coverage.pages, b.coverage.pages)
        XCTAssertEqual([a.stats.privacyResets, a.stats.pagesVisited, a.stats.pinPrompts, a.stats.pinLocks, a.stats.resizes],
                       [b.stats.privacyResets, b.stats.pagesVisited, b.stats.pinPrompts, b.stats.pinLocks, b.stats.resizes])
        XCTAssertEqual(one.state, two.state, "both end in the same state")
    }

    func run(seed: UInt64, count: Int, file: StaticString = #filePath, line: UInt = #line) {
        var monkey = KioskMonkey(seed: seed, env: Self.env)
        let started = Date()
        let result = monkey.run(count: count)
        print(result.summary(seed: seed, seconds: Date().timeIntervalSince(started)))
        for problem in result.report(seed: seed) { XCTFail(problem, file: file, line: line) }
        // Each kind of event really happened, so the run tested what it claims.
        XCTAssertGreaterThan(result.stats.privacyResets, 0, "idle resets happened", file: file, line: line)
        XCTAssertGreaterThan(result.stats.pagesVisited, 0, "pages were opened", file: file, line: line)
        XCTAssertGreaterThan(result.stats.pinPrompts, 0, "the staff PIN prompt was opened", file: file, line: line)
        XCTAssertGreaterThan(result.stats.resizes, 0, "the terminal was resized", file: file, line: line)
    }
}
